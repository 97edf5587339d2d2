// "No secret on disk": after `taskwatch-cli login` put a secret in the keychain and the CLI watched tasks
// with every debug log on, no file under the CLI's HOME (settings shared with the desktop app, caches,
// anything else), no captured stdout/stderr and no exported JSON holds the client secret (in any encoding)
// or any JSON Web Token - the sim's access tokens are HS256 JWTs, so no JWT at all may appear.

#include "client/ProfileStore.h"
#include "models/ConnectionProfile.h"
#include "tests/app/cli/CliTestSupport.h"
#include "tests/client/SimFixture.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace CliTest;

class TestNoSecretLeak : public QObject
{
    Q_OBJECT
private:
    struct Finding
    {
        QString where;
        QString what;
    };

    // Everything wrong with `bytes`: a form of the secret, a JWT, or the sim's token header.
    static QList<Finding> scan(const QString &where, const QByteArray &bytes,
                               const QList<std::pair<QString, QByteArray>> &secretForms, const QByteArray &tokenHeader)
    {
        QList<Finding> findings;
        for (const auto &[name, form] : secretForms) {
            if (bytes.contains(form))
                findings.append({where, QStringLiteral("the secret (%1)").arg(name)});
        }
        const QRegularExpressionMatch jwt = jwtPattern().match(QString::fromLatin1(bytes));
        if (jwt.hasMatch())
            findings.append({where, QStringLiteral("a JWT: ") + jwt.captured().left(40) + QStringLiteral("…")});
        if (bytes.contains(tokenHeader))
            findings.append({where, QStringLiteral("the access token's header")});
        return findings;
    }

    static QStringList filesUnder(const QString &root)
    {
        QStringList files;
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        return files;
    }

    // A token from the sim, obtained the way the CLI obtains one (client credentials): the control sample.
    static QByteArray fetchToken(const SimServer &sim, const QString &clientId, const QString &secret)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(sim.baseUrl().toString() + QStringLiteral("/oauth/token")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/x-www-form-urlencoded"));
        const QByteArray form = "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(clientId)
                + "&client_secret=" + QUrl::toPercentEncoding(secret);
        QNetworkReply *reply = network.post(request, form);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(20000))
            return {};
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return QJsonDocument::fromJson(body).object().value(QStringLiteral("access_token")).toString().toLatin1();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
                 "HOME must be a throw-away directory: run this test through scripts/run-tests.sh");
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through scripts/run-tests.sh");
    }

    void noSecretOrTokenOnDisk()
    {
        Home home;
        QVERIFY(home.isValid());
        const QString clientId = uniqueName("leak-client-");
        const QString secret = uniqueName("Leak+Secret/=&%~-");
        SimConfig config;
        config.credentials = {{clientId, secret}};
        config.speed = 20; // a task of 40 simulated seconds ends in 2 s
        config.tokenTtlSeconds = 30; // renewed during the watch: more tokens that could leak
        auto sim = startSim(config);
        const QStringList ids {sim->addTask(scenarioTask(0, 20, QStringLiteral("SUCCESS"))),
                               sim->addTask(scenarioTask(0, 30, QStringLiteral("WARNING"))),
                               sim->addTask(scenarioTask(2, 40, QStringLiteral("SUCCESS")))};
        const QString profile = uniqueName("leak-");

        QProcessEnvironment env = home.environment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        // Where a program puts temporary files and sockets: the CLI's own, scanned whole below.
        QTemporaryDir tmp;
        QTemporaryDir runtime;
        QVERIFY(tmp.isValid() && runtime.isValid());
        QFile::setPermissions(runtime.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        env.insert(QStringLiteral("TMPDIR"), tmp.path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
        QDir(home.path()).mkpath(QStringLiteral("captured"));
        QDir(home.path()).mkpath(QStringLiteral("export"));
        const auto captured = [&](const QString &name) { return home.filePath(QStringLiteral("captured/") + name); };

        // login: the secret goes to the keychain.
        const Run login =
                run({QStringLiteral("login"), QStringLiteral("--profile"), profile, QStringLiteral("--base-url"),
                     sim->baseUrl().toString(), QStringLiteral("--client-id"), clientId},
                    env, secret.toUtf8() + '\n', captured(QStringLiteral("login.out")),
                    captured(QStringLiteral("login.err")));
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QCOMPARE(keychainItem(profile, clientId), secret);

        // A watch, its secret read from the keychain, with every category's debug output on.
        const Run wait = run({QStringLiteral("wait"), ids.join(u' '), QStringLiteral("--profile"), profile,
                              QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--timeout"),
                              QStringLiteral("120")},
                             env, {}, captured(QStringLiteral("wait.out")), captured(QStringLiteral("wait.err")));
        QVERIFY2(wait.exitCode == 0, qPrintable(wait.err.right(2000)));
        for (const QString &id : ids)
            QVERIFY(wait.out.contains(id));
        // The log really was on: the engine's, the keychain's and Qt's own categories wrote to stderr.
        QVERIFY2(wait.err.contains(QStringLiteral("taskwatch.keychain: ")), qPrintable(wait.err.left(2000)));
        QVERIFY(wait.err.contains(QStringLiteral("taskwatch.net: "))
                || wait.err.contains(QStringLiteral("taskwatch.auth: ")));
        QVERIFY(wait.err.contains(QStringLiteral("qt.")));
        QVERIFY(simStat(*sim, QStringLiteral("tokensIssued")) >= 2); // login's and the watch's

        // An export: get --json to a file, and list --json.
        const QString exported = home.filePath(QStringLiteral("export/tasks.json"));
        const Run get = run(
                {QStringLiteral("get"), ids.join(u','), QStringLiteral("--profile"), profile, QStringLiteral("--json")},
                env, {}, exported, captured(QStringLiteral("get.err")));
        QVERIFY2(get.exitCode == 0, qPrintable(get.err.right(2000)));
        QCOMPARE(QJsonDocument::fromJson(get.out.toUtf8()).array().size(), ids.size());
        const Run list =
                run({QStringLiteral("list"), QStringLiteral("--profile"), profile, QStringLiteral("--json")}, env, {},
                    home.filePath(QStringLiteral("export/list.json")), captured(QStringLiteral("list.err")));
        QVERIFY2(list.exitCode == 0, qPrintable(list.err.right(2000)));

        // The control: a token of this sim matches the pattern, and its header is what we look for.
        const QByteArray sample = fetchToken(*sim, clientId, secret);
        QVERIFY2(jwtPattern().match(QString::fromLatin1(sample)).hasMatch(), sample.constData());
        const QByteArray tokenHeader = sample.left(sample.indexOf('.'));
        QVERIFY(tokenHeader.startsWith("eyJ"));
        const auto forms = secretForms(clientId, secret);
        QVERIFY(!scan(QStringLiteral("sample"), sample + ' ' + secret.toUtf8(), forms, tokenHeader).isEmpty());
        QCOMPARE(scan(QStringLiteral("a percent-encoded form body"), "client_secret=" + QUrl::toPercentEncoding(secret),
                      forms, tokenHeader)
                         .size(),
                 1);

        // Every file under the CLI's HOME: the settings (the desktop app's file, which login wrote), the
        // captured output, the exports, and whatever else anything wrote there.
        const QStringList files = filesUnder(home.path()) + filesUnder(tmp.path()) + filesUnder(runtime.path());
        QVERIFY(files.contains(home.settingsFile()));
        QVERIFY(ProfileStore::exists(QSettings(home.settingsFile(), QSettings::IniFormat), profile));
        QVERIFY(files.contains(exported));
        QVERIFY(files.contains(captured(QStringLiteral("wait.err"))));
        QList<Finding> findings;
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            findings += scan(path, file.readAll(), forms, tokenHeader);
        }
        // The output as the test read it, too (the same bytes, in case a file was replaced meanwhile).
        for (const Run *result : {&login, &wait, &get, &list})
            findings +=
                    scan(QStringLiteral("captured output"), (result->out + result->err).toUtf8(), forms, tokenHeader);
        // The test's own HOME (run-tests.sh's sandbox, with the keyring's encrypted file): not the secret either.
        for (const QString &path : CredentialTest::filesContaining(QDir::homePath(), secret))
            findings.append({path, QStringLiteral("the secret")});
        // And the suite's own TMPDIR and XDG_RUNTIME_DIR (run-tests.sh's sandbox: the bus, every test's temporary
        // files): not the secret in any form.
        QVERIFY2(QDir::tempPath().contains(QStringLiteral("taskwatch-test.")), qPrintable(QDir::tempPath()));
        for (const QString &root : {QDir::tempPath(), qEnvironmentVariable("XDG_RUNTIME_DIR")})
            for (const QString &path : CredentialTest::filesContaining(root, secret))
                findings.append({path, QStringLiteral("the secret")});
        QStringList report;
        for (const Finding &finding : findings)
            report << finding.where + QStringLiteral(": ") + finding.what;
        QVERIFY2(findings.isEmpty(), qPrintable(report.join(u'\n')));

        const Run logout = run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, env);
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err.right(2000)));
        QCOMPARE(keychainItem(profile, clientId), QString());
    }
};

QTEST_GUILESS_MAIN(TestNoSecretLeak)
#include "tst_nosecretleak.moc"

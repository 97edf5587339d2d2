#include "RecordingProxy.h"
#include "sim/SimServer.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <signal.h>
#include <sys/types.h>

// No secret in crash output: the engine (taskwatch-cli wait, every log category on at debug level) runs
// against a simulated tenant, through a relay that keeps every byte the tenant answered. It crashes by itself
// (crash_inject.cpp, preloaded: a null write, or qFatal, while it parses the answer holding its second token)
// or is killed mid-run with SIGABRT or SIGSEGV. Whatever it wrote to stdout and stderr up to and during the
// crash (including a sanitizer's report in the sanitizer build) must hold no piece of any token it was given,
// nothing shaped like a token (even cut short), and not the client secret.
class TestCrashOutput : public QObject
{
    Q_OBJECT

    // Every access token in the tenant's answers.
    static QList<QByteArray> tokensIn(const QByteArray &answers)
    {
        static const QRegularExpression field(QStringLiteral("\"access_token\"\\s*:\\s*\"([^\"]+)\""));
        QList<QByteArray> tokens;
        for (auto it = field.globalMatch(QString::fromLatin1(answers)); it.hasNext();)
            tokens.append(it.next().captured(1).toLatin1());
        return tokens;
    }

    // The first 12-byte piece of the token that the text holds, if any: a token cut short (or logged from
    // its middle) is still found.
    static QByteArray pieceOf(const QByteArray &token, const QByteArray &text)
    {
        constexpr qsizetype piece = 12;
        for (qsizetype at = 0; at + piece <= token.size(); ++at) {
            if (text.contains(token.mid(at, piece)))
                return token.mid(at, piece);
        }
        return {};
    }

private Q_SLOTS:
    void crashOutputHoldsNoSecret_data()
    {
        QTest::addColumn<int>("signal"); // sent from outside; 0: the program crashes by itself
        QTest::addColumn<QString>("crash");
        QTest::addRow("killed with SIGABRT") << int(SIGABRT) << QString();
        QTest::addRow("killed with SIGSEGV") << int(SIGSEGV) << QString();
#ifdef Q_OS_LINUX // LD_PRELOAD
        QTest::addRow("null write while reading a token") << 0 << QStringLiteral("segv");
        QTest::addRow("qFatal while reading a token") << 0 << QStringLiteral("fatal");
#endif
    }

    void crashOutputHoldsNoSecret()
    {
        QFETCH(int, signal);
        QFETCH(QString, crash);
        // Characters that form encoding, percent-encoding and base64 each change: every form is looked for.
        const QString secret = QStringLiteral("Crash+Secret/7d1e=0b&5a%9c");
        SimConfig config;
        config.credentials = {{QStringLiteral("crash-client"), secret}};
        config.speed = 10;
        config.tokenTtlSeconds = 12; // renewed during the run: more token traffic to leak
        SimServer sim(config);
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(sim.addTask(QJsonObject {{QStringLiteral("duration"), 100000}}));
        QVERIFY(sim.listen());
        RecordingProxy relay(sim.baseUrl());

        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // Everything the program may write (settings, run history, caches) goes where the test looks after.
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("SAIL_BASE_URL"), relay.baseUrl().toString());
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("crash-client"));
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), secret);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;*.info=true"));
        if (!crash.isEmpty()) {
            env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(CRASH_INJECT));
            env.insert(QStringLiteral("TASKWATCH_TEST_CRASH"), crash);
            env.insert(QStringLiteral("TASKWATCH_TEST_CRASH_AT"), QStringLiteral("2"));
            // In the sanitizer build ASan wants to be loaded first; here the preloaded library comes first.
            env.insert(QStringLiteral("ASAN_OPTIONS"),
                       env.value(QStringLiteral("ASAN_OPTIONS")) + QStringLiteral(":verify_asan_link_order=0"));
        }
        QProcess engine;
        engine.setProcessEnvironment(env);
        engine.start(QStringLiteral(TASKWATCH_CLI),
                     QStringList {QStringLiteral("wait"), QStringLiteral("--interval"), QStringLiteral("1")} + ids);
        QVERIFY(engine.waitForStarted());

        QByteArray out, err;
        auto collect = [&] {
            out += engine.readAllStandardOutput();
            err += engine.readAllStandardError();
        };
        QSignalSpy finished(&engine, &QProcess::finished);
        if (signal != 0) {
            // Mid-run: every task printed (a change line each on stdout) and three rounds of checks logged.
            QTRY_VERIFY_WITH_TIMEOUT((collect(),
                                      (out.count('\n') >= ids.size() && err.count("taskwatch.poll: checking ") >= 3)
                                              || engine.state() != QProcess::Running),
                                     60000);
            QVERIFY2(engine.state() == QProcess::Running, err.constData());
            QCOMPARE(::kill(pid_t(engine.processId()), signal), 0);
        }
        // A crash from inside comes when the second token arrives (the first one expires after 12 s).
        QVERIFY(finished.wait(60000));
        // Killed by the signal, or crashed; in the sanitizer build AddressSanitizer catches SIGSEGV, prints its
        // report and exits with an error code instead.
        QVERIFY2(engine.exitStatus() == QProcess::CrashExit || engine.exitCode() != 0, "the engine ended normally");
        collect();
        const QList<QByteArray> given = tokensIn(relay.answers());
        if (crash == u"fatal") // the crash is the one crash_inject caused
            QVERIFY2(err.contains("crash_inject: a broken invariant while reading answer 2"),
                     err.right(2000).constData());
        else if (crash == u"segv") // crash_inject's null write, then a signal ended it or ASan reported the SEGV
            QVERIFY2(err.contains("crash_inject: writing through a null pointer")
                             && (engine.exitStatus() == QProcess::CrashExit || err.contains("AddressSanitizer: SEGV")),
                     err.right(2000).constData());
        if (!crash.isEmpty()) {
            QCOMPARE(given.size(), 2); // it did crash inside the second token's answer, not before or later
            QVERIFY2(out.count('\n') >= ids.size(), out.constData()); // the tasks were watched first
        }
        QVERIFY(!given.isEmpty());
        QVERIFY(sim.stats().value(u"tokensIssued").toInteger() >= given.size());

        // The log was really on (else finding nothing would prove nothing): requests and tokens were logged.
        QVERIFY2(err.contains("oauth/token"), err.left(2000).constData());
        const QString all = QString::fromUtf8(out + err);
        // The pattern finds the tenant's tokens (ask for one the way the engine does) and their first 12
        // characters alone: a JWT starts with the base64 of '{"', so no match means nothing shaped like a token.
        static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]{9}"));
        QNetworkAccessManager manager;
        QNetworkRequest request(sim.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> reply(
                manager.post(request,
                             "grant_type=client_credentials&client_id=crash-client&client_secret="
                                     + QUrl::toPercentEncoding(secret)));
        QSignalSpy answered(reply.get(), &QNetworkReply::finished);
        QVERIFY(answered.wait(30000));
        const QString issued = QJsonDocument::fromJson(reply->readAll()).object().value(u"access_token").toString();
        QVERIFY2(jwt.match(issued).hasMatch(), qPrintable(issued));
        QVERIFY(jwt.match(issued.left(12)).hasMatch());
        QVERIFY(!pieceOf(given.first(), given.first().mid(5, 20)).isEmpty()); // the piece search finds a piece

        const QRegularExpressionMatch token = jwt.match(all);
        QVERIFY2(!token.hasMatch(), qPrintable(QStringLiteral("an access token in the output: ") + token.captured()));
        for (const QByteArray &handed : given) {
            const QByteArray piece = pieceOf(handed, out + err);
            QVERIFY2(piece.isEmpty(),
                     QByteArray("a piece of a token the engine was given is in the output: " + piece).constData());
        }
        // The secret as it is, percent- or form-encoded (as the engine sends it), and base64 (alone, and as a
        // Basic header's client:secret): four different texts, each looked for in the output and in every file
        // the crashed program left in its home.
        const QList<QByteArray> forms {secret.toUtf8(), QUrl::toPercentEncoding(secret), secret.toUtf8().toBase64(),
                                       QByteArray("crash-client:" + secret.toUtf8()).toBase64()};
        for (qsizetype i = 0; i < forms.size(); ++i)
            for (qsizetype j = i + 1; j < forms.size(); ++j)
                QVERIFY(!forms.at(i).contains(forms.at(j)) && !forms.at(j).contains(forms.at(i)));
        QList<std::pair<QString, QByteArray>> texts {{QStringLiteral("the output"), out + err}};
        for (QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            texts.append({file.fileName(), file.readAll()});
        }
        for (const auto &[where, text] : std::as_const(texts)) {
            for (const QByteArray &form : forms)
                QVERIFY2(!text.contains(form), qPrintable(QStringLiteral("the client secret is in ") + where));
            for (const QByteArray &handed : given)
                QVERIFY2(pieceOf(handed, text).isEmpty(), qPrintable(QStringLiteral("a token is in ") + where));
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashOutput)
#include "tst_crashoutput.moc"

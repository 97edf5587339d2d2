#include "sim/SimServer.h"

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
// against a simulated tenant and is killed mid-run with SIGABRT or SIGSEGV, as a crash would end it.
// Whatever it wrote to stdout and stderr up to and during the crash (including a sanitizer's report in the
// sanitizer build) must hold no access token (JWT) and not the client secret.
class TestCrashOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crashOutputHoldsNoSecret_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addRow("SIGABRT") << int(SIGABRT);
        QTest::addRow("SIGSEGV") << int(SIGSEGV);
    }

    void crashOutputHoldsNoSecret()
    {
        QFETCH(int, signal);
        const QString secret = QStringLiteral("Crash-Secret-7d1e0b5a9c");
        SimConfig config;
        config.credentials = {{QStringLiteral("crash-client"), secret}};
        config.speed = 10;
        config.tokenTtlSeconds = 12; // renewed during the run: more token traffic to leak
        SimServer sim(config);
        QStringList ids;
        for (int i = 0; i < 5; ++i)
            ids.append(sim.addTask(QJsonObject {{QStringLiteral("duration"), 100000}}));
        QVERIFY(sim.listen());

        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        env.insert(QStringLiteral("SAIL_BASE_URL"), sim.baseUrl().toString());
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("crash-client"));
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), secret);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;*.info=true"));
        QProcess engine;
        engine.setProcessEnvironment(env);
        engine.start(QStringLiteral(TASKWATCH_CLI),
                     QStringList {QStringLiteral("wait"), QStringLiteral("--interval"), QStringLiteral("1")} + ids);
        QVERIFY(engine.waitForStarted());

        // Mid-run: every task printed (a change line each on stdout) and three rounds of checks logged.
        QByteArray out, err;
        auto collect = [&] {
            out += engine.readAllStandardOutput();
            err += engine.readAllStandardError();
        };
        QTRY_VERIFY_WITH_TIMEOUT((collect(),
                                  (out.count('\n') >= ids.size() && err.count("taskwatch.poll: checking ") >= 3)
                                          || engine.state() != QProcess::Running),
                                 60000);
        QVERIFY2(engine.state() == QProcess::Running, err.constData());
        QVERIFY(sim.stats().value(u"tokensIssued").toInteger() >= 1);

        QSignalSpy finished(&engine, &QProcess::finished);
        QCOMPARE(::kill(pid_t(engine.processId()), signal), 0);
        QVERIFY(finished.wait(60000));
        // Killed by the signal; in the sanitizer build AddressSanitizer catches SIGSEGV, prints its report
        // and exits with an error code instead.
        QVERIFY2(engine.exitStatus() == QProcess::CrashExit || engine.exitCode() != 0, "the engine ended normally");
        collect();

        // The log was really on (else finding nothing would prove nothing): requests and tokens were logged.
        QVERIFY2(err.contains("oauth/token"), err.left(2000).constData());
        const QString all = QString::fromUtf8(out + err);
        // The pattern finds the tenant's tokens (ask for one the way the engine does): no match means no token.
        static const QRegularExpression jwt(QStringLiteral("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\."));
        QNetworkAccessManager manager;
        QNetworkRequest request(sim.baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> reply(manager.post(
                request, "grant_type=client_credentials&client_id=crash-client&client_secret=" + secret.toUtf8()));
        QSignalSpy answered(reply.get(), &QNetworkReply::finished);
        QVERIFY(answered.wait(30000));
        const QString issued = QJsonDocument::fromJson(reply->readAll()).object().value(u"access_token").toString();
        QVERIFY2(jwt.match(issued).hasMatch(), qPrintable(issued));

        const QRegularExpressionMatch token = jwt.match(all);
        QVERIFY2(!token.hasMatch(), qPrintable(QStringLiteral("an access token in the output: ") + token.captured()));
        QVERIFY2(!all.contains(secret), "the client secret is in the output");
        QVERIFY(!all.contains(QString::fromLatin1(QUrl::toPercentEncoding(secret))));
    }
};

QTEST_GUILESS_MAIN(TestCrashOutput)
#include "tst_crashoutput.moc"

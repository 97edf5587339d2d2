#include "SimHttp.h"
#include "TaskwatchVersion.h"

#include <QDeadlineTimer>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// The real taskwatch-sim program: started with QProcess, found through its listening line, stopped by signal.
class TestSimExecutable : public QObject
{
    Q_OBJECT

private:
    static QString program() { return QStringLiteral(TASKWATCH_SIM_EXECUTABLE); }

    // Starts the program and waits for "listening on http://127.0.0.1:PORT"; returns that URL.
    static QUrl start(QProcess &process, const QStringList &arguments)
    {
        process.start(program(), arguments);
        if (!process.waitForStarted(30000))
            return {};
        QByteArray out;
        static const QRegularExpression line(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:\\d+)\\n$"));
        QRegularExpressionMatch match;
        auto ready = [&] {
            out += process.readAllStandardOutput();
            match = line.match(QString::fromLocal8Bit(out));
            return match.hasMatch() || process.state() == QProcess::NotRunning;
        };
        QSignalSpy output(&process, &QProcess::readyReadStandardOutput);
        QSignalSpy finished(&process, &QProcess::finished);
        QDeadlineTimer deadline(30000);
        while (!ready() && !deadline.hasExpired()) {
            if (output.count() == 0 && finished.count() == 0)
                output.wait(static_cast<int>(qMax<qint64>(deadline.remainingTime(), 1)));
            output.clear();
        }
        return match.hasMatch() ? QUrl(match.captured(1)) : QUrl();
    }

    static int runToEnd(const QStringList &arguments, QByteArray *out, QByteArray *err)
    {
        QProcess process;
        process.start(program(), arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(60000))
            return -1;
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    static void stop(QProcess &process, int signalNumber)
    {
#ifdef Q_OS_UNIX
        ::kill(static_cast<pid_t>(process.processId()), signalNumber);
#else
        Q_UNUSED(signalNumber);
        process.terminate();
#endif
    }

private Q_SLOTS:
    void servesAndStopsOnSigterm()
    {
        QProcess process;
        const QUrl base = start(process,
                                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tasks"),
                                 QStringLiteral("7"), QStringLiteral("--speed"), QStringLiteral("100")});
        QVERIFY2(base.isValid(), process.readAllStandardError().constData());
        QCOMPARE(base.host(), QStringLiteral("127.0.0.1"));

        SimHttp http(base);
        const QByteArray token = http.token();
        QVERIFY(!token.isEmpty());
        const HttpResult list = http.api(
                http.url(QStringLiteral("/v2025/task-status"), {{QStringLiteral("count"), QStringLiteral("true")}}),
                token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.header("X-Total-Count"), QByteArray("7"));
        QCOMPARE(http.get(http.url(QStringLiteral("/__sim/stats"))).object().value(u"tasks").toInt(), 7);

        // Only the loopback interface: every other address of this machine refuses the port.
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            QTcpSocket socket;
            QSignalSpy failed(&socket, &QTcpSocket::errorOccurred);
            socket.connectToHost(address, static_cast<quint16>(base.port()));
            QVERIFY2(failed.wait(10000), qPrintable(address.toString()));
        }

        QSignalSpy finished(&process, &QProcess::finished);
        stop(process, SIGTERM);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

#ifdef Q_OS_UNIX
    void stopsOnSigint()
    {
        QProcess process;
        QVERIFY(start(process, {QStringLiteral("--port=0")}).isValid());
        QSignalSpy finished(&process, &QProcess::finished);
        stop(process, SIGINT);
        QVERIFY(finished.wait(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }
#endif

    void verboseLogsRequests()
    {
        QProcess process;
        const QUrl base =
                start(process, {QStringLiteral("--port=0"), QStringLiteral("-v"), QStringLiteral("--tasks=1")});
        QVERIFY(base.isValid());
        SimHttp http(base);
        QCOMPARE(http.tokenRequest().status, 200);
        // Credentials in the query string, as some clients send them: the log shows the path only.
        QNetworkAccessManager network;
        QNetworkReply *reply = network.post(
                QNetworkRequest(http.url(QStringLiteral("/oauth/token"),
                                         {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                          {QStringLiteral("client_id"), QStringLiteral("demo")},
                                          {QStringLiteral("client_secret"), QStringLiteral("demo")}})),
                QByteArray());
        QSignalSpy answered(reply, &QNetworkReply::finished);
        QVERIFY(answered.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        QByteArray err;
        auto logged = [&] {
            err += process.readAllStandardError();
            return err.count("POST /oauth/token 200") >= 2;
        };
        QTRY_VERIFY_WITH_TIMEOUT(logged(), 30000);
        QVERIFY2(!err.contains("client_secret"), err.constData());
        QSignalSpy finished(&process, &QProcess::finished);
        stop(process, SIGTERM);
        QVERIFY(finished.wait(30000));
    }

    void scenarioAndOptions()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("scenario.json"));
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"([{"id": "ground-truth", "outcome": "TERMINATED", "duration": 1}])");
        file.close();
        QProcess process;
        const QUrl base = start(process,
                                {QStringLiteral("--port=0"), QStringLiteral("--scenario"), scenario,
                                 QStringLiteral("--client-id=bench"), QStringLiteral("--client-secret=pw"),
                                 QStringLiteral("--experimental-header=optional"), QStringLiteral("--speed=1000"),
                                 QStringLiteral("--token-ttl=42"), QStringLiteral("--rate-limit=2/60")});
        QVERIFY(base.isValid());
        SimHttp http(base);
        QCOMPARE(http.tokenRequest().status, 401); // demo/demo is not accepted any more
        const HttpResult token = http.tokenRequest(QStringLiteral("bench"), QStringLiteral("pw"));
        QCOMPARE(token.object().value(u"expires_in").toInt(), 42);
        const QByteArray bearer = token.object().value(u"access_token").toString().toLatin1();
        const QUrl url = http.url(QStringLiteral("/v2025/task-status/ground-truth"));
        // At 1000x the one-second task finished within a millisecond of the start.
        QCOMPARE(http.api(url, bearer, false).object().value(u"completionStatus").toString(),
                 QStringLiteral("TERMINATED"));
        QCOMPARE(http.api(url, bearer, false).status, 200);
        QCOMPARE(http.api(url, bearer, false).status, 429); // over 2 per 60 s
        const QJsonObject stats = http.get(http.url(QStringLiteral("/__sim/stats"))).object();
        QCOMPARE(stats.value(u"tasks").toInt(), 1); // a scenario alone: no seeded tasks
        QSignalSpy finished(&process, &QProcess::finished);
        stop(process, SIGTERM);
        QVERIFY(finished.wait(30000));
    }

    void helpAndVersion()
    {
        QByteArray out, err;
        QCOMPARE(runToEnd({QStringLiteral("--help")}, &out, &err), 0);
        for (const char *flag : {"--port", "--client-id", "--client-secret", "--rate-limit", "--experimental-header",
                                 "--token-ttl", "--speed", "--tasks", "--seed", "--scenario", "--fail-rate",
                                 "--drop-rate", "--truncate-rate", "--latency", "--verbose", "--version"})
            QVERIFY2(out.contains(flag), flag);
        QCOMPARE(runToEnd({QStringLiteral("--version")}, &out, &err), 0);
        QCOMPARE(out.trimmed(), QByteArray("taskwatch-sim " TASKWATCH_VERSION));
    }

    void badFlagsExitWith2()
    {
        QByteArray out, err;
        for (const QStringList &arguments :
             {QStringList {QStringLiteral("--bogus")}, QStringList {QStringLiteral("--port=x")},
              QStringList {QStringLiteral("--latency=9..1")},
              QStringList {QStringLiteral("--scenario=/does/not/exist.json")}}) {
            QCOMPARE(runToEnd(arguments, &out, &err), 2);
            QVERIFY(out.isEmpty());
            QVERIFY2(err.startsWith("taskwatch-sim: "), err.constData());
            QVERIFY(err.contains("--help"));
        }
    }

    void portInUseExitsWith1()
    {
        QProcess first;
        const QUrl base = start(first, {QStringLiteral("--port=0")});
        QVERIFY(base.isValid());
        QByteArray out, err;
        QCOMPARE(runToEnd({QStringLiteral("--port"), QString::number(base.port())}, &out, &err), 1);
        QVERIFY(err.contains(QByteArray::number(base.port())));
        QVERIFY(!out.contains("listening"));
        QSignalSpy finished(&first, &QProcess::finished);
        stop(first, SIGTERM);
        QVERIFY(finished.wait(30000));
    }
};

QTEST_GUILESS_MAIN(TestSimExecutable)
#include "tst_simexecutable.moc"

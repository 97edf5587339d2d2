#include "sim/SimCommandLine.h"

#include <QTemporaryDir>
#include <QTest>

class TestSimCommandLine : public QObject
{
    Q_OBJECT

private:
    static SimCommandLine parse(const QStringList &flags)
    {
        return SimCommandLine::parse(QStringList {QStringLiteral("taskwatch-sim")} + flags);
    }

private Q_SLOTS:
    void defaults()
    {
        const SimCommandLine line = parse({});
        QCOMPARE(line.action, SimCommandLine::Action::Run);
        QCOMPARE(line.port, SimCommandLine::defaultPort);
        QVERIFY(!line.verbose);
        const SimConfig defaults;
        QCOMPARE(line.config.credentials.size(), 1);
        QCOMPARE(line.config.credentials.first().clientId, QStringLiteral("demo"));
        QCOMPARE(line.config.credentials.first().clientSecret, QStringLiteral("demo"));
        QCOMPARE(line.config.rateLimitRequests, 100);
        QCOMPARE(line.config.rateLimitSeconds, 10);
        QVERIFY(line.config.experimentalHeaderRequired);
        QCOMPARE(line.config.tokenTtlSeconds, 749);
        QCOMPARE(line.config.speed, 1.0);
        QCOMPARE(line.config.seededTasks, SimCommandLine::defaultTasks);
        QCOMPARE(line.config.seed, defaults.seed);
        QVERIFY(line.config.readOnlyClients.isEmpty());
    }

    void readOnlyClientsRepeat()
    {
        const SimCommandLine line = parse({QStringLiteral("--client-id=a"), QStringLiteral("--client-secret=1"),
                                           QStringLiteral("--client-id=b"), QStringLiteral("--client-secret=2"),
                                           QStringLiteral("--client-id=c"), QStringLiteral("--client-secret=3"),
                                           QStringLiteral("--read-only-client=a"), QStringLiteral("--read-only-client"),
                                           QStringLiteral("c")});
        QCOMPARE(line.action, SimCommandLine::Action::Run);
        QCOMPARE(line.config.readOnlyClients, (QStringList {QStringLiteral("a"), QStringLiteral("c")}));
        // The default client can be made read-only too.
        QCOMPARE(parse({QStringLiteral("--read-only-client=demo")}).config.readOnlyClients,
                 QStringList {QStringLiteral("demo")});
    }

    void everyFlag()
    {
        QTemporaryDir dir;
        const QString scenario = dir.filePath(QStringLiteral("s.json"));
        QFile file(scenario);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[{\"id\": \"t1\"}]");
        file.close();
        const SimCommandLine line = parse({QStringLiteral("--port"),
                                           QStringLiteral("0"),
                                           QStringLiteral("--client-id"),
                                           QStringLiteral("a"),
                                           QStringLiteral("--client-secret"),
                                           QStringLiteral("sa"),
                                           QStringLiteral("--client-id=b"),
                                           QStringLiteral("--client-secret=sb"),
                                           QStringLiteral("--read-only-client"),
                                           QStringLiteral("b"),
                                           QStringLiteral("--rate-limit"),
                                           QStringLiteral("5/2"),
                                           QStringLiteral("--experimental-header"),
                                           QStringLiteral("optional"),
                                           QStringLiteral("--token-ttl"),
                                           QStringLiteral("0"),
                                           QStringLiteral("--speed"),
                                           QStringLiteral("250.5"),
                                           QStringLiteral("--seed"),
                                           QStringLiteral("18446744073709551615"),
                                           QStringLiteral("--scenario"),
                                           scenario,
                                           QStringLiteral("--fail-rate"),
                                           QStringLiteral("0.1"),
                                           QStringLiteral("--drop-rate"),
                                           QStringLiteral("0.2"),
                                           QStringLiteral("--truncate-rate"),
                                           QStringLiteral("0.3"),
                                           QStringLiteral("--latency"),
                                           QStringLiteral("10..20"),
                                           QStringLiteral("-v")});
        QCOMPARE(line.action, SimCommandLine::Action::Run);
        QCOMPARE(line.port, 0);
        QCOMPARE(line.config.credentials.size(), 2);
        QCOMPARE(line.config.credentials.at(1).clientId, QStringLiteral("b"));
        QCOMPARE(line.config.credentials.at(1).clientSecret, QStringLiteral("sb"));
        QCOMPARE(line.config.readOnlyClients, QStringList {QStringLiteral("b")});
        QCOMPARE(line.config.rateLimitRequests, 5);
        QCOMPARE(line.config.rateLimitSeconds, 2);
        QVERIFY(!line.config.experimentalHeaderRequired);
        QCOMPARE(line.config.tokenTtlSeconds, 0);
        QCOMPARE(line.config.speed, 250.5);
        QCOMPARE(line.config.seed, std::numeric_limits<quint64>::max());
        QCOMPARE(line.config.scenarioFile, scenario);
        QCOMPARE(line.config.seededTasks, 0); // a scenario alone: no seeded tasks besides it
        QCOMPARE(line.config.failRate, 0.1);
        QCOMPARE(line.config.dropRate, 0.2);
        QCOMPARE(line.config.truncateRate, 0.3);
        QCOMPARE(line.config.latencyMinMs, 10);
        QCOMPARE(line.config.latencyMaxMs, 20);
        QVERIFY(line.verbose);
    }

    void fixedLatencyAndTasks()
    {
        const SimCommandLine line = parse({QStringLiteral("--latency=7"), QStringLiteral("--tasks=10000")});
        QCOMPARE(line.config.latencyMinMs, 7);
        QCOMPARE(line.config.latencyMaxMs, 7);
        QCOMPARE(line.config.seededTasks, 10000);
    }

    void helpAndVersion()
    {
        const SimCommandLine help = parse({QStringLiteral("--help")});
        QCOMPARE(help.action, SimCommandLine::Action::Help);
        for (const char *flag :
             {"--port", "--client-id", "--client-secret", "--read-only-client", "--rate-limit", "--experimental-header",
              "--token-ttl", "--speed", "--tasks", "--seed", "--scenario", "--fail-rate", "--drop-rate",
              "--truncate-rate", "--latency", "--verbose", "--version", "--help"})
            QVERIFY2(help.helpText.contains(QLatin1String(flag)), flag);
        QVERIFY(help.helpText.contains(QLatin1String("pending-tasks")));
        QCOMPARE(parse({QStringLiteral("-h")}).action, SimCommandLine::Action::Help);
        QCOMPARE(parse({QStringLiteral("--version")}).action, SimCommandLine::Action::Version);
    }

    void badFlags_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown") << QStringList {QStringLiteral("--colour")} << QStringLiteral("colour");
        QTest::newRow("missing value") << QStringList {QStringLiteral("--port")} << QStringLiteral("port");
        QTest::newRow("port range") << QStringList {QStringLiteral("--port"), QStringLiteral("70000")}
                                    << QStringLiteral("--port");
        QTest::newRow("port text") << QStringList {QStringLiteral("--port=x")} << QStringLiteral("--port");
        QTest::newRow("unpaired") << QStringList {QStringLiteral("--client-id=a")} << QStringLiteral("pairs");
        QTest::newRow("empty secret") << QStringList {QStringLiteral("--client-id=a"),
                                                      QStringLiteral("--client-secret=")}
                                      << QStringLiteral("empty");
        QTest::newRow("read-only unknown client")
                << QStringList {QStringLiteral("--read-only-client=ci")} << QStringLiteral("--read-only-client ci");
        QTest::newRow("read-only no value")
                << QStringList {QStringLiteral("--read-only-client")} << QStringLiteral("read-only-client");
        QTest::newRow("rate form") << QStringList {QStringLiteral("--rate-limit=100")}
                                   << QStringLiteral("--rate-limit");
        QTest::newRow("rate window") << QStringList {QStringLiteral("--rate-limit=1/0")}
                                     << QStringLiteral("--rate-limit");
        QTest::newRow("header") << QStringList {QStringLiteral("--experimental-header=yes")}
                                << QStringLiteral("--experimental-header");
        QTest::newRow("ttl") << QStringList {QStringLiteral("--token-ttl=soon")} << QStringLiteral("--token-ttl");
        QTest::newRow("speed zero") << QStringList {QStringLiteral("--speed=0")} << QStringLiteral("--speed");
        QTest::newRow("speed nan") << QStringList {QStringLiteral("--speed=nan")} << QStringLiteral("--speed");
        QTest::newRow("tasks") << QStringList {QStringLiteral("--tasks=-1")} << QStringLiteral("--tasks");
        QTest::newRow("seed") << QStringList {QStringLiteral("--seed=-1")} << QStringLiteral("--seed");
        QTest::newRow("scenario") << QStringList {QStringLiteral("--scenario=/nonexistent/s.json")}
                                  << QStringLiteral("--scenario");
        QTest::newRow("rate above one") << QStringList {QStringLiteral("--fail-rate=1.5")}
                                        << QStringLiteral("--fail-rate");
        QTest::newRow("rates sum") << QStringList {QStringLiteral("--fail-rate=0.6"), QStringLiteral("--drop-rate=0.6")}
                                   << QStringLiteral("add up");
        QTest::newRow("latency form") << QStringList {QStringLiteral("--latency=1-2")} << QStringLiteral("--latency");
        QTest::newRow("latency order") << QStringList {QStringLiteral("--latency=20..10")} << QStringLiteral("MIN");
        QTest::newRow("positional") << QStringList {QStringLiteral("extra")} << QStringLiteral("extra");
    }
    void badFlags()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, named);
        const SimCommandLine line = parse(flags);
        QCOMPARE(line.action, SimCommandLine::Action::Error);
        QVERIFY2(line.error.contains(named), qPrintable(line.error));
    }
};

QTEST_GUILESS_MAIN(TestSimCommandLine)
#include "tst_simcommandline.moc"

#include "TaskwatchVersion.h"
#include "client/ProfileStore.h"
#include "tests/app/cli/CliTestSupport.h"
#include "tests/client/SimFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// The real taskwatch-cli against an in-process simulated tenant. The sim needs this event loop, so the
// test waits on the process's signals instead of blocking in waitForFinished.
class TestCli : public QObject
{
    Q_OBJECT
private:
    CliTest::Home m_home; // HOME and XDG_* of the runs: saved profiles live there

    QProcessEnvironment environment(const SimServer *sim, const QString &secret = QStringLiteral("demo")) const
    {
        QProcessEnvironment env = m_home.environment();
        if (sim) {
            env.insert(QStringLiteral("SAIL_BASE_URL"), sim->baseUrl().toString());
            env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
        }
        if (!secret.isEmpty())
            env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), secret);
        return env;
    }

    static QStringList idsOf(const QString &json)
    {
        QStringList ids;
        for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
            ids.append(value.toObject().value(QStringLiteral("id")).toString());
        return ids;
    }

private Q_SLOTS:
    void versionAndHelp()
    {
        CliTest::Run version = CliTest::run({QStringLiteral("--version")}, environment(nullptr));
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("taskwatch-cli " TASKWATCH_VERSION));
        CliTest::Run help = CliTest::run({QStringLiteral("--help")}, environment(nullptr));
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit codes:")));
        QVERIFY(help.out.contains(QStringLiteral("124  wait timed out")));
    }

    void usageAndConfigurationErrorsExit2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withTenant");
        QTest::addColumn<QString>("errContains");
        QTest::newRow("no command") << QStringList() << true << QStringLiteral("no command");
        QTest::newRow("bad id") << QStringList {QStringLiteral("get"), QStringLiteral("x\")")} << true
                                << QStringLiteral("not a task id");
        QTest::newRow("bad version") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                     QStringLiteral("--api-version"), QStringLiteral("v3")}
                                     << true << QStringLiteral("--api-version");
        QTest::newRow("no tenant") << QStringList {QStringLiteral("get"), QStringLiteral("a")} << false
                                   << QStringLiteral("no tenant");
        QTest::newRow("plain http to a remote host")
                << QStringList {QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--base-url"),
                                QStringLiteral("http://example.com")}
                << true << QStringLiteral("plain http://");
        QTest::newRow("running on v2024") << QStringList {QStringLiteral("list"), QStringLiteral("--running"),
                                                          QStringLiteral("--api-version"), QStringLiteral("v2024")}
                                          << true << QStringLiteral("completed tasks only");
    }
    void usageAndConfigurationErrorsExit2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, withTenant);
        QFETCH(QString, errContains);
        auto sim = startSim();
        const CliTest::Run result = CliTest::run(arguments, environment(withTenant ? sim.get() : nullptr));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("taskwatch-cli: ")) && result.err.contains(errContains),
                 qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 0); // refused before any request
    }

    // An unusable CA file is a configuration error on every command: exit 2, one line that names the file and
    // the cause, and not a single request (list used to send nothing but exit 5).
    void unusableCaFileExits2OnEveryCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("caFile");
        QTest::addColumn<QString>("errContains");
        const QString missing = m_home.filePath(QStringLiteral("missing.pem"));
        const QString garbage = m_home.filePath(QStringLiteral("garbage.pem"));
        const QString folder = m_home.filePath(QStringLiteral("a-folder.pem"));
        for (const QString &command :
             {QStringLiteral("get"), QStringLiteral("wait"), QStringLiteral("list"), QStringLiteral("login")}) {
            QTest::addRow("%s missing", qPrintable(command))
                    << command << missing << QStringLiteral("Cannot read the CA file %1").arg(missing);
            QTest::addRow("%s garbage", qPrintable(command))
                    << command << garbage
                    << QStringLiteral("The CA file %1 holds no PEM or DER certificate").arg(garbage);
            QTest::addRow("%s folder", qPrintable(command)) << command << folder << folder;
        }
    }
    void unusableCaFileExits2OnEveryCommand()
    {
        QFETCH(QString, command);
        QFETCH(QString, caFile);
        QFETCH(QString, errContains);
        QFile garbage(m_home.filePath(QStringLiteral("garbage.pem")));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
        garbage.close();
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("a-folder.pem"))));

        auto sim = startSim();
        QStringList arguments {command};
        if (command == QStringLiteral("login"))
            arguments << QStringLiteral("--profile") << QStringLiteral("ca-check") << QStringLiteral("--base-url")
                      << sim->baseUrl().toString() << QStringLiteral("--client-id") << QStringLiteral("demo");
        else if (command != QStringLiteral("list"))
            arguments << QStringLiteral("a1");
        arguments << QStringLiteral("--ca-file") << caFile;
        const CliTest::Run result = CliTest::run(arguments, environment(sim.get()), "demo\n");
        QVERIFY2(result.exitCode == 2, qPrintable(QString::number(result.exitCode) + u' ' + result.err));
        QVERIFY2(result.err.startsWith(QStringLiteral("taskwatch-cli: ")) && result.err.contains(errContains),
                 qPrintable(result.err));
        QCOMPARE(result.err.count(u'\n'), 1); // one line
        QVERIFY(result.out.isEmpty());
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 0); // refused before any request
        QSettings saved(m_home.settingsFile(), QSettings::IniFormat);
        QVERIFY(!saved.childGroups().contains(QStringLiteral("profiles"))); // login stored nothing
    }

    void noSecretExits2()
    {
        auto sim = startSim();
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), QStringLiteral("a")}, environment(sim.get(), QString()));
        QCOMPARE(result.exitCode, 2);
        QVERIFY(result.err.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
    }

    void getPrintsATableWithOneBatchedCall()
    {
        auto sim = startSim();
        const QString running = sim->addTask(scenarioTask(0, 3600));
        const QString done = sim->addTask(scenarioTask(0, 60, QStringLiteral("SUCCESS"), 3600));
        const CliTest::Run result = CliTest::run({QStringLiteral("get"), running, done}, environment(sim.get()));
        QCOMPARE(result.exitCode, 0);
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("ID")));
        QVERIFY(lines.at(1).startsWith(running) && lines.at(1).contains(QStringLiteral("Running")));
        QVERIFY(lines.at(2).startsWith(done) && lines.at(2).contains(QStringLiteral("Success")));
        QVERIFY(result.err.isEmpty());
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2025)), 1);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025)), 0);
    }

    void getJsonIsTheObjectsAsReceived()
    {
        auto sim = startSim();
        const QString a = sim->addTask(scenarioTask(0, 3600));
        const QString b = sim->addTask(scenarioTask(0, 60, QStringLiteral("WARNING"), 3600));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), QStringLiteral("%1,%2").arg(a, b), QStringLiteral("--json")},
                             environment(sim.get()));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(idsOf(result.out), (QStringList {a, b}));
        const QJsonObject second = QJsonDocument::fromJson(result.out.toUtf8()).array().at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("completionStatus")).toString(), QStringLiteral("WARNING"));
        QVERIFY(second.contains(QStringLiteral("attributes")));
    }

    void getOnEveryVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : ApiVersions::all())
            QTest::newRow(qPrintable(ApiVersions::name(version))) << version;
    }
    void getOnEveryVersion()
    {
        QFETCH(ApiVersion, version);
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), id, QStringLiteral("--api-version"), ApiVersions::name(version)},
                             environment(sim.get()));
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(id));
        QVERIFY(simCount(*sim, listRoute(version)) + simCount(*sim, taskRoute(version)) >= 1);
    }

    void getMissingTaskExits4()
    {
        auto sim = startSim();
        const QString known = sim->addTask(scenarioTask(0, 3600));
        const QString missing = QStringLiteral("0123456789abcdef0123456789abcdef");
        const CliTest::Run result = CliTest::run({QStringLiteral("get"), known, missing}, environment(sim.get()));
        QCOMPARE(result.exitCode, 4);
        QVERIFY(result.out.contains(known));
        QVERIFY2(result.err.startsWith(QStringLiteral("taskwatch-cli: ") + missing + QStringLiteral(": HTTP 404")),
                 qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("tracking id")));
        QCOMPARE(result.err.count(u'\n'), 1); // one readable line
    }

    void wrongSecretExits3()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), id}, environment(sim.get(), QStringLiteral("wrong")));
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QStringLiteral("Authentication failed")), qPrintable(result.err));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 1);
    }

    void unreachableTenantExits5()
    {
        quint16 port = 0;
        {
            auto probe = startSim();
            port = quint16(probe->baseUrl().port());
        } // closed: nothing listens there now
        QProcessEnvironment env = environment(nullptr);
        env.insert(QStringLiteral("SAIL_BASE_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
        const CliTest::Run result = CliTest::run({QStringLiteral("get"), QStringLiteral("abc")}, env);
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains(QStringLiteral("Cannot reach 127.0.0.1")), qPrintable(result.err));
    }

    void serverErrorExits5()
    {
        SimConfig config;
        config.failRate = 1.0;
        auto sim = startSim(config);
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), QStringLiteral("abc")}, environment(sim.get()));
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains(QStringLiteral("HTTP 500")) && result.err.contains(QStringLiteral("tracking id")),
                 qPrintable(result.err));
    }

    void secretFromStdin()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        const CliTest::Run result = CliTest::run({QStringLiteral("get"), id, QStringLiteral("--client-secret-stdin")},
                                                 environment(sim.get(), QString()), "demo\n");
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(id));
    }

    void savedProfile()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        {
            QSettings settings(m_home.settingsFile(), QSettings::IniFormat);
            ConnectionProfile profile = simProfile(*sim, ApiVersion::V2026);
            profile.name = QStringLiteral("lab");
            ProfileStore::write(settings, profile);
        }
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), id, QStringLiteral("--profile"), QStringLiteral("lab")},
                             environment(nullptr, QStringLiteral("demo")));
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::V2026)), 1);
    }

    // A tenant URL with user info is refused with exit code 2 and without the password anywhere in the output,
    // also when the URL is invalid for another reason too (Qt's own error text quotes the user info), whether
    // it comes from a flag, the environment or a saved profile, with every Taskwatch log category on.
    void userInfoIsRefusedAndNeverPrinted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("via"); // flag, environment, profile or login
        const QStringList urls {
                QStringLiteral("https://alice:pw@host:99999"), QStringLiteral("https://alice:pw@acme.example.com"),
                QStringLiteral("https://alice:pw@ho st/"),     QStringLiteral("http://alice:pw@10.0.0.1"),
                QStringLiteral("https://alice:pw@[::1"),       QStringLiteral("ftp://alice:pw@host:99999")};
        for (const QString &url : urls) {
            for (const char *via : {"flag", "environment", "profile", "login"})
                QTest::addRow("%s %s", via, qPrintable(url)) << url << QString::fromLatin1(via);
        }
    }
    void userInfoIsRefusedAndNeverPrinted()
    {
        QFETCH(QString, url);
        QFETCH(QString, via);
        QProcessEnvironment env = environment(nullptr, QStringLiteral("demo"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("taskwatch.*=true"));
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
        QStringList arguments {QStringLiteral("get"), QStringLiteral("abc")};
        if (via == u"flag") {
            arguments << QStringLiteral("--base-url") << url;
        } else if (via == u"environment") {
            env.insert(QStringLiteral("SAIL_BASE_URL"), url);
        } else if (via == u"profile") {
            QSettings settings(m_home.settingsFile(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("profiles/userinfo/baseUrl"), url);
            settings.setValue(QStringLiteral("profiles/userinfo/clientId"), QStringLiteral("demo"));
            settings.sync();
            env.remove(QStringLiteral("SAIL_CLIENT_ID"));
            arguments << QStringLiteral("--profile") << QStringLiteral("userinfo");
        } else {
            arguments = QStringList {QStringLiteral("login"),
                                     QStringLiteral("--profile"),
                                     QStringLiteral("userinfo"),
                                     QStringLiteral("--base-url"),
                                     url,
                                     QStringLiteral("--client-id"),
                                     QStringLiteral("demo"),
                                     QStringLiteral("--no-verify")};
        }
        const CliTest::Run result = CliTest::run(arguments, env, "typed-secret\n");
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("must not contain a user name or password")),
                 qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("pw")), qPrintable(result.err));
        QVERIFY2(!result.out.contains(QStringLiteral("pw")), qPrintable(result.out));
    }

    void waitUntilFinished_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("success") << QStringLiteral("SUCCESS") << 0;
        QTest::newRow("warning") << QStringLiteral("WARNING") << 0;
        QTest::newRow("error") << QStringLiteral("ERROR") << 1;
        QTest::newRow("terminated") << QStringLiteral("TERMINATED") << 1;
        QTest::newRow("temperror") << QStringLiteral("TEMPERROR") << 1;
    }
    void waitUntilFinished()
    {
        QFETCH(QString, outcome);
        QFETCH(int, exitCode);
        SimConfig config;
        config.speed = 10;
        auto sim = startSim(config);
        const QString quick = sim->addTask(scenarioTask(0, 10, QStringLiteral("SUCCESS")));
        const QString watched = sim->addTask(scenarioTask(0, 20, outcome));
        const CliTest::Run result = CliTest::run(
                {QStringLiteral("wait"), quick, watched, QStringLiteral("--interval"), QStringLiteral("1")},
                environment(sim.get()));
        QCOMPARE(result.exitCode, exitCode);
        // Not a terminal: one line per change, ending with each task's outcome.
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 3);
        QVERIFY(!result.out.contains(QStringLiteral("\x1b[")));
        const QString last = [&] {
            for (qsizetype i = lines.size() - 1; i >= 0; --i) {
                if (lines.at(i).contains(watched))
                    return lines.at(i);
            }
            return QString();
        }();
        const QString expectedState =
                outcome == u"TEMPERROR" ? QStringLiteral("Temp error") : outcome.left(1) + outcome.mid(1).toLower();
        QVERIFY2(last.contains(QStringLiteral(" ") + expectedState + QStringLiteral(" ")), qPrintable(last));
        QVERIFY(result.out.contains(QStringLiteral(" Running ")));
    }

    void waitShowsARateLimitWaitAndRidesIt()
    {
        SimConfig config;
        config.rateLimitRequests = 1; // one list call per 3 s: the second round meets a 429
        config.rateLimitSeconds = 3;
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 5));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("wait"), id, QStringLiteral("--interval"), QStringLiteral("1"),
                              QStringLiteral("--timeout"), QStringLiteral("60")},
                             environment(sim.get()));
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("taskwatch-cli: Rate limited by the tenant, resuming in ")),
                 qPrintable(result.err));
        QVERIFY(simStat(*sim, QStringLiteral("rateLimited")) >= 1);
        QVERIFY(result.out.contains(QStringLiteral(" Success ")));
    }

    void waitTimesOutWith124()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("wait"), id, QStringLiteral("--timeout"), QStringLiteral("2"),
                              QStringLiteral("--interval"), QStringLiteral("1")},
                             environment(sim.get()));
        QCOMPARE(result.exitCode, 124);
        QVERIFY(result.err.contains(QStringLiteral("timed out after 2 s")));
    }

    void waitForAMissingTaskExits4()
    {
        auto sim = startSim();
        const CliTest::Run result = CliTest::run(
                {QStringLiteral("wait"), QStringLiteral("abc"), QStringLiteral("--timeout"), QStringLiteral("30")},
                environment(sim.get()));
        QCOMPARE(result.exitCode, 4);
        QVERIFY(result.err.contains(QStringLiteral("abc: HTTP 404")));
    }

    void listNewestFirst()
    {
        auto sim = startSim();
        const QString oldest = sim->addTask(scenarioTask(0, 60, QStringLiteral("SUCCESS"), 3000));
        const QString middle = sim->addTask(scenarioTask(0, 60, QStringLiteral("ERROR"), 2000));
        const QString newest = sim->addTask(scenarioTask(0, 3600, QStringLiteral("SUCCESS"), 1000));
        const CliTest::Run table = CliTest::run({QStringLiteral("list")}, environment(sim.get()));
        QCOMPARE(table.exitCode, 0);
        const QStringList lines = table.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(1).startsWith(newest));
        QVERIFY(lines.at(2).startsWith(middle) && lines.at(2).contains(QStringLiteral("Error")));
        QVERIFY(lines.at(3).startsWith(oldest));

        const CliTest::Run json = CliTest::run(
                {QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("2")},
                environment(sim.get()));
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(idsOf(json.out), (QStringList {newest, middle}));

        const CliTest::Run running =
                CliTest::run({QStringLiteral("list"), QStringLiteral("--running"), QStringLiteral("--json")},
                             environment(sim.get()));
        QCOMPARE(running.exitCode, 0);
        QCOMPARE(idsOf(running.out), QStringList {newest});
    }

    void listWithWrongSecretExits3()
    {
        auto sim = startSim();
        const CliTest::Run result =
                CliTest::run({QStringLiteral("list")}, environment(sim.get(), QStringLiteral("nope")));
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QStringLiteral("Authentication failed")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

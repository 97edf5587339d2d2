// taskwatch-cli clear and list --pending, the real program against an in-process simulated tenant: confirmed
// with --yes and on a terminal (a pseudo-terminal the test types into), cancelled, refused without a terminal,
// a read-only client's 403, a 404, a 429 during it (Retry-After honoured), a task that has already finished;
// the queued and running tasks of every API version and their count.

#include "tests/app/cli/CliTestSupport.h"
#include "tests/app/cli/PseudoTerminal.h"
#include "tests/client/SimFixture.h"
#include "tests/client/TinyServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace CliTest;

namespace {

// A task that gets stuck at `percent` and never finishes, as support staff meet them.
QJsonObject stuckTask(int percent = 40)
{
    return QJsonObject {{QStringLiteral("startDelay"), 0},
                        {QStringLiteral("duration"), 600},
                        {QStringLiteral("stuckAt"), percent},
                        {QStringLiteral("createdAgo"), 3 * 3600}};
}

QString patchRoute(ApiVersion version = ApiVersion::V2025)
{
    return QStringLiteral("PATCH ") + ApiVersions::taskPath(version, QStringLiteral("{id}"));
}

QStringList idsOf(const QString &json)
{
    QStringList ids;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array())
        ids.append(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

class TestCliClear : public QObject
{
    Q_OBJECT
private:
    Home m_home;

    QProcessEnvironment environment(const SimServer &sim) const { return m_home.environmentFor(sim.baseUrl()); }

    static QStringList withVersion(QStringList arguments, ApiVersion version)
    {
        return arguments << QStringLiteral("--api-version") << ApiVersions::name(version);
    }

    // The task's completionStatus as `get --json` reads it from the tenant.
    QString completionStatusOf(const SimServer &sim, const QString &id) const
    {
        const Run get = run({QStringLiteral("get"), id, QStringLiteral("--json")}, environment(sim));
        const QJsonObject task = QJsonDocument::fromJson(get.out.toUtf8()).array().first().toObject();
        const QJsonValue status = task.value(QStringLiteral("completionStatus"));
        return status.isNull() ? QStringLiteral("null") : status.toString();
    }

    QStringList clearArguments(const QString &id, const char *status, bool yes) const
    {
        QStringList arguments {QStringLiteral("clear"), id, QStringLiteral("--status"), QLatin1String(status)};
        if (yes)
            arguments << QStringLiteral("--yes");
        return arguments;
    }

private Q_SLOTS:
    // The same task twice, once in capitals: one PATCH, one line, exit 0 (ids compare as the tenant compares them).
    void theSameIdTwiceIsClearedOnce()
    {
        auto sim = startSim();
        const QString id = sim->addTask(stuckTask());
        QStringList arguments = clearArguments(id, "error", true);
        arguments.insert(2, id.toUpper());
        const Run result = run(arguments, environment(*sim));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(result.out.count(QStringLiteral("is now marked as Error.")), 1);
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 1);
    }

    void clearWithYesMarksAStuckTask_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : ApiVersions::all())
            QTest::newRow(qPrintable(ApiVersions::name(version))) << version;
    }
    void clearWithYesMarksAStuckTask()
    {
        QFETCH(ApiVersion, version);
        auto sim = startSim();
        const QString id = sim->addTask(stuckTask());
        const Run result = run(withVersion(clearArguments(id, "terminated", true), version), environment(*sim));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("Task %1 ").arg(id))
                         && result.out.contains(QStringLiteral("is now marked as Terminated.")),
                 qPrintable(result.out));
        QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
        QCOMPARE(simCount(*sim, taskRoute(version), QStringLiteral("200")), 1); // read first
        QCOMPARE(simCount(*sim, patchRoute(version), QStringLiteral("200")), 1);
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 1);
        const Run get =
                run(withVersion({QStringLiteral("get"), id, QStringLiteral("--json")}, version), environment(*sim));
        const QJsonObject task = QJsonDocument::fromJson(get.out.toUtf8()).array().first().toObject();
        QCOMPARE(task.value(QStringLiteral("completionStatus")).toString(), QStringLiteral("TERMINATED"));
        QVERIFY(!task.value(QStringLiteral("completed")).toString().isEmpty());
    }

    void withoutATerminalItNeedsYes()
    {
        auto sim = startSim();
        const QString id = sim->addTask(stuckTask());
        const Run result = run(clearArguments(id, "error", false), environment(*sim)); // stdin is a pipe
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--yes")), qPrintable(result.err));
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 0); // refused before anything was asked
        QCOMPARE(completionStatusOf(*sim, id), QStringLiteral("null"));
    }

    void alreadyFinishedIsLeftAsItIs()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 0, QStringLiteral("SUCCESS"), 600));
        const Run result = run(clearArguments(id, "error", true), environment(*sim));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("had already finished (Success): left as it is.")),
                 qPrintable(result.out));
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 0);
        QCOMPARE(completionStatusOf(*sim, id), QStringLiteral("SUCCESS"));
    }

    void notFoundSaysWhatItLikelyMeans()
    {
        auto sim = startSim();
        const QString missing = QStringLiteral("0123456789abcdef0123456789abcdef");
        const Run result = run(clearArguments(missing, "error", true), environment(*sim));
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains(QStringLiteral("not found on this tenant: older than 90 days, another "
                                                    "tenant's id, or mistyped.")),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("(tracking id ")), qPrintable(result.err));
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 0);
    }

    // A client without idn:task-management:write: exit 3, a sentence naming the scope and the credentials
    // PATCH takes. Reading still works.
    void readOnlyClientGets403()
    {
        SimConfig config;
        config.readOnlyClients = {QStringLiteral("demo")};
        auto sim = startSim(config);
        const QString id = sim->addTask(stuckTask());
        const Run result = run(clearArguments(id, "error", true), environment(*sim));
        QCOMPARE(result.exitCode, 3);
        for (const QString &expected :
             {QStringLiteral("was not changed: HTTP 403: "), QStringLiteral("idn:task-management:write"),
              QStringLiteral("personal access token of an admin user"), QStringLiteral("(tracking id ")})
            QVERIFY2(result.err.contains(expected), qPrintable(result.err));
        QCOMPARE(simCount(*sim, patchRoute(), QStringLiteral("403")), 1);
        QCOMPARE(completionStatusOf(*sim, id), QStringLiteral("null"));
    }

    // The tenant's limit is hit between the GET and the PATCH: the PATCH waits for Retry-After (nothing is
    // sent meanwhile), then goes once.
    void rateLimitedDuringClearHonoursRetryAfter()
    {
        SimConfig config;
        config.rateLimitRequests = 1;
        config.rateLimitSeconds = 2;
        auto sim = startSim(config);
        const QString id = sim->addTask(stuckTask());
        const Run result = run(clearArguments(id, "error", true), environment(*sim));
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("Rate limited by the tenant")), qPrintable(result.err));
        QVERIFY(simStat(*sim, QStringLiteral("rateLimited")) >= 1);
        QCOMPARE(simStat(*sim, QStringLiteral("requestsDuringRetryAfter")), 0);
        QCOMPARE(simCount(*sim, patchRoute(), QStringLiteral("200")), 1);
        QCOMPARE(simStat(*sim, QStringLiteral("patchesApplied")), 1);
    }

#ifdef Q_OS_UNIX
private:
    // `clear` with stdin on the terminal `tty`; true once its question is on stderr (collected in `err`).
    bool startAtQuestion(QProcess &process, QByteArray &err, const PseudoTerminal &tty, const SimServer &sim,
                         const QStringList &ids)
    {
        process.setProcessEnvironment(environment(sim));
        process.setStandardInputFile(tty.slavePath);
        connect(&process, &QProcess::readyReadStandardError, this, [&] { err += process.readAllStandardError(); });
        process.start(QStringLiteral(TASKWATCH_CLI),
                      QStringList {QStringLiteral("clear")} + ids
                              + QStringList {QStringLiteral("--status"), QStringLiteral("terminated")});
        return process.waitForStarted() && QTest::qWaitFor([&] { return err.contains("[y/N] "); }, 30000);
    }

private Q_SLOTS:
    // On a terminal: the question names each unfinished task, the tenant, how long it has run and what
    // clearing does not do; a finished one is said so and left out; "y" marks the rest.
    void confirmedOnATerminal()
    {
        auto sim = startSim();
        const QString stuck = sim->addTask(stuckTask(40));
        const QString done = sim->addTask(scenarioTask(0, 0, QStringLiteral("WARNING"), 600));
        PseudoTerminal tty;
        QVERIFY(tty.open());
        QProcess process;
        QByteArray err;
        QVERIFY2(startAtQuestion(process, err, tty, *sim, {stuck, done}), err.constData());
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 0); // nothing changed before the answer
        const QString question = QString::fromUtf8(err);
        for (const QString &expected :
             QStringList {stuck + QStringLiteral("  Running  running for 3 h "), sim->baseUrl().toString(),
                          QStringLiteral("Mark this task on"), QStringLiteral("as Terminated, completed now?"),
                          QStringLiteral("it does not stop work that is still running there.")})
            QVERIFY2(question.contains(expected), qPrintable(question));
        QVERIFY2(!question.contains(done + QStringLiteral("  ")), qPrintable(question));
        QVERIFY(tty.type("y\n"));
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, err.constData());
        QVERIFY2(out.contains(QStringLiteral("Task %1 ").arg(done))
                         && out.contains(QStringLiteral("had already finished (Warning): left as it is.")),
                 qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("is now marked as Terminated.")), qPrintable(out));
        QCOMPARE(simStat(*sim, QStringLiteral("patchesApplied")), 1);
        QCOMPARE(completionStatusOf(*sim, stuck), QStringLiteral("TERMINATED"));
        QCOMPARE(completionStatusOf(*sim, done), QStringLiteral("WARNING"));
    }

    void cancelledOnATerminal_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::newRow("n") << QByteArray("n\n");
        QTest::newRow("just Enter") << QByteArray("\n");
        QTest::newRow("anything else") << QByteArray("sure\n");
    }
    void cancelledOnATerminal()
    {
        QFETCH(QByteArray, answer);
        auto sim = startSim();
        const QString stuck = sim->addTask(stuckTask());
        PseudoTerminal tty;
        QVERIFY(tty.open());
        QProcess process;
        QByteArray err;
        QVERIFY2(startAtQuestion(process, err, tty, *sim, {stuck}), err.constData());
        QVERIFY(tty.type(answer));
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY2(err.contains("nothing was changed"), err.constData());
        QCOMPARE(simStat(*sim, QStringLiteral("patchRequests")), 0);
        QCOMPARE(completionStatusOf(*sim, stuck), QStringLiteral("null"));
    }
#endif

private Q_SLOTS:
    // The tenant hangs up on the PATCH (the simulated tenant never does on its own): exit 5, said as unconfirmed,
    // the PATCH not sent again by Taskwatch (Qt 6.4 repeats it once, at once, with the same bytes:
    // tst_clearingoverhttp), and the task looked at once more to see whether it took.
    void aPatchWithoutAnAnswerIsExit5AndNotSentAgain()
    {
        const QByteArray id = "2c9180835d2e5168015d32f890ca1581";
        TinyServer server([id](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, R"({"access_token":"tok","token_type":"bearer","expires_in":749})");
            if (request.method == "PATCH")
                return TinyServer::closed();
            return TinyServer::response(
                    200,
                    R"({"id":")" + id
                            + R"(","type":"QUARTZ","uniqueName":"Stuck",)"
                              R"("created":"2026-12-04T18:00:00Z","launched":"2026-12-04T18:00:05Z",)"
                              R"("completed":null,"completionStatus":null,"messages":[],)"
                              R"("returns":[],"attributes":{},"percentComplete":40})");
        });
        const Run result =
                run(clearArguments(QString::fromLatin1(id), "error", true), m_home.environmentFor(server.baseUrl()));
        QCOMPARE(result.exitCode, 5);
        const qsizetype patches = server.count("PATCH", "/");
        QVERIFY2(patches == 1 || patches == 2, qPrintable(QString::number(patches)));
        QCOMPARE(server.count("GET", "/v2025/task-status/"), 2); // before, and once after
        QCOMPARE(server.requests().last().method, QByteArray("GET")); // no PATCH after the look
        QVERIFY2(result.err.contains(QStringLiteral("could not be confirmed")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("the request was not sent again")), qPrintable(result.err));
    }

    // Queued and running tasks on every version: pending-tasks on beta, v2024 and v2025, the list with
    // completionStatus isnull on v2026 and v1; the count says how many there are beyond --limit. Oldest first on
    // every version (the queued task is added first but created later than the stuck one).
    void pendingListAndCount_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : ApiVersions::all())
            QTest::newRow(qPrintable(ApiVersions::name(version))) << version;
    }
    void pendingListAndCount()
    {
        QFETCH(ApiVersion, version);
        auto sim = startSim();
        sim->addTask(scenarioTask(0, 0, QStringLiteral("SUCCESS"), 600)); // finished: not listed
        // Nothing pending yet (pending-tasks answers 204 No Content): an empty list, not an error.
        const Run none = run(
                withVersion({QStringLiteral("list"), QStringLiteral("--pending"), QStringLiteral("--json")}, version),
                environment(*sim));
        QVERIFY2(none.exitCode == 0, qPrintable(none.err));
        QCOMPARE(idsOf(none.out), QStringList());
        const QString queued = sim->addTask(scenarioTask(3600, 60)); // created now, starts in an hour
        const QString stuck = sim->addTask(stuckTask()); // created three hours ago
        const Run all = run(
                withVersion({QStringLiteral("list"), QStringLiteral("--pending"), QStringLiteral("--json")}, version),
                environment(*sim));
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        QCOMPARE(idsOf(all.out), (QStringList {stuck, queued}));
        QVERIFY2(all.err.isEmpty(), qPrintable(all.err));
        const QString route = ApiVersions::hasPendingTasks(version)
                ? QStringLiteral("GET ") + ApiVersions::pendingPath(version)
                : listRoute(version);
        // pending-tasks: 204 for the empty queue, then 200; the list: 200 twice.
        const bool pendingTasks = ApiVersions::hasPendingTasks(version);
        QCOMPARE(simCount(*sim, route, QStringLiteral("200")), pendingTasks ? 1 : 2);
        QCOMPARE(simCount(*sim, route, QStringLiteral("204")), pendingTasks ? 1 : 0);

        const Run one = run(withVersion({QStringLiteral("list"), QStringLiteral("--pending"), QStringLiteral("--limit"),
                                         QStringLiteral("1")},
                                        version),
                            environment(*sim));
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        const QStringList lines = one.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2); // header and one task: the oldest
        QVERIFY2(lines.at(1).contains(stuck), qPrintable(one.out));
        QVERIFY2(one.err.contains(QStringLiteral("1 of 2 queued or running tasks shown")), qPrintable(one.err));
    }
};

QTEST_GUILESS_MAIN(TestCliClear)
#include "tst_cliclear.moc"

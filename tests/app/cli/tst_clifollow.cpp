#include "CliTestSupport.h"
#include "models/RunHistory.h"
#include "models/TaskStatus.h"
#include "models/TenantUrl.h"
#include "tests/client/SimFixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// taskwatch-cli follow, the real program against the in-process simulated tenant: new tasks are reported within
// two rounds, a task that lives 4 s is reported with its finish, --json lines parse, what was there before is
// not news, and beta (whose lists hold completed tasks only) is refused.
class TestCliFollow : public QObject
{
    Q_OBJECT
private:
    CliTest::Home m_home;

    QProcessEnvironment environment(const SimServer &sim) const { return m_home.environmentFor(sim.baseUrl()); }
    // follow's list calls (newest first), not the batched refreshes of the tasks it watches on the same route.
    static qint64 followCalls(const SimServer &sim) { return simStat(sim, QStringLiteral("newestFirstLists")); }

    // Starts `taskwatch-cli follow ARGS` with its output gathered in `out`, and waits until its first round has
    // learned what is there.
    bool startFollowing(QProcess &follow, QString &out, const SimServer &sim, const QStringList &arguments)
    {
        follow.setProcessEnvironment(environment(sim));
        connect(&follow, &QProcess::readyReadStandardOutput, this,
                [&] { out += QString::fromUtf8(follow.readAllStandardOutput()); });
        follow.start(QStringLiteral(TASKWATCH_CLI), QStringList {QStringLiteral("follow")} + arguments);
        return follow.waitForStarted() && QTest::qWaitFor([&] { return followCalls(sim) >= 2; }, 20000);
    }

private Q_SLOTS:
    void newTasksAreReportedWithinTwoRounds()
    {
        auto sim = startSim(allowingTheDefaultShare());
        const QString before = sim->addTask(scenarioTask(0, 3600));
        QProcess follow;
        follow.setProcessEnvironment(environment(*sim));
        QList<QJsonObject> events;
        QHash<QString, qint64> listCallsWhenAppeared;
        QString partial;
        qint64 listCallsAtAdd = -1;
        connect(&follow, &QProcess::readyReadStandardOutput, this, [&] {
            partial += QString::fromUtf8(follow.readAllStandardOutput());
            qsizetype end;
            while ((end = partial.indexOf(u'\n')) >= 0) {
                const QString line = partial.left(end);
                partial.remove(0, end + 1);
                QJsonParseError error;
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8(), &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
                events.append(event);
                if (event.value(u"event").toString() == u"appeared")
                    listCallsWhenAppeared.insert(event.value(u"id").toString(), followCalls(*sim) - listCallsAtAdd);
            }
        });
        follow.start(QStringLiteral(TASKWATCH_CLI),
                     {QStringLiteral("follow"), QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY(follow.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(followCalls(*sim) >= 2, 20000); // the first round has learned what is there
        listCallsAtAdd = followCalls(*sim);
        const QString lasting = sim->addTask(scenarioTask(0, 60));
        const QString brief = sim->addTask(scenarioTask(0, 4, QStringLiteral("ERROR")));
        QTRY_VERIFY_WITH_TIMEOUT(listCallsWhenAppeared.contains(lasting) && listCallsWhenAppeared.contains(brief),
                                 20000);
        QVERIFY2(listCallsWhenAppeared.value(lasting) <= 2, "found within two rounds (one rule: one call each)");
        QVERIFY(listCallsWhenAppeared.value(brief) <= 2);
        const auto has = [&](const QString &id, const QString &kind) {
            return std::any_of(events.cbegin(), events.cend(), [&](const QJsonObject &event) {
                return event.value(u"id").toString() == id && event.value(u"event").toString() == kind;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(brief, QStringLiteral("finished")), 20000);
        follow.kill();
        follow.waitForFinished();

        QVERIFY2(!std::any_of(events.cbegin(), events.cend(),
                              [&](const QJsonObject &event) { return event.value(u"id").toString() == before; }),
                 "a task that was there before following began is not news");
        for (const QJsonObject &event : std::as_const(events)) {
            QVERIFY(QDateTime::fromString(event.value(u"at").toString(), Qt::ISODateWithMs).isValid());
            QCOMPARE(event.value(u"status").toObject().value(u"id").toString(), event.value(u"id").toString());
        }
        const auto finished = std::find_if(events.cbegin(), events.cend(), [&](const QJsonObject &event) {
            return event.value(u"id").toString() == brief && event.value(u"event").toString() == u"finished";
        });
        QCOMPARE(finished->value(u"status").toObject().value(u"completionStatus").toString(), QStringLiteral("ERROR"));
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
    }

    // Every kind of event, each a JSON line of the real program: a queued task that starts, moves and finishes;
    // a late one (overdue against a seeded history); one stuck for hours (stalled) that moves on (recovered).
    void lateTasksAreEventsToo()
    {
        auto sim = startSim(allowingTheDefaultShare());
        // The history of this kind of run (definition and source), as the desktop app would have kept it.
        const auto aggregation = [](double createdAgo, const QString &source) {
            QJsonObject entry = scenarioTask(0, 3600, QStringLiteral("SUCCESS"), createdAgo);
            entry.insert(QStringLiteral("type"), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
            entry.insert(QStringLiteral("target"),
                         QJsonObject {{QStringLiteral("id"), source},
                                      {QStringLiteral("name"), source},
                                      {QStringLiteral("type"), QStringLiteral("APPLICATION")}});
            return entry;
        };
        const QString probe = sim->addTask(aggregation(0, QStringLiteral("src-hr")));
        const CliTest::Run get =
                CliTest::run({QStringLiteral("get"), QStringLiteral("--json"), probe}, environment(*sim));
        QCOMPARE(get.exitCode, 0);
        const QJsonValue got = QJsonDocument::fromJson(get.out.toUtf8()).array().first();
        const Parsed<TaskStatus> probed = TaskStatus::fromJson(got.toObject()); // the status as the tenant sent it
        QVERIFY2(probed.ok(), qPrintable(get.out));
        RunHistory seeded;
        for (int i = 1; i <= RunHistory::MinRuns; ++i)
            seeded.record(
                    RunHistory::kindOf(*probed, TenantUrl::normalized(sim->baseUrl())), // this tenant's runs
                    {QString::number(i), std::chrono::minutes(10 + i), QDateTime::currentDateTimeUtc().addDays(-i)});
        const QString historyFile =
                m_home.filePath(QStringLiteral(".local/share/Taskwatch/taskwatch/run-history.json"));
        QVERIFY(QDir().mkpath(QFileInfo(historyFile).path()));
        QFile file(historyFile);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(seeded.toJson()) > 0);
        file.close();

        QProcess follow;
        QString out;
        QVERIFY(startFollowing(follow, out, *sim, {QStringLiteral("--all"), QStringLiteral("--json")}));
        const QString late = sim->addTask(aggregation(41 * 60, QStringLiteral("src-hr"))); // usually 13 min at most
        QJsonObject stuck = aggregation(3 * 3600, QStringLiteral("src-crm")); // no history: never overdue
        stuck.remove(QStringLiteral("outcome"));
        stuck.insert(QStringLiteral("stuckAt"), 40);
        const QString stuckId = sim->addTask(stuck);
        const QString quick = sim->addTask(scenarioTask(6, 12)); // queued for 6 s (found queued), then 12 s of progress
        // 100 s long, created 3 h ago, stuck at 40 % (reached after 40 s) until 8 s from now, then on to the end.
        QJsonObject recovering = scenarioTask(0, 100, QStringLiteral("SUCCESS"), 3 * 3600);
        recovering.insert(QStringLiteral("stuckAt"), 40);
        recovering.insert(QStringLiteral("stuckFor"), 3 * 3600 - 40 + 8);
        const QString recoveringId = sim->addTask(recovering);
        const auto has = [&](const QString &id, const QString &kind) {
            for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8()).object();
                if (event.value(u"id").toString() == id && event.value(u"event").toString() == kind)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(has(late, QStringLiteral("overdue")) && has(stuckId, QStringLiteral("stalled")),
                                  qPrintable(out), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(has(quick, QStringLiteral("finished"))
                                          && has(recoveringId, QStringLiteral("recovered")),
                                  qPrintable(out), 40000);
        follow.kill();
        follow.waitForFinished();
        for (const char *kind : {"appeared", "started", "progressed", "finished"})
            QVERIFY2(has(quick, QLatin1String(kind)), kind);
        QVERIFY2(has(recoveringId, QStringLiteral("stalled")), qPrintable(out)); // before it recovered
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
        QVERIFY2(!has(stuckId, QStringLiteral("overdue")), qPrintable(out));
        QVERIFY2(!has(late, QStringLiteral("stalled")), qPrintable(out));
    }

    void textLinesForPeople()
    {
        auto sim = startSim();
        QProcess follow;
        QString out;
        QVERIFY(startFollowing(follow, out, *sim, {QStringLiteral("--type"), QStringLiteral("IDENTITY_REFRESH")}));
        QJsonObject other = scenarioTask(0, 60);
        other.insert(QStringLiteral("type"), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
        const QString notFollowed = sim->addTask(other);
        QJsonObject refresh = scenarioTask(0, 60);
        refresh.insert(QStringLiteral("type"), QStringLiteral("IDENTITY_REFRESH"));
        const QString followed = sim->addTask(refresh);
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(followed), 20000);
        follow.kill();
        follow.waitForFinished();
        QVERIFY2(out.startsWith(QStringLiteral("appeared ")), qPrintable(out));
        QVERIFY(!out.contains(notFollowed));
    }

    void betaIsRefused()
    {
        auto sim = startSim();
        QProcessEnvironment env = environment(*sim);
        const CliTest::Run run = CliTest::run({QStringLiteral("follow"), QStringLiteral("--all"),
                                               QStringLiteral("--api-version"), QStringLiteral("beta")},
                                              env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("completed tasks only")), qPrintable(run.err));
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::Beta)), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliFollow)
#include "tst_clifollow.moc"

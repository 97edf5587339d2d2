#include "models/TaskStatus.h"
#include "sim/FaultInjector.h"
#include "sim/SimTask.h"
#include "sim/TaskCatalog.h"

#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(TaskState)

// The TaskStatus body a task shows in each phase, read back with the models' own parser.
class TestSimTask : public QObject
{
    Q_OBJECT

private:
    static SimTask makeTask(const char *json, qint64 createdMs = 1000000)
    {
        QRandomGenerator random = seededGenerator(1, 1);
        const Parsed<ScenarioTask> entry = ScenarioTask::fromJson(QJsonDocument::fromJson(json).object());
        if (!entry)
            qFatal("bad entry: %s", qPrintable(entry.error().message()));
        return SimTask(TaskCatalog::resolve(entry.value(), random), createdMs, 0);
    }

    static TaskStatus statusAt(const SimTask &task, qint64 nowMs)
    {
        const QByteArray body = task.json(nowMs);
        QJsonParseError error;
        QJsonDocument::fromJson(body, &error);
        if (error.error != QJsonParseError::NoError)
            qFatal("invalid JSON: %s", body.constData());
        const Parsed<TaskStatus> status = TaskStatus::fromJson(body);
        if (!status)
            qFatal("TaskStatus::fromJson: %s", qPrintable(status.error().message()));
        return status.value();
    }

private Q_SLOTS:
    void lifeAsTheBodyShowsIt()
    {
        const SimTask task =
                makeTask(R"({"id": "life1", "name": "Nightly AD - weekly", "type": "CLOUD_ACCOUNT_AGGREGATION",
            "target": "Active Directory [source]", "launcher": "support", "startDelay": 10, "duration": 100,
            "outcome": "WARNING", "progress": ["p0", "p1"],
            "messages": [{"type": "WARN", "key": "warn_x", "text": "3 skipped", "parameters": [{"skipped": 3}]}],
            "returns": [{"name": "Accounts Scanned", "attributeName": "total"}],
            "attributes": {"total": 42, "appId": "x"}})");
        const qint64 created = 1000000;

        const TaskStatus queued = statusAt(task, created + 5000);
        QCOMPARE(queued.id, QStringLiteral("life1"));
        QCOMPARE(queued.uniqueName, QStringLiteral("Nightly AD - weekly"));
        QCOMPARE(queued.type, QStringLiteral("QUARTZ"));
        QCOMPARE(queued.launcher, QStringLiteral("support"));
        QCOMPARE(queued.target->name, QStringLiteral("Active Directory [source]"));
        QCOMPARE(queued.target->type, QStringLiteral("APPLICATION"));
        QCOMPARE(queued.state(), TaskState::Queued);
        QCOMPARE(queued.created.toMSecsSinceEpoch(), created);
        QCOMPARE(queued.modified, queued.created);
        QVERIFY(!queued.launched.isValid() && !queued.completed.isValid());
        QCOMPARE(queued.percentComplete, 0);
        QVERIFY(!queued.progress);
        QVERIFY(queued.messages.isEmpty() && queued.returns.isEmpty());
        QVERIFY(!queued.attributes().contains(u"total")); // return values only once completed
        QVERIFY(queued.attributes().contains(u"appId"));
        QVERIFY(queued.taskDefinitionSummary);

        const TaskStatus running = statusAt(task, created + 10000 + 60000);
        QCOMPARE(running.state(), TaskState::Running);
        QCOMPARE(running.launched.toMSecsSinceEpoch(), created + 10000);
        QCOMPARE(running.modified.toMSecsSinceEpoch(), created + 10000 + 60000);
        QCOMPARE(running.percentComplete, 60);
        QCOMPARE(*running.progress, QStringLiteral("p1"));

        const TaskStatus done = statusAt(task, created + 10000 + 100000);
        QCOMPARE(done.state(), TaskState::Warning);
        QCOMPARE(done.completionStatusRaw, QStringLiteral("WARNING"));
        QCOMPARE(done.completed.toMSecsSinceEpoch(), created + 110000);
        QCOMPARE(done.modified, done.completed);
        QCOMPARE(done.percentComplete, 100);
        QCOMPARE(*done.progress, QStringLiteral("Completed with warnings"));
        QCOMPARE(done.messages.size(), 1);
        QCOMPARE(done.messages.first().type, TaskMessage::Type::Warn);
        QCOMPARE(done.messages.first().key, QStringLiteral("warn_x"));
        QCOMPARE(done.messages.first().text(), QStringLiteral("3 skipped"));
        QCOMPARE(done.messages.first().parametersText(), QStringLiteral("skipped=3"));
        QCOMPARE(done.returnValues().size(), 1);
        QCOMPARE(done.returnValues().first().text(), QStringLiteral("Accounts Scanned: 42"));
        QVERIFY(done.notes.isEmpty());
    }

    void everyOutcomeEndsAsScenarioSays_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<TaskState>("state");
        QTest::newRow("success") << QStringLiteral("SUCCESS") << TaskState::Success;
        QTest::newRow("warning") << QStringLiteral("WARNING") << TaskState::Warning;
        QTest::newRow("error") << QStringLiteral("ERROR") << TaskState::Error;
        QTest::newRow("terminated") << QStringLiteral("TERMINATED") << TaskState::Terminated;
        QTest::newRow("temperror") << QStringLiteral("TEMPERROR") << TaskState::TempError;
    }
    void everyOutcomeEndsAsScenarioSays()
    {
        QFETCH(QString, outcome);
        QFETCH(TaskState, state);
        for (const char *type : {"CLOUD_ACCOUNT_AGGREGATION", "IDENTITY_REFRESH", "SOMETHING_NEW"}) {
            const QByteArray entry = QStringLiteral(R"({"type": "%1", "outcome": "%2", "duration": 5})")
                                             .arg(QLatin1String(type), outcome)
                                             .toUtf8();
            const SimTask task = makeTask(entry.constData());
            const TaskStatus status = statusAt(task, task.timing().completedMs());
            QCOMPARE(status.state(), state);
            QVERIFY(!status.messages.isEmpty());
            for (const ReturnValue &value : status.returnValues())
                QVERIFY2(!value.value.isUndefined(), qPrintable(value.attributeName));
            QCOMPARE(task.filterSubject(task.momentAt(task.timing().completedMs())).completionStatus, outcome);
            QVERIFY(task.filterSubject(task.momentAt(task.timing().createdMs)).completionStatus.isEmpty());
        }
    }

    void aPatchStopsTheTasksLife()
    {
        // Running at 60 % (launched at +10 s, 100 s long, progress p0 then p1), cleared as Error at +70 s.
        SimTask task = makeTask(R"({"id": "p1", "startDelay": 10, "duration": 100, "outcome": "SUCCESS",
            "progress": ["p0", "p1"], "attributes": {"total": 42, "appId": "x"},
            "returns": [{"name": "Accounts Scanned", "attributeName": "total"}]})");
        const qint64 created = 1000000;
        const qint64 patchedAt = created + 70000;
        const TaskStatus before = statusAt(task, patchedAt);
        QCOMPARE(before.state(), TaskState::Running);
        TaskPatch patch;
        patch.completionStatus = CompletionStatus::Error;
        patch.completedMs = patchedAt + 1; // as a client sends it: its own "now"
        task.applyPatch(patch, patchedAt);
        QVERIFY(task.isPatched());

        // Long after it would have completed as SUCCESS: still what the patch made of it.
        for (qint64 now : {patchedAt, task.timing().completedMs(), task.timing().completedMs() + 86400000}) {
            const TaskStatus after = statusAt(task, now);
            QCOMPARE(after.state(), TaskState::Error);
            QCOMPARE(after.completionStatusRaw, QStringLiteral("ERROR"));
            QCOMPARE(after.completed.toMSecsSinceEpoch(), patchedAt + 1);
            QCOMPARE(after.modified.toMSecsSinceEpoch(), patchedAt);
            QCOMPARE(after.launched, before.launched);
            QCOMPARE(after.percentComplete, before.percentComplete);
            QCOMPARE(after.progress, before.progress);
            QVERIFY(after.messages.isEmpty()); // the messages of a task that completed by itself never came
            QVERIFY(!after.attributes().contains(u"total"));
            QCOMPARE(task.momentAt(now).phase, TaskPhase::Completed);
            QCOMPARE(task.filterSubject(task.momentAt(now)).completionStatus, QStringLiteral("ERROR"));
        }

        // A second patch changes the status again; the rest stays.
        TaskPatch again;
        again.completionStatus = CompletionStatus::Terminated;
        task.applyPatch(again, patchedAt + 5000);
        const TaskStatus terminated = statusAt(task, patchedAt + 999999);
        QCOMPARE(terminated.state(), TaskState::Terminated);
        QCOMPARE(terminated.completed.toMSecsSinceEpoch(), patchedAt + 1);
        QCOMPARE(terminated.modified.toMSecsSinceEpoch(), patchedAt + 5000);
    }

    void aPatchKeepsWhatItLeavesOut()
    {
        const qint64 created = 1000000;
        // Only `completed` on a queued task: still no completionStatus, so still pending for filters.
        SimTask queued = makeTask(R"({"startDelay": 100, "duration": 10})");
        TaskPatch dateOnly;
        dateOnly.completedMs = created + 50;
        queued.applyPatch(dateOnly, created + 10);
        const TaskStatus status = statusAt(queued, created + 500000);
        QCOMPARE(status.state(), TaskState::Queued);
        QCOMPARE(status.completed.toMSecsSinceEpoch(), created + 50);
        QVERIFY(queued.filterSubject(queued.momentAt(created + 500000)).completionStatus.isEmpty());
        QCOMPARE(queued.momentAt(created + 500000).phase, TaskPhase::Queued);

        // Only completionStatus on a finished task: its messages, returns and completed date stay.
        SimTask finished = makeTask(R"({"duration": 10, "outcome": "WARNING",
            "messages": [{"type": "WARN", "text": "3 skipped"}]})");
        TaskPatch statusOnly;
        statusOnly.completionStatus = CompletionStatus::Success;
        finished.applyPatch(statusOnly, created + 20000);
        const TaskStatus done = statusAt(finished, created + 30000);
        QCOMPARE(done.state(), TaskState::Success);
        QCOMPARE(done.completed.toMSecsSinceEpoch(), created + 10000);
        QCOMPARE(done.messages.size(), 1);
        QCOMPARE(done.percentComplete, 100);
    }

    void stuckTasksRunForever()
    {
        const SimTask task = makeTask(R"({"duration": 100, "stuckAt": 40, "progress": ["a", "b", "c"]})");
        const qint64 created = 1000000;
        for (qint64 later : {40000LL, 100000LL, 86400000LL * 30}) {
            const TaskStatus status = statusAt(task, created + later);
            QCOMPARE(status.state(), TaskState::Running);
            QCOMPARE(status.percentComplete, 40);
            QCOMPARE(status.modified.toMSecsSinceEpoch(), created + 40000);
            QCOMPARE(*status.progress, QStringLiteral("b"));
            QVERIFY(!status.completed.isValid());
        }
    }

    void noTargetIsNull()
    {
        const SimTask task = makeTask(R"({"type": "IDENTITY_REFRESH"})");
        const QJsonObject body = QJsonDocument::fromJson(task.json(0)).object();
        QVERIFY(body.contains(u"target"));
        QVERIFY(body.value(u"target").isNull());
        QVERIFY(body.value(u"parentName").isNull());
    }
};

QTEST_APPLESS_MAIN(TestSimTask)
#include "tst_simtask.moc"

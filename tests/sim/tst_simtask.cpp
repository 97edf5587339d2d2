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

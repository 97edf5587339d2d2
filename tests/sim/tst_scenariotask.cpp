#include "sim/ScenarioTask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

class TestScenarioTask : public QObject
{
    Q_OBJECT

private:
    static QJsonObject object(const char *json) { return QJsonDocument::fromJson(json).object(); }

private Q_SLOTS:
    void fullEntry()
    {
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(object(R"({
            "id": "0123456789abcdef0123456789abcdef", "name": "Nightly AD aggregation",
            "type": "CLOUD_ACCOUNT_AGGREGATION", "statusType": "QPOC", "description": "d", "parentName": null,
            "launcher": "support", "target": "Active Directory [source]", "sourceId": "src",
            "createdAgo": 5, "startDelay": 2.5, "duration": 30, "outcome": "warning", "finalPercent": 100,
            "messages": [{"type": "warn", "key": "k", "text": "t", "parameters": [{"a": 1}, "s"]},
                         {"type": "INFO", "localizedText": {"locale": "de-DE", "message": "m"}},
                         {"type": "ERROR"}],
            "returns": [{"name": "Accounts", "attributeName": "total"}],
            "attributes": {"total": 3}, "progress": ["one", "two"], "_comment": "ignored"})"));
        QVERIFY2(task.ok(), qPrintable(task.error().message()));
        QCOMPARE(task->id, QStringLiteral("0123456789abcdef0123456789abcdef"));
        QCOMPARE(task->name, QStringLiteral("Nightly AD aggregation"));
        QCOMPARE(task->typeCode, QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
        QCOMPARE(task->statusType, QStringLiteral("QPOC"));
        QVERIFY(task->parentName && task->parentName->isEmpty());
        QCOMPARE((*task->target)->name, QStringLiteral("Active Directory [source]"));
        QCOMPARE((*task->target)->type, QStringLiteral("APPLICATION"));
        QCOMPARE(*task->sourceId, QStringLiteral("src"));
        QCOMPARE(task->createdAgo, 5.0);
        QCOMPARE(task->startDelay, 2.5);
        QCOMPARE(task->duration, 30.0);
        QCOMPARE(task->outcome, CompletionStatus::Warning);
        QCOMPARE(task->messages->size(), 3);
        const QJsonObject warn = task->messages->at(0).toObject();
        QCOMPARE(warn.value(QStringLiteral("type")).toString(), QStringLiteral("WARN"));
        QCOMPARE(warn.value(QStringLiteral("localizedText")).toObject().value(QStringLiteral("message")).toString(),
                 QStringLiteral("t"));
        QCOMPARE(warn.value(QStringLiteral("parameters")).toArray().size(), 2);
        const QJsonObject info = task->messages->at(1).toObject();
        QCOMPARE(info.value(QStringLiteral("localizedText")).toObject().value(QStringLiteral("locale")).toString(),
                 QStringLiteral("de-DE"));
        const QJsonObject error = task->messages->at(2).toObject();
        QVERIFY(error.value(QStringLiteral("localizedText")).isNull());
        QVERIFY(error.value(QStringLiteral("parameters")).isNull());
        QCOMPARE(error.value(QStringLiteral("key")).toString(), QString());
        QCOMPARE(*task->progress, (QStringList {QStringLiteral("one"), QStringLiteral("two")}));
    }

    void minimalEntryLeavesTheRestOpen()
    {
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(QJsonObject());
        QVERIFY(task.ok());
        QVERIFY(task->id.isEmpty());
        QCOMPARE(task->outcome, CompletionStatus::Success);
        QCOMPARE(task->duration, 60.0);
        QVERIFY(!task->messages && !task->returns && !task->attributes && !task->target);
    }

    void bodyTypeInTypeField()
    {
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(object(R"({"type": "QUEUED_TASK"})"));
        QVERIFY(task.ok());
        QCOMPARE(task->statusType, QStringLiteral("QUEUED_TASK"));
        QVERIFY(task->typeCode.isEmpty());
    }

    void targetForms()
    {
        Parsed<ScenarioTask> task = ScenarioTask::fromJson(object(R"({"target": null})"));
        QVERIFY(task->target && !*task->target);
        task = ScenarioTask::fromJson(object(R"({"target": {"id": "i", "type": "IDENTITY", "name": "n"}})"));
        QCOMPARE((*task->target)->type, QStringLiteral("IDENTITY"));
        QCOMPARE((*task->target)->id, QStringLiteral("i"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("bad id") << QByteArray(R"({"id": "a b"})") << QStringLiteral("id");
        QTest::newRow("id not string") << QByteArray(R"({"id": 5})") << QStringLiteral("id");
        QTest::newRow("outcome") << QByteArray(R"({"outcome": "DONE"})") << QStringLiteral("outcome");
        QTest::newRow("negative") << QByteArray(R"({"duration": -1})") << QStringLiteral("duration");
        QTest::newRow("delay string") << QByteArray(R"({"startDelay": "5"})") << QStringLiteral("startDelay");
        QTest::newRow("percent") << QByteArray(R"({"finalPercent": 101})") << QStringLiteral("finalPercent");
        QTest::newRow("status type") << QByteArray(R"({"statusType": "CRON"})") << QStringLiteral("statusType");
        QTest::newRow("message type") << QByteArray(R"({"messages": [{"type": "DEBUG"}]})")
                                      << QStringLiteral("messages[0].type");
        QTest::newRow("message param") << QByteArray(R"({"messages": [{"type": "INFO", "parameters": [1]}]})")
                                       << QStringLiteral("messages[0].parameters[0]");
        QTest::newRow("returns without attribute")
                << QByteArray(R"({"returns": [{"name": "n", "attributeName": "total"}], "attributes": {}})")
                << QStringLiteral("returns[0].attributeName");
        QTest::newRow("returns without attributes")
                << QByteArray(R"({"returns": [{"name": "n", "attributeName": "total"}]})")
                << QStringLiteral("returns[0].attributeName");
        QTest::newRow("attributes array") << QByteArray(R"({"attributes": []})") << QStringLiteral("attributes");
        QTest::newRow("target type") << QByteArray(R"({"target": {"type": "USER"}})") << QStringLiteral("target.type");
        QTest::newRow("typo") << QByteArray(R"({"startdelay": 1})") << QStringLiteral("startdelay");
        QTest::newRow("progress") << QByteArray(R"({"progress": [1]})") << QStringLiteral("progress[0]");
        QTest::newRow("stuck at 100") << QByteArray(R"({"stuckAt": 100})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck negative") << QByteArray(R"({"stuckAt": -1})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck fraction") << QByteArray(R"({"stuckAt": 40.5})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck text") << QByteArray(R"({"stuckAt": "40"})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck with outcome")
                << QByteArray(R"({"stuckAt": 40, "outcome": "ERROR"})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck with final percent")
                << QByteArray(R"({"stuckAt": 40, "finalPercent": 50})") << QStringLiteral("stuckAt");
        QTest::newRow("stuck for, without stuckAt") << QByteArray(R"({"stuckFor": 10})") << QStringLiteral("stuckFor");
        QTest::newRow("stuck for a negative time")
                << QByteArray(R"({"stuckAt": 40, "stuckFor": -1})") << QStringLiteral("stuckFor");
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!task.ok());
        QCOMPARE(task.error().field, field);
        QVERIFY(!task.error().reason.isEmpty());
    }

    void documents()
    {
        QCOMPARE(ScenarioTask::listFromJson(R"([{"duration": 1}, {}])")->size(), 2);
        QCOMPARE(ScenarioTask::listFromJson(R"({"tasks": [{}]})")->size(), 1);
        Parsed<QList<ScenarioTask>> bad = ScenarioTask::listFromJson(R"({"tasks": [{}, {"outcome": 3}]})");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("tasks[1].outcome"));
        bad = ScenarioTask::listFromJson(R"([{"id": "x"}, {"id": "x"}])");
        QCOMPARE(bad.error().field, QStringLiteral("[1].id"));
        QVERIFY(!ScenarioTask::listFromJson(R"({"x": 1})").ok());
        QVERIFY(!ScenarioTask::listFromJson("not json").ok());
    }

    void file()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("s.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"([{"id": "t1", "outcome": "TEMPERROR"}])");
        file.close();
        const Parsed<QList<ScenarioTask>> tasks = ScenarioTask::listFromFile(file.fileName());
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->first().outcome, CompletionStatus::TempError);
        const Parsed<QList<ScenarioTask>> missing =
                ScenarioTask::listFromFile(dir.filePath(QStringLiteral("none.json")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().reason.contains(u"none.json"));
    }

    void stuckTasks()
    {
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(object(R"({"id": "s", "stuckAt": 40})"));
        QVERIFY2(task.ok(), qPrintable(task.error().message()));
        QCOMPARE(task->stuckAt, std::optional<int>(40));
        QCOMPARE(ScenarioTask::fromJson(object(R"({"stuckAt": 0})"))->stuckAt, std::optional<int>(0));
        QCOMPARE(ScenarioTask::fromJson(object("{}"))->stuckAt, std::nullopt);
        // The ground truth names no outcome for it, and reads back as the same stuck task.
        ScenarioTask resolved = task.value();
        resolved.finalPercent = 100; // as TaskCatalog::resolve fills it
        const QJsonObject json = resolved.toJson();
        QCOMPARE(json.value(u"stuckAt").toInt(), 40);
        QVERIFY(!json.contains(u"outcome"));
        QVERIFY(!json.contains(u"finalPercent"));
        const Parsed<ScenarioTask> again = ScenarioTask::fromJson(json);
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(again->stuckAt, std::optional<int>(40));
    }

    // Stuck for a while: it has an outcome, and reads back the same.
    void stuckForAWhile()
    {
        const Parsed<ScenarioTask> task =
                ScenarioTask::fromJson(object(R"({"stuckAt": 40, "stuckFor": 30, "outcome": "ERROR"})"));
        QVERIFY2(task.ok(), qPrintable(task.error().message()));
        QCOMPARE(task->stuckFor, std::optional<double>(30));
        QCOMPARE(task->outcome, CompletionStatus::Error);
        const QJsonObject json = task->toJson();
        QCOMPARE(json.value(u"stuckFor").toDouble(), 30.0);
        QCOMPARE(json.value(u"outcome").toString(), QStringLiteral("ERROR"));
        QCOMPARE(ScenarioTask::fromJson(json)->toJson(), json);
    }

    void roundTrip()
    {
        const QJsonObject entry = object(R"({"id": "t1", "type": "IDENTITY_REFRESH", "outcome": "ERROR", "duration": 7,
                                            "target": null, "attributes": {"a": 1}, "returns": [{"name": "A", "attributeName": "a"}]})");
        const Parsed<ScenarioTask> task = ScenarioTask::fromJson(entry);
        QVERIFY(task.ok());
        const Parsed<ScenarioTask> again = ScenarioTask::fromJson(task->toJson());
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(again->toJson(), task->toJson());
        QCOMPARE(again->outcome, CompletionStatus::Error);
    }
};

QTEST_APPLESS_MAIN(TestScenarioTask)
#include "tst_scenariotask.moc"

#include "SimHttp.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QTest>

// A task's whole life over HTTP at high speed: queued, running with progress rising, then its scenario's
// outcome, messages, returns and attributes.
class TestSimLife : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullLifeEndsInTheScenarioOutcome()
    {
        SimConfig config;
        config.speed = 20; // 40 simulated seconds queued = 2 real seconds; 80 running = 4 real seconds
        config.rateLimitRequests = 0;
        SimServer server(config);
        QVERIFY(server.listen());
        const QString id = server.addTask(QJsonDocument::fromJson(R"json({
            "name": "Cloud Account Aggregation", "type": "CLOUD_ACCOUNT_AGGREGATION",
            "target": "Active Directory [source]", "startDelay": 40, "duration": 80, "outcome": "TERMINATED",
            "finalPercent": 70, "progress": ["Connecting", "Aggregating accounts", "Correlating"],
            "messages": [{"type": "WARN", "key": "task_terminated", "text": "Terminated by support",
                          "parameters": [{"by": "support"}]}],
            "returns": [{"name": "Accounts Scanned", "attributeName": "total"}],
            "attributes": {"total": 1234, "appId": "ad"}})json")
                                                  .object());
        QVERIFY2(!id.isEmpty(), qPrintable(server.errorString()));
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QUrl url = http.url(QStringLiteral("/v2025/task-status/") + id);

        QList<TaskStatus> seen;
        auto look = [&] {
            const HttpResult result = http.api(url, token);
            const Parsed<TaskStatus> status = TaskStatus::fromJson(result.body);
            if (result.status != 200 || !status)
                return false;
            seen.append(status.value());
            return isFinished(status->state());
        };
        QTRY_VERIFY_WITH_TIMEOUT(look(), 60000);

        QCOMPARE(seen.first().state(), TaskState::Queued);
        QVERIFY(!seen.first().launched.isValid());
        bool sawRunning = false;
        QSet<QString> progressTexts;
        for (qsizetype i = 1; i < seen.size(); ++i) {
            const TaskStatus &before = seen.at(i - 1);
            const TaskStatus &now = seen.at(i);
            QVERIFY(static_cast<int>(now.state()) >= static_cast<int>(before.state()) || isFinished(now.state()));
            QVERIFY(now.percentComplete.value_or(0) >= before.percentComplete.value_or(0));
            QVERIFY(now.modified >= before.modified);
            QCOMPARE(now.created, before.created);
            if (now.state() == TaskState::Running) {
                sawRunning = true;
                QVERIFY(now.percentComplete.value_or(-1) >= 0 && now.percentComplete.value_or(100) < 70);
                QVERIFY(now.progress.has_value());
                progressTexts.insert(*now.progress);
                QVERIFY(now.returns.isEmpty());
            }
        }
        QVERIFY(sawRunning);
        QVERIFY(!progressTexts.isEmpty());
        QVERIFY(progressTexts.size() <= 3);

        const TaskStatus &last = seen.last();
        QCOMPARE(last.state(), TaskState::Terminated);
        QCOMPARE(last.completionStatusRaw, QStringLiteral("TERMINATED"));
        QCOMPARE(last.percentComplete, 70);
        // Times follow the scenario exactly, in simulated time.
        QCOMPARE(last.created.msecsTo(last.launched), 40000);
        QCOMPARE(last.launched.msecsTo(last.completed), 80000);
        QCOMPARE(last.modified, last.completed);
        QCOMPARE(last.messages.size(), 1);
        QCOMPARE(last.messages.first().type, TaskMessage::Type::Warn);
        QCOMPARE(last.messages.first().text(), QStringLiteral("Terminated by support"));
        QCOMPARE(last.messages.first().parametersText(), QStringLiteral("by=support"));
        QCOMPARE(last.returnValues().first().text(), QStringLiteral("Accounts Scanned: 1234"));
        QCOMPARE(last.target->name, QStringLiteral("Active Directory [source]"));

        // Once completed it stays so: the v2024 list (completed only) now has it.
        const HttpResult list = http.api(http.url(QStringLiteral("/v2024/task-status")), token);
        QCOMPARE(TaskStatus::listFromJson(list.body)->size(), 1);
    }

    void seededTasksMoveToo()
    {
        SimConfig config;
        config.speed = 1000;
        config.seededTasks = 40;
        config.seed = 11;
        config.rateLimitRequests = 0;
        SimServer server(config);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QUrl running = http.url(QStringLiteral("/v2025/task-status"),
                                      {{QStringLiteral("filters"), QStringLiteral("completionStatus isnull")}});
        const int unfinishedAtStart = http.api(running, token).array().size();
        QVERIFY(unfinishedAtStart > 0);
        // At 1000× every seeded task finishes within a few real seconds (the longest lasts 30 simulated minutes).
        QTRY_COMPARE_WITH_TIMEOUT(http.api(running, token).array().size(), 0, 60000);
        const QJsonArray all = http.api(http.url(QStringLiteral("/v2025/task-status")), token).array();
        QCOMPARE(all.size(), 40);
    }
};

QTEST_GUILESS_MAIN(TestSimLife)
#include "tst_simlife.moc"

#include "SimHttp.h"
#include "sim/SimServer.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// The /__sim/ control endpoints and the in-process API the demo mode and tests use.
class TestSimControl : public QObject
{
    Q_OBJECT

private:
    static int count(const QJsonObject &stats, const char *route, const char *outcome)
    {
        return stats.value(u"requests")
                .toObject()
                .value(QLatin1String(route))
                .toObject()
                .value(QLatin1String(outcome))
                .toInt();
    }

private Q_SLOTS:
    void baseUrlIsLoopback()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.baseUrl().isEmpty());
        QVERIFY(server.listen(0));
        const QUrl url = server.baseUrl();
        QCOMPARE(url.scheme(), QStringLiteral("http"));
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(url.port() > 0);
        QVERIFY(url.path().isEmpty());

        SimServer clash(SimConfig {});
        QVERIFY(!clash.listen(static_cast<quint16>(url.port())));
        QVERIFY(clash.errorString().contains(QString::number(url.port())));
    }

    void statsCountRoutesAndStatuses()
    {
        SimServer server(SimConfig {});
        const QString id = server.addTask(QJsonObject());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        http.api(http.url(QStringLiteral("/v2025/task-status/") + id), token);
        http.api(http.url(QStringLiteral("/v2025/task-status/") + id), token);
        http.api(http.url(QStringLiteral("/v2025/task-status/nope")), token);
        http.api(http.url(QStringLiteral("/v2025/task-status")), token, false);
        http.api(http.url(QStringLiteral("/task-status/v1")), "expired.or.wrong");
        http.tokenRequest(QStringLiteral("demo"), QStringLiteral("wrong"));

        const HttpResult result = http.get(http.url(QStringLiteral("/__sim/stats")));
        QCOMPARE(result.status, 200);
        const QJsonObject stats = result.object();
        QJsonObject direct = server.stats();
        QCOMPARE(direct.take(QStringLiteral("simulatedTime")).toString().size(), 24); // 2026-01-02T03:04:05.678Z
        QJsonObject overHttp = stats;
        overHttp.remove(QStringLiteral("simulatedTime"));
        QCOMPARE(overHttp, direct);
        QCOMPARE(count(stats, "GET /v2025/task-status/{id}", "200"), 2);
        QCOMPARE(count(stats, "GET /v2025/task-status/{id}", "404"), 1);
        QCOMPARE(count(stats, "GET /v2025/task-status", "400"), 1);
        QCOMPARE(count(stats, "GET /task-status/v1", "401"), 1);
        QCOMPARE(count(stats, "POST /oauth/token", "200"), 1);
        QCOMPARE(count(stats, "POST /oauth/token", "401"), 1);
        QCOMPARE(stats.value(u"totalRequests").toInt(), 7); // control requests are not counted
        QCOMPARE(stats.value(u"tokensIssued").toInt(), 1);
        for (const char *key : {"rateLimited", "dropped", "truncated", "failed"})
            QCOMPARE(stats.value(QLatin1String(key)).toInt(), 0);
        QCOMPARE(stats.value(u"tasks").toInt(), 1);
    }

    void createTasksOverHttp()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        HttpResult result = http.post(http.url(QStringLiteral("/__sim/tasks")),
                                      R"({"id": "made-over-http", "outcome": "WARNING"})", "application/json");
        QCOMPARE(result.status, 201);
        QCOMPARE(result.object().value(u"id").toString(), QStringLiteral("made-over-http"));
        result = http.post(http.url(QStringLiteral("/__sim/tasks")), R"([{}, {"type": "IDENTITY_REFRESH"}])",
                           "application/json");
        QCOMPARE(result.status, 201);
        const QJsonArray ids = result.object().value(u"ids").toArray();
        QCOMPARE(ids.size(), 2);
        QCOMPARE(ids.at(0).toString().size(), 32);
        QCOMPARE(server.taskIds().size(), 3);
        QVERIFY(server.taskIds().contains(u"made-over-http"));
        QCOMPARE(http.api(http.url(QStringLiteral("/task-status/v1/made-over-http")), http.token()).status, 200);

        result = http.post(http.url(QStringLiteral("/__sim/tasks")), R"({"outcome": "MAYBE"})", "application/json");
        QCOMPARE(result.status, 400);
        QVERIFY(result.object().value(u"error").toString().contains(u"outcome"));
        result = http.post(http.url(QStringLiteral("/__sim/tasks")), R"({"id": "made-over-http"})", "application/json");
        QCOMPARE(result.status, 400);
        QVERIFY(result.object().value(u"error").toString().contains(u"exists"));
        QCOMPARE(http.post(http.url(QStringLiteral("/__sim/tasks")), "no json", "application/json").status, 400);
        QCOMPARE(server.taskIds().size(), 3);
    }

    void groundTruthListing()
    {
        SimServer server(SimConfig {});
        server.addTask(
                QJsonDocument::fromJson(R"({"id": "done", "createdAgo": 100, "duration": 10, "outcome": "ERROR"})")
                        .object());
        server.addTask(QJsonDocument::fromJson(R"({"id": "waiting", "startDelay": 100000})").object());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QJsonArray tasks = http.get(http.url(QStringLiteral("/__sim/tasks"))).object().value(u"tasks").toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks.at(0).toObject().value(u"id").toString(), QStringLiteral("done"));
        QCOMPARE(tasks.at(0).toObject().value(u"outcome").toString(), QStringLiteral("ERROR"));
        QCOMPARE(tasks.at(0).toObject().value(u"phase").toString(), QStringLiteral("completed"));
        QCOMPARE(tasks.at(1).toObject().value(u"phase").toString(), QStringLiteral("queued"));
        QCOMPARE(tasks.at(1).toObject().value(u"type").toString(), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
    }

    void resetRestoresTheStart()
    {
        SimConfig config;
        config.seededTasks = 12;
        config.seed = 3;
        SimServer server(config);
        const QStringList seeded = server.taskIds();
        QCOMPARE(seeded.size(), 12);
        QVERIFY(!server.addTask(QJsonObject()).isEmpty());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        http.token();
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 1);

        const HttpResult result = http.post(http.url(QStringLiteral("/__sim/reset")), QByteArray(), "application/json");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value(u"tasks").toInt(), 12);
        QCOMPARE(server.taskIds(), seeded); // same seed, same tasks; the added one is gone
        QCOMPARE(server.stats().value(u"totalRequests").toInt(), 0);
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 0);

        server.addTask(QJsonObject());
        server.reset();
        QCOMPARE(server.taskIds(), seeded);
        // Another server with the same seed has the same tasks.
        QCOMPARE(SimServer(config).taskIds(), seeded);
    }

    void wrongMethods()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        HttpResult result = http.get(http.url(QStringLiteral("/__sim/reset")));
        QCOMPARE(result.status, 405);
        QCOMPARE(result.header("Allow"), QByteArray("POST"));
        QCOMPARE(http.post(http.url(QStringLiteral("/__sim/stats")), "{}", "application/json").status, 405);
        QCOMPARE(http.send("DELETE", http.url(QStringLiteral("/__sim/tasks"))).status, 405);
    }

    void addTaskReportsErrors()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.addTask(QJsonDocument::fromJson(R"({"duration": "long"})").object()).isEmpty());
        QVERIFY(server.errorString().contains(u"duration"));
        QCOMPARE(server.addTask(QJsonDocument::fromJson(R"({"id": "x"})").object()), QStringLiteral("x"));
        QVERIFY(server.addTask(QJsonDocument::fromJson(R"({"id": "x"})").object()).isEmpty());
        QVERIFY(server.errorString().contains(u"exists"));
    }

    void scenarioFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scenario.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"tasks": [{"id": "s1"}, {"id": "s2", "outcome": "TEMPERROR"}]})");
        file.close();
        SimConfig config;
        config.scenarioFile = path;
        config.seededTasks = 3;
        SimServer server(config);
        QCOMPARE(server.taskIds().size(), 5);
        QVERIFY(server.taskIds().contains(u"s2"));
        QVERIFY(server.listen());

        config.scenarioFile = dir.filePath(QStringLiteral("missing.json"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("missing\\.json")));
        SimServer broken(config);
        QVERIFY(!broken.listen());
        QVERIFY(broken.errorString().contains(u"missing.json"));
    }
};

QTEST_GUILESS_MAIN(TestSimControl)
#include "tst_simcontrol.moc"

#include "SimHttp.h"
#include "models/ApiError.h"
#include "models/ApiVersion.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>

// GET /{version}/task-status/{id}: the experimental header rule, 404s, routes, 414 and the HTTP layer.
class TestSimTaskStatus : public QObject
{
    Q_OBJECT

private:
    static QJsonObject entry(const char *json) { return QJsonDocument::fromJson(json).object(); }

    static QByteArray rawExchange(const QUrl &base, const QByteArray &bytes)
    {
        return SimHttp::rawExchange(base, bytes);
    }

private Q_SLOTS:
    void byIdInEveryVersion()
    {
        SimServer server(SimConfig {});
        const QString id = server.addTask(entry(R"({"id": "00eebcf881994e419d72e757fd30dc0e", "outcome": "ERROR"})"));
        QCOMPARE(id, QStringLiteral("00eebcf881994e419d72e757fd30dc0e"));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : ApiVersions::all()) {
            const HttpResult result = http.api(http.url(ApiVersions::taskPath(version, id)), token);
            QCOMPARE(result.status, 200);
            QCOMPARE(result.header("Content-Type"), QByteArray("application/json;charset=utf-8"));
            const Parsed<TaskStatus> status = TaskStatus::fromJson(result.body);
            QVERIFY2(status.ok(), qPrintable(status.error().message()));
            QCOMPARE(status->id, id);
        }
        const QJsonObject stats = server.stats().value(u"requests").toObject();
        QCOMPARE(stats.value(u"GET /v2025/task-status/{id}").toObject().value(u"200").toInt(), 1);
        QCOMPARE(stats.value(u"GET /task-status/v1/{id}").toObject().value(u"200").toInt(), 1);
        QCOMPARE(stats.value(u"GET /beta/task-status/{id}").toObject().value(u"200").toInt(), 1);
    }

    void unknownIdIs404WithTrackingId()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        QSet<QString> trackingIds;
        for (ApiVersion version : ApiVersions::all()) {
            const HttpResult result = http.api(
                    http.url(ApiVersions::taskPath(version, QStringLiteral("ffffffffffffffffffffffffffffffff"))),
                    token);
            QCOMPARE(result.status, 404);
            const ApiError error = ApiError::fromResponse(result.status, result.body);
            QCOMPARE(error.detailCode, QStringLiteral("404 Not found"));
            QVERIFY(!error.messages.isEmpty());
            static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
            QVERIFY(hex32.match(error.trackingId).hasMatch());
            trackingIds.insert(error.trackingId);
        }
        QCOMPARE(trackingIds.size(), ApiVersions::all().size()); // a fresh one each time
    }

    void experimentalHeaderRule()
    {
        SimServer server(SimConfig {});
        const QString id = server.addTask(QJsonObject());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : ApiVersions::all()) {
            for (const QString &path : {ApiVersions::taskPath(version, id), ApiVersions::listPath(version)}) {
                const HttpResult without = http.api(http.url(path), token, false);
                const HttpResult wrong = http.get(
                        http.url(path), {{"Authorization", "Bearer " + token}, {"X-SailPoint-Experimental", "false"}});
                if (ApiVersions::isExperimental(version)) {
                    QCOMPARE(without.status, 400);
                    QCOMPARE(without.body, QByteArray(R"({"error":"Experimental Header is missing or invalid."})"));
                    QCOMPARE(wrong.status, 400);
                    QCOMPARE(ApiError::fromResponse(400, without.body).error,
                             QStringLiteral("Experimental Header is missing or invalid."));
                } else {
                    QCOMPARE(without.status, 200);
                    QCOMPARE(wrong.status, 200);
                }
                QCOMPARE(http.api(http.url(path), token, true).status, 200);
            }
        }
    }

    void experimentalHeaderOptional()
    {
        SimConfig config;
        config.experimentalHeaderRequired = false;
        SimServer server(config);
        const QString id = server.addTask(QJsonObject());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : ApiVersions::all())
            QCOMPARE(http.api(http.url(ApiVersions::taskPath(version, id)), token, false).status, 200);
    }

    void routes_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("v3") << QByteArray("GET") << QStringLiteral("/v3/task-status") << 404 << QByteArray();
        QTest::newRow("v1 the other way")
                << QByteArray("GET") << QStringLiteral("/v1/task-status") << 404 << QByteArray();
        QTest::newRow("trailing slash") << QByteArray("GET") << QStringLiteral("/v2025/task-status/") << 404
                                        << QByteArray();
        QTest::newRow("too deep") << QByteArray("GET") << QStringLiteral("/v2025/task-status/a/b") << 404
                                  << QByteArray();
        // pending-tasks exists up to v2025; v2026 and v1 do not have it.
        QTest::newRow("v2026 pending tasks")
                << QByteArray("GET") << QStringLiteral("/v2026/task-status/pending-tasks") << 404 << QByteArray();
        QTest::newRow("v1 pending tasks")
                << QByteArray("GET") << QStringLiteral("/task-status/v1/pending-tasks") << 404 << QByteArray();
        QTest::newRow("root") << QByteArray("GET") << QStringLiteral("/") << 404 << QByteArray();
        QTest::newRow("patch list") << QByteArray("PATCH") << QStringLiteral("/v2025/task-status") << 405
                                    << QByteArray("GET");
        QTest::newRow("post list") << QByteArray("POST") << QStringLiteral("/task-status/v1") << 405
                                   << QByteArray("GET");
        QTest::newRow("delete") << QByteArray("DELETE") << QStringLiteral("/beta/task-status/abc") << 405
                                << QByteArray("GET,PATCH");
        QTest::newRow("put") << QByteArray("PUT") << QStringLiteral("/task-status/v1/abc") << 405
                             << QByteArray("GET,PATCH");
        QTest::newRow("post pending") << QByteArray("POST") << QStringLiteral("/beta/task-status/pending-tasks") << 405
                                      << QByteArray("GET,HEAD");
    }
    void routes()
    {
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, allow);
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result =
                http.send(verb, http.url(path),
                          {{"Authorization", "Bearer " + http.token()}, {"X-SailPoint-Experimental", "true"}});
        QCOMPARE(result.status, status);
        const ApiError error = ApiError::fromResponse(result.status, result.body);
        QVERIFY(!error.detailCode.isEmpty());
        QCOMPARE(result.header("Allow"), allow);
    }

    void encodedIdsAreDecoded()
    {
        SimServer server(SimConfig {});
        server.addTask(entry(R"({"id": "my-task_1"})"));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.api(
                QUrl(server.baseUrl().toString() + QStringLiteral("/v2025/task-status/my%2Dtask%5F1")), http.token());
        QCOMPARE(result.status, 200);
        QCOMPARE(result.object().value(u"id").toString(), QStringLiteral("my-task_1"));
    }

    void requestLineOver8KiBIs414()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        // The request line is "GET " + target + " HTTP/1.1": make the target exactly fit, then one byte more.
        const QString prefix = QStringLiteral("/v2025/task-status?filters=");
        const int fits = 8192 - 4 - 9 - static_cast<int>(prefix.size());
        const QUrl fitting(server.baseUrl().toString() + prefix + QString(fits, u'a'));
        const QUrl tooLong(server.baseUrl().toString() + prefix + QString(fits + 1, u'a'));
        QCOMPARE(http.api(fitting, token).status, 400); // read, then refused as a filter
        const HttpResult result = http.api(tooLong, token);
        QCOMPARE(result.status, 414);
        QVERIFY(!ApiError::fromResponse(414, result.body).detailCode.isEmpty());
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), token).status, 200); // the server is fine
        QCOMPARE(server.stats()
                         .value(u"requests")
                         .toObject()
                         .value(u"GET (unreadable request)")
                         .toObject()
                         .value(u"414")
                         .toInt(),
                 1);
    }

    void keepAliveAndPipelining()
    {
        SimServer server(SimConfig {});
        const QString id = server.addTask(QJsonObject());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray auth = "Authorization: Bearer " + http.token() + "\r\n";
        const QByteArray request = "GET /task-status/v1/" + id.toLatin1() + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
        const QByteArray last = "GET /task-status/v1/nope HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n";
        // Three requests in one write: answered in order on the one connection, which closes after the last.
        const QByteArray received = rawExchange(server.baseUrl(), request + request + last);
        QCOMPARE(received.count("HTTP/1.1 200 OK\r\n"), 2);
        QCOMPARE(received.count("HTTP/1.1 404 Not Found\r\n"), 1);
        QVERIFY(received.indexOf("200 OK") < received.indexOf("404 Not Found"));
        QCOMPARE(received.count("Connection: keep-alive"), 2);
        QCOMPARE(received.count("Connection: close"), 1);
    }

    void garbageIsRefusedAndTheConnectionClosed()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        const QByteArray received = rawExchange(server.baseUrl(), "HELLO\r\n\r\n");
        QVERIFY(received.startsWith("HTTP/1.1 400 Bad Request\r\n"));
        QVERIFY(received.contains("Connection: close"));
        const QByteArray chunked =
                rawExchange(server.baseUrl(), "POST /oauth/token HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
        QVERIFY(chunked.startsWith("HTTP/1.1 501 "));
    }
};

QTEST_GUILESS_MAIN(TestSimTaskStatus)
#include "tst_simtaskstatus.moc"

#include "SimHttp.h"
#include "models/ApiError.h"
#include "models/ApiVersion.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QTest>

Q_DECLARE_METATYPE(ApiVersion)

// GET and HEAD /task-status/pending-tasks (beta, v2024, v2025), the list with completionStatus isnull that
// replaces it on v2026 and v1, and stuck tasks, over real loopback HTTP. The tasks come from a scenario,
// so the truth is known: two running (one stuck), three queued, three finished.
class TestSimPending : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<SimHttp> m_http;
    QByteArray m_token;
    const QStringList m_pending {QStringLiteral("stuck"), QStringLiteral("r1"), QStringLiteral("q1"),
                                 QStringLiteral("q2"), QStringLiteral("q3")}; // by created

    HttpResult pending(ApiVersion version, const QList<QPair<QString, QString>> &query = {})
    {
        return m_http->api(m_http->url(ApiVersions::listPath(version) + QStringLiteral("/pending-tasks"), query),
                           m_token);
    }
    HttpResult headPending(ApiVersion version, const QList<QPair<QString, QString>> &query = {})
    {
        return m_http->head(m_http->url(ApiVersions::listPath(version) + QStringLiteral("/pending-tasks"), query),
                            {{"Authorization", "Bearer " + m_token}, {"X-SailPoint-Experimental", "true"}});
    }
    static QStringList ids(const HttpResult &result)
    {
        QStringList ids;
        for (const QJsonValue &item : result.array())
            ids.append(item.toObject().value(u"id").toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig config;
        config.rateLimitRequests = 0;
        m_server = std::make_unique<SimServer>(config);
        const char *entries[] = {
                R"({"id": "c1", "createdAgo": 9000, "duration": 10, "outcome": "SUCCESS"})",
                R"({"id": "c2", "createdAgo": 8000, "duration": 10, "outcome": "ERROR"})",
                // "Running at 40 % for three hours": it reached 40 % after 720 s and has not moved since.
                R"({"id": "stuck", "createdAgo": 10800, "duration": 1800, "stuckAt": 40, "type": "IDENTITY_REFRESH"})",
                R"({"id": "c3", "createdAgo": 7000, "duration": 10, "outcome": "TERMINATED"})",
                R"({"id": "r1", "createdAgo": 600, "duration": 1000000})",
                R"({"id": "q1", "createdAgo": 500, "startDelay": 1000000})",
                R"({"id": "q2", "createdAgo": 400, "startDelay": 1000000})",
                R"({"id": "q3", "createdAgo": 300, "startDelay": 1000000})",
        };
        for (const char *entry : entries)
            QVERIFY2(!m_server->addTask(QJsonDocument::fromJson(entry).object()).isEmpty(),
                     qPrintable(m_server->errorString()));
        QVERIFY(m_server->listen());
        m_http = std::make_unique<SimHttp>(m_server->baseUrl());
        m_token = m_http->token();
        QVERIFY(!m_token.isEmpty());
    }

    void pendingTasks_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : {ApiVersion::Beta, ApiVersion::V2024, ApiVersion::V2025})
            QTest::addRow("%s", qPrintable(ApiVersions::name(version))) << version;
    }
    void pendingTasks()
    {
        QFETCH(ApiVersion, version);
        const HttpResult all = pending(version);
        QCOMPARE(all.status, 200);
        QCOMPARE(ids(all), m_pending);
        QVERIFY(!all.hasHeader("X-Total-Count")); // only with count=true
        QCOMPARE(all.header("X-Deprecated"), QByteArray("true")); // the spec marks it deprecated
        const Parsed<QList<TaskStatus>> statuses = TaskStatus::listFromJson(all.body);
        QVERIFY2(statuses.ok(), qPrintable(statuses.error().message()));
        for (const TaskStatus &status : statuses.value())
            QVERIFY(status.state() == TaskState::Queued || status.state() == TaskState::Running);

        // Paging, with the total of all pending tasks.
        const HttpResult page = pending(version,
                                        {{QStringLiteral("limit"), QStringLiteral("2")},
                                         {QStringLiteral("offset"), QStringLiteral("1")},
                                         {QStringLiteral("count"), QStringLiteral("true")}});
        QCOMPARE(page.status, 200);
        QCOMPARE(ids(page), m_pending.mid(1, 2));
        QCOMPARE(page.header("X-Total-Count"), QByteArray("5"));
        const HttpResult beyond = pending(
                version,
                {{QStringLiteral("offset"), QStringLiteral("10")}, {QStringLiteral("count"), QStringLiteral("true")}});
        QCOMPARE(beyond.status, 204); // an empty page: No Content
        QVERIFY(beyond.body.isEmpty());
        QCOMPARE(beyond.header("X-Total-Count"), QByteArray("5"));
        // Filters and sorters are not parameters of this endpoint: ignored, as unknown parameters are.
        QCOMPARE(ids(pending(version,
                             {{QStringLiteral("filters"), QStringLiteral("id eq \"q1\"")},
                              {QStringLiteral("sorters"), QStringLiteral("-created")}})),
                 m_pending);

        const HttpResult bad = pending(version, {{QStringLiteral("limit"), QStringLiteral("251")}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(ApiError::fromResponse(400, bad.body).detailCode, QStringLiteral("400.1.3 Illegal value"));
    }

    void headGivesTheCountOnly_data() { pendingTasks_data(); }
    void headGivesTheCountOnly()
    {
        QFETCH(ApiVersion, version);
        const HttpResult counted = headPending(version, {{QStringLiteral("count"), QStringLiteral("true")}});
        QCOMPARE(counted.status, 200);
        QCOMPARE(counted.header("X-Total-Count"), QByteArray("5"));
        QVERIFY(counted.body.isEmpty());
        const HttpResult limited = headPending(
                version,
                {{QStringLiteral("count"), QStringLiteral("true")}, {QStringLiteral("limit"), QStringLiteral("1")}});
        QCOMPARE(limited.header("X-Total-Count"), QByteArray("5"));
        QVERIFY(!headPending(version).hasHeader("X-Total-Count"));
        QCOMPARE(headPending(version, {{QStringLiteral("limit"), QStringLiteral("-1")}}).status, 400);
        // Without a token: 401 like any request.
        QCOMPARE(m_http->head(m_http->url(ApiVersions::listPath(version) + QStringLiteral("/pending-tasks"))).status,
                 401);
    }

    void headOnTheWireHasNoBody()
    {
        // Content-Length as for GET, then nothing: the next response on the connection starts right after.
        const QByteArray auth = "Authorization: Bearer " + m_token + "\r\nX-SailPoint-Experimental: true\r\n";
        const QByteArray head =
                "HEAD /v2025/task-status/pending-tasks?count=true HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n";
        const QByteArray get =
                "GET /v2025/task-status/pending-tasks HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n\r\n";
        const QByteArray received = SimHttp::rawExchange(m_server->baseUrl(), head + get);
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(received.left(headEnd).contains("X-Total-Count: 5"));
        QVERIFY(!received.left(headEnd).contains("Content-Length: 0"));
        QVERIFY(received.mid(headEnd + 4).startsWith("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(received.count("HTTP/1.1 "), 2);
        QVERIFY(received.endsWith("]"));
    }

    // Nothing pending: 204 No Content, as the spec allows, with the count still said (0).
    void nothingPendingIsNoContent()
    {
        SimServer empty {SimConfig()};
        QVERIFY(empty.addTask(QJsonDocument::fromJson(R"({"id":"done","createdAgo":600,"duration":10})").object())
                        .size()
                > 0);
        QVERIFY(empty.listen());
        SimHttp http(empty.baseUrl());
        const QByteArray token = http.token();
        const QUrl url = http.url(QStringLiteral("/v2025/task-status/pending-tasks"),
                                  {{QStringLiteral("count"), QStringLiteral("true")}});
        const HttpResult get = http.api(url, token);
        QCOMPARE(get.status, 204);
        QVERIFY(get.body.isEmpty());
        QCOMPARE(get.header("X-Total-Count"), QByteArray("0"));
        const HttpResult head =
                http.head(url, {{"Authorization", "Bearer " + token}, {"X-SailPoint-Experimental", "true"}});
        QCOMPARE(head.status, 204);
        QCOMPARE(head.header("X-Total-Count"), QByteArray("0"));
    }

    void notInV2026AndV1_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::newRow("v2026") << ApiVersion::V2026;
        QTest::newRow("v1") << ApiVersion::V1;
    }
    void notInV2026AndV1()
    {
        QFETCH(ApiVersion, version);
        const HttpResult get = pending(version);
        QCOMPARE(get.status, 404);
        QCOMPARE(ApiError::fromResponse(404, get.body).detailCode, QStringLiteral("404 Not found"));
        QCOMPARE(headPending(version).status, 404);
        const QJsonObject requests = m_server->stats().value(u"requests").toObject();
        QVERIFY(requests.value(u"GET (unknown route)").toObject().value(u"404").toInt() >= 1);
        QVERIFY(requests.value(u"HEAD (unknown route)").toObject().value(u"404").toInt() >= 1);
    }

    void theListWithIsNullReplacesIt_data() { notInV2026AndV1_data(); }
    void theListWithIsNullReplacesIt()
    {
        // What the spec advises instead: /task-status?count=true&filters=completionStatus isnull.
        QFETCH(ApiVersion, version);
        const QList<QPair<QString, QString>> query {
                {QStringLiteral("count"), QStringLiteral("true")},
                {QStringLiteral("filters"), QStringLiteral("completionStatus isnull")}};
        const HttpResult all = m_http->api(m_http->url(ApiVersions::listPath(version), query), m_token);
        QCOMPARE(all.status, 200);
        QCOMPARE(ids(all), m_pending);
        QCOMPARE(all.header("X-Total-Count"), QByteArray("5"));
        QVERIFY(!all.hasHeader("X-Deprecated"));
        const HttpResult one = m_http->api(
                m_http->url(ApiVersions::listPath(version),
                            query + QList<QPair<QString, QString>> {{QStringLiteral("limit"), QStringLiteral("1")}}),
                m_token);
        QCOMPARE(ids(one), m_pending.mid(0, 1));
        QCOMPARE(one.header("X-Total-Count"), QByteArray("5"));
        // The same number as the pending-tasks count of the older versions.
        QCOMPARE(headPending(ApiVersion::V2025, {{QStringLiteral("count"), QStringLiteral("true")}})
                         .header("X-Total-Count"),
                 one.header("X-Total-Count"));
    }

    void stuckTaskShowsItsPercentageForever()
    {
        const HttpResult result = m_http->api(m_http->url(QStringLiteral("/v2026/task-status/stuck")), m_token);
        QCOMPARE(result.status, 200);
        const TaskStatus status = TaskStatus::fromJson(result.body).value();
        QCOMPARE(status.state(), TaskState::Running);
        QCOMPARE(status.percentComplete, 40);
        QVERIFY(!status.completed.isValid());
        // Launched three hours ago, last progress report 720 s later: `modified` says how long it has not moved.
        QCOMPARE(status.launched.msecsTo(status.modified), 720000);
        const QJsonArray truth =
                m_http->get(m_http->url(QStringLiteral("/__sim/tasks"))).object().value(u"tasks").toArray();
        for (const QJsonValue &task : truth) {
            if (task.toObject().value(u"id").toString() == u"stuck") {
                QCOMPARE(task.toObject().value(u"stuckAt").toInt(), 40);
                QCOMPARE(task.toObject().value(u"phase").toString(), QStringLiteral("running"));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSimPending)
#include "tst_simpending.moc"

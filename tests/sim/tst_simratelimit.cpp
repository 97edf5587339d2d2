#include "SimHttp.h"
#include "models/ApiError.h"
#include "sim/SimServer.h"

#include <QTest>

// 429 with Retry-After beyond N requests per window, per client id and API version.
class TestSimRateLimit : public QObject
{
    Q_OBJECT

private:
    static SimConfig config(int requests, int seconds)
    {
        SimConfig config;
        config.rateLimitRequests = requests;
        config.rateLimitSeconds = seconds;
        config.credentials.append(SimCredentials {QStringLiteral("second"), QStringLiteral("client")});
        return config;
    }

private Q_SLOTS:
    void defaultIs100Per10Seconds()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QUrl url =
                http.url(QStringLiteral("/v2025/task-status"), {{QStringLiteral("limit"), QStringLiteral("1")}});
        for (int i = 0; i < 100; ++i)
            QCOMPARE(http.api(url, token).status, 200);
        const HttpResult refused = http.api(url, token);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.body, QByteArray(R"({"message":" Rate Limit Exceeded "})"));
        bool ok = false;
        const int retryAfter = refused.header("Retry-After").toInt(&ok);
        QVERIFY(ok);
        QVERIFY(retryAfter >= 1 && retryAfter <= 10);
        const ApiError error = ApiError::fromResponse(refused.status, refused.body);
        QCOMPARE(error.message, QStringLiteral("Rate Limit Exceeded"));
        const QJsonObject stats = server.stats();
        QCOMPARE(stats.value(u"rateLimited").toInt(), 1);
        QCOMPARE(stats.value(u"requests").toObject().value(u"GET /v2025/task-status").toObject().value(u"429").toInt(),
                 1);
        QCOMPARE(stats.value(u"requests").toObject().value(u"GET /v2025/task-status").toObject().value(u"200").toInt(),
                 100);
    }

    void budgetsPerVersionAndClient()
    {
        SimServer server(config(3, 60));
        const QString id = server.addTask(QJsonObject());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray demo = http.token();
        const QByteArray second = http.token(QStringLiteral("second"), QStringLiteral("client"));
        // By id and list of one version share one budget.
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status/") + id), demo).status, 200);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), demo).status, 200);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status/") + id), demo).status, 200);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), demo).status, 429);
        // Another version, another client: budgets of their own.
        QCOMPARE(http.api(http.url(QStringLiteral("/v2026/task-status")), demo).status, 200);
        QCOMPARE(http.api(http.url(QStringLiteral("/task-status/v1")), demo).status, 200);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), second).status, 200);
        // A second token of the same client does not reset its budget.
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), http.token()).status, 429);
        QCOMPARE(server.stats().value(u"rateLimited").toInt(), 2);
    }

    void retryAfterIsHonest()
    {
        SimServer server(config(2, 1));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QUrl url = http.url(QStringLiteral("/beta/task-status"));
        QCOMPARE(http.api(url, token).status, 200);
        QCOMPARE(http.api(url, token).status, 200);
        const HttpResult refused = http.api(url, token);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        // Refusals do not use the budget: once the window has moved on, requests pass again.
        // (QTRY evaluates its condition once more after success: remember the success instead of asking again.)
        bool passed = false;
        auto attempt = [&] { return passed = passed || http.api(url, token).status == 200; };
        QTRY_VERIFY_WITH_TIMEOUT(attempt(), 10000);
    }

    void unauthenticatedRequestsAreNotCounted()
    {
        SimServer server(config(1, 60));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), "bad.token.x").status, 401);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")), http.token()).status, 200);
    }

    void zeroDisablesTheLimit()
    {
        SimServer server(config(0, 10));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (int i = 0; i < 150; ++i)
            QCOMPARE(http.api(http.url(QStringLiteral("/task-status/v1")), token).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSimRateLimit)
#include "tst_simratelimit.moc"

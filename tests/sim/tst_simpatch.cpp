#include "SimHttp.h"
#include "models/ApiError.h"
#include "models/ApiVersion.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QTest>

Q_DECLARE_METATYPE(ApiVersion)

// PATCH /task-status/{id} over real loopback HTTP: every version, the spec's example, what is refused and
// how, the read-only client, and that a PATCH passes the token check and the rate limit like any request.
class TestSimPatch : public QObject
{
    Q_OBJECT

private:
    static constexpr char specExample[] =
            R"([{"op":"replace","path":"/completionStatus","value":"Error"},)"
            R"({"op":"replace","path":"/completed","value":"2024-05-17 19:33:16.470000+00:00"}])";

    static SimConfig config()
    {
        SimConfig config;
        config.credentials = {{QStringLiteral("admin"), QStringLiteral("pat")},
                              {QStringLiteral("reader"), QStringLiteral("api")}};
        config.readOnlyClients = {QStringLiteral("reader")};
        return config;
    }
    // Running for days at first sight, and one that has long finished.
    static void addTasks(SimServer &server)
    {
        for (const char *entry : {R"({"id": "running", "createdAgo": 60, "duration": 1000000, "outcome": "SUCCESS"})",
                                  R"({"id": "queued", "startDelay": 1000000})",
                                  R"({"id": "done", "createdAgo": 600, "duration": 10, "outcome": "WARNING"})"}) {
            if (server.addTask(QJsonDocument::fromJson(entry).object()).isEmpty())
                qFatal("%s", qPrintable(server.errorString()));
        }
    }
    static qint64 statsValue(const SimServer &server, const char *name)
    {
        return server.stats().value(QLatin1String(name)).toInteger();
    }

private Q_SLOTS:
    void theSpecsExampleInEveryVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        for (ApiVersion version : ApiVersions::all())
            QTest::addRow("%s", qPrintable(ApiVersions::name(version))) << version;
    }
    void theSpecsExampleInEveryVersion()
    {
        QFETCH(ApiVersion, version);
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        const QUrl url = http.url(ApiVersions::taskPath(version, QStringLiteral("running")));
        const TaskStatus before = TaskStatus::fromJson(http.api(url, token).body).value();
        QCOMPARE(before.state(), TaskState::Running);

        const HttpResult result = http.patch(url, token, specExample);
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        // Upper case and RFC 3339, whatever the request's spelling.
        const QJsonObject body = result.object();
        QCOMPARE(body.value(u"completionStatus").toString(), QStringLiteral("ERROR"));
        QCOMPARE(body.value(u"completed").toString(), QStringLiteral("2024-05-17T19:33:16.470Z"));
        QCOMPARE(body.value(u"id").toString(), QStringLiteral("running"));
        QCOMPARE(body.value(u"launched").toString(), before.launched.toString(Qt::ISODateWithMs));

        // What GET shows from now on is the same finished task.
        const HttpResult after = http.api(url, token);
        QCOMPARE(after.object(), body);
        QCOMPARE(TaskStatus::fromJson(after.body).value().state(), TaskState::Error);
        QCOMPARE(statsValue(server, "patchRequests"), 1);
        QCOMPARE(statsValue(server, "patchesApplied"), 1);
        const QString route = QStringLiteral("PATCH ") + ApiVersions::listPath(version) + QStringLiteral("/{id}");
        QCOMPARE(server.stats().value(u"requests").toObject().value(route).toObject().value(u"200").toInt(), 1);
    }

    void clearedTasksLeaveTheRunningFilters()
    {
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        auto listIds = [&](const QString &path, const QString &filters) {
            QList<QPair<QString, QString>> query;
            if (!filters.isEmpty())
                query.append({QStringLiteral("filters"), filters});
            QStringList ids;
            for (const QJsonValue &item : http.api(http.url(path, query), token).array())
                ids.append(item.toObject().value(u"id").toString());
            return ids;
        };
        const QString isNull = QStringLiteral("completionStatus isnull");
        QCOMPARE(listIds(QStringLiteral("/v2026/task-status"), isNull),
                 (QStringList {QStringLiteral("running"), QStringLiteral("queued")}));
        QCOMPARE(listIds(QStringLiteral("/beta/task-status"), {}), QStringList {QStringLiteral("done")});

        const QByteArray terminate = R"([{"op":"replace","path":"/completionStatus","value":"Terminated"},)"
                                     R"({"op":"replace","path":"/completed","value":"2026-12-04T10:00:00Z"}])";
        QCOMPARE(http.patch(http.url(QStringLiteral("/task-status/v1/queued")), token, terminate).status, 200);
        QCOMPARE(listIds(QStringLiteral("/v2026/task-status"), isNull), QStringList {QStringLiteral("running")});
        QCOMPARE(listIds(QStringLiteral("/v2025/task-status"), QStringLiteral("completionStatus eq \"TERMINATED\"")),
                 QStringList {QStringLiteral("queued")});
        // beta lists completed tasks only: the cleared one is among them now.
        QCOMPARE(listIds(QStringLiteral("/beta/task-status"), {}),
                 (QStringList {QStringLiteral("done"), QStringLiteral("queued")}));
        QCOMPARE(listIds(QStringLiteral("/v2025/task-status/pending-tasks"), {}),
                 QStringList {QStringLiteral("running")});

        // The ground truth says which tasks were patched.
        const QJsonArray truth = http.get(http.url(QStringLiteral("/__sim/tasks"))).object().value(u"tasks").toArray();
        QStringList patched;
        for (const QJsonValue &task : truth) {
            if (task.toObject().value(u"patched").toBool())
                patched.append(task.toObject().value(u"id").toString());
        }
        QCOMPARE(patched, QStringList {QStringLiteral("queued")});
        QCOMPARE(statsValue(server, "patchRequests"), 1);
        server.reset(); // statistics start again
        QCOMPARE(statsValue(server, "patchRequests"), 0);
        QCOMPARE(statsValue(server, "patchesApplied"), 0);
    }

    // A patch keeps a task coherent: an outcome alone finishes it now (never an outcome without a completed date),
    // and a finished task may have its completed date alone corrected.
    void anOutcomeAloneFinishesTheTaskNow()
    {
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        const QUrl running = http.url(QStringLiteral("/v2025/task-status/running"));
        const HttpResult patched =
                http.patch(running, token, R"([{"op":"replace","path":"/completionStatus","value":"error"}])");
        QCOMPARE(patched.status, 200);
        const TaskStatus status = TaskStatus::fromJson(patched.body).value();
        QCOMPARE(status.state(), TaskState::Error);
        QVERIFY(status.completed.isValid());
        const QUrl done = http.url(QStringLiteral("/v2025/task-status/done"));
        const HttpResult dated =
                http.patch(done, token, R"([{"op":"replace","path":"/completed","value":"2024-05-17T19:33:16Z"}])");
        QCOMPARE(dated.status, 200);
        const TaskStatus finished = TaskStatus::fromJson(dated.body).value();
        QCOMPARE(finished.state(), TaskState::Warning);
        QCOMPARE(finished.completed, QDateTime(QDate(2024, 5, 17), QTime(19, 33, 16), Qt::UTC));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("cause");
        const QByteArray type = "application/json-patch+json";
        QTest::newRow("JSON content type")
                << QByteArray("application/json") << QByteArray(specExample) << QStringLiteral("Content-Type");
        QTest::newRow("no content type") << QByteArray() << QByteArray(specExample) << QStringLiteral("Content-Type");
        QTest::newRow("not an array") << type << QByteArray(R"({"op":"replace"})") << QStringLiteral("array");
        QTest::newRow("not JSON") << type << QByteArray("completionStatus=Error") << QStringLiteral("not JSON");
        QTest::newRow("bad op") << type << QByteArray(R"([{"op":"add","path":"/completionStatus","value":"Error"}])")
                                << QStringLiteral("[0].op");
        QTest::newRow("bad path") << type << QByteArray(R"([{"op":"replace","path":"/percentComplete","value":100}])")
                                  << QStringLiteral("[0].path");
        QTest::newRow("bad status") << type
                                    << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":"Done"}])")
                                    << QStringLiteral("[0].value");
        QTest::newRow("bad date") << type << QByteArray(R"([{"op":"replace","path":"/completed","value":"now"}])")
                                  << QStringLiteral("[0].value");
        QTest::newRow("offset without its colon")
                << type
                << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":"ERROR"},)"
                              R"({"op":"replace","path":"/completed","value":"2024-05-17T19:33:16.470+0000"}])")
                << QStringLiteral("[1].value");
        QTest::newRow("no offset") << type
                                   << QByteArray(
                                              R"([{"op":"replace","path":"/completionStatus","value":"ERROR"},)"
                                              R"({"op":"replace","path":"/completed","value":"2024-05-17T19:33:16"}])")
                                   << QStringLiteral("[1].value");
        QTest::newRow("a completed date alone on a running task")
                << type << QByteArray(R"([{"op":"replace","path":"/completed","value":"2024-05-17T19:33:16Z"}])")
                << QStringLiteral("has not finished");
    }
    void refusals()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, cause);
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        const QUrl url = http.url(QStringLiteral("/v2025/task-status/running"));
        const HttpResult result = http.patch(url, token, body, contentType);
        QCOMPARE(result.status, 400);
        const ApiError error = ApiError::fromResponse(result.status, result.body);
        QCOMPARE(error.detailCode, QStringLiteral("400.1 Bad Request Content"));
        QCOMPARE(error.trackingId.size(), 32);
        QCOMPARE(error.causes.size(), 1);
        QVERIFY2(error.causes.first().contains(cause), qPrintable(error.causes.first()));
        // Nothing changed.
        QCOMPARE(TaskStatus::fromJson(http.api(url, token).body).value().state(), TaskState::Running);
        QCOMPARE(statsValue(server, "patchRequests"), 1);
        QCOMPARE(statsValue(server, "patchesApplied"), 0);
    }

    void unknownIdIs404()
    {
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        for (ApiVersion version : ApiVersions::all()) {
            const HttpResult result = http.patch(
                    http.url(ApiVersions::taskPath(version, QStringLiteral("2c9180835d2e5168015d32f890ca1581"))), token,
                    specExample);
            QCOMPARE(result.status, 404);
            QCOMPARE(ApiError::fromResponse(404, result.body).detailCode, QStringLiteral("404 Not found"));
        }
        QCOMPARE(statsValue(server, "patchRequests"), ApiVersions::all().size());
    }

    void readOnlyClientsMayReadButNotPatch()
    {
        SimServer server(config());
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult tokenResult = http.tokenRequest(QStringLiteral("reader"), QStringLiteral("api"));
        QCOMPARE(tokenResult.status, 200);
        QCOMPARE(tokenResult.object().value(u"scope").toString(), QStringLiteral("idn:task-management:read"));
        QCOMPARE(http.tokenRequest(QStringLiteral("admin"), QStringLiteral("pat")).object().value(u"scope").toString(),
                 QStringLiteral("sp:scopes:all"));
        const QByteArray token = tokenResult.object().value(u"access_token").toString().toLatin1();
        for (ApiVersion version : ApiVersions::all()) {
            const QUrl url = http.url(ApiVersions::taskPath(version, QStringLiteral("running")));
            QCOMPARE(http.api(url, token).status, 200);
            QCOMPARE(http.api(http.url(ApiVersions::listPath(version)), token).status, 200);
            // Refused before the body or the id are looked at: a bad body and an unknown id get 403 too.
            for (const auto &[path, body] : {std::pair(url, QByteArray(specExample)), std::pair(url, QByteArray("[]")),
                                             std::pair(http.url(ApiVersions::taskPath(version, QStringLiteral("nope"))),
                                                       QByteArray(specExample))}) {
                const HttpResult result = http.patch(path, token, body);
                QCOMPARE(result.status, 403);
                const ApiError error = ApiError::fromResponse(403, result.body);
                QCOMPARE(error.detailCode, QStringLiteral("403 Forbidden"));
                QCOMPARE(error.trackingId.size(), 32);
                const QString causes = error.causes.join(u' ');
                QVERIFY2(causes.contains(u"idn:task-management:write"), qPrintable(causes));
                QVERIFY2(causes.contains(u"ORG_ADMIN"), qPrintable(causes));
                QCOMPARE(error.messages,
                         QStringList {QStringLiteral("The server understood the request but refuses "
                                                     "to authorize it.")});
            }
        }
        QCOMPARE(TaskStatus::fromJson(http.api(http.url(QStringLiteral("/v2025/task-status/running")), token).body)
                         .value()
                         .state(),
                 TaskState::Running);
        QCOMPARE(statsValue(server, "patchRequests"), 3 * ApiVersions::all().size());
        QCOMPARE(statsValue(server, "patchesApplied"), 0);
    }

    void patchPassesTheGatewayLikeAnyRequest()
    {
        SimConfig limited = config();
        limited.rateLimitRequests = 2;
        limited.rateLimitSeconds = 3600;
        SimServer server(limited);
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QUrl url = http.url(QStringLiteral("/v2025/task-status/running"));

        // No token, a bad one: 401 before anything else.
        QCOMPARE(http.patch(url, QByteArray(), specExample).status, 401);
        QCOMPARE(http.patch(url, "x.y.z", specExample).status, 401);
        const QByteArray token = http.token(QStringLiteral("admin"), QStringLiteral("pat"));
        // v2025 wants the experimental header on PATCH as on GET.
        QNetworkRequest bare(url);
        bare.setRawHeader("Authorization", "Bearer " + token);
        bare.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json-patch+json"));
        QNetworkReply *reply = http.manager().sendCustomRequest(bare, "PATCH", QByteArray(specExample));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QCOMPARE(QJsonDocument::fromJson(reply->readAll()).object().value(u"error").toString(),
                 QStringLiteral("Experimental Header is missing or invalid."));
        reply->deleteLater();

        // The refused request counted against the budget of 2 (it passed the rate limiter first); one left.
        QCOMPARE(http.api(url, token).status, 200);
        const HttpResult limitedResult = http.patch(url, token, specExample);
        QCOMPARE(limitedResult.status, 429);
        QVERIFY(limitedResult.header("Retry-After").toInt() > 0);
        QCOMPARE(TaskStatus::fromJson(http.api(http.url(QStringLiteral("/task-status/v1/running")), token).body)
                         .value()
                         .state(),
                 TaskState::Running);
        QCOMPARE(statsValue(server, "patchRequests"), 4);
        QCOMPARE(statsValue(server, "patchesApplied"), 0);
        QCOMPARE(statsValue(server, "rateLimited"), 1);
    }

    void countsDroppedPatchesToo()
    {
        SimConfig dropping = config();
        dropping.dropRate = 1;
        SimServer server(dropping);
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        // No answer at all (the token does not matter: the drop comes first), yet the PATCH counts on arrival.
        const HttpResult result =
                http.patch(http.url(QStringLiteral("/v2025/task-status/running")), "x.y.z", specExample);
        QCOMPARE(result.status, 0);
        QVERIFY(statsValue(server, "patchRequests") >= 1); // Qt may resend once after a drop
        QCOMPARE(statsValue(server, "patchesApplied"), 0);
    }
};

QTEST_GUILESS_MAIN(TestSimPatch)
#include "tst_simpatch.moc"

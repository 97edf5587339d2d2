#include "SimHttp.h"
#include "SpecSchema.h"
#include "models/ApiError.h"
#include "models/ApiVersion.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QTest>

// Every TaskStatus and error body the simulator sends, checked against the official OpenAPI schema of its
// version (tests/sim/spec/) and read with the models' parsers.
class TestSimSchema : public QObject
{
    Q_OBJECT

private:
    QHash<ApiVersion, SpecSchema::Schemas> m_schemas;

    static QString specFile(ApiVersion version)
    {
        const QString dir = QStringLiteral(TASKWATCH_SIM_SPEC_DIR);
        if (version == ApiVersion::V1)
            return dir + QStringLiteral("/v1.task-management.openapi.yaml");
        return dir + u'/' + ApiVersions::name(version) + QStringLiteral(".task-status.openapi.yaml");
    }

    // Tasks in every phase and outcome, with and without targets.
    static void addTasks(SimServer &server)
    {
        const char *entries[] = {
                R"({"id": "queued", "startDelay": 100000})",
                R"({"id": "running", "duration": 100000, "type": "IDENTITY_REFRESH"})",
                R"({"id": "success", "createdAgo": 100, "duration": 10, "outcome": "SUCCESS"})",
                R"({"id": "warning", "createdAgo": 100, "duration": 10, "outcome": "WARNING", "type": "CLOUD_GROUP_AGGREGATION"})",
                R"({"id": "error", "createdAgo": 100, "duration": 10, "outcome": "ERROR", "target": {"id": "i", "type": "IDENTITY", "name": "Jane"}})",
                R"({"id": "terminated", "createdAgo": 100, "duration": 10, "outcome": "TERMINATED", "statusType": "QPOC"})",
                R"({"id": "temperror", "createdAgo": 100, "duration": 10, "outcome": "TEMPERROR", "type": "QUEUED_TASK", "target": null})",
                R"({"id": "custom", "createdAgo": 100, "duration": 10, "type": "MACHINE_IDENTITY_AGGREGATION", "parentName": "Parent",
                    "messages": [{"type": "INFO"}, {"type": "WARN", "key": "k", "text": "t", "parameters": ["s", {"o": 1}]}],
                    "attributes": {"nested": {"a": [1, 2]}, "n": 1}, "returns": [{"name": "N", "attributeName": "n"}]})",
        };
        for (const char *entry : entries) {
            if (server.addTask(QJsonDocument::fromJson(entry).object()).isEmpty())
                qFatal("scenario entry refused: %s", qPrintable(server.errorString()));
        }
    }

    void verifyTaskStatus(ApiVersion version, const QJsonValue &value)
    {
        const QStringList problems = m_schemas[version].validate(value, QStringLiteral("TaskStatus"));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(ApiVersions::name(version) + u": " + problems.join(QStringLiteral("; "))));
        const Parsed<TaskStatus> status = TaskStatus::fromJson(value.toObject());
        QVERIFY2(status.ok(), qPrintable(status.error().message()));
        QVERIFY2(status->notes.isEmpty(), qPrintable(status->notes.join(u';')));
        for (const ReturnValue &entry : status->returnValues())
            QVERIFY(!entry.value.isUndefined());
    }

    void verifyErrorResponse(ApiVersion version, const HttpResult &result, int status)
    {
        QCOMPARE(result.status, status);
        const QJsonDocument document = QJsonDocument::fromJson(result.body);
        QVERIFY(document.isObject());
        const QStringList problems = m_schemas[version].validate(document.object(), QStringLiteral("ErrorResponseDto"));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
        if (m_schemas[version].hasResponse(QString::number(status))) {
            const QStringList responseProblems =
                    m_schemas[version].validateResponse(document.object(), QString::number(status));
            QVERIFY2(responseProblems.isEmpty(), qPrintable(responseProblems.join(QStringLiteral("; "))));
        }
        const ApiError error = ApiError::fromResponse(result.status, result.body);
        QVERIFY(!error.detailCode.isEmpty());
        QCOMPARE(error.trackingId.size(), 32);
        QVERIFY(!error.messages.isEmpty());
        const QJsonObject message = document.object().value(u"messages").toArray().first().toObject();
        QCOMPARE(message.value(u"locale").toString(), QStringLiteral("en-US"));
        QCOMPARE(message.value(u"localeOrigin").toString(), QStringLiteral("DEFAULT"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (ApiVersion version : ApiVersions::all()) {
            QString error;
            m_schemas.insert(version, SpecSchema::Schemas::fromFile(specFile(version), &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
    }

    void checkerReadsTheSpec()
    {
        // The checker sees what the spec says, so the checks below are against SailPoint's words.
        for (ApiVersion version : ApiVersions::all()) {
            const QJsonObject taskStatus = m_schemas[version].schema(QStringLiteral("TaskStatus"));
            const QJsonArray required = taskStatus.value(u"required").toArray();
            QCOMPARE(required.size(), 16);
            for (const char *field : {"id", "type", "uniqueName", "description", "parentName", "attributes", "created",
                                      "modified", "launched", "launcher", "completed", "completionStatus", "messages",
                                      "progress", "percentComplete", "returns"})
                QVERIFY2(required.contains(QLatin1String(field)), field);
            const QJsonObject properties = taskStatus.value(u"properties").toObject();
            QCOMPARE(properties.value(u"completionStatus").toObject().value(u"enum").toArray().size(), 6);
            QCOMPARE(properties.value(u"type").toObject().value(u"enum").toArray(),
                     (QJsonArray {QStringLiteral("QUARTZ"), QStringLiteral("QPOC"), QStringLiteral("QUEUED_TASK")}));
            // The per-version difference of the schemas: v2026 and v1 declare percentComplete as int32.
            const bool int32 = version == ApiVersion::V2026 || version == ApiVersion::V1;
            QCOMPARE(properties.value(u"percentComplete").toObject().value(u"format").toString(),
                     int32 ? QStringLiteral("int32") : QString());
            QVERIFY(!m_schemas[version].schema(QStringLiteral("ErrorResponseDto")).isEmpty());
            QVERIFY(!m_schemas[version].schema(QStringLiteral("TaskStatusMessage")).isEmpty());
        }
    }

    void checkerRejectsWrongBodies()
    {
        SimServer server(SimConfig {});
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QJsonObject good = http.api(http.url(QStringLiteral("/v2026/task-status/custom")), http.token()).object();
        const SpecSchema::Schemas &schemas = m_schemas[ApiVersion::V2026];
        QCOMPARE(schemas.validate(good, QStringLiteral("TaskStatus")), QStringList());

        auto broken = [&](const std::function<void(QJsonObject &)> &change) {
            QJsonObject copy = good;
            change(copy);
            return schemas.validate(copy, QStringLiteral("TaskStatus"));
        };
        QVERIFY(!broken([](QJsonObject &o) { o.remove(QStringLiteral("percentComplete")); }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) { o.insert(QStringLiteral("percentComplete"), 12.5); }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) { o.insert(QStringLiteral("percentComplete"), 3e10); }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("completionStatus"), QStringLiteral("DONE"));
                 }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) { o.insert(QStringLiteral("type"), QStringLiteral("CRON")); }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("created"), QStringLiteral("yesterday"));
                 }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) { o.insert(QStringLiteral("id"), QJsonValue()); }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("messages"),
                              QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("DEBUG")}}});
                 }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("returns"), QJsonArray {QJsonObject {{QStringLiteral("name"), 1}}});
                 }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("target"), QJsonObject {{QStringLiteral("type"), QStringLiteral("USER")}});
                 }).isEmpty());
        QVERIFY(!broken([](QJsonObject &o) {
                     o.insert(QStringLiteral("messages"),
                              QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("INFO")},
                                                       {QStringLiteral("key"), QStringLiteral("k")},
                                                       {QStringLiteral("parameters"), QJsonArray {1}},
                                                       {QStringLiteral("localizedText"), QJsonValue()}}});
                 }).isEmpty());
        // Nullable fields may be null.
        QCOMPARE(broken([](QJsonObject &o) { o.insert(QStringLiteral("progress"), QJsonValue()); }), QStringList());
        QVERIFY(!schemas.validate(QJsonObject {{QStringLiteral("messages"),
                                                QJsonArray {QJsonObject {
                                                        {QStringLiteral("localeOrigin"), QStringLiteral("X")}}}}},
                                  QStringLiteral("ErrorResponseDto"))
                         .isEmpty());
    }

    void taskStatusBodiesValidate()
    {
        SimServer server(SimConfig {});
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : ApiVersions::all()) {
            for (const QString &id : server.taskIds()) {
                const HttpResult result = http.api(http.url(ApiVersions::taskPath(version, id)), token);
                QCOMPARE(result.status, 200);
                verifyTaskStatus(version, QJsonDocument::fromJson(result.body).object());
            }
            const HttpResult list = http.api(http.url(ApiVersions::listPath(version)), token);
            QCOMPARE(list.status, 200);
            const QJsonArray items = list.array();
            QCOMPARE(items.size(), ApiVersions::listsCompletedOnly(version) ? 6 : 8);
            for (const QJsonValue &item : items)
                verifyTaskStatus(version, item);
        }
    }

    void patchAndPendingBodiesValidate()
    {
        SimConfig config;
        config.credentials.append({QStringLiteral("reader"), QStringLiteral("r")});
        config.readOnlyClients = {QStringLiteral("reader")};
        SimServer server(config);
        addTasks(server);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QByteArray readOnly = http.token(QStringLiteral("reader"), QStringLiteral("r"));
        const QByteArray clear = R"([{"op":"replace","path":"/completionStatus","value":"Terminated"},)"
                                 R"({"op":"replace","path":"/completed","value":"2024-05-17 19:33:16.470000+00:00"}])";
        // Pending tasks first, while "queued" and "running" are still pending.
        for (ApiVersion version : {ApiVersion::Beta, ApiVersion::V2024, ApiVersion::V2025}) {
            const HttpResult pending =
                    http.api(http.url(ApiVersions::listPath(version) + QStringLiteral("/pending-tasks")), token);
            QCOMPARE(pending.status, 200);
            QCOMPARE(pending.array().size(), 2);
            for (const QJsonValue &item : pending.array())
                verifyTaskStatus(version, item);
        }
        for (ApiVersion version : ApiVersions::all()) {
            // Every task patched in every version: running, queued and finished ones alike.
            for (const QString &id : server.taskIds()) {
                const HttpResult patched = http.patch(http.url(ApiVersions::taskPath(version, id)), token, clear);
                QCOMPARE(patched.status, 200);
                verifyTaskStatus(version, QJsonDocument::fromJson(patched.body).object());
                QCOMPARE(patched.object().value(u"completionStatus").toString(), QStringLiteral("TERMINATED"));
            }
            const QUrl url = http.url(ApiVersions::taskPath(version, QStringLiteral("running")));
            verifyErrorResponse(version, http.patch(url, token, "[]"), 400);
            verifyErrorResponse(version, http.patch(url, token, clear, "application/json"), 400);
            verifyErrorResponse(version, http.patch(url, readOnly, clear), 403);
            verifyErrorResponse(
                    version,
                    http.patch(http.url(ApiVersions::taskPath(version, QStringLiteral("missing"))), token, clear), 404);
        }
    }

    void seededTaskBodiesValidate()
    {
        SimConfig config;
        config.seededTasks = 300;
        config.seed = 2026;
        config.rateLimitRequests = 0;
        SimServer server(config);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : {ApiVersion::V2025, ApiVersion::V1}) {
            QJsonArray all;
            for (int offset = 0; offset < 300; offset += 250) {
                const HttpResult page = http.api(
                        http.url(ApiVersions::listPath(version), {{QStringLiteral("offset"), QString::number(offset)}}),
                        token);
                for (const QJsonValue &item : page.array())
                    all.append(item);
            }
            QCOMPARE(all.size(), 300);
            for (const QJsonValue &item : all)
                verifyTaskStatus(version, item);
        }
    }

    void errorBodiesValidate()
    {
        SimServer server(SimConfig {});
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        for (ApiVersion version : ApiVersions::all()) {
            verifyErrorResponse(
                    version, http.api(http.url(ApiVersions::taskPath(version, QStringLiteral("missing"))), token), 404);
            verifyErrorResponse(version,
                                http.api(http.url(ApiVersions::listPath(version),
                                                  {{QStringLiteral("limit"), QStringLiteral("251")}}),
                                         token),
                                400);
            verifyErrorResponse(version,
                                http.api(http.url(ApiVersions::listPath(version),
                                                  {{QStringLiteral("filters"), QStringLiteral("launcher co \"x\"")}}),
                                         token),
                                400);

            // 401 and 429 have their own small bodies in the spec's shared responses.
            const HttpResult unauthorized = http.api(http.url(ApiVersions::listPath(version)), "x.y.z");
            QCOMPARE(unauthorized.status, 401);
            QCOMPARE(m_schemas[version].validateResponse(unauthorized.object(), QStringLiteral("401")), QStringList());
            QVERIFY(unauthorized.object().value(u"error").isString());
        }

        SimConfig failing;
        failing.failRate = 1;
        SimServer faulty(failing);
        QVERIFY(faulty.listen());
        SimHttp faultyHttp(faulty.baseUrl());
        for (ApiVersion version : ApiVersions::all())
            verifyErrorResponse(version, faultyHttp.api(faultyHttp.url(ApiVersions::listPath(version)), token), 500);

        SimConfig limited;
        limited.rateLimitRequests = 1;
        SimServer strict(limited);
        QVERIFY(strict.listen());
        SimHttp strictHttp(strict.baseUrl());
        const QByteArray strictToken = strictHttp.token();
        for (ApiVersion version : ApiVersions::all()) {
            strictHttp.api(strictHttp.url(ApiVersions::listPath(version)), strictToken);
            const HttpResult refused = strictHttp.api(strictHttp.url(ApiVersions::listPath(version)), strictToken);
            QCOMPARE(refused.status, 429);
            QCOMPARE(m_schemas[version].validateResponse(refused.object(), QStringLiteral("429")), QStringList());
            QVERIFY(refused.object().value(u"message").isString());
        }
    }
};

QTEST_GUILESS_MAIN(TestSimSchema)
#include "tst_simschema.moc"

#include "SimHttp.h"
#include "models/ApiError.h"
#include "models/ApiVersion.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QTest>

Q_DECLARE_METATYPE(ApiVersion)

// GET /{version}/task-status: paging, X-Total-Count, sorters, filters per version, and the
// completed-only list of beta and v2024. Tasks are defined by a scenario, so the truth is known.
class TestSimTaskList : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimServer> m_server;
    std::unique_ptr<SimHttp> m_http;
    QByteArray m_token;
    QStringList m_completed, m_running, m_queued;

    QList<TaskStatus> list(ApiVersion version, const QList<QPair<QString, QString>> &query, HttpResult *raw = nullptr)
    {
        const HttpResult result = m_http->api(m_http->url(ApiVersions::listPath(version), query), m_token);
        if (raw)
            *raw = result;
        if (result.status != 200)
            return {};
        const Parsed<QList<TaskStatus>> statuses = TaskStatus::listFromJson(result.body);
        if (!statuses)
            qFatal("list body: %s", qPrintable(statuses.error().message()));
        return statuses.value();
    }
    static QStringList ids(const QList<TaskStatus> &statuses)
    {
        QStringList ids;
        for (const TaskStatus &status : statuses)
            ids.append(status.id);
        return ids;
    }
    static QStringList names(std::initializer_list<const char *> list)
    {
        QStringList result;
        for (const char *name : list)
            result.append(QLatin1String(name));
        return result;
    }
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }
    QStringList all() const { return sorted(m_completed + m_running + m_queued); }

private Q_SLOTS:
    void initTestCase()
    {
        SimConfig config;
        config.rateLimitRequests = 0; // this test makes many calls; rate limiting has its own test
        m_server = std::make_unique<SimServer>(config);
        // Created one minute apart, oldest first: c1 … c6 finished long ago, r1 r2 run, q1 q2 wait.
        const char *entries[] = {
                R"({"id": "c1", "createdAgo": 3000, "duration": 10, "outcome": "SUCCESS", "type": "CLOUD_ACCOUNT_AGGREGATION", "target": "Active Directory [source]", "launcher": "System"})",
                R"({"id": "c2", "createdAgo": 2940, "duration": 10, "outcome": "WARNING", "type": "CLOUD_ACCOUNT_AGGREGATION", "target": "Workday [source]", "launcher": "support"})",
                R"({"id": "c3", "createdAgo": 2880, "duration": 10, "outcome": "ERROR", "type": "IDENTITY_REFRESH", "launcher": "support"})",
                R"({"id": "c4", "createdAgo": 2820, "duration": 10, "outcome": "TERMINATED", "type": "CLOUD_GROUP_AGGREGATION", "target": "Active Directory [source]", "launcher": "System"})",
                R"({"id": "c5", "createdAgo": 2760, "duration": 10, "outcome": "TEMPERROR", "type": "IDENTITY_REFRESH", "launcher": "System"})",
                R"({"id": "c6", "createdAgo": 2700, "duration": 10, "outcome": "SUCCESS", "type": "QPOC", "target": null, "launcher": "jane"})",
                R"({"id": "r1", "createdAgo": 2640, "duration": 1000000, "type": "CLOUD_ACCOUNT_AGGREGATION", "target": "Workday [source]", "launcher": "System"})",
                R"({"id": "r2", "createdAgo": 2580, "duration": 1000000, "type": "IDENTITY_REFRESH", "launcher": "support"})",
                R"({"id": "q1", "createdAgo": 2520, "startDelay": 1000000, "type": "CLOUD_ACCOUNT_AGGREGATION", "target": "Active Directory [source]"})",
                R"({"id": "q2", "createdAgo": 2460, "startDelay": 1000000, "type": "IDENTITY_REFRESH"})",
        };
        for (const char *entry : entries)
            QVERIFY2(!m_server->addTask(QJsonDocument::fromJson(entry).object()).isEmpty(),
                     qPrintable(m_server->errorString()));
        m_completed = names({"c1", "c2", "c3", "c4", "c5", "c6"});
        m_running = names({"r1", "r2"});
        m_queued = names({"q1", "q2"});
        QVERIFY(m_server->listen());
        m_http = std::make_unique<SimHttp>(m_server->baseUrl());
        m_token = m_http->token();
        QVERIFY(!m_token.isEmpty());
    }

    void listsAllTasksFrom2025()
    {
        for (ApiVersion version : {ApiVersion::V2025, ApiVersion::V2026, ApiVersion::V1}) {
            const QList<TaskStatus> statuses = list(version, {});
            QCOMPARE(sorted(ids(statuses)), all());
        }
    }

    void betaAndV2024ListCompletedOnly()
    {
        for (ApiVersion version : {ApiVersion::Beta, ApiVersion::V2024}) {
            HttpResult raw;
            const QList<TaskStatus> statuses = list(version, {{QStringLiteral("count"), QStringLiteral("true")}}, &raw);
            QCOMPARE(sorted(ids(statuses)), m_completed);
            QCOMPARE(raw.header("X-Total-Count"), QByteArray("6"));
            for (const TaskStatus &status : statuses)
                QVERIFY(isFinished(status.state()));
            // Running tasks are still there by id.
            QCOMPARE(m_http->api(m_http->url(ApiVersions::taskPath(version, QStringLiteral("r1"))), m_token).status,
                     200);
        }
    }

    void countHeaderOnlyWhenAsked()
    {
        HttpResult raw;
        list(ApiVersion::V2025,
             {{QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("count"), QStringLiteral("true")}}, &raw);
        QCOMPARE(raw.header("X-Total-Count"), QByteArray("10"));
        list(ApiVersion::V2025, {}, &raw);
        QVERIFY(!raw.hasHeader("X-Total-Count"));
        list(ApiVersion::V2025, {{QStringLiteral("count"), QStringLiteral("false")}}, &raw);
        QVERIFY(!raw.hasHeader("X-Total-Count"));
    }

    void paging()
    {
        QStringList pages;
        for (int offset = 0; offset < 12; offset += 3) {
            HttpResult raw;
            const QList<TaskStatus> page = list(ApiVersion::V2026,
                                                {{QStringLiteral("limit"), QStringLiteral("3")},
                                                 {QStringLiteral("offset"), QString::number(offset)},
                                                 {QStringLiteral("count"), QStringLiteral("true")}},
                                                &raw);
            QCOMPARE(raw.status, 200);
            QCOMPARE(raw.header("X-Total-Count"), QByteArray("10"));
            QCOMPARE(page.size(), offset < 9 ? 3 : 1);
            pages += ids(page);
        }
        QCOMPARE(pages, (names({"c1", "c2", "c3", "c4", "c5", "c6", "r1", "r2", "q1", "q2"})));
        QCOMPARE(list(ApiVersion::V2026, {{QStringLiteral("offset"), QStringLiteral("50")}}).size(), 0);
        HttpResult raw;
        QCOMPARE(list(ApiVersion::V2026,
                      {{QStringLiteral("limit"), QStringLiteral("0")},
                       {QStringLiteral("count"), QStringLiteral("true")}},
                      &raw)
                         .size(),
                 0);
        QCOMPARE(raw.status, 200);
        QCOMPARE(raw.header("X-Total-Count"), QByteArray("10"));
        QCOMPARE(list(ApiVersion::V2026, {{QStringLiteral("limit"), QStringLiteral("250")}}).size(), 10);
    }

    void sorters()
    {
        const QStringList ascending = names({"c1", "c2", "c3", "c4", "c5", "c6", "r1", "r2", "q1", "q2"});
        QStringList descending = ascending;
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(ids(list(ApiVersion::V2025, {{QStringLiteral("sorters"), QStringLiteral("created")}})), ascending);
        QCOMPARE(ids(list(ApiVersion::V2025, {{QStringLiteral("sorters"), QStringLiteral("-created")}})), descending);
        QCOMPARE(ids(list(ApiVersion::V2025,
                          {{QStringLiteral("sorters"), QStringLiteral("-created")},
                           {QStringLiteral("limit"), QStringLiteral("2")}})),
                 (names({"q2", "q1"})));
        const QList<TaskStatus> statuses =
                list(ApiVersion::V2025, {{QStringLiteral("sorters"), QStringLiteral("created")}});
        for (qsizetype i = 1; i < statuses.size(); ++i)
            QVERIFY(statuses.at(i - 1).created < statuses.at(i).created);
    }

    void badParameters_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("limit 251") << QStringLiteral("limit") << QStringLiteral("251");
        QTest::newRow("limit -1") << QStringLiteral("limit") << QStringLiteral("-1");
        QTest::newRow("limit text") << QStringLiteral("limit") << QStringLiteral("ten");
        QTest::newRow("offset -1") << QStringLiteral("offset") << QStringLiteral("-1");
        QTest::newRow("offset text") << QStringLiteral("offset") << QStringLiteral("1.5");
        QTest::newRow("count") << QStringLiteral("count") << QStringLiteral("yes");
        QTest::newRow("sorter name") << QStringLiteral("sorters") << QStringLiteral("name");
        QTest::newRow("sorter list") << QStringLiteral("sorters") << QStringLiteral("created,-created");
        QTest::newRow("filter field") << QStringLiteral("filters") << QStringLiteral("name eq \"x\"");
        QTest::newRow("filter syntax") << QStringLiteral("filters") << QStringLiteral("id eq x");
    }
    void badParameters()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        for (ApiVersion version : ApiVersions::all()) {
            HttpResult raw;
            list(version, {{name, value}}, &raw);
            QCOMPARE(raw.status, 400);
            const ApiError error = ApiError::fromResponse(raw.status, raw.body);
            QCOMPARE(error.detailCode, QStringLiteral("400.1.3 Illegal value"));
            QCOMPARE(error.trackingId.size(), 32);
            QVERIFY2(error.messages.join(u' ').contains(QStringLiteral("\"%1\"").arg(name)), qPrintable(error.text()));
            QCOMPARE(error.causes.size(), 1); // what exactly is wrong
            QVERIFY(!error.causes.first().isEmpty());
        }
    }

    void filters_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected");
        const QString adSource = QStringLiteral("sourceId eq \"%1\"");
        for (ApiVersion version : ApiVersions::all()) {
            const QByteArray name = ApiVersions::name(version).toLatin1(); // alive for every addRow below
            const char *v = name.constData();
            const bool completedOnly = ApiVersions::listsCompletedOnly(version);
            QTest::addRow("%s id eq", v) << version << QStringLiteral("id eq \"c3\"") << names({"c3"});
            QTest::addRow("%s id in", v) << version << QStringLiteral("id in (\"c1\",\"r1\",\"nope\",\"q2\")")
                                         << (completedOnly ? names({"c1"}) : names({"c1", "q2", "r1"}));
            QTest::addRow("%s status eq", v)
                    << version << QStringLiteral("completionStatus eq \"Success\"") << names({"c1", "c6"});
            QTest::addRow("%s status in", v)
                    << version << QStringLiteral("completionStatus in (\"ERROR\",\"TEMPERROR\")")
                    << names({"c3", "c5"});
            QTest::addRow("%s type", v) << version << QStringLiteral("type eq \"IDENTITY_REFRESH\"")
                                        << (completedOnly ? names({"c3", "c5"}) : names({"c3", "c5", "q2", "r2"}));
            QTest::addRow("%s type and status", v)
                    << version
                    << QStringLiteral("type in (\"CLOUD_ACCOUNT_AGGREGATION\", \"CLOUD_GROUP_AGGREGATION\") and "
                                      "completionStatus eq \"WARNING\"")
                    << names({"c2"});
            QTest::addRow("%s sourceId", v) << version << QStringLiteral("sourceId in (\"nope\")") << QStringList();
        }
        for (ApiVersion version : {ApiVersion::V2025, ApiVersion::V2026, ApiVersion::V1})
            QTest::addRow("%s isnull", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("completionStatus isnull") << names({"q1", "q2", "r1", "r2"});
        for (ApiVersion version : {ApiVersion::V2026, ApiVersion::V1}) {
            QTest::addRow("%s launcher", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("launcher eq \"support\"") << names({"c2", "c3", "r2"});
            QTest::addRow("%s running aggregations", qPrintable(ApiVersions::name(version)))
                    << version
                    << QStringLiteral("type eq \"CLOUD_ACCOUNT_AGGREGATION\" and completionStatus isnull and launcher "
                                      "in (\"System\")")
                    << names({"r1"});
        }
    }
    void filters()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        HttpResult raw;
        const QList<TaskStatus> statuses =
                list(version, {{QStringLiteral("filters"), filter}, {QStringLiteral("count"), QStringLiteral("true")}},
                     &raw);
        QCOMPARE(raw.status, 200);
        QCOMPARE(sorted(ids(statuses)), expected);
        QCOMPARE(raw.header("X-Total-Count"), QByteArray::number(expected.size()));
    }

    void filterBySourceId()
    {
        const QJsonObject c1 = m_http->api(m_http->url(QStringLiteral("/v2025/task-status/c1")), m_token).object();
        const QString ad = c1.value(u"target").toObject().value(u"id").toString();
        QVERIFY(!ad.isEmpty());
        QCOMPARE(sorted(ids(list(ApiVersion::V2025,
                                 {{QStringLiteral("filters"), QStringLiteral("sourceId eq \"%1\"").arg(ad)}}))),
                 (names({"c1", "c4", "q1"})));
    }

    void unsupportedFiltersPerVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("named");
        QTest::newRow("beta isnull") << ApiVersion::Beta << QStringLiteral("completionStatus isnull")
                                     << QStringLiteral("isnull");
        QTest::newRow("v2024 isnull") << ApiVersion::V2024 << QStringLiteral("completionStatus isnull")
                                      << QStringLiteral("isnull");
        QTest::newRow("v2024 launcher") << ApiVersion::V2024 << QStringLiteral("launcher eq \"x\"")
                                        << QStringLiteral("launcher");
        QTest::newRow("v2025 launcher") << ApiVersion::V2025 << QStringLiteral("launcher eq \"x\"")
                                        << QStringLiteral("launcher");
        QTest::newRow("v1 or") << ApiVersion::V1 << QStringLiteral("id eq \"a\" or id eq \"b\"")
                               << QStringLiteral("\"or\"");
        QTest::newRow("v2026 created") << ApiVersion::V2026 << QStringLiteral("created gt \"2020-01-01\"")
                                       << QStringLiteral("created");
    }
    void unsupportedFiltersPerVersion()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, filter);
        QFETCH(QString, named);
        HttpResult raw;
        list(version, {{QStringLiteral("filters"), filter}}, &raw);
        QCOMPARE(raw.status, 400);
        const ApiError error = ApiError::fromResponse(raw.status, raw.body);
        QVERIFY2(error.causes.join(u' ').contains(named), qPrintable(error.text()));
    }

    void largestBatchThatFits()
    {
        // 250 SailPoint ids (32 hex) make a request line over 8 KiB (414): clients split batches. 180 fit, even with
        // quotes and commas percent-encoded.
        auto urlFor = [this](int count) {
            QStringList quoted;
            for (int i = 0; i < count - 2; ++i)
                quoted.append(QString(u'"' + QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')) + u'"'));
            quoted += names({"\"r2\"", "\"c4\""});
            const QString filter = QStringLiteral("id in (%1)").arg(quoted.join(u','));
            return QUrl(m_server->baseUrl().toString() + QStringLiteral("/v2025/task-status?limit=250&filters=")
                        + QString::fromLatin1(QUrl::toPercentEncoding(filter, "\"(),")));
        };
        const HttpResult fits = m_http->api(urlFor(180), m_token);
        QCOMPARE(fits.status, 200);
        QCOMPARE(sorted(ids(TaskStatus::listFromJson(fits.body).value())), names({"c4", "r2"}));
        QCOMPARE(m_http->api(urlFor(250), m_token).status, 414);
    }
};

QTEST_GUILESS_MAIN(TestSimTaskList)
#include "tst_simtasklist.moc"

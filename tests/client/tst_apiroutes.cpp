#include "client/ApiRoutes.h"

#include <QTest>
#include <QUrlQuery>

class TestApiRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void taskUrlPerVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("expected");
        QTest::newRow("beta") << ApiVersion::Beta
                              << QStringLiteral("https://acme.api.identitynow.com/beta/task-status/abc");
        QTest::newRow("v2024") << ApiVersion::V2024
                               << QStringLiteral("https://acme.api.identitynow.com/v2024/task-status/abc");
        QTest::newRow("v2025") << ApiVersion::V2025
                               << QStringLiteral("https://acme.api.identitynow.com/v2025/task-status/abc");
        QTest::newRow("v2026") << ApiVersion::V2026
                               << QStringLiteral("https://acme.api.identitynow.com/v2026/task-status/abc");
        QTest::newRow("v1") << ApiVersion::V1 << QStringLiteral("https://acme.api.identitynow.com/task-status/v1/abc");
    }
    void taskUrlPerVersion()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, expected);
        const QUrl base(QStringLiteral("https://acme.api.identitynow.com"));
        QCOMPARE(ApiRoutes::taskUrl(base, version, QStringLiteral("abc")).toString(), expected);
    }

    void basePathPrefixAndSlashes()
    {
        const QUrl base(QStringLiteral("https://gw.example.com/isc//"));
        QCOMPARE(ApiRoutes::tokenUrl(base).toString(), QStringLiteral("https://gw.example.com/isc/oauth/token"));
        QCOMPARE(ApiRoutes::taskUrl(base, ApiVersion::V2025, QStringLiteral("x")).toString(),
                 QStringLiteral("https://gw.example.com/isc/v2025/task-status/x"));
    }

    void listUrlEncodesFilterFully()
    {
        ApiRoutes::ListQuery query;
        query.filters = ApiRoutes::idInFilter({QStringLiteral("a1"), QStringLiteral("b-2")});
        query.sorters = QStringLiteral("-created");
        query.limit = 10;
        query.offset = 20;
        const QUrl url = ApiRoutes::listUrl(QUrl(QStringLiteral("http://127.0.0.1:9")), ApiVersion::V2024, query);
        QCOMPARE(url.toEncoded(),
                 QByteArray("http://127.0.0.1:9/v2024/task-status?limit=10&offset=20"
                            "&filters=id%20in%20%28%22a1%22%2C%22b-2%22%29&sorters=-created"));
        // What the tenant decodes is exactly the filter expression.
        QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded),
                 QStringLiteral("id in (\"a1\",\"b-2\")"));
    }

    void listUrlWithoutFilter()
    {
        const QUrl url = ApiRoutes::listUrl(QUrl(QStringLiteral("https://t.example.com")), ApiVersion::V1, {});
        QCOMPARE(url.toString(), QStringLiteral("https://t.example.com/task-status/v1?limit=250"));
    }

    void filters()
    {
        QCOMPARE(ApiRoutes::idInFilter({QStringLiteral("x")}), QStringLiteral("id in (\"x\")"));
        QCOMPARE(ApiRoutes::runningFilter(), QStringLiteral("completionStatus isnull"));
    }

    void invalidIdsNeverReachAFilterOrPath()
    {
        const QString injection = QStringLiteral("a\") or id ne (\"b");
        QCOMPARE(ApiRoutes::idInFilter({QStringLiteral("ok"), injection, QStringLiteral("x y")}),
                 QStringLiteral("id in (\"ok\")"));
        const QUrl base(QStringLiteral("https://t.example.com"));
        QVERIFY(!ApiRoutes::taskUrl(base, ApiVersion::V2025, QStringLiteral("../oauth/token")).isValid());
        QVERIFY(!ApiRoutes::taskUrl(base, ApiVersion::V2025, QStringLiteral("a?b")).isValid());
    }

    // Queued and running tasks: pending-tasks where the version has it (paging and count only), else the
    // list with completionStatus isnull, as the spec advises.
    void pendingUrlPerVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("url");
        const QString filter = QStringLiteral("&filters=completionStatus%20isnull&sorters=-created");
        QTest::newRow("beta") << ApiVersion::Beta
                              << QStringLiteral(
                                         "https://t.example.com/beta/task-status/pending-tasks?limit=5&count=true");
        QTest::newRow("v2024") << ApiVersion::V2024
                               << QStringLiteral(
                                          "https://t.example.com/v2024/task-status/pending-tasks?limit=5&count=true");
        QTest::newRow("v2025") << ApiVersion::V2025
                               << QStringLiteral(
                                          "https://t.example.com/v2025/task-status/pending-tasks?limit=5&count=true");
        QTest::newRow("v2026") << ApiVersion::V2026
                               << QStringLiteral("https://t.example.com/v2026/task-status?limit=5&count=true") + filter;
        QTest::newRow("v1") << ApiVersion::V1
                            << QStringLiteral("https://t.example.com/task-status/v1?limit=5&count=true") + filter;
    }
    void pendingUrlPerVersion()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, url);
        ApiRoutes::ListQuery query;
        query.limit = 5;
        query.count = true;
        query.sorters = QStringLiteral("-created");
        query.filters = QStringLiteral("id eq \"ignored\"");
        QCOMPARE(ApiRoutes::pendingUrl(QUrl(QStringLiteral("https://t.example.com")), version, query)
                         .toString(QUrl::FullyEncoded),
                 url);
        QCOMPARE(ApiVersions::hasPendingTasks(version), url.contains(QStringLiteral("pending-tasks")));
        QCOMPARE(ApiVersions::pendingPath(version).isEmpty(), !ApiVersions::hasPendingTasks(version));
    }

    void listUrlAsksForTheCount()
    {
        ApiRoutes::ListQuery query;
        query.limit = 1;
        query.count = true;
        QCOMPARE(ApiRoutes::listUrl(QUrl(QStringLiteral("https://t.example.com")), ApiVersion::V2025, query).toString(),
                 QStringLiteral("https://t.example.com/v2025/task-status?limit=1&count=true"));
    }
};

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "tst_apiroutes.moc"

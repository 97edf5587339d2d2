#include "TenantUrl.h"

#include <QTest>

// TenantUrl::normalized: the one spelling of a tenant that a stored secret is bound to.
class TestTenantUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalized_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected"); // empty: no tenant
        QTest::newRow("plain") << QStringLiteral("https://acme.api.identitynow.com")
                               << QStringLiteral("https://acme.api.identitynow.com:443");
        QTest::newRow("case") << QStringLiteral("HTTPS://Acme.API.IdentityNow.com/")
                              << QStringLiteral("https://acme.api.identitynow.com:443");
        QTest::newRow("explicit default port")
                << QStringLiteral("https://acme.example.com:443") << QStringLiteral("https://acme.example.com:443");
        QTest::newRow("trailing dot") << QStringLiteral("https://acme.example.com.:443/")
                                      << QStringLiteral("https://acme.example.com:443");
        QTest::newRow("other port") << QStringLiteral("https://acme.example.com:8443")
                                    << QStringLiteral("https://acme.example.com:8443");
        QTest::newRow("http default") << QStringLiteral("http://127.0.0.1") << QStringLiteral("http://127.0.0.1:80");
        QTest::newRow("http port") << QStringLiteral("http://127.0.0.1:8080")
                                   << QStringLiteral("http://127.0.0.1:8080");
        QTest::newRow("ipv6") << QStringLiteral("http://[0:0::1]:9000") << QStringLiteral("http://[::1]:9000");
        QTest::newRow("path dropped") << QStringLiteral("https://gw.example.com/isc/")
                                      << QStringLiteral("https://gw.example.com:443");
        QTest::newRow("user info dropped") << QStringLiteral("https://alice:pw@acme.example.com")
                                           << QStringLiteral("https://acme.example.com:443");
        QTest::newRow("ftp") << QStringLiteral("ftp://acme.example.com") << QString();
        QTest::newRow("no host") << QStringLiteral("https://") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("bad port") << QStringLiteral("https://acme.example.com:99999") << QString();
    }
    void normalized()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(TenantUrl::normalized(QUrl(url)), expected);
    }

    // Different tenants stay different: another host, port or scheme is another tenant.
    void distinct()
    {
        const QString base = TenantUrl::normalized(QUrl(QStringLiteral("https://acme.example.com")));
        for (const char *other : {"https://acme.example.com:8443", "http://acme.example.com",
                                  "https://acme.example.com.evil.net", "https://evil.net/acme.example.com"})
            QVERIFY2(TenantUrl::normalized(QUrl(QLatin1String(other))) != base, other);
    }
};

QTEST_APPLESS_MAIN(TestTenantUrl)
#include "tst_tenanturl.moc"

#include "models/TenantUrl.h"

#include <QTest>

class TestTenantUrl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalized_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        const QString acme = QStringLiteral("https://acme.api.identitynow.com:443");
        QTest::newRow("plain") << "https://acme.api.identitynow.com" << acme;
        QTest::newRow("explicit default port") << "https://acme.api.identitynow.com:443" << acme;
        QTest::newRow("trailing slash") << "https://acme.api.identitynow.com/" << acme;
        QTest::newRow("trailing slashes") << "https://acme.api.identitynow.com//" << acme;
        QTest::newRow("path") << "https://acme.api.identitynow.com/beta" << acme;
        QTest::newRow("host case") << "https://ACME.Api.IdentityNow.com" << acme;
        QTest::newRow("scheme case") << "HTTPS://acme.api.identitynow.com" << acme;
        QTest::newRow("trailing dot") << "https://acme.api.identitynow.com." << acme;
        QTest::newRow("everything at once") << "HTTPS://ACME.api.identitynow.COM.:443/" << acme;
        QTest::newRow("user info is never part") << "https://alice:pw@acme.api.identitynow.com" << acme;
        QTest::newRow("other port") << "https://acme.api.identitynow.com:8443"
                                    << "https://acme.api.identitynow.com:8443";
        QTest::newRow("http default port") << "http://127.0.0.1"
                                           << "http://127.0.0.1:80";
        QTest::newRow("http explicit port 80") << "http://127.0.0.1:80/"
                                               << "http://127.0.0.1:80";
        QTest::newRow("http other port") << "http://localhost:8080"
                                         << "http://localhost:8080";
        QTest::newRow("https on port 80 stays") << "https://acme.example:80"
                                                << "https://acme.example:80";
        QTest::newRow("ipv6") << "http://[::1]:8080/"
                              << "http://[::1]:8080";
        QTest::newRow("ipv6 long form") << "http://[0:0:0:0:0:0:0:1]"
                                        << "http://[::1]:80";
        QTest::newRow("idn") << QStringLiteral("https://b\u00fccher.example") << "https://xn--bcher-kva.example:443";
        QTest::newRow("idn ascii") << "https://xn--bcher-kva.example/"
                                   << "https://xn--bcher-kva.example:443";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("no host") << "https://"
                                 << "";
        QTest::newRow("only a dot") << "https://./"
                                    << "";
        QTest::newRow("invalid port") << "https://acme.example:99999"
                                      << "";
        QTest::newRow("ipv6 compressed") << "http://[0:0::1]:9000"
                                         << "http://[::1]:9000";
        QTest::newRow("ftp has no tenant") << "ftp://acme.example.com"
                                           << "";
        QTest::newRow("path dropped") << "https://gw.example.com/isc/"
                                      << "https://gw.example.com:443";
    }
    void normalized()
    {
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(TenantUrl::normalized(QUrl(url)), expected);
    }

    void differentTenantsStayApart()
    {
        const QStringList urls {QStringLiteral("https://acme.api.identitynow.com"),
                                QStringLiteral("https://acme-sb.api.identitynow.com"),
                                QStringLiteral("https://acme.api.identitynow.com:8443"),
                                QStringLiteral("http://acme.api.identitynow.com"),
                                QStringLiteral("https://acme.api.identitynow.com.evil.example"),
                                QStringLiteral("https://evil.example/acme.api.identitynow.com")};
        QSet<QString> keys;
        for (const QString &url : urls)
            keys.insert(TenantUrl::normalized(QUrl(url)));
        QCOMPARE(keys.size(), urls.size());
    }
};

QTEST_GUILESS_MAIN(TestTenantUrl)
#include "tst_tenanturl.moc"

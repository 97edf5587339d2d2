#include "models/UrlPolicy.h"

#include <QTest>

class TestUrlPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127.255.3.4") << QStringLiteral("127.255.3.4") << true;
        QTest::newRow("::1") << QStringLiteral("::1") << true;
        QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
        QTest::newRow("mapped") << QStringLiteral("::ffff:127.0.0.1") << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("LocalHost.") << QStringLiteral("LocalHost.") << true;
        QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
        QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("localhost.evil.com") << QStringLiteral("localhost.evil.com") << false;
        QTest::newRow("127.0.0.1.nip.io") << QStringLiteral("127.0.0.1.nip.io") << false;
        QTest::newRow("acme") << QStringLiteral("acme.api.identitynow.com") << false;
        QTest::newRow("mapped other") << QStringLiteral("::ffff:10.0.0.1") << false;
    }
    void loopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(UrlPolicy::isLoopbackHost(host), loopback);
    }

    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("problemContains"); // empty: allowed
        QTest::newRow("https tenant") << QStringLiteral("https://acme.api.identitynow.com") << QString();
        QTest::newRow("https with prefix") << QStringLiteral("https://gw.example.com/isc/") << QString();
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080") << QString();
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:1") << QString();
        QTest::newRow("http ipv6 loopback") << QStringLiteral("http://[::1]:8080") << QString();
        QTest::newRow("http remote") << QStringLiteral("http://acme.api.identitynow.com")
                                     << QStringLiteral("plain http://");
        QTest::newRow("http lan") << QStringLiteral("http://192.168.1.5") << QStringLiteral("plain http://");
        QTest::newRow("user info") << QStringLiteral("https://me:pw@acme.api.identitynow.com")
                                   << QStringLiteral("user name");
        QTest::newRow("user info loopback") << QStringLiteral("http://me@127.0.0.1") << QStringLiteral("user name");
        QTest::newRow("ftp") << QStringLiteral("ftp://acme.api.identitynow.com") << QStringLiteral("https://");
        QTest::newRow("file") << QStringLiteral("file:///etc/passwd") << QStringLiteral("https://");
        QTest::newRow("no scheme") << QStringLiteral("acme.api.identitynow.com") << QStringLiteral("https://");
        QTest::newRow("empty") << QString() << QStringLiteral("No tenant URL");
        QTest::newRow("query") << QStringLiteral("https://acme.api.identitynow.com/?x=1") << QStringLiteral("query");
    }
    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, problemContains);
        const QString problem = UrlPolicy::baseUrlProblem(QUrl(url));
        if (problemContains.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(problemContains), qPrintable(problem));
    }

    // User info is refused before any other reason, and no message quotes it: also when the URL is invalid
    // for another reason too (Qt's errorString() quotes the whole text then), parsed leniently or strictly.
    void userInfoIsNeverQuoted_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("userInfo");
        QTest::newRow("bad port") << QStringLiteral("https://alice:pw@host:99999") << true;
        QTest::newRow("space in host") << QStringLiteral("https://alice:pw@ho st/") << true;
        QTest::newRow("bad ipv6") << QStringLiteral("https://alice:pw@[::1") << true;
        QTest::newRow("encoded") << QStringLiteral("https://alice:p%20w@host:x") << true;
        QTest::newRow("user only") << QStringLiteral("https://alice@host:99999") << true;
        QTest::newRow("valid") << QStringLiteral("https://alice:pw@host") << true;
        QTest::newRow("ftp bad port") << QStringLiteral("ftp://alice:pw@host:99999") << true;
        QTest::newRow("@ in path") << QStringLiteral("https://host:99999/a@pw") << false;
        QTest::newRow("@ in query") << QStringLiteral("https://host:99999?x=a@pw") << false;
        QTest::newRow("no user info") << QStringLiteral("https://host:99999") << false;
    }
    void userInfoIsNeverQuoted()
    {
        QFETCH(QString, url);
        QFETCH(bool, userInfo);
        for (const QUrl::ParsingMode mode : {QUrl::TolerantMode, QUrl::StrictMode}) {
            const QUrl parsed(url, mode);
            QCOMPARE(UrlPolicy::hasUserInfo(parsed), userInfo);
            for (const QString &problem : {UrlPolicy::baseUrlProblem(parsed), UrlPolicy::requestUrlProblem(parsed)}) {
                QVERIFY(!problem.isEmpty());
                if (userInfo) {
                    QCOMPARE(problem, QStringLiteral("The tenant URL must not contain a user name or password."));
                    QVERIFY2(!problem.contains(QStringLiteral("alice")), qPrintable(problem));
                }
            }
            QVERIFY2(!UrlPolicy::forDisplay(parsed).contains(QStringLiteral("alice")),
                     qPrintable(UrlPolicy::forDisplay(parsed)));
            QVERIFY(!UrlPolicy::forDisplay(parsed).contains(QStringLiteral("pw")) || !userInfo);
        }
    }

    // An invalid URL without user info still says what Qt found wrong, without quoting the text.
    void invalidUrlSaysWhy()
    {
        const QString problem = UrlPolicy::baseUrlProblem(QUrl(QStringLiteral("https://host:99999")));
        QCOMPARE(problem,
                 QStringLiteral("The tenant URL is not a valid URL: Invalid port or port number out of range."));
        QCOMPARE(UrlPolicy::forDisplay(QUrl(QStringLiteral("https://host:99999"))), QStringLiteral("(an invalid URL)"));
        QCOMPARE(UrlPolicy::forDisplay(QUrl(QStringLiteral("https://alice:pw@host/x"))),
                 QStringLiteral("https://host/x"));
    }

    void requestUrlMayHaveQuery()
    {
        QVERIFY(UrlPolicy::requestUrlProblem(QUrl(QStringLiteral("https://a.example.com/v2025/task-status?limit=1")))
                        .isEmpty());
        QVERIFY(!UrlPolicy::requestUrlProblem(QUrl(QStringLiteral("http://a.example.com/v2025/task-status?limit=1")))
                         .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUrlPolicy)
#include "tst_urlpolicy.moc"

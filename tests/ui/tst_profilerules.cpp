#include "models/UrlPolicy.h"
#include "ui/ProfileRules.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestProfileRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void baseUrlProblem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem"); // a fragment of the message; empty: accepted

        QTest::newRow("https tenant") << "https://acme.api.identitynow.com"
                                      << "";
        QTest::newRow("trailing slash") << "https://acme.api.identitynow.com/"
                                        << "";
        QTest::newRow("upper case scheme") << "HTTPS://Acme.api.identitynow.com"
                                           << "";
        QTest::newRow("https with port") << "https://acme.example.com:8443"
                                         << "";
        QTest::newRow("proxy prefix path") << "https://gateway.example.com/sailpoint"
                                           << "";
        QTest::newRow("surrounding spaces") << "  https://acme.api.identitynow.com  "
                                            << "";
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:8080"
                                        << "";
        QTest::newRow("http 127.x.y.z") << "http://127.10.20.30"
                                        << "";
        QTest::newRow("http ::1") << "http://[::1]:8080"
                                  << "";
        QTest::newRow("http mapped ::1") << "http://[::ffff:127.0.0.1]:8080"
                                         << "";
        QTest::newRow("http localhost") << "http://localhost:8080"
                                        << "";
        QTest::newRow("http LOCALHOST.") << "http://LOCALHOST.:8080"
                                         << "";

        QTest::newRow("empty") << ""
                               << "Enter the tenant's API address";
        QTest::newRow("blank") << "   "
                               << "Enter the tenant's API address";
        QTest::newRow("http example.com") << "http://example.com"
                                          << "Use https://";
        QTest::newRow("http 128.0.0.1") << "http://128.0.0.1"
                                        << "Use https://";
        QTest::newRow("http 10.0.0.1") << "http://10.0.0.1"
                                       << "Use https://";
        QTest::newRow("http localhost.example.com") << "http://localhost.example.com"
                                                    << "Use https://";
        QTest::newRow("http mapped other") << "http://[::ffff:10.0.0.1]"
                                           << "Use https://";
        QTest::newRow("no scheme") << "acme.api.identitynow.com"
                                   << "Start the address with https://";
        QTest::newRow("tenant name") << "acme"
                                     << "";
        QTest::newRow("web UI address") << "https://acme.identitynow.com/ui/d/dashboard"
                                        << "";
        QTest::newRow("host:port without scheme") << "localhost:8080"
                                                  << "Start the address with https://";
        QTest::newRow("ftp") << "ftp://acme.example.com"
                             << "Start the address with https://";
        QTest::newRow("no host") << "https://"
                                 << "no host name";
        QTest::newRow("user info") << "https://me:pw@acme.api.identitynow.com"
                                   << "Leave out the user name";
        QTest::newRow("user only") << "https://me@acme.api.identitynow.com"
                                   << "Leave out the user name";
        // Invalid for another reason too: the user info is what is named (parseBaseUrl parses strictly, which
        // drops the user info from the QUrl; only Qt's error text still has it).
        QTest::newRow("user info, bad port") << "https://alice:pw@host:99999"
                                             << "Leave out the user name";
        QTest::newRow("user info, space") << "https://alice:pw@ho st"
                                          << "Leave out the user name";
        QTest::newRow("query") << "https://acme.api.identitynow.com?x=1"
                               << "Leave out everything from the ?";
        QTest::newRow("empty query") << "https://acme.api.identitynow.com/?"
                                     << "Leave out everything from the ?";
        QTest::newRow("fragment") << "https://acme.api.identitynow.com#top"
                                  << "Leave out everything from the ?";
        QTest::newRow("space in host") << "https://acme api.com"
                                       << "not a valid address";
        QTest::newRow("version path") << "https://acme.api.identitynow.com/v2025"
                                      << "version path (/v2025)";
        QTest::newRow("beta path, slash") << "https://acme.api.identitynow.com/beta/"
                                          << "version path (/beta)";
        QTest::newRow("v3 path") << "https://acme.api.identitynow.com/v3"
                                 << "version path (/v3)";
    }

    void baseUrlProblem()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const QString actual = ProfileRules::baseUrlProblem(ProfileRules::parseBaseUrl(text));
        if (problem.isEmpty())
            QVERIFY2(actual.isEmpty(), qPrintable(actual));
        else
            QVERIFY2(actual.contains(problem), qPrintable(actual));
    }

    void apiAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address"); // what the form uses; the text itself (trimmed) when kept

        const QString acme = QStringLiteral("https://acme.api.identitynow.com");
        // What admins know.
        QTest::newRow("tenant name") << "acme" << acme;
        QTest::newRow("tenant name, spaces") << "  acme \t" << acme;
        QTest::newRow("tenant name, upper case") << "ACME" << acme;
        QTest::newRow("tenant name with digits and dash") << "acme-sb2"
                                                          << "https://acme-sb2.api.identitynow.com";
        QTest::newRow("one character") << "a"
                                       << "https://a.api.identitynow.com";
        QTest::newRow("63 characters") << QString(63, u'x')
                                       << QString(QStringLiteral("https://") + QString(63, u'x')
                                                  + QStringLiteral(".api.identitynow.com"));
        QTest::newRow("web UI") << "https://acme.identitynow.com" << acme;
        QTest::newRow("web UI, slash") << "https://acme.identitynow.com/" << acme;
        QTest::newRow("web UI, page") << "https://acme.identitynow.com/ui/d/dashboard" << acme;
        QTest::newRow("web UI, fragment") << "https://acme.identitynow.com/ui/#/admin" << acme;
        QTest::newRow("web UI, query") << "https://acme.identitynow.com/ui?x=1" << acme;
        QTest::newRow("web UI, upper case") << "HTTPS://ACME.IdentityNow.com" << acme;
        QTest::newRow("web UI, trailing dot") << "https://acme.identitynow.com." << acme;
        QTest::newRow("web UI, no scheme") << "acme.identitynow.com" << acme;
        QTest::newRow("web UI, http") << "http://acme.identitynow.com" << acme;
        QTest::newRow("web UI, spaces") << " https://acme.identitynow.com " << acme;

        // Kept as typed.
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("blank") << "   "
                               << "";
        QTest::newRow("API address") << "https://acme.api.identitynow.com"
                                     << "https://acme.api.identitynow.com";
        QTest::newRow("API address, slash") << "https://acme.api.identitynow.com/"
                                            << "https://acme.api.identitynow.com/";
        QTest::newRow("API address, no scheme") << "acme.api.identitynow.com"
                                                << "acme.api.identitynow.com";
        QTest::newRow("demo domain") << "https://acme.identitynow-demo.com"
                                     << "https://acme.identitynow-demo.com";
        QTest::newRow("demo API") << "https://acme.api.identitynow-demo.com"
                                  << "https://acme.api.identitynow-demo.com";
        QTest::newRow("FedRAMP") << "https://acme.saas.sailpointfedramp.com"
                                 << "https://acme.saas.sailpointfedramp.com";
        QTest::newRow("domain itself") << "https://identitynow.com"
                                       << "https://identitynow.com";
        QTest::newRow("two labels under it") << "https://a.b.identitynow.com"
                                             << "https://a.b.identitynow.com";
        QTest::newRow("look-alike domain") << "https://acme.identitynow.com.evil.example"
                                           << "https://acme.identitynow.com.evil.example";
        QTest::newRow("suffix without dot") << "https://acmeidentitynow.com"
                                            << "https://acmeidentitynow.com";
        QTest::newRow("web UI with port") << "https://acme.identitynow.com:8443"
                                          << "https://acme.identitynow.com:8443";
        QTest::newRow("web UI with user") << "https://me:pw@acme.identitynow.com"
                                          << "https://me:pw@acme.identitynow.com";
        QTest::newRow("web UI, ftp") << "ftp://acme.identitynow.com"
                                     << "ftp://acme.identitynow.com";
        QTest::newRow("localhost") << "localhost"
                                   << "localhost";
        QTest::newRow("loopback") << "http://127.0.0.1:8080"
                                  << "http://127.0.0.1:8080";
        QTest::newRow("proxy") << "https://gateway.example.com/sailpoint"
                               << "https://gateway.example.com/sailpoint";
        QTest::newRow("64 characters") << QString(64, u'x') << QString(64, u'x');
        QTest::newRow("leading dash") << "-acme"
                                      << "-acme";
        QTest::newRow("trailing dash") << "acme-"
                                       << "acme-";
        QTest::newRow("underscore") << "ac_me"
                                    << "ac_me";
        QTest::newRow("space inside") << "ac me"
                                      << "ac me";
        QTest::newRow("dotted host") << "acme.example.com"
                                     << "acme.example.com";
        QTest::newRow("host and port") << "localhost:8080"
                                       << "localhost:8080";
        QTest::newRow("non-ASCII name") << "äcme"
                                        << "äcme";
    }

    void apiAddress()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QCOMPARE(ProfileRules::apiAddress(text), address);
        // The form parses what apiAddress gives; an address it made is one the rules accept.
        if (address != text.trimmed())
            QVERIFY(ProfileRules::baseUrlProblem(ProfileRules::parseBaseUrl(text)).isEmpty());
    }

    void parseBaseUrlNormalises()
    {
        QCOMPARE(ProfileRules::parseBaseUrl(QStringLiteral(" https://acme.api.identitynow.com/ ")),
                 QUrl(QStringLiteral("https://acme.api.identitynow.com")));
        QCOMPARE(ProfileRules::parseBaseUrl(QStringLiteral("https://gw.example.com/isc/")),
                 QUrl(QStringLiteral("https://gw.example.com/isc")));
        QVERIFY(ProfileRules::parseBaseUrl(QString()).isEmpty());
    }

    void loopbackHosts()
    {
        for (const char *host : {"127.0.0.1", "127.255.255.254", "::1", "[::1]", "::ffff:127.0.0.1", "localhost",
                                 "LocalHost", "localhost."})
            QVERIFY2(UrlPolicy::isLoopbackHost(QString::fromLatin1(host)), host);
        for (const char *host : {"", "128.0.0.1", "10.0.0.1", "::2", "::ffff:10.0.0.1", "localhost.example.com",
                                 "mylocalhost", "example.com", "0.0.0.0"})
            QVERIFY2(!UrlPolicy::isLoopbackHost(QString::fromLatin1(host)), host);
    }

    void names()
    {
        const QStringList others {QStringLiteral("Acme prod"), QStringLiteral("Sandbox")};
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("Acme test"), others).isEmpty());
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("Give"), {}).isEmpty());
        QVERIFY(ProfileRules::nameProblem(QString(), others).contains(QStringLiteral("Give the profile a name")));
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("   "), others).contains(QStringLiteral("Give")));
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("acme PROD"), others).contains(QStringLiteral("already")));
        QVERIFY(ProfileRules::nameProblem(QStringLiteral(" Sandbox "), others).contains(QStringLiteral("already")));
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("a/b"), others).contains(QStringLiteral("cannot contain")));
        QVERIFY(ProfileRules::nameProblem(QStringLiteral("a\\b"), others).contains(QStringLiteral("cannot contain")));
        QVERIFY(ProfileRules::nameProblem(QString(ProfileRules::MaxNameLength, u'x'), others).isEmpty());
        QVERIFY(ProfileRules::nameProblem(QString(ProfileRules::MaxNameLength + 1, u'x'), others)
                        .contains(QStringLiteral("at most 64")));
    }

    void clientIds()
    {
        QVERIFY(ProfileRules::clientIdProblem(QStringLiteral("2c9180835d2e5168015d32f890ca1581")).isEmpty());
        QVERIFY(!ProfileRules::clientIdProblem(QString()).isEmpty());
        QVERIFY(!ProfileRules::clientIdProblem(QStringLiteral(" \t")).isEmpty());
    }

    void caFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString pem = dir.filePath(QStringLiteral("proxy-ca.pem"));
        QFile file(pem);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("-----BEGIN CERTIFICATE-----\n");
        file.close();

        QVERIFY(ProfileRules::caFileProblem(QString()).isEmpty());
        QVERIFY(ProfileRules::caFileProblem(QStringLiteral("  ")).isEmpty());
        QVERIFY(ProfileRules::caFileProblem(pem).isEmpty());
        QVERIFY(ProfileRules::caFileProblem(QStringLiteral("proxy-ca.pem")).contains(QStringLiteral("full path")));
        QVERIFY(ProfileRules::caFileProblem(dir.filePath(QStringLiteral("missing.pem")))
                        .contains(QStringLiteral("no file")));
        QVERIFY(ProfileRules::caFileProblem(dir.path()).contains(QStringLiteral("not a readable file")));
    }

    void problemsOfAProfile()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("Acme");
        profile.baseUrl = QUrl(QStringLiteral("https://acme.api.identitynow.com"));
        profile.clientId = QStringLiteral("id");
        QVERIFY(ProfileRules::problemsOf(profile, {}).isEmpty());
        QVERIFY(ProfileRules::problemsOf(profile, {}).first().isEmpty());

        profile.baseUrl = QUrl(QStringLiteral("http://example.com"));
        profile.clientId.clear();
        const ProfileProblems problems = ProfileRules::problemsOf(profile, {QStringLiteral("acme")});
        QVERIFY(!problems.isEmpty());
        QVERIFY(problems.name.contains(QStringLiteral("already")));
        QVERIFY(problems.baseUrl.contains(QStringLiteral("https://")));
        QVERIFY(!problems.clientId.isEmpty());
        QVERIFY(problems.caFile.isEmpty());
        QCOMPARE(problems.first(), problems.name);
    }
};

QTEST_GUILESS_MAIN(TestProfileRules)
#include "tst_profilerules.moc"

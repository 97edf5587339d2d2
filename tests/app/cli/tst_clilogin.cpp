// taskwatch-cli login and logout against a real Secret Service (scripts/run-tests.sh's gnome-keyring) and the
// simulated tenant: login stores the profile in the settings and the secret in the keychain, get/wait/list
// read it from there, logout removes both. Refused credentials and a missing keychain store nothing.

#include "client/ProfileStore.h"
#include "models/ConnectionProfile.h"
#include "models/TenantUrl.h"
#include "tests/app/cli/CliTestSupport.h"
#include "tests/app/cli/PseudoTerminal.h"
#include "tests/client/SecretCatcher.h"
#include "tests/client/SimFixture.h"

#include <QSettings>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace CliTest;

class TestCliLogin : public QObject
{
    Q_OBJECT
private:
    // A sim that accepts one client id with a secret of this run only.
    struct Tenant
    {
        std::unique_ptr<SimServer> sim;
        QString clientId;
        QString secret;
        QString url() const { return sim->baseUrl().toString(); }
    };

    static Tenant startTenant(const QList<SimCredentials> &extra = {})
    {
        Tenant tenant;
        tenant.clientId = uniqueName("client-");
        tenant.secret = uniqueName("S3cret+/=&%~-");
        SimConfig config;
        config.credentials = {{tenant.clientId, tenant.secret}};
        config.credentials.append(extra);
        tenant.sim = startSim(config);
        return tenant;
    }

    static QStringList loginArguments(const Tenant &tenant, const QString &profile, const QString &version = {})
    {
        QStringList arguments {QStringLiteral("login"), QStringLiteral("--base-url"), tenant.url(),
                               QStringLiteral("--client-id"), tenant.clientId};
        if (!profile.isEmpty())
            arguments << QStringLiteral("--profile") << profile;
        if (!version.isEmpty())
            arguments << QStringLiteral("--api-version") << version;
        return arguments;
    }

    static QByteArray line(const QString &secret) { return secret.toUtf8() + '\n'; }

    static QSettings settingsOf(const Home &home) { return QSettings(home.settingsFile(), QSettings::IniFormat); }

    static void verifyNothingStored(const Home &home, const QString &profile, const QString &clientId,
                                    const QString &secret)
    {
        QCOMPARE(keychainItem(profile, clientId), QString());
        QVERIFY(!keychainListsItem(profile, clientId));
        QVERIFY(!ProfileStore::exists(settingsOf(home), profile));
        QCOMPARE(CredentialTest::filesContaining(home.path(), secret), QStringList());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDir::homePath().startsWith(QDir::tempPath()),
                 "HOME must be a throw-away directory: run this test through scripts/run-tests.sh");
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through scripts/run-tests.sh");
    }

    void loginGetLogout()
    {
        Home home;
        QVERIFY(home.isValid());
        Tenant tenant = startTenant();
        const QString profile = uniqueName("lab-");
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));

        // login: checks the credentials (one token, one list call of the profile's version), then stores.
        const Run login =
                run(loginArguments(tenant, profile, QStringLiteral("v2026")), home.environment(), line(tenant.secret));
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY2(login.out.startsWith(QStringLiteral("Logged in: profile \"") + profile), qPrintable(login.out));
        QVERIFY(login.out.contains(QStringLiteral("system keychain")));
        QCOMPARE(login.err, QString()); // stdin is a pipe: no prompt
        QVERIFY(!login.out.contains(tenant.secret));
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("tokensIssued")), 1);
        QCOMPARE(simCount(*tenant.sim, listRoute(ApiVersion::V2026), QStringLiteral("200")), 1);

        // The secret is in the Secret Service under server=taskwatch, user=<key>...
        QCOMPARE(keychainItem(profile, tenant.clientId), tenant.secret);
        QVERIFY(keychainListsItem(profile, tenant.clientId));
        // ...and the rest of the profile in the settings file the desktop app reads, without the secret.
        {
            const QSettings settings = settingsOf(home);
            const ConnectionProfile saved = ProfileStore::read(settings, profile);
            QCOMPARE(saved.baseUrl, tenant.sim->baseUrl());
            QCOMPARE(saved.apiVersion, ApiVersion::V2026);
            QCOMPARE(saved.clientId, tenant.clientId);
            QCOMPARE(saved.caFile, QString());
        }
        QCOMPARE(CredentialTest::filesContaining(home.path(), tenant.secret), QStringList());

        // get with the profile and no secret anywhere but the keychain.
        const Run get = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, home.environment());
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        QVERIFY(get.out.contains(id));
        QCOMPARE(simCount(*tenant.sim, listRoute(ApiVersion::V2026), QStringLiteral("200")), 2);
        const Run list = run({QStringLiteral("list"), QStringLiteral("--profile"), profile, QStringLiteral("--json")},
                             home.environment());
        QVERIFY2(list.exitCode == 0, qPrintable(list.err));
        QVERIFY(list.out.contains(id));

        // logout removes the item, then the settings group.
        const Run logout = run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment());
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        QVERIFY(logout.out.startsWith(QStringLiteral("Logged out: profile \"") + profile));
        verifyNothingStored(home, profile, tenant.clientId, tenant.secret);
        QVERIFY(QFile::exists(home.settingsFile()));
        QVERIFY(!settingsOf(home).childGroups().contains(QStringLiteral("profiles"))); // no empty group left

        const qint64 requests = simStat(*tenant.sim, QStringLiteral("totalRequests"));
        const Run after = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, home.environment());
        QCOMPARE(after.exitCode, 2);
        QVERIFY2(after.err.startsWith(QStringLiteral("taskwatch-cli: there is no saved profile \"") + profile),
                 qPrintable(after.err));
        QVERIFY(after.err.contains(QStringLiteral("taskwatch-cli login")));
        QCOMPARE(after.err.count(u'\n'), 1);
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), requests);

        // A second logout has nothing to remove.
        const Run again = run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment());
        QCOMPARE(again.exitCode, 2);
        QVERIFY(again.err.contains(QStringLiteral("no saved profile")));
    }

    // Without --profile, login and logout use "default", and so do get, wait and list unless the tenant comes
    // from --base-url or SAIL_BASE_URL. The environment and flags still win over the stored profile.
    void defaultProfileAndPrecedence()
    {
        Home home;
        Tenant tenant = startTenant();
        Tenant other = startTenant();
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));
        const QString otherId = other.sim->addTask(scenarioTask(0, 3600));

        const Run login = run(loginArguments(tenant, {}), home.environment(), line(tenant.secret));
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.out.contains(QStringLiteral("profile \"default\"")));
        QCOMPARE(keychainItem(QStringLiteral("default"), tenant.clientId), tenant.secret);

        const Run get = run({QStringLiteral("get"), id}, home.environment());
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        QVERIFY(get.out.contains(id));
        const Run wait =
                run({QStringLiteral("wait"), id, QStringLiteral("--timeout"), QStringLiteral("1")}, home.environment());
        QCOMPARE(wait.exitCode, 124); // ran against the tenant (the task runs for an hour)

        // The environment names another tenant and client: the stored profile is not used at all.
        QProcessEnvironment env = home.environment();
        env.insert(QStringLiteral("SAIL_BASE_URL"), other.url());
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), other.clientId);
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), other.secret);
        const qint64 before = simStat(*tenant.sim, QStringLiteral("totalRequests"));
        const Run fromEnvironment = run({QStringLiteral("get"), otherId}, env);
        QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.err));
        QVERIFY(fromEnvironment.out.contains(otherId));
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), before);

        // A secret in the environment wins over the keychain's: a wrong one is refused.
        QProcessEnvironment wrongSecret = home.environment();
        wrongSecret.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral("not-the-stored-one"));
        QCOMPARE(run({QStringLiteral("get"), id}, wrongSecret).exitCode, 3);
        // So does a flag: --api-version v2024 on the stored profile.
        const Run flagged = run({QStringLiteral("get"), id, QStringLiteral("--api-version"), QStringLiteral("v2024")},
                                home.environment());
        QVERIFY2(flagged.exitCode == 0, qPrintable(flagged.err));
        QVERIFY(simCount(*tenant.sim, listRoute(ApiVersion::V2024))
                        + simCount(*tenant.sim, taskRoute(ApiVersion::V2024))
                >= 1);

        const Run logout = run({QStringLiteral("logout")}, home.environment());
        QVERIFY2(logout.exitCode == 0, qPrintable(logout.err));
        verifyNothingStored(home, QStringLiteral("default"), tenant.clientId, tenant.secret);
        const Run after = run({QStringLiteral("get"), id}, home.environment());
        QCOMPARE(after.exitCode, 2);
        QVERIFY2(after.err.contains(QStringLiteral("no tenant")) && after.err.contains(QStringLiteral("login")),
                 qPrintable(after.err));
    }

    // The profile is saved but its keychain item went away (removed by hand, another keyring): a clear line.
    void missingKeychainItemExits2()
    {
        Home home;
        Tenant tenant = startTenant();
        const QString profile = uniqueName("gone-");
        QCOMPARE(run(loginArguments(tenant, profile), home.environment(), line(tenant.secret)).exitCode, 0);
        const CredentialTest::ToolOutput cleared = CredentialTest::runTool(
                QStringLiteral("secret-tool"),
                {QStringLiteral("clear"), QStringLiteral("server"), CredentialStore::serviceName(),
                 QStringLiteral("user"), CredentialStore::keyFor(profile, tenant.clientId)});
        QVERIFY(cleared.ran && cleared.exitCode == 0);
        QCOMPARE(keychainItem(profile, tenant.clientId), QString());

        const qint64 requests = simStat(*tenant.sim, QStringLiteral("totalRequests"));
        const Run get = run({QStringLiteral("get"), QStringLiteral("abc"), QStringLiteral("--profile"), profile},
                            home.environment());
        QCOMPARE(get.exitCode, 2);
        QVERIFY2(get.err.startsWith(QStringLiteral("taskwatch-cli: no client secret for profile \"") + profile),
                 qPrintable(get.err));
        QVERIFY(get.err.contains(QStringLiteral("taskwatch-cli login --profile ") + profile));
        QVERIFY(get.err.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
        QCOMPARE(get.err.count(u'\n'), 1);
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), requests); // nothing sent

        // Deleting a missing item succeeds: logout still cleans up the profile.
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
        QVERIFY(!ProfileStore::exists(settingsOf(home), profile));
    }

    // A profile's stored secret goes only to the tenant it was saved for. A leftover SAIL_BASE_URL or a
    // --base-url naming another host (here a catcher on loopback that records every connection) ends the
    // command with exit code 2 before any request, and the secret appears nowhere in the output. The
    // environment's own SAIL_CLIENT_SECRET still works with the environment's URL.
    void storedSecretGoesOnlyToItsTenant()
    {
        Home home;
        Tenant tenant = startTenant();
        SecretCatcher catcher;
        QVERIFY(catcher.isListening());
        const QString profile = uniqueName("prod-");
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));
        const Run login = run(loginArguments(tenant, profile), home.environment(), line(tenant.secret));
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        const QString bound = TenantUrl::normalized(tenant.sim->baseUrl());
        QCOMPARE(keychainTenant(profile, tenant.clientId), bound);

        const qint64 requests = simStat(*tenant.sim, QStringLiteral("totalRequests"));
        QProcessEnvironment leftover = home.environment();
        leftover.insert(QStringLiteral("SAIL_BASE_URL"), catcher.baseUrl().toString());
        const QStringList get {QStringLiteral("get"), id, QStringLiteral("--profile"), profile};
        const QStringList overridden = get + QStringList {QStringLiteral("--base-url"), catcher.baseUrl().toString()};
        const QList<std::pair<Run, QString>> refused {
                {run(get, leftover), QStringLiteral("SAIL_BASE_URL")},
                {run(overridden, home.environment()), QStringLiteral("--base-url")},
                {run({QStringLiteral("list"), QStringLiteral("--profile"), profile}, leftover),
                 QStringLiteral("SAIL_BASE_URL")}};
        for (const auto &[refusal, source] : refused) {
            QCOMPARE(refusal.exitCode, 2);
            QVERIFY2(refusal.err.startsWith(QStringLiteral("taskwatch-cli: the client secret of profile \"") + profile),
                     qPrintable(refusal.err));
            QVERIFY2(refusal.err.contains(bound) && refusal.err.contains(TenantUrl::normalized(catcher.baseUrl()))
                             && refusal.err.contains(QStringLiteral("(from ") + source + u')'),
                     qPrintable(refusal.err));
            QCOMPARE(refusal.err.count(u'\n'), 1);
            QCOMPARE(refusal.out, QString());
            for (const auto &[form, bytes] : secretForms(tenant.clientId, tenant.secret)) {
                QVERIFY2(!refusal.err.toUtf8().contains(bytes), qPrintable(form));
                QVERIFY2(!refusal.out.toUtf8().contains(bytes), qPrintable(form));
            }
        }
        QCOMPARE(catcher.connections(), 0);
        QCOMPARE(catcher.received(), QByteArray());
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), requests);

        // The same tenant spelled another way is the same tenant: the secret is used.
        const QString sameTenant = QStringLiteral("HTTP://127.0.0.1:%1/").arg(tenant.sim->baseUrl().port());
        const Run same = run(get + QStringList {QStringLiteral("--base-url"), sameTenant}, home.environment());
        QVERIFY2(same.exitCode == 0, qPrintable(same.err));
        QVERIFY(same.out.contains(id));

        // The environment's own secret with the environment's URL: used, the keychain is not asked.
        Tenant other = startTenant();
        const QString otherId = other.sim->addTask(scenarioTask(0, 3600));
        QProcessEnvironment own = home.environment();
        own.insert(QStringLiteral("SAIL_BASE_URL"), other.url());
        own.insert(QStringLiteral("SAIL_CLIENT_ID"), other.clientId);
        own.insert(QStringLiteral("SAIL_CLIENT_SECRET"), other.secret);
        const Run fromEnvironment = run({QStringLiteral("get"), otherId, QStringLiteral("--profile"), profile}, own);
        QVERIFY2(fromEnvironment.exitCode == 0, qPrintable(fromEnvironment.err));
        QVERIFY(fromEnvironment.out.contains(otherId));
        QCOMPARE(catcher.connections(), 0);

        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
    }

    // An entry saved by a version before secrets were bound (the bare secret) belongs to the profile's saved
    // base URL: the first use binds it there for good, and from then on another URL gets nothing.
    void olderEntryIsBoundToTheSavedUrl()
    {
        Home home;
        Tenant tenant = startTenant();
        SecretCatcher catcher;
        const QString profile = uniqueName("old-");
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));
        QCOMPARE(run(loginArguments(tenant, profile) << QStringLiteral("--no-verify"), home.environment(),
                     line(tenant.secret))
                         .exitCode,
                 0);
        QVERIFY(CredentialTest::writeBareEntry(profile, tenant.clientId, tenant.secret));
        QCOMPARE(keychainEntry(profile, tenant.clientId), tenant.secret);
        QCOMPARE(keychainTenant(profile, tenant.clientId), QString());

        // Straight to another URL first: the bare entry counts as the saved URL's, so nothing is sent.
        QProcessEnvironment leftover = home.environment();
        leftover.insert(QStringLiteral("SAIL_BASE_URL"), catcher.baseUrl().toString());
        const Run refused = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, leftover);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(!refused.err.contains(tenant.secret));
        QCOMPARE(catcher.connections(), 0);
        QCOMPARE(keychainTenant(profile, tenant.clientId), TenantUrl::normalized(tenant.sim->baseUrl()));

        const Run get = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, home.environment());
        QVERIFY2(get.exitCode == 0, qPrintable(get.err));
        QVERIFY(get.out.contains(id));
        QCOMPARE(keychainItem(profile, tenant.clientId), tenant.secret);
        QCOMPARE(keychainTenant(profile, tenant.clientId), TenantUrl::normalized(tenant.sim->baseUrl()));
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
    }

    void wrongCredentialsStoreNothing()
    {
        Home home;
        Tenant tenant = startTenant();
        const QString profile = uniqueName("wrong-");
        const QString wrong = uniqueName("wrong-secret-");
        const Run login = run(loginArguments(tenant, profile), home.environment(), line(wrong));
        QCOMPARE(login.exitCode, 3);
        QVERIFY2(login.err.startsWith(QStringLiteral("taskwatch-cli: "))
                         && login.err.contains(QStringLiteral("Nothing was stored")),
                 qPrintable(login.err));
        QCOMPARE(login.err.count(u'\n'), 1);
        QCOMPARE(login.out, QString());
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("tokensIssued")), 0);
        QCOMPARE(simCount(*tenant.sim, QStringLiteral("POST /oauth/token"), QStringLiteral("401")), 1);
        verifyNothingStored(home, profile, tenant.clientId, wrong);
        QVERIFY(!QFile::exists(home.settingsFile()));

        // Over a working profile, a refused login changes nothing: the good secret stays.
        QCOMPARE(run(loginArguments(tenant, profile), home.environment(), line(tenant.secret)).exitCode, 0);
        QCOMPARE(run(loginArguments(tenant, profile, QStringLiteral("v1")), home.environment(), line(wrong)).exitCode,
                 3);
        QCOMPARE(keychainItem(profile, tenant.clientId), tenant.secret);
        QCOMPARE(ProfileStore::read(settingsOf(home), profile).apiVersion, ApiVersion::V2025);
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
    }

    void unreachableTenantStoresNothing()
    {
        Home home;
        quint16 port = 0;
        {
            auto probe = startSim();
            port = quint16(probe->baseUrl().port());
        } // closed: nothing listens there now
        const QString profile = uniqueName("offline-");
        const QString secret = uniqueName("offline-secret-");
        const Run login = run({QStringLiteral("login"), QStringLiteral("--profile"), profile,
                               QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                               QStringLiteral("--client-id"), QStringLiteral("someone")},
                              home.environment(), line(secret));
        QCOMPARE(login.exitCode, 5);
        QVERIFY2(login.err.contains(QStringLiteral("cannot check the credentials"))
                         && login.err.contains(QStringLiteral("--no-verify")),
                 qPrintable(login.err));
        verifyNothingStored(home, profile, QStringLiteral("someone"), secret);
    }

    // --no-verify stores without a single request; the tenant has its say at the first get.
    void noVerifyStoresUnchecked()
    {
        Home home;
        Tenant tenant = startTenant();
        const QString profile = uniqueName("unchecked-");
        const QString wrong = uniqueName("unchecked-secret-");
        QStringList arguments = loginArguments(tenant, profile);
        arguments << QStringLiteral("--no-verify");
        const Run login = run(arguments, home.environment(), line(wrong));
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.out.contains(QStringLiteral("without checking")));
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), 0);
        QCOMPARE(keychainItem(profile, tenant.clientId), wrong);

        const Run get = run({QStringLiteral("get"), QStringLiteral("abc"), QStringLiteral("--profile"), profile},
                            home.environment());
        QCOMPARE(get.exitCode, 3);
        QVERIFY2(get.err.contains(QStringLiteral("Authentication failed")), qPrintable(get.err));
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
        QCOMPARE(keychainItem(profile, tenant.clientId), QString());
    }

    // A login that cannot work is refused before the secret is read or the tenant asked.
    void invalidLoginExits2_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("errContains");
        const QString url = QStringLiteral("http://127.0.0.1:9");
        const QStringList base {QStringLiteral("login"), QStringLiteral("--profile"), QStringLiteral("bad")};
        QTest::newRow("no base url") << (base + QStringList {QStringLiteral("--client-id"), QStringLiteral("x")})
                                     << QStringLiteral("--base-url");
        QTest::newRow("no client id") << (base + QStringList {QStringLiteral("--base-url"), url})
                                      << QStringLiteral("--client-id");
        QTest::newRow("remote http") << (base
                                         + QStringList {QStringLiteral("--base-url"),
                                                        QStringLiteral("http://example.com"),
                                                        QStringLiteral("--client-id"), QStringLiteral("x")})
                                     << QStringLiteral("plain http://");
        QTest::newRow("bad version") << (base
                                         + QStringList {QStringLiteral("--base-url"), url,
                                                        QStringLiteral("--client-id"), QStringLiteral("x"),
                                                        QStringLiteral("--api-version"), QStringLiteral("v3")})
                                     << QStringLiteral("--api-version");
        QTest::newRow("missing CA file") << (base
                                             + QStringList {QStringLiteral("--base-url"), url,
                                                            QStringLiteral("--client-id"), QStringLiteral("x"),
                                                            QStringLiteral("--ca-file"),
                                                            QStringLiteral("/nonexistent.pem")})
                                         << QStringLiteral("nonexistent.pem");
        QTest::newRow("slash in the name") << QStringList {QStringLiteral("login"),
                                                           QStringLiteral("--profile"),
                                                           QStringLiteral("a/b"),
                                                           QStringLiteral("--base-url"),
                                                           url,
                                                           QStringLiteral("--client-id"),
                                                           QStringLiteral("x")}
                                           << QStringLiteral("--profile");
        QTest::newRow("ids") << (base
                                 + QStringList {QStringLiteral("abc"), QStringLiteral("--base-url"), url,
                                                QStringLiteral("--client-id"), QStringLiteral("x")})
                             << QStringLiteral("takes no ids");
        QTest::newRow("json") << (base
                                  + QStringList {QStringLiteral("--json"), QStringLiteral("--base-url"), url,
                                                 QStringLiteral("--client-id"), QStringLiteral("x")})
                              << QStringLiteral("--json");
        QTest::newRow("logout with a url") << QStringList {QStringLiteral("logout"), QStringLiteral("--base-url"), url}
                                           << QStringLiteral("only --profile");
        QTest::newRow("no-verify on get")
                << QStringList {QStringLiteral("get"), QStringLiteral("abc"), QStringLiteral("--no-verify")}
                << QStringLiteral("belongs to login");
    }
    void invalidLoginExits2()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, errContains);
        Home home;
        const QString secret = uniqueName("never-used-");
        const Run result = run(arguments, home.environment(), line(secret));
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.startsWith(QStringLiteral("taskwatch-cli: ")) && result.err.contains(errContains),
                 qPrintable(result.err));
        QCOMPARE(result.out, QString());
        QCOMPARE(keychainItem(QStringLiteral("bad"), QStringLiteral("x")), QString());
        QVERIFY(!QFile::exists(home.settingsFile()));
        QCOMPARE(CredentialTest::filesContaining(home.path(), secret), QStringList());
    }

    // A new client id for a saved profile: the old id's secret leaves the keychain.
    void newClientIdForgetsTheOldSecret()
    {
        Home home;
        const QString secondId = uniqueName("client-");
        const QString secondSecret = uniqueName("second-");
        Tenant tenant = startTenant({{secondId, secondSecret}});
        const QString profile = uniqueName("moved-");
        QCOMPARE(run(loginArguments(tenant, profile), home.environment(), line(tenant.secret)).exitCode, 0);
        // Re-login keeps what is left out (URL, version): only the client id and the secret change.
        const Run relogin = run({QStringLiteral("login"), QStringLiteral("--profile"), profile,
                                 QStringLiteral("--client-id"), secondId},
                                home.environment(), line(secondSecret));
        QVERIFY2(relogin.exitCode == 0, qPrintable(relogin.err));
        QCOMPARE(keychainItem(profile, secondId), secondSecret);
        QCOMPARE(keychainItem(profile, tenant.clientId), QString());
        const ConnectionProfile saved = ProfileStore::read(settingsOf(home), profile);
        QCOMPARE(saved.clientId, secondId);
        QCOMPARE(saved.baseUrl, tenant.sim->baseUrl());
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
        QCOMPARE(keychainItem(profile, secondId), QString());
    }

    // No keychain (a session bus without a Secret Service, or no bus at all): login gives the keychain's
    // advice and stores nothing, not even in plain text; get with a saved profile says how to go on
    // (SAIL_CLIENT_SECRET), which then works; logout keeps the profile.
    void withoutAKeychain_data()
    {
        QTest::addColumn<bool>("withBus");
        QTest::addColumn<QString>("adviceContains");
        QTest::newRow("no Secret Service") << true << QStringLiteral("No Secret Service is running");
        QTest::newRow("no session bus") << false << QStringLiteral("D-Bus");
    }
    void withoutAKeychain()
    {
        QFETCH(bool, withBus);
        QFETCH(QString, adviceContains);
        Home home;
        CredentialTest::PrivateBus bus;
        QTemporaryDir runtime;
        QProcessEnvironment env = home.environment();
        if (withBus) {
            const QString problem = bus.start();
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            QVERIFY(!bus.hasOwner(QStringLiteral("org.freedesktop.secrets")));
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
        } else {
            env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
            env.remove(QStringLiteral("DISPLAY"));
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path()); // no $XDG_RUNTIME_DIR/bus either
        }
        Tenant tenant = startTenant();
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));
        const QString profile = uniqueName("nokeychain-");

        const Run login = run(loginArguments(tenant, profile), env, line(tenant.secret));
        QCOMPARE(login.exitCode, 2);
        QVERIFY2(login.err.startsWith(QStringLiteral("taskwatch-cli: the system keychain cannot keep the secret: ")),
                 qPrintable(login.err));
        QVERIFY2(login.err.contains(adviceContains), qPrintable(login.err));
        QVERIFY(login.err.contains(QStringLiteral("use SAIL_CLIENT_SECRET for this shell instead")));
        QVERIFY(!login.err.contains(QStringLiteral("session only"))); // the desktop's fallback is not ours
        QCOMPARE(login.err.count(u'\n'), 1);
        QCOMPARE(login.out, QString());
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), 0); // stopped before asking the tenant
        verifyNothingStored(home, profile, tenant.clientId, tenant.secret);
        QVERIFY(!QFile::exists(home.settingsFile()));
        QCOMPARE(CredentialTest::filesContaining(QDir::homePath(), tenant.secret), QStringList());

        // A profile saved by the desktop app: get cannot read its secret.
        {
            QSettings settings = settingsOf(home);
            ConnectionProfile saved = simProfile(*tenant.sim, ApiVersion::V2025, tenant.clientId);
            saved.name = profile;
            ProfileStore::write(settings, saved);
        }
        const Run get = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, env);
        QCOMPARE(get.exitCode, 2);
        QVERIFY2(get.err.startsWith(QStringLiteral("taskwatch-cli: cannot read the client secret of profile \"")),
                 qPrintable(get.err));
        QVERIFY(get.err.contains(adviceContains));
        QVERIFY(get.err.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
        QCOMPARE(get.err.count(u'\n'), 1);
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), 0);

        QProcessEnvironment withSecret = env;
        withSecret.insert(QStringLiteral("SAIL_CLIENT_SECRET"), tenant.secret);
        const Run fallback = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, withSecret);
        QVERIFY2(fallback.exitCode == 0, qPrintable(fallback.err));
        QVERIFY(fallback.out.contains(id));

        const Run logout = run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, env);
        QCOMPARE(logout.exitCode, 2);
        QVERIFY2(logout.err.contains(QStringLiteral("The profile is kept")), qPrintable(logout.err));
        QVERIFY(ProfileStore::exists(settingsOf(home), profile));
        bus.stop();
    }

    // A keyring that is there but locked (a private bus with a gnome-keyring of the test's own, locked over
    // D-Bus; nothing there can show an unlock prompt): one line saying it is locked and how to go on.
    void lockedKeyring()
    {
        Home home;
        CredentialTest::PrivateBus bus;
        const QString problem = bus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QTemporaryDir keyringHome;
        const QString data = keyringHome.filePath(QStringLiteral("data"));
        const QString runtime = keyringHome.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(data) && QDir().mkpath(runtime));
        QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment keyringEnv = QProcessEnvironment::systemEnvironment();
        keyringEnv.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
        keyringEnv.insert(QStringLiteral("XDG_DATA_HOME"), data);
        keyringEnv.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        keyringEnv.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
        keyringEnv.remove(QStringLiteral("DISPLAY"));
        QProcess keyring;
        keyring.setProcessEnvironment(keyringEnv);
        keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        keyring.start(
                QStringLiteral("gnome-keyring-daemon"),
                {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        QVERIFY2(keyring.waitForStarted(10000), qPrintable(keyring.errorString()));
        const auto stopKeyring = qScopeGuard([&keyring] {
            keyring.terminate();
            if (!keyring.waitForFinished(5000)) {
                keyring.kill();
                keyring.waitForFinished();
            }
        });
        keyring.write("tst-clilogin-password");
        keyring.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(bus.hasOwner(QStringLiteral("org.freedesktop.secrets")), 15000);

        QProcessEnvironment env = home.environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
        Tenant tenant = startTenant();
        const QString id = tenant.sim->addTask(scenarioTask(0, 3600));
        const QString profile = uniqueName("locked-");
        // Unlocked, it works.
        QCOMPARE(run(loginArguments(tenant, profile), env, line(tenant.secret)).exitCode, 0);
        QCOMPARE(run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, env).exitCode, 0);

        const CredentialTest::ToolOutput locked = CredentialTest::runTool(
                QStringLiteral("dbus-send"),
                {QStringLiteral("--bus=") + bus.address(), QStringLiteral("--print-reply"),
                 QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                 QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                 QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
        QVERIFY2(locked.ran && locked.exitCode == 0, qPrintable(locked.err));

        const qint64 requests = simStat(*tenant.sim, QStringLiteral("totalRequests"));
        const Run get = run({QStringLiteral("get"), id, QStringLiteral("--profile"), profile}, env);
        QCOMPARE(get.exitCode, 2);
        QVERIFY2(get.err.startsWith(QStringLiteral("taskwatch-cli: cannot read the client secret of profile \"")),
                 qPrintable(get.err));
        QVERIFY2(get.err.contains(QStringLiteral("locked"))
                         && get.err.contains(QStringLiteral("Unlock the login keyring")),
                 qPrintable(get.err));
        QVERIFY(get.err.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
        QCOMPARE(get.err.count(u'\n'), 1);
        QCOMPARE(simStat(*tenant.sim, QStringLiteral("totalRequests")), requests);

        // A new login cannot store its secret: it says why and leaves the saved profile as it was.
        const QString newer = uniqueName("newer-");
        const Run login = run(loginArguments(tenant, profile, QStringLiteral("v2026")) << QStringLiteral("--no-verify"),
                              env, line(newer));
        QCOMPARE(login.exitCode, 2);
        QVERIFY2(login.err.startsWith(QStringLiteral("taskwatch-cli: cannot store the secret in the system keychain: "))
                         && login.err.contains(QStringLiteral("Unlock the login keyring")),
                 qPrintable(login.err));
        QCOMPARE(ProfileStore::read(settingsOf(home), profile).apiVersion, ApiVersion::V2025);
        QCOMPARE(CredentialTest::filesContaining(home.path(), newer), QStringList());

        // logout must not drop the profile while its secret stays behind in the locked keyring.
        const Run logout = run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, env);
        QCOMPARE(logout.exitCode, 2);
        QVERIFY2(logout.err.contains(QStringLiteral("locked")), qPrintable(logout.err));
        QVERIFY(ProfileStore::exists(settingsOf(home), profile));
    }

#ifdef Q_OS_UNIX
private:
    // `taskwatch-cli login --no-verify` for `profile` with stdin on the terminal `tty` and stderr collected in
    // `err`; true once it shows its prompt.
    bool startLoginAtPrompt(QProcess &process, QByteArray &err, const PseudoTerminal &tty, const Home &home,
                            const QString &profile)
    {
        process.setProcessEnvironment(home.environment());
        process.setStandardInputFile(tty.slavePath);
        connect(&process, &QProcess::readyReadStandardError, this, [&] { err += process.readAllStandardError(); });
        process.start(QStringLiteral(TASKWATCH_CLI),
                      {QStringLiteral("login"), QStringLiteral("--profile"), profile, QStringLiteral("--base-url"),
                       QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--client-id"), QStringLiteral("typist"),
                       QStringLiteral("--no-verify")});
        return process.waitForStarted() && QTest::qWaitFor([&] { return err.contains("Client secret: "); }, 20000);
    }

private Q_SLOTS:
    // On a terminal: the prompt goes to stderr, the typed secret is not echoed, and echo is back afterwards.
    // stdin is the slave side of a pseudo-terminal whose master side the test types into.
    void secretIsTypedWithoutEcho()
    {
        Home home;
        PseudoTerminal tty;
        QVERIFY(tty.open());
        // The control: this terminal echoes what is typed, as terminals do by default.
        QVERIFY(tty.type("probe\n"));
        QVERIFY(PseudoTerminal::waitReadable(tty.master));
        QVERIFY(PseudoTerminal::drain(tty.master).contains("probe"));
        QVERIFY(PseudoTerminal::waitReadable(tty.slave));
        QCOMPARE(PseudoTerminal::drain(tty.slave), QByteArray("probe\n"));

        const QString profile = uniqueName("tty-");
        const QString secret = uniqueName("typed-");
        QProcess process;
        QByteArray err;
        // Echo goes off before the prompt appears: type only then.
        QVERIFY(startLoginAtPrompt(process, err, tty, home, profile));
        QVERIFY(!tty.echoes());
        QVERIFY(tty.type(secret.toUtf8() + '\n'));
        QVERIFY(process.waitForFinished(30000));
        err += process.readAllStandardError();
        const QByteArray out = process.readAllStandardOutput();
        QVERIFY2(process.exitCode() == 0, err.constData());
        QVERIFY(out.startsWith("Saved profile \""));

        // The line discipline echoes when it receives the input, so anything echoed is there by now.
        const QByteArray echoed = PseudoTerminal::drain(tty.master);
        QVERIFY2(!echoed.contains(secret.toUtf8()), echoed.constData());
        QVERIFY(!err.contains(secret.toUtf8()) && !out.contains(secret.toUtf8()));
        QCOMPARE(err.count("Client secret: "), 1);
        QVERIFY(tty.echoes()); // restored
        QCOMPARE(keychainItem(profile, QStringLiteral("typist")), secret);
        QCOMPARE(run({QStringLiteral("logout"), QStringLiteral("--profile"), profile}, home.environment()).exitCode, 0);
    }

    // Ctrl-C (SIGINT), or SIGTERM, at the prompt: the terminal gets its echo back and nothing is stored.
    void interruptedPromptRestoresEcho_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGTERM") << int(SIGTERM);
    }
    void interruptedPromptRestoresEcho()
    {
        QFETCH(int, signal);
        Home home;
        PseudoTerminal tty;
        QVERIFY(tty.open());
        QVERIFY(tty.echoes());
        const QString profile = uniqueName("interrupted-");
        QProcess process;
        QByteArray err;
        QVERIFY(startLoginAtPrompt(process, err, tty, home, profile));
        QVERIFY(!tty.echoes());
        QVERIFY(tty.type("half-typed"));
        QVERIFY(::kill(pid_t(process.processId()), signal) == 0);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit); // died of the signal, as the shell expects
        QVERIFY(tty.echoes());
        QCOMPARE(keychainItem(profile, QStringLiteral("typist")), QString());
        QVERIFY(!QFile::exists(home.settingsFile()));
    }
#endif
};

QTEST_GUILESS_MAIN(TestCliLogin)
#include "tst_clilogin.moc"

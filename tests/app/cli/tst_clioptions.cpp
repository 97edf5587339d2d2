#include "app/cli/CliOptions.h"
#include "client/ProfileStore.h"

#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;

namespace {

CliParse parse(QStringList arguments)
{
    arguments.prepend(QStringLiteral("taskwatch-cli"));
    return parseCli(arguments);
}

QProcessEnvironment environment(const QString &url = {}, const QString &id = {}, const QString &secret = {})
{
    QProcessEnvironment env;
    if (!url.isEmpty())
        env.insert(QStringLiteral("SAIL_BASE_URL"), url);
    if (!id.isEmpty())
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), id);
    if (!secret.isEmpty())
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), secret);
    return env;
}

const auto noStdin = [] { return QString(); };

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QSettings settings() { return QSettings(m_dir.filePath(QStringLiteral("taskwatch.conf")), QSettings::IniFormat); }

private Q_SLOTS:
    void helpAndVersion()
    {
        QCOMPARE(parse({QStringLiteral("--help")}).action, CliParse::Action::Help);
        QCOMPARE(parse({QStringLiteral("get"), QStringLiteral("-h")}).action, CliParse::Action::Help);
        QCOMPARE(parse({QStringLiteral("--version")}).action, CliParse::Action::Version);
        const QString help = cliHelpText();
        for (const char *code : {"0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "124"})
            QVERIFY2(help.contains(QStringLiteral("\n  ") + QLatin1String(code)), code);
        for (const char *option : {"--base-url",
                                   "--api-version",
                                   "--client-id",
                                   "--client-secret-stdin",
                                   "--profile",
                                   "--ca-file",
                                   "--timeout",
                                   "--interval",
                                   "--running",
                                   "--limit",
                                   "--json",
                                   "SAIL_BASE_URL",
                                   "SAIL_CLIENT_ID",
                                   "SAIL_CLIENT_SECRET",
                                   "login",
                                   "logout",
                                   "--no-verify",
                                   "keychain",
                                   "clear ID...",
                                   "--status",
                                   "--yes",
                                   "--pending",
                                   "idn:task-management:write",
                                   "does not stop work"})
            QVERIFY2(help.contains(QLatin1String(option)), option);
    }

    void commands()
    {
        CliParse get =
                parse({QStringLiteral("get"), QStringLiteral("a1"), QStringLiteral("b2,c3"), QStringLiteral("--json")});
        QCOMPARE(get.action, CliParse::Action::Run);
        QCOMPARE(get.options.command, CliCommand::Get);
        QCOMPARE(get.options.ids, (QStringList {QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")}));
        QVERIFY(get.options.json);

        CliParse wait = parse({QStringLiteral("wait"), QStringLiteral("a1"), QStringLiteral("--timeout"),
                               QStringLiteral("30"), QStringLiteral("--interval"), QStringLiteral("2")});
        QCOMPARE(wait.action, CliParse::Action::Run);
        QCOMPARE(wait.options.command, CliCommand::Wait);
        QCOMPARE(*wait.options.timeout, seconds(30));
        QCOMPARE(wait.options.interval, seconds(2));

        CliParse list = parse(
                {QStringLiteral("list"), QStringLiteral("--running"), QStringLiteral("--limit"), QStringLiteral("7")});
        QCOMPARE(list.action, CliParse::Action::Run);
        QCOMPARE(list.options.command, CliCommand::List);
        QVERIFY(list.options.runningOnly);
        QCOMPARE(list.options.limit, 7);

        CliParse connection =
                parse({QStringLiteral("list"), QStringLiteral("--base-url"), QStringLiteral("https://x.example.com"),
                       QStringLiteral("--api-version"), QStringLiteral("v1"), QStringLiteral("--client-id"),
                       QStringLiteral("id"), QStringLiteral("--client-secret-stdin"), QStringLiteral("--profile"),
                       QStringLiteral("prod"), QStringLiteral("--ca-file"), QStringLiteral("/ca.pem")});
        QCOMPARE(connection.options.baseUrl, QStringLiteral("https://x.example.com"));
        QCOMPARE(connection.options.apiVersion, QStringLiteral("v1"));
        QCOMPARE(connection.options.clientId, QStringLiteral("id"));
        QVERIFY(connection.options.secretFromStdin);
        QCOMPARE(connection.options.profile, QStringLiteral("prod"));
        QCOMPARE(connection.options.caFile, QStringLiteral("/ca.pem"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("nothing") << QStringList() << QStringLiteral("no command");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("watch")} << QStringLiteral("unknown command");
        QTest::newRow("unknown option") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                        QStringLiteral("--jsn")}
                                        << QStringLiteral("jsn");
        QTest::newRow("get without ids") << QStringList {QStringLiteral("get")}
                                         << QStringLiteral("at least one task id");
        QTest::newRow("invalid id") << QStringList {QStringLiteral("get"), QStringLiteral("a/b")}
                                    << QStringLiteral("not a task id");
        QTest::newRow("list with ids") << QStringList {QStringLiteral("list"), QStringLiteral("a")}
                                       << QStringLiteral("no ids");
        QTest::newRow("timeout on get") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                        QStringLiteral("--timeout"), QStringLiteral("5")}
                                        << QStringLiteral("belong to wait");
        QTest::newRow("running on get") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                        QStringLiteral("--running")}
                                        << QStringLiteral("belong to list");
        QTest::newRow("json on wait") << QStringList {QStringLiteral("wait"), QStringLiteral("a"),
                                                      QStringLiteral("--json")}
                                      << QStringLiteral("belongs to get, list and follow");
        QTest::newRow("timeout text") << QStringList {QStringLiteral("wait"), QStringLiteral("a"),
                                                      QStringLiteral("--timeout"), QStringLiteral("soon")}
                                      << QStringLiteral("--timeout");
        QTest::newRow("interval 0") << QStringList {QStringLiteral("wait"), QStringLiteral("a"),
                                                    QStringLiteral("--interval"), QStringLiteral("0")}
                                    << QStringLiteral("--interval");
        QTest::newRow("interval 301") << QStringList {QStringLiteral("wait"), QStringLiteral("a"),
                                                      QStringLiteral("--interval"), QStringLiteral("301")}
                                      << QStringLiteral("--interval");
        QTest::newRow("budget share 0") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                        QStringLiteral("--budget-share"), QStringLiteral("0")}
                                        << QStringLiteral("--budget-share: expected 1 to 100");
        QTest::newRow("budget share 101") << QStringList {QStringLiteral("wait"), QStringLiteral("a"),
                                                          QStringLiteral("--budget-share"), QStringLiteral("101")}
                                          << QStringLiteral("--budget-share: expected 1 to 100");
        QTest::newRow("budget share text")
                << QStringList {QStringLiteral("list"), QStringLiteral("--budget-share"), QStringLiteral("half")}
                << QStringLiteral("--budget-share: expected 1 to 100");
        QTest::newRow("budget share on login")
                << QStringList {QStringLiteral("login"), QStringLiteral("--budget-share"), QStringLiteral("20")}
                << QStringLiteral("--budget-share belongs to");
        QTest::newRow("follow without a rule") << QStringList {QStringLiteral("follow")}
                                               << QStringLiteral("follow needs --type TYPE, --source ID or --all");
        QTest::newRow("follow with a type that is no code")
                << QStringList {QStringLiteral("follow"), QStringLiteral("--type"), QStringLiteral("x\" or 1")}
                << QStringLiteral("upper-case code");
        QTest::newRow("follow with a bad source")
                << QStringList {QStringLiteral("follow"), QStringLiteral("--source"), QStringLiteral("a\"b")}
                << QStringLiteral("a source id");
        QTest::newRow("follow with ids") << QStringList {QStringLiteral("follow"), QStringLiteral("--all"),
                                                         QStringLiteral("a1")}
                                         << QStringLiteral("takes no ids");
        QTest::newRow("type on get") << QStringList {QStringLiteral("get"), QStringLiteral("a"),
                                                     QStringLiteral("--type"), QStringLiteral("X")}
                                     << QStringLiteral("belong to follow");
        QTest::newRow("fixed interval on get")
                << QStringList {QStringLiteral("get"), QStringLiteral("a"), QStringLiteral("--fixed-interval")}
                << QStringLiteral("belong to wait");
        QTest::newRow("limit 251") << QStringList {QStringLiteral("list"), QStringLiteral("--limit"),
                                                   QStringLiteral("251")}
                                   << QStringLiteral("--limit");
        QTest::newRow("missing value") << QStringList {QStringLiteral("list"), QStringLiteral("--limit")}
                                       << QStringLiteral("limit");
    }
    // The share of the rate limit: 50 % unless told, on every command that talks to the tenant.
    void budgetShareAndPace()
    {
        QCOMPARE(parse({QStringLiteral("get"), QStringLiteral("a1")}).options.budgetShare, 50);
        const QStringList commands {QStringLiteral("get"), QStringLiteral("wait"), QStringLiteral("clear"),
                                    QStringLiteral("list")};
        for (const QString &command : commands) {
            QStringList arguments {command};
            if (command != u"list")
                arguments << QStringLiteral("a1");
            if (command == u"clear")
                arguments << QStringLiteral("--status") << QStringLiteral("error");
            arguments << QStringLiteral("--budget-share") << QStringLiteral("20");
            const CliParse parsed = parse(arguments);
            QCOMPARE(parsed.action, CliParse::Action::Run);
            QCOMPARE(parsed.options.budgetShare, 20);
        }
        QVERIFY(!parse({QStringLiteral("wait"), QStringLiteral("a1")}).options.fixedInterval);
        QVERIFY(parse({QStringLiteral("wait"), QStringLiteral("a1"), QStringLiteral("--fixed-interval")})
                        .options.fixedInterval);
    }

    void followRules()
    {
        const CliParse parsed = parse({QStringLiteral("follow"), QStringLiteral("--type"),
                                       QStringLiteral("IDENTITY_REFRESH"), QStringLiteral("--source"),
                                       QStringLiteral("2c9180835d2e5168015d32f890ca1581"), QStringLiteral("--type"),
                                       QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"), QStringLiteral("--json")});
        QCOMPARE(parsed.action, CliParse::Action::Run);
        QCOMPARE(parsed.options.command, CliCommand::Follow);
        QVERIFY(parsed.options.json);
        const QList<FollowRule> expected {
                {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")},
                {FollowRule::Kind::Type, QStringLiteral("CLOUD_ACCOUNT_AGGREGATION")},
                {FollowRule::Kind::Source, QStringLiteral("2c9180835d2e5168015d32f890ca1581")}};
        QCOMPARE(parsed.options.followRules, expected);
        QCOMPARE(parse({QStringLiteral("follow"), QStringLiteral("--all")}).options.followRules,
                 QList<FollowRule> {FollowRule {}});
    }

    void clearAndPending()
    {
        CliParse clear = parse({QStringLiteral("clear"), QStringLiteral("a1"), QStringLiteral("b2"),
                                QStringLiteral("--status"), QStringLiteral("Terminated"), QStringLiteral("--yes")});
        QCOMPARE(clear.action, CliParse::Action::Run);
        QCOMPARE(clear.options.command, CliCommand::Clear);
        QCOMPARE(clear.options.ids, (QStringList {QStringLiteral("a1"), QStringLiteral("b2")}));
        QCOMPARE(clear.options.mark, std::optional(TaskClearing::Mark::Terminated));
        QVERIFY(clear.options.yes);
        CliParse asking = parse(
                {QStringLiteral("clear"), QStringLiteral("a1"), QStringLiteral("--status"), QStringLiteral("error")});
        QCOMPARE(asking.options.mark, std::optional(TaskClearing::Mark::Error));
        QVERIFY(!asking.options.yes);

        CliParse pending = parse({QStringLiteral("list"), QStringLiteral("--pending"), QStringLiteral("--json")});
        QCOMPARE(pending.action, CliParse::Action::Run);
        QVERIFY(pending.options.pending);
        QVERIFY(!pending.options.runningOnly);
        QVERIFY(!parse({QStringLiteral("list")}).options.pending);
    }

    void clearUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messageContains");
        const QString id = QStringLiteral("a1");
        QTest::newRow("no status") << QStringList {QStringLiteral("clear"), id} << QStringLiteral("needs --status");
        QTest::newRow("status success") << QStringList {QStringLiteral("clear"), id, QStringLiteral("--status"),
                                                        QStringLiteral("success")}
                                        << QStringLiteral("expected error or terminated, got \"success\"");
        QTest::newRow("no ids") << QStringList {QStringLiteral("clear"), QStringLiteral("--status"),
                                                QStringLiteral("error")}
                                << QStringLiteral("at least one task id");
        QTest::newRow("invalid id") << QStringList {QStringLiteral("clear"), QStringLiteral("a\")"),
                                                    QStringLiteral("--status"), QStringLiteral("error")}
                                    << QStringLiteral("not a task id");
        QTest::newRow("json") << QStringList {QStringLiteral("clear"), id, QStringLiteral("--status"),
                                              QStringLiteral("error"), QStringLiteral("--json")}
                              << QStringLiteral("--json belongs to get, list and follow");
        QTest::newRow("yes on get") << QStringList {QStringLiteral("get"), id, QStringLiteral("--yes")}
                                    << QStringLiteral("belong to clear");
        QTest::newRow("status on wait") << QStringList {QStringLiteral("wait"), id, QStringLiteral("--status"),
                                                        QStringLiteral("error")}
                                        << QStringLiteral("belong to clear");
        QTest::newRow("pending on get") << QStringList {QStringLiteral("get"), id, QStringLiteral("--pending")}
                                        << QStringLiteral("belong to list");
        QTest::newRow("pending and running")
                << QStringList {QStringLiteral("list"), QStringLiteral("--pending"), QStringLiteral("--running")}
                << QStringLiteral("--running or --pending");
    }
    void clearUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messageContains);
        const CliParse result = parse(arguments);
        QCOMPARE(result.action, CliParse::Action::Error);
        QVERIFY2(result.message.contains(messageContains), qPrintable(result.message));
    }

    // A person answers, or --yes stands for the answer; a script without --yes is refused.
    void clearConsentTable_data()
    {
        QTest::addColumn<bool>("yes");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<ClearConsent>("consent");
        QTest::newRow("--yes on a terminal") << true << true << ClearConsent::Given;
        QTest::newRow("--yes in a script") << true << false << ClearConsent::Given;
        QTest::newRow("a terminal") << false << true << ClearConsent::Ask;
        QTest::newRow("a script") << false << false << ClearConsent::Refused;
    }
    void clearConsentTable()
    {
        QFETCH(bool, yes);
        QFETCH(bool, terminal);
        QFETCH(ClearConsent, consent);
        CliOptions options;
        options.command = CliCommand::Clear;
        options.yes = yes;
        QCOMPARE(clearConsent(options, terminal), consent);
    }

    // Unlike --running, --pending works on every version (pending-tasks on beta and v2024).
    void pendingNeedsNoRunningFilter()
    {
        CliOptions options;
        options.command = CliCommand::List;
        options.pending = true;
        options.apiVersion = QStringLiteral("v2024");
        options.baseUrl = QStringLiteral("https://acme.api.identitynow.com");
        options.clientId = QStringLiteral("id");
        QSettings store = settings();
        const CliConnection connection =
                resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin);
        QVERIFY2(connection.error.isEmpty(), qPrintable(connection.error));
    }

    void loginAndLogout()
    {
        CliParse login =
                parse({QStringLiteral("login"), QStringLiteral("--base-url"), QStringLiteral("https://x.example.com"),
                       QStringLiteral("--client-id"), QStringLiteral("id"), QStringLiteral("--no-verify")});
        QCOMPARE(login.action, CliParse::Action::Run);
        QCOMPARE(login.options.command, CliCommand::Login);
        QVERIFY(login.options.noVerify);
        QCOMPARE(login.options.profile, QString()); // "default" is for login to fill in
        CliParse logout = parse({QStringLiteral("logout"), QStringLiteral("--profile"), QStringLiteral("lab")});
        QCOMPARE(logout.action, CliParse::Action::Run);
        QCOMPARE(logout.options.command, CliCommand::Logout);
        QCOMPARE(logout.options.profile, QStringLiteral("lab"));
        QCOMPARE(cliDefaultProfile(), QStringLiteral("default"));
    }

    void loginUsageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("ids") << QStringList {QStringLiteral("login"), QStringLiteral("abc")}
                             << QStringLiteral("login takes no ids");
        QTest::newRow("json") << QStringList {QStringLiteral("login"), QStringLiteral("--json")}
                              << QStringLiteral("--json");
        QTest::newRow("timeout") << QStringList {QStringLiteral("login"), QStringLiteral("--timeout"),
                                                 QStringLiteral("5")}
                                 << QStringLiteral("belong to wait");
        QTest::newRow("no-verify on list") << QStringList {QStringLiteral("list"), QStringLiteral("--no-verify")}
                                           << QStringLiteral("belongs to login");
        QTest::newRow("logout with a client id")
                << QStringList {QStringLiteral("logout"), QStringLiteral("--client-id"), QStringLiteral("x")}
                << QStringLiteral("only --profile");
        QTest::newRow("slash") << QStringList {QStringLiteral("login"), QStringLiteral("--profile"),
                                               QStringLiteral("a/b")}
                               << QStringLiteral("--profile");
        QTest::newRow("backslash") << QStringList {QStringLiteral("logout"), QStringLiteral("--profile"),
                                                   QStringLiteral("a\\b")}
                                   << QStringLiteral("--profile");
        QTest::newRow("empty name") << QStringList {QStringLiteral("login"), QStringLiteral("--profile"),
                                                    QStringLiteral(" ")}
                                    << QStringLiteral("empty");
        QTest::newRow("spaces around") << QStringList {QStringLiteral("login"), QStringLiteral("--profile"),
                                                       QStringLiteral(" lab")}
                                       << QStringLiteral("space");
    }
    void loginUsageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messageContains);
        const CliParse result = parse(arguments);
        QCOMPARE(result.action, CliParse::Action::Error);
        QVERIFY2(result.message.contains(messageContains), qPrintable(result.message));
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, messageContains);
        const CliParse result = parse(arguments);
        QCOMPARE(result.action, CliParse::Action::Error);
        QVERIFY2(result.message.contains(messageContains), qPrintable(result.message));
    }

    void flagsBeatEnvironmentBeatProfile()
    {
        QSettings store = settings();
        ConnectionProfile saved;
        saved.name = QStringLiteral("prod");
        saved.baseUrl = QUrl(QStringLiteral("https://saved.example.com"));
        saved.apiVersion = ApiVersion::V2024;
        saved.clientId = QStringLiteral("saved-id");
        saved.caFile = QStringLiteral("/saved.pem");
        ProfileStore::write(store, saved);

        CliOptions options;
        options.profile = QStringLiteral("prod");
        CliConnection fromProfile =
                resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin);
        QVERIFY2(fromProfile.error.isEmpty(), qPrintable(fromProfile.error));
        QCOMPARE(fromProfile.profile.name, QStringLiteral("prod"));
        QCOMPARE(fromProfile.profile.baseUrl, saved.baseUrl);
        QCOMPARE(fromProfile.profile.apiVersion, ApiVersion::V2024);
        QCOMPARE(fromProfile.profile.caFile, QStringLiteral("/saved.pem"));
        QCOMPARE(fromProfile.secret, QStringLiteral("s"));

        CliConnection fromEnvironment = resolveConnection(
                options,
                environment(QStringLiteral("https://env.example.com"), QStringLiteral("env-id"), QStringLiteral("s")),
                store, noStdin);
        QCOMPARE(fromEnvironment.profile.baseUrl, QUrl(QStringLiteral("https://env.example.com")));
        QCOMPARE(fromEnvironment.profile.clientId, QStringLiteral("env-id"));

        options.baseUrl = QStringLiteral("https://flag.example.com");
        options.clientId = QStringLiteral("flag-id");
        options.apiVersion = QStringLiteral("V2026");
        CliConnection fromFlags = resolveConnection(
                options,
                environment(QStringLiteral("https://env.example.com"), QStringLiteral("env-id"), QStringLiteral("s")),
                store, noStdin);
        QCOMPARE(fromFlags.profile.baseUrl, QUrl(QStringLiteral("https://flag.example.com")));
        QCOMPARE(fromFlags.profile.clientId, QStringLiteral("flag-id"));
        QCOMPARE(fromFlags.profile.apiVersion, ApiVersion::V2026);

        // What a keychain secret is bound to stays the saved URL, whatever is in effect, and the refusal can say
        // where the URL in effect came from.
        QCOMPARE(fromProfile.savedBaseUrl, saved.baseUrl);
        QCOMPARE(fromEnvironment.savedBaseUrl, saved.baseUrl);
        QCOMPARE(fromFlags.savedBaseUrl, saved.baseUrl);
        QCOMPARE(fromProfile.baseUrlSource, QStringLiteral("the profile"));
        QCOMPARE(fromEnvironment.baseUrlSource, QStringLiteral("SAIL_BASE_URL"));
        QCOMPARE(fromFlags.baseUrlSource, QStringLiteral("--base-url"));
    }

    // A saved URL that QUrl cannot parse is reported for what it is (with user info: that, and nothing of it),
    // not as "no tenant".
    void invalidSavedUrlIsReportedAsSuch()
    {
        QSettings store = settings();
        store.setValue(QStringLiteral("profiles/broken/baseUrl"), QStringLiteral("https://alice:pw@host:99999"));
        store.setValue(QStringLiteral("profiles/broken/clientId"), QStringLiteral("id"));
        CliOptions options;
        options.profile = QStringLiteral("broken");
        const CliConnection broken =
                resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin);
        QCOMPARE(broken.error, QStringLiteral("The tenant URL must not contain a user name or password."));
    }

    void secretFromStdinOrEnvironmentOnly()
    {
        QSettings store = settings();
        CliOptions options;
        options.baseUrl = QStringLiteral("https://t.example.com");
        options.clientId = QStringLiteral("id");
        CliConnection missing = resolveConnection(options, environment(), store, noStdin);
        QVERIFY(missing.error.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
        options.secretFromStdin = true;
        bool read = false;
        CliConnection stdinSecret = resolveConnection(options, environment({}, {}, QStringLiteral("env")), store, [&] {
            read = true;
            return QStringLiteral("typed");
        });
        QVERIFY(read);
        QCOMPARE(stdinSecret.secret, QStringLiteral("typed")); // stdin wins when asked for
        CliConnection emptyStdin = resolveConnection(options, environment(), store, noStdin);
        QVERIFY(emptyStdin.error.contains(QStringLiteral("stdin")));
    }

    void configurationErrors_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("no url") << QString() << QStringLiteral("id") << QString() << QString()
                                << QStringLiteral("no tenant");
        QTest::newRow("no id") << QStringLiteral("https://t.example.com") << QString() << QString() << QString()
                               << QStringLiteral("no client id");
        QTest::newRow("remote http") << QStringLiteral("http://t.example.com") << QStringLiteral("id") << QString()
                                     << QString() << QStringLiteral("plain http://");
        QTest::newRow("v3") << QStringLiteral("https://t.example.com") << QStringLiteral("id") << QStringLiteral("v3")
                            << QString() << QStringLiteral("--api-version");
        QTest::newRow("unknown profile") << QString() << QString() << QString() << QStringLiteral("nope")
                                         << QStringLiteral("no saved profile");
    }
    void configurationErrors()
    {
        QFETCH(QString, url);
        QFETCH(QString, id);
        QFETCH(QString, version);
        QFETCH(QString, profile);
        QFETCH(QString, messageContains);
        QSettings store = settings();
        CliOptions options;
        options.baseUrl = url;
        options.clientId = id;
        options.apiVersion = version;
        options.profile = profile;
        const CliConnection connection =
                resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin);
        QVERIFY2(connection.error.contains(messageContains), qPrintable(connection.error));
    }

    // Without --profile, --base-url and SAIL_BASE_URL the "default" profile is used, its secret from the
    // keychain unless the environment or stdin gives one.
    void defaultProfileAndKeychain()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("taskwatch.conf")), QSettings::IniFormat);
        CliOptions options;
        QVERIFY(resolveConnection(options, environment(), store, noStdin).error.contains(QStringLiteral("login")));

        ConnectionProfile saved;
        saved.name = QStringLiteral("default");
        saved.baseUrl = QUrl(QStringLiteral("https://default.example.com"));
        saved.clientId = QStringLiteral("default-id");
        ProfileStore::write(store, saved);
        const CliConnection fromDefault = resolveConnection(options, environment(), store, noStdin);
        QVERIFY2(fromDefault.error.isEmpty(), qPrintable(fromDefault.error));
        QCOMPARE(fromDefault.profile, saved);
        QVERIFY(fromDefault.secretInKeychain);
        QCOMPARE(fromDefault.secret, QString());

        const CliConnection withSecret =
                resolveConnection(options, environment({}, {}, QStringLiteral("env")), store, noStdin);
        QVERIFY(!withSecret.secretInKeychain);
        QCOMPARE(withSecret.secret, QStringLiteral("env"));
        QCOMPARE(withSecret.profile.name, QStringLiteral("default"));

        // The environment's client id is kept: the keychain key follows it.
        const CliConnection otherId =
                resolveConnection(options, environment({}, QStringLiteral("env-id")), store, noStdin);
        QVERIFY(otherId.secretInKeychain);
        QCOMPARE(otherId.profile.clientId, QStringLiteral("env-id"));

        // A tenant from the environment or a flag: the default profile stays out of it.
        const CliConnection fromEnvironment = resolveConnection(
                options, environment(QStringLiteral("https://env.example.com"), QStringLiteral("id")), store, noStdin);
        QVERIFY(fromEnvironment.error.contains(QStringLiteral("SAIL_CLIENT_SECRET")));
        QVERIFY(!fromEnvironment.secretInKeychain);
        options.baseUrl = QStringLiteral("https://flag.example.com");
        const CliConnection fromFlag =
                resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin);
        QVERIFY(fromFlag.error.contains(QStringLiteral("no client id")));

        // A named profile reads its secret from the keychain as well; --client-secret-stdin wins.
        CliOptions named;
        named.profile = QStringLiteral("default");
        QVERIFY(resolveConnection(named, environment(), store, noStdin).secretInKeychain);
        named.secretFromStdin = true;
        const CliConnection typed = resolveConnection(named, environment(), store, [] { return QStringLiteral("t"); });
        QVERIFY(!typed.secretInKeychain);
        QCOMPARE(typed.secret, QStringLiteral("t"));
    }

    void loginPlan()
    {
        QTemporaryDir dir;
        QSettings store(dir.filePath(QStringLiteral("taskwatch.conf")), QSettings::IniFormat);
        CliOptions options;
        options.command = CliCommand::Login;
        options.baseUrl = QStringLiteral(" https://acme.api.identitynow.com ");
        options.clientId = QStringLiteral("id1");
        options.caFile = QStringLiteral("proxy.pem");
        CliLoginPlan plan = resolveLogin(options, store);
        QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
        QCOMPARE(plan.profile.name, QStringLiteral("default"));
        QCOMPARE(plan.profile.baseUrl, QUrl(QStringLiteral("https://acme.api.identitynow.com")));
        QCOMPARE(plan.profile.apiVersion, ApiVersion::V2025);
        QCOMPARE(plan.profile.clientId, QStringLiteral("id1"));
        QVERIFY(QFileInfo(plan.profile.caFile).isAbsolute()); // the desktop app starts elsewhere
        QVERIFY(plan.profile.caFile.endsWith(QStringLiteral("/proxy.pem")));
        QCOMPARE(plan.previousClientId, QString());

        // Logging in again to a saved profile keeps what the flags leave out.
        plan.profile.apiVersion = ApiVersion::V2026;
        ProfileStore::write(store, plan.profile);
        CliOptions again;
        again.command = CliCommand::Login;
        again.clientId = QStringLiteral("id2");
        CliLoginPlan second = resolveLogin(again, store);
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        QCOMPARE(second.profile.baseUrl, plan.profile.baseUrl);
        QCOMPARE(second.profile.apiVersion, ApiVersion::V2026);
        QCOMPARE(second.profile.caFile, plan.profile.caFile);
        QCOMPARE(second.profile.clientId, QStringLiteral("id2"));
        QCOMPARE(second.previousClientId, QStringLiteral("id1"));

        CliOptions fresh;
        fresh.command = CliCommand::Login;
        fresh.profile = QStringLiteral("new");
        QVERIFY(resolveLogin(fresh, store).error.contains(QStringLiteral("--base-url")));
        fresh.baseUrl = QStringLiteral("https://x.example.com");
        QVERIFY(resolveLogin(fresh, store).error.contains(QStringLiteral("--client-id")));
        fresh.clientId = QStringLiteral("x");
        fresh.apiVersion = QStringLiteral("v3");
        QVERIFY(resolveLogin(fresh, store).error.contains(QStringLiteral("--api-version")));
        fresh.apiVersion = QStringLiteral("V1");
        QCOMPARE(resolveLogin(fresh, store).profile.apiVersion, ApiVersion::V1);
        fresh.baseUrl = QStringLiteral("http://x.example.com");
        QVERIFY(resolveLogin(fresh, store).error.contains(QStringLiteral("plain http://")));
    }

    void runningNeedsANewerVersion()
    {
        QSettings store = settings();
        CliOptions options;
        options.command = CliCommand::List;
        options.runningOnly = true;
        options.baseUrl = QStringLiteral("https://t.example.com");
        options.clientId = QStringLiteral("id");
        options.apiVersion = QStringLiteral("v2024");
        QVERIFY(resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin)
                        .error.contains(QStringLiteral("--running")));
        options.apiVersion = QStringLiteral("v2025");
        QVERIFY(resolveConnection(options, environment({}, {}, QStringLiteral("s")), store, noStdin).error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"

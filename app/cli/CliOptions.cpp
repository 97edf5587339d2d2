#include "CliOptions.h"

#include "client/ProfileStore.h"
#include "models/TaskId.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

using namespace std::chrono;

namespace {

CliParse error(const QString &message)
{
    return CliParse {CliParse::Action::Error, {}, message};
}

// Names become settings groups ("profiles/<name>"): a separator would nest them.
QString profileNameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QCoreApplication::translate("CliOptions", "--profile: the name is empty");
    if (name.contains(u'/') || name.contains(u'\\'))
        return QCoreApplication::translate("CliOptions", "--profile: \"%1\" has a / or \\ in it").arg(name);
    if (name != name.trimmed())
        return QCoreApplication::translate("CliOptions", "--profile: \"%1\" starts or ends with a space").arg(name);
    return {};
}

std::optional<int> wholeNumber(const QString &text, int min, int max)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return std::nullopt;
    return value;
}

} // namespace

// One entry for the translators: the help is a page, its columns line up in every language.
QString cliHelpText()
{
    return QCoreApplication::translate(
            "CliOptions",
            "Usage: taskwatch-cli COMMAND [OPTIONS] [ID...]\n"
            "\n"
            "Watch SailPoint Identity Security Cloud tasks through the task-status API.\n"
            "\n"
            "Commands:\n"
            "  get ID...    Fetch the tasks once (batched) and print a table, or with --json a JSON\n"
            "               array of the task-status objects as received.\n"
            "  wait ID...   Poll until every task has finished. On a terminal: a live line per task\n"
            "               with a progress bar; otherwise one line per change.\n"
            "                 --timeout SECONDS   give up after this long (exit code 124)\n"
            "                 --interval SECONDS  the longest a task waits between checks, 1-300\n"
            "                                     (default 5); a task that moves is checked about\n"
            "                                     once a second, within the budget share\n"
            "                 --fixed-interval    check every --interval seconds instead\n"
            "  list         Recent tasks on the tenant, newest first: the way to find ids to watch.\n"
            "                 --running           only tasks that have not finished (v2025, v2026, v1)\n"
            "                 --pending           queued and running tasks, on every version (beta,\n"
            "                                     v2024, v2025: pending-tasks; v2026, v1: the list of\n"
            "                                     unfinished tasks); the total goes to stderr\n"
            "                 --limit N           at most N tasks, 1-250 (default 20)\n"
            "                 --json              the task-status objects as received\n"
            "  clear ID...  Mark stuck tasks as finished (PATCH), with --status error or\n"
            "               --status terminated and the time of now as completed. Each task is read\n"
            "               first: one that has finished is left as it is. This records an outcome\n"
            "               in the tenant; it does not stop work still running there. On a terminal\n"
            "               it asks first [y/N]; without a terminal it needs --yes. Needs a personal\n"
            "               access token of an admin user (scope idn:task-management:write). A\n"
            "               request without an answer is never sent again: check with get.\n"
            "                 --status error|terminated  the outcome to record\n"
            "                 --yes               do not ask\n"
            "  follow       Report new tasks as they appear, and what then happens to them, until\n"
            "               interrupted: one line per event (appeared, started, progressed,\n"
            "               finished, stalled, overdue, recovered), flushed as written; with\n"
            "               --json one JSON object per line. Rounds of at most 2 s, inside the\n"
            "               budget share. Needs v2025, v2026 or v1. Never changes the app's\n"
            "               watch list.\n"
            "                 --type TYPE         every new task of this type (repeatable)\n"
            "                 --source ID         every new task on this source (repeatable)\n"
            "                 --all               every new task\n"
            "                 --json              one JSON object per event\n"
            "  login        Save a connection profile (--profile NAME, default \"default\") and keep its\n"
            "               client secret in the system keychain. The secret is read from stdin\n"
            "               (typed without echo on a terminal). The credentials are checked with the\n"
            "               tenant first; when they are refused nothing is stored.\n"
            "                 --base-url URL --client-id ID [--api-version V] [--ca-file FILE]\n"
            "                                     (for a saved profile, what is left out is kept)\n"
            "                 --no-verify         store without asking the tenant\n"
            "  logout       Remove a saved profile (--profile NAME, default \"default\") and its secret\n"
            "               from the keychain.\n"
            "\n"
            "Connection (get, wait, list, clear, follow):\n"
            "  --base-url URL         tenant, e.g. https://acme.api.identitynow.com   [SAIL_BASE_URL]\n"
            "  --api-version V        beta, v2024, v2025 (default), v2026 or v1\n"
            "  --client-id ID         API client or personal access token id          [SAIL_CLIENT_ID]\n"
            "  --client-secret-stdin  read the client secret from the first line of stdin\n"
            "                         (otherwise from SAIL_CLIENT_SECRET; never from a file)\n"
            "  --profile NAME         a saved connection profile (taskwatch-cli login, or the\n"
            "                         Taskwatch app); its secret comes from the keychain\n"
            "  --ca-file FILE         extra CA certificates (PEM), e.g. a corporate proxy's\n"
            "  --budget-share N       send at most N % of the tenant's rate limit (100 requests\n"
            "                         per 10 s per client id), 1-100 (default 50): the rest\n"
            "                         stays free for other automation using the same client\n"
            "  Flags win over the environment, which wins over the profile. Without --profile,\n"
            "  --base-url and SAIL_BASE_URL, the profile \"default\" is used when it exists.\n"
            "  Plain http:// is accepted only for this computer (127.0.0.1, ::1, localhost).\n"
            "\n"
            "  -h, --help             this help\n"
            "  -v, --version          the version\n"
            "\n"
            "Exit codes:\n"
            "  0    every task found (and, for wait, finished with SUCCESS or WARNING);\n"
            "       clear: every task marked, or found already finished; login and logout: done\n"
            "  1    wait: a task finished with ERROR, TERMINATED or TEMPERROR;\n"
            "       clear: the question was answered no (nothing was changed)\n"
            "  2    usage or configuration error, or the keychain cannot be used\n"
            "  3    authentication failed (login: the tenant refused the credentials;\n"
            "       clear: 403, the credentials may not change tasks)\n"
            "  4    a task was not found\n"
            "  5    network or server error (clear: also a request that got no answer)\n"
            "  124  wait timed out\n"
            "  130  interrupted (Ctrl-C): wait and follow stop cleanly, what they learned is kept\n"
            "  When several apply, the first in the order 2, 3, 4, 5, 1, 124 is used.\n"
            "  Errors go to stderr, one line each, with SailPoint's tracking id when there is one.\n");
}

bool cliOutputIsForPrograms(const QStringList &arguments, bool stdoutIsTerminal)
{
    // Before parsing (the parser's messages are already translated): a plain look at the words is enough, as
    // a wrong command line only gets an error message either way.
    const QStringList words = arguments.mid(1);
    if (words.contains(u"--json") || words.contains(u"-json"))
        return true;
    const auto command =
            std::find_if(words.cbegin(), words.cend(), [](const QString &word) { return !word.startsWith(u'-'); });
    return !stdoutIsTerminal && command != words.cend() && (*command == u"wait" || *command == u"follow");
}

ClearConsent clearConsent(const CliOptions &options, bool stdinIsTerminal)
{
    if (options.yes)
        return ClearConsent::Given;
    return stdinIsTerminal ? ClearConsent::Ask : ClearConsent::Refused;
}

QString cliDefaultProfile()
{
    return QStringLiteral("default");
}

CliParse parseCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QString());
    const QCommandLineOption json(QStringLiteral("json"), QString());
    const QCommandLineOption timeout(QStringLiteral("timeout"), QString(), QStringLiteral("seconds"));
    const QCommandLineOption interval(QStringLiteral("interval"), QString(), QStringLiteral("seconds"));
    const QCommandLineOption running(QStringLiteral("running"), QString());
    const QCommandLineOption limit(QStringLiteral("limit"), QString(), QStringLiteral("n"));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"), QString(), QStringLiteral("url"));
    const QCommandLineOption apiVersion(QStringLiteral("api-version"), QString(), QStringLiteral("v"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), QString(), QStringLiteral("id"));
    const QCommandLineOption secretStdin(QStringLiteral("client-secret-stdin"), QString());
    const QCommandLineOption profile(QStringLiteral("profile"), QString(), QStringLiteral("name"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"), QString(), QStringLiteral("file"));
    const QCommandLineOption noVerify(QStringLiteral("no-verify"), QString());
    const QCommandLineOption pending(QStringLiteral("pending"), QString());
    const QCommandLineOption status(QStringLiteral("status"), QString(), QStringLiteral("status"));
    const QCommandLineOption yes(QStringLiteral("yes"), QString());
    const QCommandLineOption fixedInterval(QStringLiteral("fixed-interval"), QString());
    const QCommandLineOption budgetShare(QStringLiteral("budget-share"), QString(), QStringLiteral("percent"));
    const QCommandLineOption followType(QStringLiteral("type"), QString(), QStringLiteral("type"));
    const QCommandLineOption followSource(QStringLiteral("source"), QString(), QStringLiteral("id"));
    const QCommandLineOption followAll(QStringLiteral("all"), QString());
    parser.addOptions({help,       version,       json,        timeout,    interval,     running,  limit,   baseUrl,
                       apiVersion, clientId,      secretStdin, profile,    caFile,       noVerify, pending, status,
                       yes,        fixedInterval, budgetShare, followType, followSource, followAll});
    if (!parser.parse(arguments))
        return error(parser.errorText());
    if (parser.isSet(help))
        return CliParse {CliParse::Action::Help, {}, {}};
    if (parser.isSet(version))
        return CliParse {CliParse::Action::Version, {}, {}};

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return error(QCoreApplication::translate("CliOptions",
                                                 "no command given (get, wait, list, clear, follow, login or logout)"));
    CliOptions options;
    const QString command = positional.takeFirst();
    if (command == u"get")
        options.command = CliCommand::Get;
    else if (command == u"wait")
        options.command = CliCommand::Wait;
    else if (command == u"list")
        options.command = CliCommand::List;
    else if (command == u"clear")
        options.command = CliCommand::Clear;
    else if (command == u"follow")
        options.command = CliCommand::Follow;
    else if (command == u"login")
        options.command = CliCommand::Login;
    else if (command == u"logout")
        options.command = CliCommand::Logout;
    else
        return error(QCoreApplication::translate(
                             "CliOptions", "unknown command \"%1\" (get, wait, list, clear, follow, login or logout)")
                             .arg(command));

    const bool isList = options.command == CliCommand::List;
    const bool isWait = options.command == CliCommand::Wait;
    const bool isLogin = options.command == CliCommand::Login;
    const bool isLogout = options.command == CliCommand::Logout;
    const bool isClear = options.command == CliCommand::Clear;
    const bool isFollow = options.command == CliCommand::Follow;
    if (!isFollow && (parser.isSet(followType) || parser.isSet(followSource) || parser.isSet(followAll)))
        return error(QCoreApplication::translate("CliOptions", "--type, --source and --all belong to follow"));
    if (isFollow) {
        for (const QString &type : parser.values(followType))
            options.followRules.append({FollowRule::Kind::Type, type});
        for (const QString &source : parser.values(followSource))
            options.followRules.append({FollowRule::Kind::Source, source});
        if (parser.isSet(followAll))
            options.followRules.append({FollowRule::Kind::Every, {}});
        if (options.followRules.isEmpty())
            return error(QCoreApplication::translate("CliOptions",
                                                     "follow needs --type TYPE, --source ID or --all: what to follow"));
        for (const FollowRule &rule : std::as_const(options.followRules)) {
            const QString problem = FollowRule::problem(rule.kind, rule.value);
            if (!problem.isEmpty())
                return error(QStringLiteral("\"%1\": %2").arg(rule.value, problem));
        }
    }
    if (!isWait && (parser.isSet(timeout) || parser.isSet(interval) || parser.isSet(fixedInterval)))
        return error(
                QCoreApplication::translate("CliOptions", "--timeout, --interval and --fixed-interval belong to wait"));
    if ((isLogin || isLogout) && parser.isSet(budgetShare))
        return error(QCoreApplication::translate("CliOptions",
                                                 "--budget-share belongs to get, wait, list, clear and follow"));
    if (!isList && (parser.isSet(running) || parser.isSet(limit) || parser.isSet(pending)))
        return error(QCoreApplication::translate("CliOptions", "--running, --pending and --limit belong to list"));
    if (parser.isSet(running) && parser.isSet(pending))
        return error(QCoreApplication::translate(
                "CliOptions",
                "--running or --pending: --pending lists queued and running tasks, --running the "
                "unfinished tasks of the task list"));
    if ((isWait || isClear || isLogin || isLogout) && parser.isSet(json))
        return error(QCoreApplication::translate("CliOptions", "--json belongs to get, list and follow"));
    if (!isClear && (parser.isSet(status) || parser.isSet(yes)))
        return error(QCoreApplication::translate("CliOptions", "--status and --yes belong to clear"));
    if (isClear) {
        if (!parser.isSet(status))
            return error(QCoreApplication::translate(
                    "CliOptions", "clear needs --status error or --status terminated: the outcome to record"));
        options.mark = TaskClearing::markFromName(parser.value(status));
        if (!options.mark)
            return error(QCoreApplication::translate("CliOptions", "--status: expected error or terminated, got \"%1\"")
                                 .arg(parser.value(status)));
    }
    if (!isLogin && parser.isSet(noVerify))
        return error(QCoreApplication::translate("CliOptions", "--no-verify belongs to login"));
    if (isLogout) {
        for (const QCommandLineOption *option : {&baseUrl, &apiVersion, &clientId, &secretStdin, &caFile}) {
            if (parser.isSet(*option))
                return error(QCoreApplication::translate("CliOptions", "logout takes only --profile"));
        }
    }

    if (isList || isFollow || isLogin || isLogout) {
        if (!positional.isEmpty())
            return error(QCoreApplication::translate("CliOptions", "%1 takes no ids").arg(command));
    } else {
        // Ids as people paste them: separated by spaces, commas or new lines, quoted or not.
        const TaskId::PastedIds pasted = TaskId::parsePasted(positional.join(u' '));
        if (!pasted.rejected.isEmpty())
            return error(QCoreApplication::translate("CliOptions", "\"%1\" is not a task id: it %2")
                                 .arg(pasted.rejected.first().text, pasted.rejected.first().reason));
        if (pasted.ids.isEmpty())
            return error(QCoreApplication::translate("CliOptions", "%1 needs at least one task id").arg(command));
        options.ids = pasted.ids;
    }

    options.json = parser.isSet(json);
    options.runningOnly = parser.isSet(running);
    options.pending = parser.isSet(pending);
    options.yes = parser.isSet(yes);
    if (parser.isSet(timeout)) {
        const auto value = wholeNumber(parser.value(timeout), 1, 7 * 24 * 3600);
        if (!value)
            return error(
                    QCoreApplication::translate("CliOptions", "--timeout: expected a number of seconds ≥ 1, got \"%1\"")
                            .arg(parser.value(timeout)));
        options.timeout = seconds(*value);
    }
    if (parser.isSet(interval)) {
        const auto value = wholeNumber(parser.value(interval), 1, 300);
        if (!value)
            return error(QCoreApplication::translate("CliOptions", "--interval: expected 1 to 300 seconds, got \"%1\"")
                                 .arg(parser.value(interval)));
        options.interval = seconds(*value);
    }
    options.fixedInterval = parser.isSet(fixedInterval);
    if (parser.isSet(budgetShare)) {
        const auto value = wholeNumber(parser.value(budgetShare), 1, 100);
        if (!value)
            return error(
                    QCoreApplication::translate("CliOptions", "--budget-share: expected 1 to 100 (percent), got \"%1\"")
                            .arg(parser.value(budgetShare)));
        options.budgetShare = *value;
    }
    if (parser.isSet(limit)) {
        const auto value = wholeNumber(parser.value(limit), 1, 250);
        if (!value)
            return error(QCoreApplication::translate("CliOptions", "--limit: expected 1 to 250, got \"%1\"")
                                 .arg(parser.value(limit)));
        options.limit = *value;
    }
    options.baseUrl = parser.value(baseUrl);
    options.apiVersion = parser.value(apiVersion);
    options.clientId = parser.value(clientId);
    options.profile = parser.value(profile);
    options.caFile = parser.value(caFile);
    options.secretFromStdin = parser.isSet(secretStdin);
    options.noVerify = parser.isSet(noVerify);
    if ((isLogin || isLogout) && parser.isSet(profile)) {
        const QString problem = profileNameProblem(options.profile);
        if (!problem.isEmpty())
            return error(problem);
    }
    return CliParse {CliParse::Action::Run, options, {}};
}

CliConnection resolveConnection(const CliOptions &options, const QProcessEnvironment &environment,
                                const QSettings &settings, const std::function<QString()> &readSecretLine)
{
    CliConnection result;
    ConnectionProfile &profile = result.profile;
    bool saved = false;
    if (!options.profile.isEmpty()) {
        profile = ProfileStore::read(settings, options.profile);
        if (profile.baseUrl.isEmpty() && profile.clientId.isEmpty()) {
            result.error = QCoreApplication::translate(
                                   "CliOptions", "there is no saved profile \"%1\" (save one with taskwatch-cli login)")
                                   .arg(options.profile);
            return result;
        }
        saved = true;
    } else if (options.baseUrl.isEmpty() && environment.value(QStringLiteral("SAIL_BASE_URL")).isEmpty()
               && ProfileStore::exists(settings, cliDefaultProfile())) {
        profile = ProfileStore::read(settings, cliDefaultProfile());
        saved = true;
    } else {
        profile.name = QStringLiteral("cli");
    }
    auto pick = [&](const QString &flag, const char *variable, const QString &stored) {
        if (!flag.isEmpty())
            return flag;
        const QString fromEnvironment = environment.value(QLatin1String(variable));
        return fromEnvironment.isEmpty() ? stored : fromEnvironment;
    };
    if (saved)
        result.savedBaseUrl = profile.baseUrl;
    result.baseUrlSource = !options.baseUrl.isEmpty() ? QStringLiteral("--base-url")
            : !environment.value(QStringLiteral("SAIL_BASE_URL")).isEmpty()
            ? QStringLiteral("SAIL_BASE_URL")
            : QCoreApplication::translate("CliOptions", "the profile");
    // The saved URL stays the QUrl it was read as: an invalid one (toString() empty) must be reported as what
    // it is, not as "no tenant".
    const QString urlOverride = pick(options.baseUrl, "SAIL_BASE_URL", QString());
    if (!urlOverride.isEmpty())
        profile.baseUrl = QUrl(urlOverride.trimmed());
    profile.clientId = pick(options.clientId, "SAIL_CLIENT_ID", profile.clientId).trimmed();
    if (!options.caFile.isEmpty())
        profile.caFile = options.caFile;
    if (!options.apiVersion.isEmpty()) {
        const auto version = ApiVersions::fromName(options.apiVersion.trimmed().toLower());
        if (!version) {
            result.error = QCoreApplication::translate(
                                   "CliOptions", "--api-version: expected beta, v2024, v2025, v2026 or v1, got \"%1\"")
                                   .arg(options.apiVersion);
            return result;
        }
        profile.apiVersion = *version;
    }
    if (profile.baseUrl.isEmpty()) {
        result.error = QCoreApplication::translate(
                "CliOptions",
                "no tenant: use --base-url, SAIL_BASE_URL or --profile, or save a profile with "
                "taskwatch-cli login");
        return result;
    }
    if (profile.clientId.isEmpty()) {
        result.error =
                QCoreApplication::translate("CliOptions", "no client id: use --client-id, SAIL_CLIENT_ID or --profile");
        return result;
    }
    const QString problem = profile.problem().translated();
    if (!problem.isEmpty()) {
        result.error = problem;
        return result;
    }
    if (options.command == CliCommand::List && options.runningOnly && !supportsRunningFilter(profile.apiVersion)) {
        result.error = QCoreApplication::translate(
                               "CliOptions",
                               "--running needs v2025, v2026 or v1: the %1 task list returns completed tasks only")
                               .arg(ApiVersions::name(profile.apiVersion));
        return result;
    }
    if (options.secretFromStdin) {
        result.secret = readSecretLine();
        if (result.secret.isEmpty())
            result.error = QCoreApplication::translate("CliOptions", "--client-secret-stdin: stdin held no secret");
        return result;
    }
    result.secret = environment.value(QStringLiteral("SAIL_CLIENT_SECRET"));
    if (result.secret.isEmpty()) {
        if (saved)
            result.secretInKeychain = true;
        else
            result.error = QCoreApplication::translate(
                    "CliOptions",
                    "no client secret: set SAIL_CLIENT_SECRET, use --client-secret-stdin, or "
                    "save a profile with taskwatch-cli login");
    }
    return result;
}

CliLoginPlan resolveLogin(const CliOptions &options, const QSettings &settings)
{
    CliLoginPlan plan;
    ConnectionProfile &profile = plan.profile;
    const QString name = options.profile.isEmpty() ? cliDefaultProfile() : options.profile;
    if (ProfileStore::exists(settings, name)) {
        profile = ProfileStore::read(settings, name);
        plan.previousClientId = profile.clientId;
    }
    profile.name = name;
    if (!options.baseUrl.isEmpty())
        profile.baseUrl = QUrl(options.baseUrl.trimmed());
    if (!options.clientId.isEmpty())
        profile.clientId = options.clientId.trimmed();
    if (!options.caFile.isEmpty())
        profile.caFile = QFileInfo(options.caFile).absoluteFilePath(); // the app starts elsewhere
    if (!options.apiVersion.isEmpty()) {
        const auto version = ApiVersions::fromName(options.apiVersion.trimmed().toLower());
        if (!version) {
            plan.error = QCoreApplication::translate(
                                 "CliOptions", "--api-version: expected beta, v2024, v2025, v2026 or v1, got \"%1\"")
                                 .arg(options.apiVersion);
            return plan;
        }
        profile.apiVersion = *version;
    }
    if (profile.baseUrl.isEmpty()) {
        plan.error = QCoreApplication::translate(
                "CliOptions", "login needs --base-url, the tenant (e.g. https://acme.api.identitynow.com)");
        return plan;
    }
    if (profile.clientId.isEmpty()) {
        plan.error = QCoreApplication::translate("CliOptions",
                                                 "login needs --client-id, the API client or personal access token id");
        return plan;
    }
    plan.error = profile.problem().translated();
    return plan;
}

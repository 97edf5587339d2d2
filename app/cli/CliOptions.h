#pragma once

#include "models/ConnectionProfile.h"
#include "models/FollowRule.h"
#include "models/TaskClearing.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QSettings;

enum class CliCommand { Get, Wait, List, Clear, Follow, Login, Logout };

// Exit codes, documented in --help and the README.
namespace CliExit {
constexpr int Ok = 0; // every task found (wait: and finished with SUCCESS or WARNING)
constexpr int TaskFailed = 1; // wait: a task finished with ERROR, TERMINATED or TEMPERROR (or unknown);
                              // clear: the question was answered no, nothing was changed
constexpr int Usage = 2; // usage or configuration error, or the keychain cannot be used
constexpr int Auth = 3; // authentication failed
constexpr int NotFound = 4; // a task was not found
constexpr int Network = 5; // network or server error
constexpr int Timeout = 124; // wait timed out
constexpr int Interrupted = 130; // Ctrl-C (or SIGTERM, SIGHUP): stopped cleanly, the terminal left tidy
} // namespace CliExit

// What the command line asks for.
struct CliOptions
{
    CliCommand command = CliCommand::Get;
    QStringList ids;
    bool json = false;
    std::optional<std::chrono::seconds> timeout; // wait
    std::chrono::seconds interval {5}; // wait: the longest a task waits between checks
    bool fixedInterval = false; // wait: every interval instead of the adaptive pace
    static constexpr int DefaultBudgetShare = 50;
    int budgetShare = DefaultBudgetShare; // percent of the tenant's rate limit every request stays inside
    bool runningOnly = false; // list
    bool pending = false; // list: queued and running tasks (pending-tasks, or completionStatus isnull)
    int limit = 20; // list
    std::optional<TaskClearing::Mark> mark; // clear --status
    bool yes = false; // clear: no question
    QList<FollowRule> followRules; // follow: --type, --source, --all

    QString baseUrl;
    QString apiVersion;
    QString clientId;
    QString profile;
    QString caFile;
    bool secretFromStdin = false;
    bool noVerify = false; // login: store without asking the tenant
};

// The profile that login and logout use, and that get, wait and list fall back to without --profile,
// --base-url or SAIL_BASE_URL.
QString cliDefaultProfile();

struct CliParse
{
    enum class Action { Run, Help, Version, Error };
    Action action = Action::Error;
    CliOptions options;
    QString message; // Error: what is wrong
};

// `arguments` as QCoreApplication::arguments() gives them (program name first).
CliParse parseCli(const QStringList &arguments);
QString cliHelpText();

// True when the output goes to a program, not a person: --json, or wait with stdout not on a terminal (one
// line per change). Such runs stay English (main() installs no translation), so scripts parse the same words
// and messages under every locale; exit codes never change anyway.
bool cliOutputIsForPrograms(const QStringList &arguments, bool stdoutIsTerminal);

// Whether clear may go ahead: --yes, or a person at the terminal to answer the question; without either it
// refuses before any request (exit code 2).
enum class ClearConsent { Given, Ask, Refused };
ClearConsent clearConsent(const CliOptions &options, bool stdinIsTerminal);

// The profile and secret to use: flags, then SAIL_BASE_URL / SAIL_CLIENT_ID / SAIL_CLIENT_SECRET, then the
// profile named by --profile (from `settings`), or the default profile when neither --base-url nor
// SAIL_BASE_URL is given and it exists. The secret comes from stdin (--client-secret-stdin), the environment,
// or (for a saved profile) the keychain, never from a file. `readSecretLine` reads one line of stdin.
struct CliConnection
{
    ConnectionProfile profile; // name: the saved profile's, or "cli" when none is used
    QString secret;
    bool secretInKeychain = false; // the secret is to be read from the keychain (profile.name, profile.clientId)
    // The saved profile's base URL as saved (before flags and the environment): what a keychain entry of an
    // older version, saved without its tenant, is bound to. Empty when no saved profile is used.
    QUrl savedBaseUrl;
    QString baseUrlSource; // where profile.baseUrl came from: "--base-url", "SAIL_BASE_URL" or "the profile"
    QString error; // non-empty: a configuration error (exit code 2)
};
CliConnection resolveConnection(const CliOptions &options, const QProcessEnvironment &environment,
                                const QSettings &settings, const std::function<QString()> &readSecretLine);

// What login stores: the flags, and for what they leave out the profile saved under that name before.
struct CliLoginPlan
{
    ConnectionProfile profile;
    QString previousClientId; // the saved profile's client id (its secret's key), empty if there was none
    QString error; // non-empty: a usage or configuration error (exit code 2)
};
CliLoginPlan resolveLogin(const CliOptions &options, const QSettings &settings);

#pragma once

#include "ConnectionProfile.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QSettings;

enum class CliCommand { Get, Wait, List };

// Exit codes, documented in --help and the README.
namespace CliExit {
constexpr int Ok = 0; // every task found (wait: and finished with SUCCESS or WARNING)
constexpr int TaskFailed = 1; // wait: a task finished with ERROR, TERMINATED or TEMPERROR (or unknown)
constexpr int Usage = 2; // usage or configuration error
constexpr int Auth = 3; // authentication failed
constexpr int NotFound = 4; // a task was not found
constexpr int Network = 5; // network or server error
constexpr int Timeout = 124; // wait timed out
} // namespace CliExit

// What the command line asks for.
struct CliOptions
{
    CliCommand command = CliCommand::Get;
    QStringList ids;
    bool json = false;
    std::optional<std::chrono::seconds> timeout; // wait
    std::chrono::seconds interval {5}; // wait
    bool runningOnly = false; // list
    int limit = 20; // list

    QString baseUrl;
    QString apiVersion;
    QString clientId;
    QString profile;
    QString caFile;
    bool secretFromStdin = false;
};

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

// The profile and secret to use: flags, then SAIL_BASE_URL / SAIL_CLIENT_ID / SAIL_CLIENT_SECRET, then the
// profile named by --profile (from `settings`). The secret comes from stdin (--client-secret-stdin) or the
// environment, never from a file. `readSecretLine` reads one line of stdin.
struct CliConnection
{
    ConnectionProfile profile;
    QString secret;
    QString error; // non-empty: a configuration error (exit code 2)
};
CliConnection resolveConnection(const CliOptions &options, const QProcessEnvironment &environment,
                                const QSettings &settings, const std::function<QString()> &readSecretLine);

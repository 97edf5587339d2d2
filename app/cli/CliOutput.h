#pragma once

#include "CliOptions.h"
#include "client/CredentialStore.h"
#include "models/ConnectionState.h"
#include "models/TaskStatus.h"
#include "models/WatchedTask.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What taskwatch-cli prints, as pure functions of what the engine knows.
namespace CliOutput {

// ID, STATE, %, NAME, PROGRESS: one row per task, columns aligned, ending in a new line.
QString taskTable(const QList<WatchedTask> &tasks);
QString statusTable(const QList<TaskStatus> &statuses);
// The task-status objects exactly as received, as one indented JSON array.
QByteArray jsonArray(const QList<TaskStatus> &statuses);

// [#########-----------]; spaces inside when the percentage is unknown.
QString progressBar(std::optional<int> percent, int width = 20);
// A terminal's live line: id, state, bar, %, name, progress (at most `maxWidth` characters).
QString liveLine(const WatchedTask &task, int idWidth, int maxWidth = 160);
// One line per change when the output is not a terminal: "HH:mm:ss ID State 42% name: progress".
QString changeLine(const WatchedTask &task, const QDateTime &at);
// What a change line shows; a new line is printed only when it differs from the last one printed.
QString changeSignature(const WatchedTask &task);
// One stderr line for a task that has a problem: "ID: message (tracking id …)".
QString problemLine(const WatchedTask &task);
// A problem's message with SailPoint's tracking id when there is one, on one line.
QString problemText(const FetchProblem &problem);
// One stderr line for a keychain failure: "<what>: <qtkeychain's words>. <what to do about the keychain>
// <fallback>", e.g. fallback "Use SAIL_CLIENT_SECRET for this shell instead."
QString keychainProblem(const QString &what, const CredentialResult &result, const QString &fallback);

// The exit code of get and wait from the final state (see CliExit for the order of precedence).
int exitCode(CliCommand command, const QList<WatchedTask> &tasks, const ConnectionState &state, bool timedOut);

} // namespace CliOutput

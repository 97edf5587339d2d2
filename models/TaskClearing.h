#pragma once

#include "Sentence.h"
#include "SharedStatus.h"
#include "TaskState.h"
#include "WatchedTask.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <optional>

// Marking a stuck task as finished ("clearing" it with PATCH /task-status/{id}, as SailPoint's spec calls
// it): which tasks may be cleared, what is sent, and what became of it. Pure: the engine (client/TaskClearer),
// taskwatch-cli and the UI share these decisions. Clearing records an outcome in the tenant; it does not
// stop work that is still running there.
namespace TaskClearing {

// What a task can be marked with: the spec's completionStatus values for a task that did not end well.
enum class Mark { Error, Terminated };

// "error" or "terminated" in any case (taskwatch-cli clear --status); nullopt for anything else.
std::optional<Mark> markFromName(QStringView name);
// ERROR / TERMINATED: the value PATCH sends (the spec's enum is upper case).
QString markValue(Mark mark);
// "Error" / "Terminated", for people (translated()) and reports (english()).
Sentence markName(Mark mark);
TaskState markState(Mark mark);

// Only a task that has not finished (queued or running) is cleared; a finished one is left as it is.
bool mayClear(TaskState state);
// The JSON Patch body: replace /completionStatus with the mark and /completed with `now` (RFC 3339, UTC).
QByteArray patchBody(Mark mark, const QDateTime &now);
// "2026-12-04T21:50:07.123Z": UTC with milliseconds.
QString rfc3339(const QDateTime &time);

} // namespace TaskClearing

// What became of one request to clear a task: a value the app shows at once (the new status) and records
// in its history (who, what, when), and that taskwatch-cli prints.
struct ClearResult
{
    enum class Kind {
        Cleared, // the tenant accepted the PATCH: status is the updated task
        AlreadyFinished, // the GET found the task finished: nothing was sent, status is the task as it is
        Failed, // the GET or the PATCH failed or was refused before the tenant acted: nothing changed
        Unconfirmed, // the PATCH went out but no usable answer came back (timeout, dropped connection, a 5xx,
                     // a task not shown as marked) and a GET after it could not confirm it: it may have been
                     // applied; it was not sent again
    };

    QString id;
    TaskClearing::Mark mark = TaskClearing::Mark::Error;
    Kind kind = Kind::Failed;
    SharedStatus status; // Cleared and AlreadyFinished; Failed/Unconfirmed: the last status read, if any
    FetchProblem problem; // Failed and Unconfirmed: why, with SailPoint's tracking id and HTTP status
    QString who; // whose credentials asked: "client id X (profile P)"
    QDateTime at; // when it was asked (UTC)
    bool patchSent = false; // a PATCH went out (the GET found the task unfinished and the request was sent)

    bool changed() const { return kind == Kind::Cleared; }
    // One line for people (translated()) and for reports and --json (english()).
    Sentence sentence() const;
};

// "client id X (profile P)": who asked, for the history and the report.
QString clearedBy(const QString &clientId, const QString &profile);

Q_DECLARE_METATYPE(ClearResult)

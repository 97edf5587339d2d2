#pragma once

#include "SharedStatus.h"
#include "TaskStatus.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// Why the latest look at a task did not yield a fresh status. The last good status is kept beside it.
struct FetchProblem
{
    enum class Kind {
        None,
        NotFound, // 404 confirmed by a single GET (old tasks disappear after 90 days)
        Fetch, // network, timeout, 5xx, malformed body, rate-limited beyond patience
        Auth, // wrong credentials or forbidden: polling for the profile stops until they change
    };

    Kind kind = Kind::None;
    QString message; // one readable sentence
    QString trackingId; // SailPoint's, when the error body had one
    int httpStatus = 0; // 0 when no HTTP answer came

    bool isNone() const { return kind == Kind::None; }
    friend bool operator==(const FetchProblem &, const FetchProblem &) = default;
};

// What the table shows in its state column: the task's own state, or why we do not know it.
enum class DisplayState {
    Queued,
    Running,
    Success,
    Warning,
    Error,
    Terminated,
    TempError,
    Unknown,
    NotFound,
    FetchError,
    AuthError,
    Pending, // watched, never fetched yet
};

QString displayStateName(DisplayState state);

// One watched task as the engine knows it: what the watch list stores and what listeners receive.
struct WatchedTask
{
    QString id;
    QString label; // the user's name for it; empty when none
    QString profile; // connection profile it belongs to
    QDateTime addedAt;

    SharedStatus status; // the last good status (kept when a later fetch fails)
    QDateTime checkedAt; // last answer (good or bad); invalid when never checked
    QDateTime nextCheckAt; // invalid when no timed check is planned (finished or paused)
    bool paused = false;
    FetchProblem problem;

    DisplayState displayState() const;
    QString displayName() const; // label, else uniqueName, else id
};

// The tasks' ids grouped by label, labels in the order they first appear and ids in the tasks' order: one
// request per label (undo asks the engine to watch removed tasks again, each with its label).
QList<std::pair<QString, QStringList>> idsByLabel(const QList<WatchedTask> &tasks);

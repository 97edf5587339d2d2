#pragma once

#include "Sentence.h"
#include "SharedStatus.h"
#include "TaskStatus.h"
#include "TextLanguage.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
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
    // One readable sentence in English: for reports to SailPoint support, --json and files.
    QString message;
    QString trackingId; // SailPoint's, when the error body had one
    int httpStatus = 0; // 0 when no HTTP answer came
    // The same sentence translated (empty when it was set as English only); show it with shownMessage().
    QString translatedMessage;
    // The tenant's own words ("HTTP 404: ... (tracking id X)") when `message` explains them in ours (a 404 for
    // a task, a 403): reports keep both. Empty otherwise.
    QString serverText;

    bool isNone() const { return kind == Kind::None; }
    // What the UI and the CLI's human output show: the translation, else the English sentence.
    QString shownMessage() const { return translatedMessage.isEmpty() ? message : translatedMessage; }
    Sentence sentence() const { return Sentence::readings(message, translatedMessage); }
    // Both readings from one sentence.
    void setMessage(const Sentence &sentence)
    {
        message = sentence.english();
        translatedMessage = sentence.translated();
    }
    // "message (tracking id X)": the table's error column. Empty for no problem.
    QString text(TextLanguage language) const;
    // "HTTP 503: message (tracking id X)", the HTTP status only when an answer came: tooltips, the
    // history and the report for support (English there).
    QString textWithHttpStatus(TextLanguage language) const;
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

// English by default: reports, --json and the CLI's lines for programs use these names; what people read in
// the windows asks for TextLanguage::UserLanguage.
QString displayStateName(DisplayState state, TextLanguage language = TextLanguage::English);

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
    // Running, but neither `progress` nor `percentComplete` has changed for the stall threshold: an overlay on
    // Running, not an outcome, and it clears by itself when the task moves. Of the moment: not saved.
    bool stalled = false;
    QDateTime lastMovedAt; // when the engine last saw it move; invalid unless it is running
    // Running for longer than 95 % of the earlier runs of its kind (models/RunHistory, at least 5 known): an
    // overlay on Running too, of the moment, not saved. `usualDuration` is those runs' median, 0 when unknown.
    bool overdue = false;
    std::chrono::milliseconds usualDuration {0};

    DisplayState displayState() const;
    QString displayName() const; // label, else uniqueName, else id
};

// The tasks' ids grouped by label, labels in the order they first appear and ids in the tasks' order: one
// request per label (undo asks the engine to watch removed tasks again, each with its label).
QList<std::pair<QString, QStringList>> idsByLabel(const QList<WatchedTask> &tasks);

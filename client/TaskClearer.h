#pragma once

#include "EngineClock.h"
#include "models/TaskClearing.h"

#include <QObject>
#include <QSet>
#include <QString>

struct FetchOutcome;
class TaskStatusClient;

// Marks stuck tasks of one profile as finished ("clears" them: PATCH /task-status/{id}) through its
// TaskStatusClient, so under the same budget, token, retry and Retry-After rules as every other request.
// Each clear() first GETs the task: a task that has finished meanwhile is left as it is and reported so. The
// PATCH is sent once (Qt 6.4's HTTP stack alone repeats it, at once and byte for byte, when the server hangs up
// before any answer); after a timeout or a dropped connection it is never sent again (it is not idempotent
// from the user's view): one more GET tells whether it took, and if that cannot tell, the result says the
// outcome is unconfirmed. A PATCH answered 429 (the tenant did nothing) goes again by itself after a short
// Retry-After (ApiTransport::DefaultPatchResendWithin); after a longer one the task is read again, and patched
// only if it still runs. After a 401 the transport sends it once more with a new
// token, seconds later.
class TaskClearer : public QObject
{
    Q_OBJECT
public:
    TaskClearer(TaskStatusClient *client, EngineClock clock, QObject *parent = nullptr);

    // Every call ends with exactly one cleared(result), from the event loop. A task already being cleared is not
    // cleared twice: that call ends Failed at once, nothing sent.
    void clear(const QString &id, TaskClearing::Mark mark);
    int inProgress() const { return m_inProgress; }

    // The pure steps, in order. afterCheck: the GET's answer decides; `sendPatch` is set when the task may be
    // cleared (the result is then still to be completed by afterPatch).
    static ClearResult afterCheck(ClearResult result, const FetchOutcome &check, bool &sendPatch);
    static ClearResult afterPatch(ClearResult result, const FetchOutcome &patch);
    // After an Unconfirmed PATCH: a GET that shows the mark makes it Cleared; anything else leaves it unconfirmed.
    static ClearResult afterConfirm(ClearResult result, const FetchOutcome &look);

Q_SIGNALS:
    void cleared(const ClearResult &result);

private:
    static constexpr int MaxRateLimitedChecks = 5; // a PATCH answered 429 this often: the task is read again each time
    void check(const ClearResult &asked, int rateLimited); // GET, then PATCH while it may be cleared
    void confirm(const ClearResult &unconfirmed); // one GET after a PATCH without a usable answer
    void finish(const ClearResult &result);

    TaskStatusClient *m_client;
    EngineClock m_clock;
    int m_inProgress = 0;
    QSet<QString> m_clearing; // ids being cleared, lower case
};

#pragma once

#include "EngineClock.h"
#include "models/TaskClearing.h"

#include <QObject>
#include <QString>

struct FetchOutcome;
class TaskStatusClient;

// Marks stuck tasks of one profile as finished ("clears" them: PATCH /task-status/{id}) through its
// TaskStatusClient, so under the same budget, token, retry and Retry-After rules as every other request.
// Each clear() first GETs the task: a task that has finished meanwhile is left as it is and reported so. The
// PATCH is sent once; after a timeout or a dropped connection it is never sent again (it is not idempotent
// from the user's view) and the result says the outcome is unconfirmed.
class TaskClearer : public QObject
{
    Q_OBJECT
public:
    TaskClearer(TaskStatusClient *client, EngineClock clock, QObject *parent = nullptr);

    // Every call ends with exactly one cleared(result), from the event loop.
    void clear(const QString &id, TaskClearing::Mark mark);
    int inProgress() const { return m_inProgress; }

    // The pure steps, in order. afterCheck: the GET's answer decides; `sendPatch` is set when the task may be
    // cleared (the result is then still to be completed by afterPatch).
    static ClearResult afterCheck(ClearResult result, const FetchOutcome &check, bool &sendPatch);
    static ClearResult afterPatch(ClearResult result, const FetchOutcome &patch);

Q_SIGNALS:
    void cleared(const ClearResult &result);

private:
    void finish(const ClearResult &result);

    TaskStatusClient *m_client;
    EngineClock m_clock;
    int m_inProgress = 0;
};

#include "TaskClearer.h"

#include "Logging.h"
#include "TaskStatusClient.h"

TaskClearer::TaskClearer(TaskStatusClient *client, EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock.orSystem())
{ }

ClearResult TaskClearer::afterCheck(ClearResult result, const FetchOutcome &check, bool &sendPatch)
{
    sendPatch = false;
    if (!check.ok() || check.statuses.isEmpty()) {
        result.kind = ClearResult::Kind::Failed;
        result.problem = check.problem;
        return result;
    }
    result.status = check.statuses.first();
    if (!TaskClearing::mayClear(result.status->state())) {
        result.kind = ClearResult::Kind::AlreadyFinished;
        return result;
    }
    sendPatch = true;
    return result;
}

ClearResult TaskClearer::afterPatch(ClearResult result, const FetchOutcome &patch)
{
    result.patchSent = patch.kind != FetchOutcome::Kind::Misconfigured;
    switch (patch.kind) {
    case FetchOutcome::Kind::Ok:
        result.kind = ClearResult::Kind::Cleared;
        result.problem = {};
        if (!patch.statuses.isEmpty())
            result.status = patch.statuses.first();
        return result;
    case FetchOutcome::Kind::Connection:
    case FetchOutcome::Kind::Cancelled:
        // Sent, but no answer: the tenant may have acted on it. Never sent again on our own.
        result.kind = ClearResult::Kind::Unconfirmed;
        break;
    case FetchOutcome::Kind::Server:
        // A 5xx may come after the change was made, and an unreadable 2xx body follows one that was: both are
        // unconfirmed. A 4xx (400, a 429 beyond patience) says the tenant did nothing.
        result.kind = patch.response.httpStatus >= 500 || patch.response.ok() ? ClearResult::Kind::Unconfirmed
                                                                              : ClearResult::Kind::Failed;
        break;
    case FetchOutcome::Kind::NotFound:
    case FetchOutcome::Kind::Auth:
    case FetchOutcome::Kind::Misconfigured:
        result.kind = ClearResult::Kind::Failed;
        break;
    }
    result.problem = patch.problem;
    return result;
}

void TaskClearer::clear(const QString &id, TaskClearing::Mark mark)
{
    ClearResult result;
    result.id = id;
    result.mark = mark;
    result.who = clearedBy(m_client->profile().clientId, m_client->profile().name);
    result.at = m_clock.wall().toUTC();
    ++m_inProgress;
    // A fresh GET, not the status on screen: it may have finished since it was last checked.
    m_client->fetchTask(id, this, [this, result](const FetchOutcome &check) {
        bool sendPatch = false;
        const ClearResult checked = afterCheck(result, check, sendPatch);
        if (!sendPatch) {
            finish(checked);
            return;
        }
        qCInfo(lcNet).noquote() << "marking task" << checked.id << "as" << TaskClearing::markValue(checked.mark);
        m_client->patchTask(checked.id, TaskClearing::patchBody(checked.mark, m_clock.wall()), this,
                            [this, checked](const FetchOutcome &patch) { finish(afterPatch(checked, patch)); });
    });
}

void TaskClearer::finish(const ClearResult &result)
{
    --m_inProgress;
    qCInfo(lcNet).noquote() << "clearing task" << result.id << "ended:" << result.sentence().english();
    Q_EMIT cleared(result);
}

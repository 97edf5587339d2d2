#include "TaskClearer.h"

#include "Logging.h"
#include "TaskStatusClient.h"

#include <QTimer>

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
    // One clear of a task at a time (ids compare as the tenant does, whatever their case): a second "OK" while
    // the first is still being answered sends nothing, so one task never gets two PATCHes.
    const QString key = id.toLower();
    if (m_clearing.contains(key)) {
        result.problem.setMessage(Sentence::translate(
                "TaskClearer", "The task is already being marked as finished; nothing more was sent."));
        QTimer::singleShot(0, this, [this, result] { Q_EMIT cleared(result); });
        return;
    }
    m_clearing.insert(key);
    ++m_inProgress;
    check(result, 0);
}

void TaskClearer::check(const ClearResult &asked, int rateLimited)
{
    // A fresh GET, not the status on screen: it may have finished since it was last checked.
    m_client->fetchTask(asked.id, this, [this, asked, rateLimited](const FetchOutcome &answer) {
        bool sendPatch = false;
        const ClearResult checked = afterCheck(asked, answer, sendPatch);
        if (!sendPatch) {
            finish(checked);
            return;
        }
        qCInfo(lcNet).noquote() << "marking task" << checked.id << "as" << TaskClearing::markValue(checked.mark);
        m_client->patchTask(checked.id, TaskClearing::patchBody(checked.mark, m_clock.wall()), this,
                            [this, asked, checked, rateLimited](const FetchOutcome &patch) {
                                // A 429: the tenant did nothing, and the transport held every request for its
                                // Retry-After. The task may have finished meanwhile: it is read again first.
                                if (patch.problem.httpStatus == 429 && rateLimited < MaxRateLimitedChecks) {
                                    check(asked, rateLimited + 1);
                                    return;
                                }
                                finish(afterPatch(checked, patch));
                            });
    });
}

void TaskClearer::finish(const ClearResult &result)
{
    --m_inProgress;
    m_clearing.remove(result.id.toLower());
    qCInfo(lcNet).noquote() << "clearing task" << result.id << "ended:" << result.sentence().english();
    Q_EMIT cleared(result);
}

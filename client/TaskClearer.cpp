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
    result.patchSent = patch.response.sent;
    switch (patch.kind) {
    case FetchOutcome::Kind::Ok:
        result.problem = {};
        if (!patch.statuses.isEmpty())
            result.status = patch.statuses.first();
        if (result.status && result.status->state() != TaskClearing::markState(result.mark)) {
            // Accepted, yet the task the tenant returns is not marked: say so rather than claim it took.
            result.kind = ClearResult::Kind::Unconfirmed;
            result.problem.kind = FetchProblem::Kind::Fetch;
            result.problem.setMessage(Sentence::translate("TaskClearer", "The tenant answered, but the task shows %1.")
                                              .arg(taskStateName(result.status->state())));
            return result;
        }
        result.kind = ClearResult::Kind::Cleared;
        return result;
    case FetchOutcome::Kind::Connection:
    case FetchOutcome::Kind::Cancelled:
        // Sent, but no answer: the tenant may have acted on it. Never sent again on our own. One that ended
        // while it still waited in the queue never reached the tenant: nothing changed.
        result.kind = patch.response.sent ? ClearResult::Kind::Unconfirmed : ClearResult::Kind::Failed;
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

ClearResult TaskClearer::afterConfirm(ClearResult result, const FetchOutcome &look)
{
    if (!look.ok() || look.statuses.isEmpty())
        return result; // still unconfirmed: the look failed too
    result.status = look.statuses.first();
    if (result.status->state() == TaskClearing::markState(result.mark)) {
        result.kind = ClearResult::Kind::Cleared;
        result.problem = {};
    }
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
                                const ClearResult patched = afterPatch(checked, patch);
                                if (patched.kind == ClearResult::Kind::Unconfirmed && patched.patchSent)
                                    confirm(patched);
                                else
                                    finish(patched);
                            });
    });
}

void TaskClearer::confirm(const ClearResult &unconfirmed)
{
    // The PATCH is not sent again; a GET tells whether it took (a read is safe to repeat).
    m_client->fetchTask(unconfirmed.id, this,
                        [this, unconfirmed](const FetchOutcome &look) { finish(afterConfirm(unconfirmed, look)); });
}

void TaskClearer::finish(const ClearResult &result)
{
    --m_inProgress;
    m_clearing.remove(result.id.toLower());
    qCInfo(lcNet).noquote() << "clearing task" << result.id << "ended:" << result.sentence().english();
    Q_EMIT cleared(result);
}

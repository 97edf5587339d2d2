#include "TaskMonitor.h"

#include "ApiRoutes.h"
#include "ApiTransport.h"
#include "Logging.h"
#include "TaskStatusClient.h"
#include "WatchList.h"
#include "models/TaskId.h"

#include <algorithm>

using namespace std::chrono;

struct TaskMonitor::Round
{
    int pending = 0;
};

namespace {

// What listeners see of a task; a change in any of these is one taskChanged.
bool sameForListeners(const WatchedTask &a, const WatchedTask &b)
{
    const bool sameStatus =
            a.status.has_value() == b.status.has_value() && (!a.status || a.status->rawJson == b.status->rawJson);
    return sameStatus && a.label == b.label && a.checkedAt == b.checkedAt && a.nextCheckAt == b.nextCheckAt
            && a.paused == b.paused && a.problem == b.problem;
}

bool isFinishedStatus(const SharedStatus &status)
{
    return status && isFinished(status->state());
}

} // namespace

TaskMonitor::TaskMonitor(const ConnectionProfile &profile, QObject *parent)
    : TaskMonitor(profile, EngineClock(), parent)
{ }

TaskMonitor::TaskMonitor(const ConnectionProfile &profile, EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_clock(clock.orSystem())
    , m_labels(m_clock)
    , m_client(new TaskStatusClient(profile, m_clock, this))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &TaskMonitor::pollDue);
    ApiTransport *transport = m_client->transport();
    connect(transport, &ApiTransport::rateLimited, this, [this](const QDateTime &until) {
        setState({ConnectionState::Kind::RateLimited, QStringLiteral("Rate limited by the tenant."), until});
    });
    connect(transport, &ApiTransport::rateLimitLifted, this, [this] {
        if (m_state.kind == ConnectionState::Kind::RateLimited)
            setState({ConnectionState::Kind::Ok, {}, {}});
    });
    // A secret comes later (setSecret); a profile that cannot work is reported at once.
    m_configurationProblem = m_client->configurationProblem();
    const QString problem = m_client->setupProblem();
    if (!problem.isEmpty())
        m_state = {ConnectionState::Kind::Misconfigured, problem, {}};
}

TaskMonitor::~TaskMonitor() = default;

void TaskMonitor::setSecret(const QString &secret)
{
    m_client->setSecret(secret);
    m_authStopped = false;
    m_refusedProblem.clear();
    m_configurationProblem = m_client->configurationProblem();
    const QString problem = m_configurationProblem;
    if (!problem.isEmpty())
        setState({ConnectionState::Kind::Misconfigured, problem, {}});
    else if (m_state.kind == ConnectionState::Kind::AuthFailed || m_state.kind == ConnectionState::Kind::Misconfigured)
        setState({});
    refreshNextChecks();
    schedulePoll();
}

void TaskMonitor::setRequestBudget(int requests, seconds window)
{
    m_client->transport()->setRequestBudget(requests, duration_cast<milliseconds>(window));
}

void TaskMonitor::setWatchList(WatchList *list)
{
    if (m_watchList)
        disconnect(m_watchList, nullptr, this, nullptr);
    m_watchList = list;
    if (!list)
        return;
    connect(list, &WatchList::imported, this, [this](const QString &profile, const QList<WatchedTask> &tasks) {
        if (profile != m_profile.name)
            return;
        for (const WatchedTask &task : tasks) {
            if (!m_tasks.contains(task.id))
                adopt(task, isFinishedStatus(task.status));
        }
        pollSoon();
    });
    // Another writer of the file removed them: they leave this monitor too (the list has them no more).
    connect(list, &WatchList::removedElsewhere, this, [this](const QString &profile, const QStringList &ids) {
        if (profile == m_profile.name)
            forget(ids);
    });
    // The list's tasks join those already watched; tasks only the engine knows join the list.
    const QList<WatchedTask> stored = list->tasks(m_profile.name);
    for (const WatchedTask &task : stored) {
        if (!m_tasks.contains(task.id))
            adopt(task, isFinishedStatus(task.status));
    }
    for (const QString &id : std::as_const(m_order)) {
        if (!list->task(m_profile.name, id))
            list->upsert(m_tasks.value(id));
    }
    pollSoon();
}

QList<WatchedTask> TaskMonitor::tasks() const
{
    QList<WatchedTask> result;
    result.reserve(m_order.size());
    for (const QString &id : m_order)
        result.append(m_tasks.value(id));
    return result;
}

std::optional<WatchedTask> TaskMonitor::task(const QString &id) const
{
    const auto it = m_tasks.constFind(id);
    if (it == m_tasks.cend())
        return std::nullopt;
    return *it;
}

void TaskMonitor::adopt(WatchedTask task, bool finished)
{
    task.profile = m_profile.name;
    task.problem = {};
    m_scheduler.add(task.id, finished, m_clock.steady());
    if (task.paused)
        m_scheduler.setPaused(task.id, true, m_clock.steady());
    task.nextCheckAt = pollingStopped() ? QDateTime() : m_labels.at(m_scheduler.nextCheck(task.id));
    m_tasks.insert(task.id, task);
    m_order.append(task.id);
    Q_EMIT taskAdded(task);
}

void TaskMonitor::addTasks(const QStringList &ids, const QString &label)
{
    const QDateTime now = m_labels.now();
    QStringList again;
    for (const QString &id : ids) {
        const QString reason = TaskId::invalidReason(id);
        if (!reason.isEmpty()) {
            qCWarning(lcPoll).noquote() << "not watching" << id.left(80) << "- the id" << reason;
            continue;
        }
        if (m_tasks.contains(id)) {
            if (!label.isEmpty())
                update(id, [&](WatchedTask &task) { task.label = label; });
            again.append(id);
            continue;
        }
        WatchedTask task;
        task.id = id;
        task.label = label;
        task.addedAt = now;
        adopt(task, false);
        if (m_watchList)
            m_watchList->upsert(m_tasks.value(id));
    }
    if (!again.isEmpty())
        refreshNow(again);
    pollSoon();
}

void TaskMonitor::removeTasks(const QStringList &ids)
{
    if (m_watchList) {
        for (const QString &id : ids) {
            if (m_tasks.contains(id))
                m_watchList->remove(m_profile.name, id);
        }
    }
    forget(ids);
}

void TaskMonitor::forget(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (!m_tasks.remove(id))
            continue;
        m_order.removeOne(id);
        m_scheduler.remove(id);
        Q_EMIT taskRemoved(id);
    }
    schedulePoll();
}

void TaskMonitor::refreshNow(const QStringList &ids)
{
    // On request even while paused; not while the credentials stand refused (nothing would be sent).
    if (!canPoll())
        return;
    QStringList due;
    for (const QString &id : ids.isEmpty() ? m_order : ids) {
        if (m_tasks.contains(id) && !m_scheduler.isInFlight(id) && !due.contains(id))
            due.append(id);
    }
    if (due.isEmpty())
        return;
    m_scheduler.markInFlight(due);
    fetch(due);
}

void TaskMonitor::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    qCInfo(lcPoll) << (paused ? "polling paused" : "polling resumed") << "for profile" << m_profile.name;
    if (!paused) {
        for (const QString &id : std::as_const(m_order)) {
            // Checks that fell due while everything was paused happen now.
            if (!m_scheduler.isPaused(id)) {
                m_scheduler.setPaused(id, true, m_clock.steady());
                m_scheduler.setPaused(id, false, m_clock.steady());
            }
        }
    }
    refreshNextChecks();
    schedulePoll();
}

void TaskMonitor::setTaskPaused(const QString &id, bool paused)
{
    if (!m_tasks.contains(id))
        return;
    m_scheduler.setPaused(id, paused, m_clock.steady());
    update(id, [&](WatchedTask &task) { task.paused = paused; });
    schedulePoll();
}

void TaskMonitor::setPollInterval(seconds interval)
{
    const QStringList moved = m_scheduler.setInterval(interval, m_clock.steady());
    for (const QString &id : moved)
        update(id, [](WatchedTask &) {});
    schedulePoll();
}

void TaskMonitor::discover(bool runningOnly, int limit)
{
    auto failLater = [this](const QString &message) {
        QMetaObject::invokeMethod(
                this, [this, message] { Q_EMIT discoverFailed(message); }, Qt::QueuedConnection);
    };
    if (runningOnly && !supportsRunningFilter(m_profile.apiVersion)) {
        failLater(QStringLiteral("The %1 task list returns completed tasks only; listing running tasks needs "
                                 "v2025 or later.")
                          .arg(ApiVersions::name(m_profile.apiVersion)));
        return;
    }
    const QString problem = m_client->configurationProblem();
    if (!problem.isEmpty()) {
        failLater(problem);
        return;
    }
    ApiRoutes::ListQuery query;
    query.limit = std::clamp(limit, 1, ApiRoutes::MaxListLimit);
    query.sorters = QStringLiteral("-created");
    if (runningOnly)
        query.filters = ApiRoutes::runningFilter();
    m_client->fetchList(query, this, [this](const FetchOutcome &outcome) {
        if (outcome.ok()) {
            noteAnswer();
            Q_EMIT discovered(outcome.statuses);
            return;
        }
        if (outcome.kind == FetchOutcome::Kind::Auth) {
            m_authStopped = true;
            setState({ConnectionState::Kind::AuthFailed, outcome.problem.message, {}});
            refreshNextChecks();
        }
        Q_EMIT discoverFailed(outcome.problem.message);
    });
}

bool TaskMonitor::pollingStopped() const
{
    return m_paused || m_authStopped || !m_refusedProblem.isEmpty() || !m_configurationProblem.isEmpty();
}

bool TaskMonitor::canPoll()
{
    if (m_authStopped)
        return false;
    QString problem = m_configurationProblem;
    if (problem.isEmpty())
        problem = m_refusedProblem;
    if (!problem.isEmpty()) {
        setState({ConnectionState::Kind::Misconfigured, problem, {}});
        return false;
    }
    return true;
}

void TaskMonitor::schedulePoll()
{
    const SteadyTime wake = m_scheduler.nextWakeUp();
    if (pollingStopped() || !wake.isValid()) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start(int(std::clamp<qint64>(m_clock.steady().msecsTo(wake), 0, 24 * 3600 * 1000)));
}

void TaskMonitor::schedulePollLater()
{
    // Finding the next wake-up scans every watched task: a list answer applies up to 250 statuses, so it is
    // done once after them (10,000 tasks would otherwise cost 10^8 comparisons per refresh).
    if (m_reschedulePending)
        return;
    m_reschedulePending = true;
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_reschedulePending = false;
                schedulePoll();
            },
            Qt::QueuedConnection);
}

void TaskMonitor::pollSoon()
{
    if (m_tasks.isEmpty() || m_paused || m_authStopped)
        return;
    if (!canPoll()) // says why (Misconfigured) instead of staying silent
        return;
    // A zero timer: ids added in one go (or in several calls in a row) share one round of list calls.
    m_pollTimer.start(0);
}

void TaskMonitor::pollDue()
{
    if (pollingStopped() || !canPoll())
        return;
    const QStringList due = m_scheduler.takeDue(m_clock.steady());
    if (!due.isEmpty())
        fetch(due);
    schedulePoll();
}

void TaskMonitor::fetch(const QStringList &ids)
{
    QList<Batching::DueTask> due;
    due.reserve(ids.size());
    for (const QString &id : ids) {
        const WatchedTask task = m_tasks.value(id);
        due.append({id, task.status && !isFinished(task.status->state()),
                    task.problem.kind == FetchProblem::Kind::NotFound});
    }
    const Batching::FetchPlan plan = Batching::planFetch(due, m_profile.apiVersion, m_fetchMode);
    const QList<QStringList> batches = Batching::splitForList(plan.listIds, m_profile.baseUrl, m_profile.apiVersion);
    qCDebug(lcPoll) << "checking" << ids.size() << "task(s):" << batches.size() << "list call(s),"
                    << plan.singleIds.size() << "single GET(s)";
    auto round = std::make_shared<Round>();
    round->pending = 1; // held until every request of the round is under way
    for (const QStringList &batch : batches)
        fetchList(batch, round);
    for (const QString &id : plan.singleIds)
        fetchSingle(id, round);
    roundStep(round, -1);
}

void TaskMonitor::roundStep(const std::shared_ptr<Round> &round, int delta)
{
    round->pending += delta;
    if (round->pending == 0)
        Q_EMIT refreshed(m_labels.now());
}

void TaskMonitor::fetchList(const QStringList &ids, const std::shared_ptr<Round> &round)
{
    roundStep(round, +1);
    ApiRoutes::ListQuery query;
    query.filters = ApiRoutes::idInFilter(ids);
    m_client->fetchList(query, this, [this, ids, round](const FetchOutcome &outcome) {
        if (outcome.ok()) {
            QHash<QString, const TaskStatus *> byId;
            for (const TaskStatus &status : outcome.statuses)
                byId.insert(status.id, &status);
            for (const QString &id : ids) {
                if (const TaskStatus *status = byId.value(id))
                    applyStatus(id, *status);
                else if (m_tasks.contains(id))
                    fetchSingle(id, round); // running on beta/v2024, or gone: a single GET tells which
            }
        } else if (outcome.problem.httpStatus == 414 && ids.size() > 1) {
            // A gateway with a shorter limit than ours: halve until it passes.
            fetchList(ids.mid(0, ids.size() / 2), round);
            fetchList(ids.mid(ids.size() / 2), round);
        } else {
            applyFailure(ids, outcome);
        }
        roundStep(round, -1);
    });
}

void TaskMonitor::fetchSingle(const QString &id, const std::shared_ptr<Round> &round)
{
    roundStep(round, +1);
    m_client->fetchTask(id, this, [this, id, round](const FetchOutcome &outcome) {
        if (outcome.ok() && !outcome.statuses.isEmpty())
            applyStatus(id, outcome.statuses.first());
        else if (outcome.kind == FetchOutcome::Kind::NotFound)
            applyNotFound(id, outcome);
        else
            applyFailure({id}, outcome);
        roundStep(round, -1);
    });
}

void TaskMonitor::noteAnswer()
{
    if (m_scheduler.connectionFailures() > 0 || m_scheduler.heldUntil().isValid()) {
        m_scheduler.recordConnectionSuccess();
        refreshNextChecks();
    }
    if (m_state.kind != ConnectionState::Kind::Ok && m_state.kind != ConnectionState::Kind::RateLimited)
        setState({ConnectionState::Kind::Ok, {}, {}});
}

void TaskMonitor::applyStatus(const QString &id, const TaskStatus &status)
{
    if (!m_tasks.contains(id))
        return;
    const SteadyTime now = m_clock.steady();
    noteAnswer();
    m_scheduler.recordStatus(id, isFinished(status.state()), now);
    update(id, [&](WatchedTask &task) {
        task.status = status;
        task.checkedAt = m_labels.at(now);
        task.problem = {};
    });
    schedulePollLater();
}

void TaskMonitor::applyNotFound(const QString &id, const FetchOutcome &outcome)
{
    if (!m_tasks.contains(id))
        return;
    const SteadyTime now = m_clock.steady();
    noteAnswer();
    m_scheduler.recordNotFound(id, now);
    update(id, [&](WatchedTask &task) {
        task.checkedAt = m_labels.at(now);
        task.problem = outcome.problem;
    });
    schedulePollLater();
}

void TaskMonitor::applyFailure(const QStringList &ids, const FetchOutcome &outcome)
{
    const SteadyTime now = m_clock.steady();
    SteadyTime retryAt = now;
    switch (outcome.kind) {
    case FetchOutcome::Kind::Auth:
        if (!m_authStopped)
            qCWarning(lcPoll).noquote() << "polling stops for profile" << m_profile.name << ":"
                                        << outcome.problem.message;
        m_authStopped = true;
        setState({ConnectionState::Kind::AuthFailed, outcome.problem.message, {}});
        break;
    case FetchOutcome::Kind::Misconfigured:
        m_refusedProblem = outcome.problem.message;
        setState({ConnectionState::Kind::Misconfigured, outcome.problem.message, {}});
        break;
    case FetchOutcome::Kind::Connection:
        retryAt = m_scheduler.recordConnectionFailure(now);
        setState({ConnectionState::Kind::Offline, outcome.problem.message, m_labels.at(retryAt)});
        break;
    case FetchOutcome::Kind::Cancelled:
        for (const QString &id : ids)
            m_scheduler.requeue(id, now);
        return;
    case FetchOutcome::Kind::Server:
    case FetchOutcome::Kind::NotFound: // a 404 of the list endpoint itself
    case FetchOutcome::Kind::Ok: // an empty answer to a single GET
        noteAnswer();
        break;
    }
    const bool perTask = outcome.kind == FetchOutcome::Kind::Server || outcome.kind == FetchOutcome::Kind::NotFound
            || outcome.kind == FetchOutcome::Kind::Ok;
    FetchProblem problem = outcome.problem;
    if (problem.kind == FetchProblem::Kind::None)
        problem.kind = FetchProblem::Kind::Fetch;
    for (const QString &id : ids) {
        if (!m_tasks.contains(id))
            continue;
        if (perTask)
            m_scheduler.recordFailure(id, now);
        else
            m_scheduler.requeue(id, retryAt);
        update(id, [&](WatchedTask &task) {
            task.checkedAt = m_labels.at(now);
            task.problem = problem;
        });
    }
    refreshNextChecks();
    schedulePoll();
}

template<typename Change>
void TaskMonitor::update(const QString &id, Change change)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    WatchedTask updated = *it;
    change(updated);
    updated.nextCheckAt = pollingStopped() ? QDateTime() : m_labels.at(m_scheduler.nextCheck(id));
    if (sameForListeners(updated, *it))
        return;
    // The file keeps what a restart should show; a new check time alone is not worth a write.
    const bool persist = updated.label != it->label || updated.paused != it->paused
            || updated.status.has_value() != it->status.has_value()
            || (updated.status && it->status && updated.status->rawJson != it->status->rawJson);
    // A running task's progress may wait for a later save; a new state (finished, say) may not.
    const bool progressOnly = updated.label == it->label && updated.paused == it->paused && updated.status && it->status
            && updated.status->state() == it->status->state();
    *it = updated;
    if (persist && m_watchList)
        m_watchList->upsert(updated, progressOnly ? WatchList::Urgency::Progress : WatchList::Urgency::Soon);
    Q_EMIT taskChanged(updated);
}

void TaskMonitor::refreshNextChecks()
{
    for (const QString &id : std::as_const(m_order))
        update(id, [](WatchedTask &) {});
}

void TaskMonitor::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    const bool stoppedBefore = m_state.kind == ConnectionState::Kind::AuthFailed;
    m_state = std::move(state);
    qCInfo(lcPoll).noquote() << "profile" << m_profile.name << "connection:" << connectionStateKindName(m_state.kind)
                             << m_state.message;
    Q_EMIT connectionStateChanged(m_state);
    if (stoppedBefore != (m_state.kind == ConnectionState::Kind::AuthFailed))
        refreshNextChecks();
}

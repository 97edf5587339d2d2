#include "TaskMonitor.h"

#include "ApiTransport.h"
#include "CheckRound.h"
#include "Logging.h"
#include "QueueDepth.h"
#include "TaskChange.h"
#include "TaskClearer.h"
#include "TaskStatusClient.h"
#include "WatchList.h"
#include "models/TaskId.h"

#include <algorithm>

using namespace std::chrono;

namespace {

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
    , m_clearer(new TaskClearer(m_client, m_clock, this))
    , m_queueDepth(new QueueDepth(m_client, m_clock, this))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &TaskMonitor::pollDue);
    ApiTransport *transport = m_client->transport();
    connect(transport, &ApiTransport::rateLimited, this, [this](const QDateTime &until) {
        setState(ConnectionState::of(ConnectionState::Kind::RateLimited,
                                     Sentence::translate("TaskMonitor", "Rate limited by the tenant."), until));
    });
    connect(transport, &ApiTransport::rateLimitLifted, this, [this] {
        if (m_state.kind == ConnectionState::Kind::RateLimited)
            setState({ConnectionState::Kind::Ok, {}, {}});
    });
    connect(m_clearer, &TaskClearer::cleared, this, [this](const ClearResult &result) {
        if (result.status
            && (result.kind == ClearResult::Kind::Cleared || result.kind == ClearResult::Kind::AlreadyFinished))
            applyStatus(result.id, *result.status); // the row shows it before anyone hears of the result
        Q_EMIT taskCleared(result);
    });
    m_idsPerList = Batching::idsPerList(profile.baseUrl, profile.apiVersion);
    // A secret comes later (setSecret); a profile that cannot work is reported at once.
    const Sentence problem = m_client->configurationProblem();
    m_stops = m_stops.with(PollStops::Reason::Misconfigured, !problem.isEmpty(), problem);
    const Sentence setup = m_client->setupProblem();
    if (!setup.isEmpty())
        m_state = ConnectionState::of(ConnectionState::Kind::Misconfigured, setup);
}

TaskMonitor::~TaskMonitor() = default;

void TaskMonitor::setSecret(const QString &secret)
{
    m_client->setSecret(secret);
    const Sentence problem = m_client->configurationProblem();
    setStops(m_stops.with(PollStops::Reason::CredentialsRefused, false)
                     .with(PollStops::Reason::RequestRefused, false)
                     .with(PollStops::Reason::Misconfigured, !problem.isEmpty(), problem));
}

void TaskMonitor::setRequestBudget(int requests, seconds window)
{
    m_client->transport()->setRequestBudget(requests, duration_cast<milliseconds>(window));
}

void TaskMonitor::setBudgetShare(int percent)
{
    m_client->transport()->setBudgetShare(percent);
}

int TaskMonitor::budgetShare() const
{
    return m_client->transport()->budgetShare();
}

void TaskMonitor::updateRoundFloor()
{
    const qsizetype perList = m_fetchMode == Batching::FetchMode::Batched ? m_idsPerList : 1;
    const RequestBudget &budget = m_client->transport()->budget();
    m_scheduler.setRoundFloor(PollPace::roundFloor((m_scheduler.timedCount() + perList - 1) / perList,
                                                   budget.requests(), budget.window()));
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
        for (const WatchedTask &task : tasks)
            if (!m_tasks.contains(task.id))
                adopt(task, isFinishedStatus(task.status));
        pollSoon();
    });
    // Another writer of the file removed them: they leave this monitor too (the list has them no more).
    connect(list, &WatchList::removedElsewhere, this, [this](const QString &profile, const QStringList &ids) {
        if (profile == m_profile.name)
            forget(ids);
    });
    // The list's tasks join those already watched; tasks only the engine knows join the list.
    const QList<WatchedTask> stored = list->tasks(m_profile.name);
    for (const WatchedTask &task : stored)
        if (!m_tasks.contains(task.id))
            adopt(task, isFinishedStatus(task.status));
    for (const QString &id : std::as_const(m_order))
        if (!list->task(m_profile.name, id))
            list->upsert(m_tasks.value(id));
    pollSoon();
}

QDateTime TaskMonitor::tenantNow()
{
    return m_labels.now().addMSecs(m_client->transport()->tenantClockOffset().count());
}

QList<WatchedTask> TaskMonitor::tasks() const
{
    QList<WatchedTask> result;
    result.reserve(m_order.size());
    for (const QString &id : m_order)
        result.append(m_tasks.value(id));
    return result;
}

void TaskMonitor::adopt(WatchedTask task, bool finished)
{
    task.profile = m_profile.name;
    task.problem = {};
    m_scheduler.add(task.id, finished, m_clock.steady());
    if (task.paused)
        m_scheduler.setPaused(task.id, true, m_clock.steady());
    task.nextCheckAt =
            m_stops.allows(PollStops::Demand::Timed) ? m_labels.at(m_scheduler.nextCheck(task.id)) : QDateTime();
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
        for (const QString &id : ids)
            if (m_tasks.contains(id))
                m_watchList->remove(m_profile.name, id);
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
        m_movements.forget(id);
        Q_EMIT taskRemoved(id);
    }
    schedulePoll();
}

void TaskMonitor::refreshNow(const QStringList &ids)
{
    // On request even while paused; not while the credentials stand refused (nothing would be sent).
    if (!m_stops.allows(PollStops::Demand::OnRequest)) {
        explainStop();
        return;
    }
    QStringList due;
    for (const QString &id : ids.isEmpty() ? m_order : ids)
        if (m_tasks.contains(id) && !m_scheduler.isInFlight(id) && !due.contains(id))
            due.append(id);
    if (due.isEmpty())
        return;
    m_scheduler.markInFlight(due);
    fetch(due);
}

void TaskMonitor::setPaused(bool paused)
{
    if (isPaused() == paused)
        return;
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
    setStops(m_stops.with(PollStops::Reason::Paused, paused));
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
    m_client->fetchRecent(runningOnly, limit, this, [this](const FetchOutcome &outcome) {
        if (outcome.ok()) {
            noteAnswer();
            Q_EMIT discovered(outcome.statuses);
            return;
        }
        if (outcome.kind == FetchOutcome::Kind::Auth)
            setStops(m_stops.with(PollStops::Reason::CredentialsRefused, true, outcome.problem.sentence()));
        Q_EMIT discoverFailed(outcome.problem.shownMessage());
    });
}

void TaskMonitor::clearTask(const QString &id, TaskClearing::Mark mark)
{
    m_clearer->clear(id, mark);
}

void TaskMonitor::setStops(const PollStops &stops)
{
    const PollStops before = std::exchange(m_stops, stops);
    using Reason = PollStops::Reason;
    if (stops.has(Reason::CredentialsRefused) && !before.has(Reason::CredentialsRefused))
        qCWarning(lcPoll).noquote() << "polling stops for profile" << m_profile.name << ":" << stops.why().english();
    if (!stops.allows(PollStops::Demand::OnRequest))
        explainStop();
    else if (m_state.kind == ConnectionState::Kind::AuthFailed || m_state.kind == ConnectionState::Kind::Misconfigured)
        setState({});
    if (before.allows(PollStops::Demand::Timed) != stops.allows(PollStops::Demand::Timed))
        refreshNextChecks();
    schedulePoll();
}

void TaskMonitor::explainStop()
{
    if (m_stops.allows(PollStops::Demand::OnRequest))
        return;
    setState(ConnectionState::of(m_stops.has(PollStops::Reason::CredentialsRefused)
                                         ? ConnectionState::Kind::AuthFailed
                                         : ConnectionState::Kind::Misconfigured,
                                 m_stops.why()));
}

void TaskMonitor::schedulePoll()
{
    const SteadyTime wake = m_scheduler.nextWakeUp();
    if (!m_stops.allows(PollStops::Demand::Timed) || !wake.isValid()) {
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
    if (m_tasks.isEmpty() || isPaused())
        return;
    if (!m_stops.allows(PollStops::Demand::OnRequest)) {
        explainStop(); // says why instead of staying silent
        return;
    }
    // A zero timer: ids added in one go (or in several calls in a row) share one round of list calls.
    m_pollTimer.start(0);
}

void TaskMonitor::pollDue()
{
    if (!m_stops.allows(PollStops::Demand::Timed))
        return;
    updateRoundFloor();
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
    CheckRound::Answers answers;
    answers.status = [this](const QString &id, const TaskStatus &status) { applyStatus(id, status); };
    answers.notFound = [this](const QString &id, const FetchOutcome &outcome) { applyNotFound(id, outcome); };
    answers.failure = [this](const QStringList &ids, const FetchOutcome &outcome) { applyFailure(ids, outcome); };
    answers.stillWatched = [this](const QString &id) { return m_tasks.contains(id); };
    answers.done = [this] { Q_EMIT refreshed(m_labels.now()); };
    CheckRound::run(m_client, this, due, m_fetchMode, std::move(answers));
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
    const TaskMovements::Seen seen = m_movements.record(id, status, now, tenantNow());
    m_scheduler.recordStatus(id, isFinished(status.state()), now, seen.movement);
    const QDateTime lastMovedAt = seen.lastMoved.isValid() ? m_labels.at(seen.lastMoved) : QDateTime();
    update(id, [&](WatchedTask &task) {
        if (seen.stalled != task.stalled || seen.overdue != task.overdue)
            qCInfo(lcPoll).noquote() << "task" << id << "stalled" << seen.stalled << "overdue" << seen.overdue
                                     << "last moved" << lastMovedAt.toString(Qt::ISODate);
        task.status = status;
        task.checkedAt = m_labels.at(now);
        task.problem = {};
        task.stalled = seen.stalled;
        task.lastMovedAt = lastMovedAt;
        task.overdue = seen.overdue;
        task.usualDuration = seen.usual;
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
        setStops(m_stops.with(PollStops::Reason::CredentialsRefused, true, outcome.problem.sentence()));
        break;
    case FetchOutcome::Kind::Misconfigured:
        setStops(m_stops.with(PollStops::Reason::RequestRefused, true, outcome.problem.sentence()));
        break;
    case FetchOutcome::Kind::Connection:
        retryAt = m_scheduler.recordConnectionFailure(now);
        setState(ConnectionState::of(ConnectionState::Kind::Offline, outcome.problem.sentence(), m_labels.at(retryAt)));
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
    updated.nextCheckAt =
            m_stops.allows(PollStops::Demand::Timed) ? m_labels.at(m_scheduler.nextCheck(id)) : QDateTime();
    const TaskChange seen = TaskChange::between(*it, updated);
    if (!seen.visible)
        return;
    *it = updated;
    // A running task's progress may wait for a later save; a new state (finished, say) may not.
    if (seen.persist && m_watchList)
        m_watchList->upsert(updated, seen.progressOnly ? WatchList::Urgency::Progress : WatchList::Urgency::Soon);
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
    m_state = std::move(state);
    qCInfo(lcPoll).noquote() << "profile" << m_profile.name << "connection:" << connectionStateKindName(m_state.kind)
                             << m_state.message;
    Q_EMIT connectionStateChanged(m_state);
}

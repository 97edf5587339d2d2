#include "TaskFollower.h"

#include "ApiTransport.h"
#include "Logging.h"
#include "TaskStatusClient.h"

TaskFollower::TaskFollower(TaskStatusClient *client, const QList<FollowRule> &rules, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    for (const FollowRule &rule : rules) {
        if (rule.filter())
            m_rules.append(rule);
        else
            qCWarning(lcPoll).noquote() << "not following" << rule.label() << ": it cannot be a filter";
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TaskFollower::round);
}

void TaskFollower::start()
{
    m_running = true;
    round();
}

void TaskFollower::stop()
{
    m_running = false;
    m_timer.stop();
}

void TaskFollower::round()
{
    if (!m_running || m_rules.isEmpty() || m_pending > 0)
        return; // still answering the last round (the budget may hold it): ruleDone starts the next one
    // The next round starts a period after this one started, or as soon as this one is answered when the
    // answers took longer (the budget may hold them): never two rounds at once.
    m_pending = int(m_rules.size());
    m_timer.start(m_period);
    for (int rule = 0; rule < m_rules.size(); ++rule)
        ask(rule, 0);
}

void TaskFollower::ask(int rule, int page)
{
    ApiRoutes::ListQuery query;
    query.filters = m_rules.at(rule).filter().value_or(QString()); // every kept rule has one (the constructor)
    query.sorters = QStringLiteral("-created");
    query.limit = PageSize;
    query.offset = page * PageSize;
    m_client->fetchList(query, this,
                        [this, rule, page](const FetchOutcome &outcome) { answered(rule, page, outcome); });
}

void TaskFollower::answered(int rule, int page, const FetchOutcome &outcome)
{
    if (!m_running)
        return;
    if (!outcome.ok()) {
        // A 400 or 404 for the list itself (not the token's answer passed on to a request that never left): the
        // tenant will not take this filter, however often it is asked.
        const int status = outcome.response.httpStatus;
        const bool filterRefused = outcome.response.sent && (status == 400 || status == 404);
        const bool credentials = outcome.kind == FetchOutcome::Kind::Auth;
        const bool stops = credentials || filterRefused || outcome.kind == FetchOutcome::Kind::Misconfigured;
        qCWarning(lcPoll).noquote() << "following" << m_rules.at(rule).label() << "failed:" << outcome.problem.message;
        Q_EMIT failed(outcome.problem.shownMessage(), stops, credentials);
        if (stops)
            stop();
        else
            ruleDone();
        return;
    }
    // Each rule learns what is there from its own first answer: one whose first call failed must not take
    // the tenant's older tasks for new ones when it is answered at last.
    const bool learning = !m_learned.contains(rule);
    int fresh = 0;
    // Oldest first, so that events come in the order the tasks were created.
    for (auto it = outcome.statuses.crbegin(); it != outcome.statuses.crend(); ++it) {
        if (m_seen.contains(it->id) || (m_forgetBefore.isValid() && it->created < m_forgetBefore))
            continue; // told, or too old to be news (its id may have been forgotten)
        m_seen.insert(it->id, it->created);
        ++fresh;
        const bool createdSince = m_knownUntil.isValid() && it->created.isValid() && it->created > m_knownUntil;
        if (!learning || createdSince)
            Q_EMIT appeared(*it, m_rules.at(rule));
    }
    // A created date more than an hour ahead of the tenant's own clock cannot be right: it would make every
    // real task look older than the newest seen.
    const QDateTime latestPossible = m_client->transport()->tenantNow().addSecs(3600);
    for (const TaskStatus &status : outcome.statuses)
        if (status.created.isValid() && status.created <= latestPossible
            && (!m_knownUntil.isValid() || status.created > m_knownUntil))
            m_knownUntil = status.created;
    m_learned.insert(rule);
    forgetOld();
    const bool wholePageNew = !learning && fresh == outcome.statuses.size() && outcome.statuses.size() == PageSize;
    if (wholePageNew && page + 1 < MaxPages) {
        ask(rule, page + 1);
        return;
    }
    ruleDone();
}

void TaskFollower::forgetOld()
{
    // What was created an hour before the newest task seen can no longer be news: its id need not be kept, so
    // that a follower left running for weeks does not grow with every task the tenant ever ran.
    if (m_seen.size() < ForgetFrom || !m_knownUntil.isValid())
        return;
    m_forgetBefore = m_knownUntil.addSecs(-3600);
    for (auto it = m_seen.begin(); it != m_seen.end();)
        it = it.value().isValid() && it.value() < m_forgetBefore ? m_seen.erase(it) : std::next(it);
}

void TaskFollower::ruleDone()
{
    if (--m_pending > 0)
        return;
    ++m_rounds;
    if (m_running && !m_timer.isActive())
        round(); // the answers took longer than a period: the next round at once
}

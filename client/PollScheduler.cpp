#include "PollScheduler.h"

#include "Backoff.h"

#include <QRandomGenerator>

#include <algorithm>

using namespace std::chrono;

PollScheduler::PollScheduler(Random random)
    : m_random(random ? std::move(random) : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{ }

QStringList PollScheduler::setInterval(seconds interval, const SteadyTime &now)
{
    m_interval = std::clamp(interval, MinInterval, MaxInterval);
    const SteadyTime latest = now.addSecs(m_interval.count());
    QStringList moved;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = it.value();
        // Backed-off tasks keep their backoff; only the regular rhythm follows the new interval.
        if (entry.due.isValid() && entry.failures == 0 && !entry.inFlight && entry.due > latest) {
            entry.due = latest;
            moved.append(it.key());
        }
    }
    return moved;
}

void PollScheduler::add(const QString &id, bool finished, const SteadyTime &now)
{
    Entry entry;
    entry.due = finished ? SteadyTime() : now;
    entry.order = m_nextOrder++;
    m_entries.insert(id, entry);
}

void PollScheduler::remove(const QString &id)
{
    m_entries.remove(id);
}

void PollScheduler::setPaused(const QString &id, bool paused, const SteadyTime &now)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    it->paused = paused;
    if (!paused && it->due.isValid() && it->due < now)
        it->due = now;
}

bool PollScheduler::isPaused(const QString &id) const
{
    return m_entries.value(id).paused;
}

milliseconds PollScheduler::horizon() const
{
    // Tasks due a little later share this round's list calls; when rounds are spread over the share (many
    // tasks), a round gathers a quarter of its period so that it stays at the floor of requests.
    const milliseconds own = std::min<milliseconds>(duration_cast<milliseconds>(m_interval) / 4, seconds(2));
    return m_pace == Pace::Adaptive ? std::max(own, m_floor / 4) : own;
}

qsizetype PollScheduler::timedCount() const
{
    return std::count_if(m_entries.cbegin(), m_entries.cend(),
                         [](const Entry &entry) { return entry.due.isValid() && !entry.paused; });
}

QStringList PollScheduler::takeDue(const SteadyTime &now)
{
    if (m_heldUntil.isValid() && now < m_heldUntil)
        return {};
    const SteadyTime limit = now.addMSecs(horizon().count());
    QList<std::pair<QString, const Entry *>> due;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry &entry = it.value();
        if (!entry.paused && !entry.inFlight && entry.due.isValid() && entry.due <= limit)
            due.append({it.key(), &entry});
    }
    std::sort(due.begin(), due.end(), [](const auto &a, const auto &b) {
        return a.second->due != b.second->due ? a.second->due < b.second->due : a.second->order < b.second->order;
    });
    QStringList ids;
    ids.reserve(due.size());
    for (const auto &[id, entry] : due)
        ids.append(id);
    markInFlight(ids);
    return ids;
}

void PollScheduler::markInFlight(const QStringList &ids)
{
    for (const QString &id : ids) {
        const auto it = m_entries.find(id);
        if (it != m_entries.end())
            it->inFlight = true;
    }
}

bool PollScheduler::isInFlight(const QString &id) const
{
    return m_entries.value(id).inFlight;
}

SteadyTime PollScheduler::recordStatus(const QString &id, bool finished, const SteadyTime &now,
                                       const PollPace::Movement &movement)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return {};
    it->inFlight = false;
    it->failures = 0;
    if (finished)
        it->due = SteadyTime();
    else if (m_pace == Pace::Fixed)
        it->due = now.addSecs(m_interval.count());
    else
        it->due = now.addMSecs(PollPace::nextDelay(movement, now, m_interval, m_floor).count());
    return nextCheck(id);
}

SteadyTime PollScheduler::backoff(Entry &entry, const SteadyTime &now)
{
    entry.inFlight = false;
    ++entry.failures;
    // The first failure waits one to two intervals, then twice that, and so on up to the cap.
    const milliseconds wait = Backoff::delay(entry.failures + 1, duration_cast<milliseconds>(m_interval), m_random());
    entry.due = now.addMSecs(wait.count());
    return entry.due;
}

SteadyTime PollScheduler::recordNotFound(const QString &id, const SteadyTime &now)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return {};
    backoff(*it, now);
    return nextCheck(id);
}

SteadyTime PollScheduler::recordFailure(const QString &id, const SteadyTime &now)
{
    return recordNotFound(id, now); // the same backoff; kept apart so that callers say what happened
}

SteadyTime PollScheduler::requeue(const QString &id, const SteadyTime &dueAt)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return {};
    it->inFlight = false;
    // A finished task stays finished: it was only being refreshed on request.
    if (it->due.isValid() || dueAt.isValid())
        it->due = it->due.isValid() ? std::max(it->due, dueAt) : dueAt;
    return nextCheck(id);
}

SteadyTime PollScheduler::recordConnectionFailure(const SteadyTime &now)
{
    if (m_heldUntil.isValid() && now < m_heldUntil)
        return m_heldUntil;
    ++m_connectionFailures;
    const milliseconds wait = Backoff::delay(m_connectionFailures, ConnectionBackoffBase, m_random());
    m_heldUntil = now.addMSecs(wait.count());
    return m_heldUntil;
}

void PollScheduler::recordConnectionSuccess()
{
    m_connectionFailures = 0;
    m_heldUntil = SteadyTime();
}

SteadyTime PollScheduler::nextCheck(const QString &id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend() || it->paused || !it->due.isValid())
        return {};
    return m_heldUntil.isValid() && it->due < m_heldUntil ? m_heldUntil : it->due;
}

SteadyTime PollScheduler::nextWakeUp() const
{
    SteadyTime earliest;
    for (const Entry &entry : m_entries) {
        if (!entry.paused && !entry.inFlight && entry.due.isValid() && (!earliest.isValid() || entry.due < earliest))
            earliest = entry.due;
    }
    if (earliest.isValid() && m_heldUntil.isValid() && earliest < m_heldUntil)
        earliest = m_heldUntil;
    return earliest;
}

int PollScheduler::failures(const QString &id) const
{
    return m_entries.value(id).failures;
}

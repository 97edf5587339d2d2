#include "QueueDepth.h"

#include "Logging.h"
#include "TaskStatusClient.h"

using namespace std::chrono;

QueueDepth::QueueDepth(TaskStatusClient *client, EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_clock(clock.orSystem())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &QueueDepth::read);
}

milliseconds QueueDepth::waitBeforeReading(const SteadyTime &lastSent, const SteadyTime &now)
{
    if (!lastSent.isValid())
        return milliseconds(0);
    const qint64 left = duration_cast<milliseconds>(Interval).count() - lastSent.msecsTo(now);
    // A monotonic clock does not go back; if `now` were before `lastSent`, a whole interval is still the most.
    return milliseconds(std::clamp<qint64>(left, 0, duration_cast<milliseconds>(Interval).count()));
}

void QueueDepth::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    ++m_generation;
    m_reading = false;
    m_timer.stop();
    if (enabled)
        schedule();
    else
        m_depth = -1;
}

void QueueDepth::schedule()
{
    if (!m_enabled || m_reading)
        return;
    m_timer.start(waitBeforeReading(m_lastSent, m_clock.steady()));
}

void QueueDepth::read()
{
    if (!m_enabled || m_reading)
        return;
    m_reading = true;
    m_lastSent = m_clock.steady();
    const quint64 generation = m_generation;
    m_client->countPending(this, [this, generation](const FetchOutcome &outcome) {
        if (generation != m_generation)
            return; // turned off (and maybe on again) meanwhile
        m_reading = false;
        if (outcome.kind == FetchOutcome::Kind::Misconfigured && !outcome.response.sent) {
            m_lastSent = {}; // nothing reached the tenant: the minute has not begun
            m_timer.start(NotSentRetry);
            return;
        }
        if (outcome.ok()) {
            m_depth = outcome.response.total();
            qCDebug(lcPoll) << "queue depth" << m_depth;
            Q_EMIT depthRead(m_depth, m_clock.wall());
        } else if (outcome.kind != FetchOutcome::Kind::Cancelled) {
            m_depth = -1;
            Q_EMIT depthFailed(outcome.problem.shownMessage());
        }
        schedule();
    });
}

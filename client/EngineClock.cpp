#include "EngineClock.h"

#include <QTimeZone>

#include <chrono>

SteadyClock engineSteadyClock()
{
    return [] {
        using namespace std::chrono;
        return SteadyTime::fromMSecs(duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count());
    };
}

EngineClock EngineClock::orSystem() const
{
    EngineClock clock = *this;
    if (!clock.wall)
        clock.wall = systemClock();
    if (!clock.steady)
        clock.steady = engineSteadyClock();
    return clock;
}

WallClockLabels::WallClockLabels(EngineClock clock)
    : m_clock(clock.orSystem())
{ }

QDateTime WallClockLabels::at(const SteadyTime &time)
{
    if (!time.isValid())
        return {};
    const qint64 offset = sampleOffset();
    if (!m_hasOffset || qAbs(offset - m_offset) > StepMSecs) {
        m_offset = offset;
        m_hasOffset = true;
    }
    // Every task holds three of these labels. Before Qt 6.5 a QDateTime of QTimeZone::utc() carries a heap block
    // of its own (4.6 MB of the CLI's heap at 10,000 tasks); one of Qt::UTC is stored inline.
#if QT_VERSION < QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(time.msecs() + m_offset, Qt::UTC);
#else
    return QDateTime::fromMSecsSinceEpoch(time.msecs() + m_offset, QTimeZone::UTC);
#endif
}

qint64 WallClockLabels::sampleOffset() const
{
    // The two clocks are read one after the other; a thread preempted between the reads (a loaded machine)
    // would bake that pause into every label for as long as the offset is kept. Bracket the wall reading with
    // two steady ones and take the tightest of a few tries.
    qint64 best = 0;
    qint64 bestGap = -1;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const qint64 before = m_clock.steady().msecs();
        const qint64 wall = m_clock.wall().toMSecsSinceEpoch();
        const qint64 after = m_clock.steady().msecs();
        const qint64 gap = after - before;
        if (bestGap < 0 || gap < bestGap) {
            bestGap = gap;
            best = wall - (before + gap / 2);
        }
        if (gap <= 1)
            break;
    }
    return best;
}

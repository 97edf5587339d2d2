#include "EngineClock.h"

#include <QTimeZone>

#include <chrono>

Clock engineSystemClock()
{
    return [] { return QDateTime::currentDateTimeUtc(); };
}

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
        clock.wall = engineSystemClock();
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
    const qint64 offset = m_clock.wall().toMSecsSinceEpoch() - m_clock.steady().msecs();
    if (!m_hasOffset || qAbs(offset - m_offset) > StepMSecs) {
        m_offset = offset;
        m_hasOffset = true;
    }
    return QDateTime::fromMSecsSinceEpoch(time.msecs() + m_offset, QTimeZone::utc());
}

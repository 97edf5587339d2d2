#include "SimClock.h"

#include <QDateTime>

#include <cmath>

SimClock::SimClock(double speed)
    : m_speed(speed > 0 ? speed : 1.0)
{
    restart();
}

void SimClock::restart()
{
    m_wallAtStart = QDateTime::currentMSecsSinceEpoch();
    m_elapsed.start();
}

qint64 SimClock::wallMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SimClock::monotonicMs() const
{
    return m_elapsed.elapsed();
}

qint64 SimClock::simulatedMs() const
{
    const double elapsedMs = static_cast<double>(m_elapsed.nsecsElapsed()) / 1e6;
    return m_wallAtStart + static_cast<qint64>(std::floor(elapsedMs * m_speed));
}

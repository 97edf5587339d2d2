#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

// The three clocks of a simulated tenant: the wall clock (token expiry), a monotonic clock (rate limits,
// immune to clock changes) and simulated time, which starts at the wall time of (re)start and runs
// `speed` times as fast as real time. Tasks live in simulated time.
class SimClock
{
public:
    explicit SimClock(double speed);

    void restart();
    qint64 wallMs() const;
    qint64 monotonicMs() const;
    qint64 simulatedMs() const;
    double speed() const { return m_speed; }

private:
    double m_speed;
    qint64 m_wallAtStart = 0;
    QElapsedTimer m_elapsed;
};

#pragma once

#include <QDateTime>

#include <optional>

// Time left for a running task from how fast percentComplete climbs. The rate is an exponential moving
// average over the observed steps, so one quick or slow step does not make the estimate jump.
// Unknown (nullopt) until two samples show progress, after the percentage went backwards (the task
// restarted) and once the estimate has run out without new progress (better blank than wrong).
class EtaEstimator
{
public:
    // Weight of the newest step in the average: higher follows changes faster, lower is steadier.
    static constexpr double Smoothing = 0.3;

    void addSample(const QDateTime &at, int percent);
    void reset();

    std::optional<double> percentPerSecond() const;
    std::optional<qint64> secondsRemaining(const QDateTime &now) const;

private:
    QDateTime m_lastChangeAt; // when the percentage last moved (or was first seen)
    int m_lastPercent = -1;
    std::optional<double> m_rate;
};

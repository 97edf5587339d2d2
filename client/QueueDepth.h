#pragma once

#include "EngineClock.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

class TaskStatusClient;

// The tenant's queue depth (its queued and running tasks) for the status bar, read only while turned on (a
// preference, off by default): one reading at most once a minute, inside the request budget, through
// TaskStatusClient::countPending (a HEAD of pending-tasks, or a one-task list with count=true on v2026/v1).
class QueueDepth : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds Interval {60};
    // A reading that could not be sent (no secret yet, at start): tried again this soon, not a minute later.
    static constexpr std::chrono::seconds NotSentRetry {5};

    QueueDepth(TaskStatusClient *client, EngineClock clock, QObject *parent = nullptr);

    // On: a reading now (or once a minute has passed since the last one), then one a minute. Off: no more
    // requests, and an answer still on its way is dropped.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    qint64 depth() const { return m_depth; } // -1 until read, and after a failed reading

    // How long to wait before the next reading may be sent, when the last one was sent at `lastSent` (invalid:
    // never). Pure.
    static std::chrono::milliseconds waitBeforeReading(const SteadyTime &lastSent, const SteadyTime &now);

Q_SIGNALS:
    void depthRead(qint64 count, const QDateTime &at); // at: wall clock, for display
    void depthFailed(const QString &message); // translated, for people; depth() is -1 again

private:
    void schedule();
    void read();

    TaskStatusClient *m_client;
    EngineClock m_clock;
    QTimer m_timer;
    SteadyTime m_lastSent;
    qint64 m_depth = -1;
    bool m_enabled = false;
    bool m_reading = false;
    quint64 m_generation = 0; // answers of an earlier enabled period are dropped
};

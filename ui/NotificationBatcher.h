#pragma once

#include "Notifier.h"
#include "models/Clock.h"

#include <QObject>
#include <QTimer>

// Notifier on a timer: changes arriving together become one notification, and one held back by the throttle
// is tried again once the throttle lets it through. MainWindow feeds it what the engine reports.
class NotificationBatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int BatchMs = 500; // changes arriving together become one notification

    explicit NotificationBatcher(Clock clock, QObject *parent = nullptr);

    Notifier &notifier() { return m_notifier; }
    // A task's new state: if it is news, a notification follows within BatchMs (or once the throttle allows).
    void observe(const WatchedTask &task);

Q_SIGNALS:
    void ready(const Notification &notification);

private:
    void deliver();

    Clock m_clock;
    Notifier m_notifier;
    QTimer m_timer;
};

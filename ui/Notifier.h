#pragma once

#include "models/Clock.h"
#include "models/TaskTransition.h"
#include "models/WatchedTask.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Which events notify. Failures are on by default; the rest is opt-in (what users of such monitors ask for).
struct NotificationSettings
{
    bool started = false;
    bool succeeded = false;
    bool warning = false;
    bool failed = true; // Error and Temp error
    bool terminated = false;
    bool stalled = true; // a running task with no progress for the stall threshold: once per stall
    int maxPerMinute = 3; // more than this become one summary once the minute has passed

    friend bool operator==(const NotificationSettings &, const NotificationSettings &) = default;
};

struct Notification
{
    enum class Severity { Information, Warning, Critical };

    QString title;
    QString body;
    Severity severity = Severity::Information;
    QStringList taskIds;
};

// Turns task changes into few, readable notifications: classifyTransition decides what happened, the
// settings decide what is worth telling, events waiting together become one summary, and at most
// maxPerMinute notifications go out in any minute (the rest wait and are summarised). Pure: the caller
// polls take() (MainWindow does, on a timer) and shows the result wherever it can.
class Notifier
{
    Q_DECLARE_TR_FUNCTIONS(Notifier)

public:
    static constexpr int MaxNamesListed = 5;
    static constexpr qint64 ThrottleWindowSeconds = 60;

    explicit Notifier(Clock clock = systemClock());

    void setSettings(const NotificationSettings &settings);
    const NotificationSettings &settings() const { return m_settings; }

    // Remembers a task's state without telling anyone (tasks restored at start-up, or just added).
    void baseline(const WatchedTask &task);
    // Queues an event when the change since the last sighting is one the settings ask for.
    void observe(const WatchedTask &task);
    void forget(const QString &id);

    bool hasPending() const { return !m_pending.isEmpty(); }
    // Everything pending as one notification, or nullopt when nothing is pending or the throttle says wait.
    std::optional<Notification> take();
    // When take() may next produce a notification; invalid when it may now.
    QDateTime nextAllowedAt() const;

private:
    enum class EventKind { Started, Succeeded, Warning, Failed, Terminated, Stalled };
    struct Event
    {
        QString id;
        QString name;
        EventKind kind;
        QString detail;
    };

    bool wanted(EventKind kind) const;
    void prune(const QDateTime &now);
    Notification single(const Event &event) const;
    Notification summary() const;
    static QString kindText(EventKind kind);
    static Notification::Severity severityOf(EventKind kind);

    Clock m_clock;
    NotificationSettings m_settings;
    QHash<QString, TaskSnapshot> m_last;
    QSet<QString> m_stalled; // told once per stall; a task that moves again may be told again
    QList<Event> m_pending;
    QList<QDateTime> m_sentAt; // notifications sent within the throttle window, oldest first
};

#include "NotificationBatcher.h"

#include "UiLog.h"

#include <algorithm>

NotificationBatcher::NotificationBatcher(Clock clock, QObject *parent)
    : QObject(parent)
    , m_clock(std::move(clock))
    , m_notifier(m_clock)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NotificationBatcher::deliver);
}

void NotificationBatcher::observe(const WatchedTask &task)
{
    m_notifier.observe(task);
    if (m_notifier.hasPending() && !m_timer.isActive())
        m_timer.start(BatchMs);
}

void NotificationBatcher::deliver()
{
    if (const std::optional<Notification> notification = m_notifier.take()) {
        qCDebug(lcUi) << "notification:" << notification->title;
        Q_EMIT ready(*notification);
    }
    if (!m_notifier.hasPending())
        return;
    // Throttled: try again once the window lets the next one through.
    const QDateTime next = m_notifier.nextAllowedAt();
    const qint64 wait = next.isValid() ? m_clock().msecsTo(next) : BatchMs;
    m_timer.start(int(std::clamp<qint64>(wait, BatchMs, Notifier::ThrottleWindowSeconds * 1000)));
}

#include "DesktopNotifications.h"

#include "BringToFront.h"
#include "DesktopLog.h"
#include "DesktopTray.h"
#include "ui/MainWindow.h"
#include "ui/TaskDetailView.h"

#include <QApplication>

#ifdef TASKWATCH_DESKTOP_NOTIFICATIONS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#endif

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");
const QString Path = QStringLiteral("/org/freedesktop/Notifications");
const QString Interface = QStringLiteral("org.freedesktop.Notifications");
const QString DefaultAction = QStringLiteral("default"); // the spec's name for a click on the notice
const QString CopyAction = QStringLiteral("copy-report");

} // namespace

DesktopNotifications::DesktopNotifications(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    connect(window, &MainWindow::notificationReady, this, &DesktopNotifications::show);
    connect(this, &DesktopNotifications::showRequested, this, [this](const QString &id) {
        if (!m_window)
            return;
        bringToFront(m_window);
        m_window->selectTask(id); // a summary has none: the window as it was
    });
    connect(this, &DesktopNotifications::copyReportRequested, this, [this](const QString &id) {
        if (m_window && m_window->selectTask(id))
            m_window->detailView()->copyDetails();
    });
    watchService();
}

DesktopNotifications::~DesktopNotifications() = default;

void DesktopNotifications::setTray(DesktopTray *tray)
{
    m_tray = tray;
}

DesktopNotifications::Channel DesktopNotifications::channel() const
{
    if (serviceRuns())
        return Channel::Service;
    return m_tray ? Channel::Tray : Channel::WindowAlert;
}

void DesktopNotifications::show(const Notification &notification)
{
    if (serviceRuns() && sendToService(notification))
        return;
    fallBack(notification);
}

void DesktopNotifications::fallBack(const Notification &notification)
{
    if (m_tray) {
        m_tray->showNotification(notification);
        Q_EMIT delivered(Channel::Tray);
        return;
    }
    if (m_window)
        QApplication::alert(m_window); // the title already says it; draw the eye to it
    Q_EMIT delivered(Channel::WindowAlert);
}

#ifdef TASKWATCH_DESKTOP_NOTIFICATIONS

void DesktopNotifications::watchService()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return;
    // Asked of the bus itself once (it answers at once); from then on its signals keep this up to date, so that
    // no notice ever waits on a call.
    m_registered = bus.interface()->isServiceRegistered(Service).value();
    m_activatable = bus.interface()->activatableServiceNames().value().contains(Service);
    auto *watcher = new QDBusServiceWatcher(Service, bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(watcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &oldOwner, const QString &newOwner) {
                m_registered = !newOwner.isEmpty();
                if (!oldOwner.isEmpty()) {
                    // Another server, or none: the ids of the old one's notices mean nothing to the next one.
                    m_noticeIds.clear();
                    m_taskOfNotice.clear();
                    m_markup = -1;
                }
                if (m_registered)
                    askCapabilities();
            });
    if (m_registered)
        askCapabilities();
}

void DesktopNotifications::askCapabilities()
{
    m_markup = 0; // plain text until the service says it reads markup
    const QDBusMessage call =
            QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        m_markup = !reply.isError() && reply.value().contains(QStringLiteral("body-markup")) ? 1 : 0;
    });
}

bool DesktopNotifications::serviceRuns() const
{
    // Running, or started by the bus on the first call (most desktops register it as activatable).
    return m_registered || m_activatable;
}

bool DesktopNotifications::sendToService(const Notification &notification)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!m_listening) {
        bus.connect(Service, Path, Interface, QStringLiteral("ActionInvoked"), this,
                    SLOT(onActionInvoked(uint, QString)));
        bus.connect(Service, Path, Interface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
        m_listening = true;
    }
    if (m_markup < 0)
        askCapabilities(); // an activatable service, started by this notice: plain text until it answers
    // One task: its notice replaces the earlier one about it. Several: the summary replaces the last summary.
    const QString key = notification.taskIds.size() == 1 ? notification.taskIds.first() : QString();
    if (m_waiting.contains(key)) {
        m_waiting[key] = notification; // sent when the service has answered the one before
        return true;
    }
    QStringList actions {DefaultAction, tr("Show")};
    if (!key.isEmpty())
        actions << CopyAction << tr("Copy report");
    const uchar urgency = notification.severity == Notification::Severity::Critical ? 2
            : notification.severity == Notification::Severity::Warning              ? 1
                                                                                    : 0;
    const QVariantMap hints {{QStringLiteral("urgency"), QVariant::fromValue(urgency)},
                             {QStringLiteral("desktop-entry"), QStringLiteral("io.github.taskwatch.Taskwatch")},
                             {QStringLiteral("category"), QStringLiteral("transfer")}};
    QDBusMessage call = QDBusMessage::createMethodCall(Service, Path, Interface, QStringLiteral("Notify"));
    call << QStringLiteral("Taskwatch") << m_noticeIds.value(key, 0u) << QStringLiteral("taskwatch")
         << notification.title << (m_markup == 1 ? notification.body.toHtmlEscaped() : notification.body) << actions
         << hints << -1;
    // Answered later, so that a slow service never holds the window. Its id is what the next notice about the
    // same task replaces; until it is known, that next notice waits (only the newest one).
    m_waiting.insert(key, std::nullopt);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 10000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, key, notification] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        const std::optional<Notification> next = m_waiting.take(key);
        if (reply.isError()) {
            qCWarning(lcApp).noquote() << "the notification service refused a notice:" << reply.error().message();
            // A service the bus could not start: not waited for again until one appears (the watcher says so).
            const QString error = reply.error().name();
            if (!m_registered
                && (error.startsWith(QStringLiteral("org.freedesktop.DBus.Error.Spawn"))
                    || error == QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown")
                    || error == QStringLiteral("org.freedesktop.DBus.Error.TimedOut")
                    || error == QStringLiteral("org.freedesktop.DBus.Error.NoReply")))
                m_activatable = false;
            fallBack(notification);
        } else {
            m_taskOfNotice.remove(m_noticeIds.value(key, 0u));
            m_noticeIds.insert(key, reply.value());
            m_taskOfNotice.insert(reply.value(), key);
            Q_EMIT delivered(Channel::Service);
        }
        if (next)
            show(*next);
    });
    return true;
}

#else

void DesktopNotifications::watchService() { }

void DesktopNotifications::askCapabilities() { }

bool DesktopNotifications::serviceRuns() const
{
    return false;
}

bool DesktopNotifications::sendToService(const Notification &)
{
    return false;
}

#endif

void DesktopNotifications::onActionInvoked(uint id, const QString &action)
{
    const auto notice = m_taskOfNotice.constFind(id);
    if (notice == m_taskOfNotice.cend())
        return; // another program's notice: the signal goes to everyone on the bus
    if (action == CopyAction)
        Q_EMIT copyReportRequested(*notice);
    else
        Q_EMIT showRequested(*notice);
}

void DesktopNotifications::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString key = m_taskOfNotice.take(id);
    if (m_noticeIds.value(key) == id)
        m_noticeIds.remove(key); // gone from the screen: the next notice is a new one
}

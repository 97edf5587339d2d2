#pragma once

#include "ui/Notifier.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class DesktopTray;
class MainWindow;

// Where a notification goes: to the freedesktop notification service on the session bus
// (org.freedesktop.Notifications) wherever one runs, GNOME without a tray included, with "Show" and, for one
// task, "Copy report", the app's icon and desktop entry, and the id of the earlier notice about the same task
// (or the earlier summary) replaced, so that nothing stacks up; where no service runs, the tray's balloon; where
// there is neither, an alert on the window. The only code that speaks to the notification service. Platforms
// without D-Bus (Windows, macOS) have no service and use the tray.
class DesktopNotifications : public QObject
{
    Q_OBJECT

public:
    enum class Channel { Service, Tray, WindowAlert };

    // Tells what `window` notifies (MainWindow::notificationReady); "Copy report" copies from its detail view.
    explicit DesktopNotifications(MainWindow *window, QObject *parent = nullptr);
    ~DesktopNotifications() override;

    void setTray(DesktopTray *tray);
    Channel channel() const; // where the next notification would go
    void show(const Notification &notification);

Q_SIGNALS:
    // "Show" or a click on the notice (empty for a summary): done here too, the window comes up at the task.
    void showRequested(const QString &taskId);
    void copyReportRequested(const QString &taskId); // done here too: the task's report is on the clipboard
    void delivered(Channel channel); // after each notification, for tests and the log

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    void watchService(); // whether a service runs, kept up to date from the bus's signals
    void askCapabilities(); // whether it reads markup, without waiting for the answer
    bool serviceRuns() const;
    bool sendToService(const Notification &notification);
    void fallBack(const Notification &notification);

    QPointer<MainWindow> m_window;
    QPointer<DesktopTray> m_tray;
    QHash<QString, uint> m_noticeIds; // task id (or "" for the summary) → the service's id of its last notice
    QHash<uint, QString> m_taskOfNotice;
    QHash<QString, std::optional<Notification>> m_waiting; // keys with a Notify call in flight → the next notice
    bool m_listening = false;
    int m_markup = -1; // whether the service reads markup in the body (1); -1 until asked, 0 until it answers
    bool m_registered = false; // the service runs now
    bool m_activatable = false; // the bus starts it on the first call
};

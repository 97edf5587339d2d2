#pragma once

#include "ui/Notifier.h"
#include "ui/StatusSummary.h"

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class MainWindow;
class QSystemTrayIcon;

// The tray icon where the desktop has a tray: the overall state as its icon, the counts as its tooltip,
// notifications as balloons, and a menu (Show, Pause/Resume, Refresh now, Quit). It only shows and
// forwards: DesktopApp decides what the intents do.
class DesktopTray : public QObject
{
    Q_OBJECT

public:
    // The tooltip as the platform can show it (Windows shows at most 127 characters).
    static QString fitted(const QString &toolTip);
    explicit DesktopTray(QObject *parent = nullptr);
    ~DesktopTray() override;

    QSystemTrayIcon *icon() const { return m_icon; }
    QMenu *menu() const { return m_menu; }
    QAction *showAction() const { return m_show; }
    QAction *pauseAction() const { return m_pause; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *quitAction() const { return m_quit; }
    OverallState overallState() const { return m_state; }

    // Follows the window's overall state and counts, and keeps the window in the tray when a person closes it
    // (saying so the first time) until setQuitting().
    void attach(MainWindow *window);
    void setQuitting() { m_quitting = true; }

public Q_SLOTS:
    void setOverallState(OverallState state);
    void setSummary(const StatusSummary &summary);
    void setPaused(bool paused);
    void showNotification(const Notification &notification);

Q_SIGNALS:
    void showRequested(); // the Show item, or a click on the icon
    void pauseRequested(bool paused);
    void refreshRequested();
    void quitRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QAction *m_show;
    QAction *m_pause;
    QAction *m_refresh;
    QAction *m_quit;
    OverallState m_state = OverallState::Idle;
    QString m_problem; // the status line when a tenant cannot watch now; empty otherwise
    QPointer<MainWindow> m_window;
    bool m_quitting = false;
    bool m_toldAboutTray = false;
};

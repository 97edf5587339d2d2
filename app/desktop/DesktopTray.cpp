#include "DesktopTray.h"

#include "ui/MainWindow.h"
#include "ui/StateIcons.h"
#include "ui/WatchListModel.h"
#include "ui/WatchStatusBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenu>
#include <QSystemTrayIcon>

DesktopTray::DesktopTray(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_show = m_menu->addAction(tr("&Show Taskwatch"));
    m_show->setObjectName(QStringLiteral("trayShow"));
    m_menu->addSeparator();
    m_pause = m_menu->addAction(tr("&Pause watching"));
    m_pause->setObjectName(QStringLiteral("trayPause"));
    m_pause->setCheckable(true);
    m_refresh = m_menu->addAction(tr("&Refresh now"));
    m_refresh->setObjectName(QStringLiteral("trayRefresh"));
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("&Quit"));
    m_quit->setObjectName(QStringLiteral("trayQuit"));

    connect(m_show, &QAction::triggered, this, &DesktopTray::showRequested);
    connect(m_pause, &QAction::triggered, this, &DesktopTray::pauseRequested);
    connect(m_refresh, &QAction::triggered, this, &DesktopTray::refreshRequested);
    connect(m_quit, &QAction::triggered, this, &DesktopTray::quitRequested);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &DesktopTray::showRequested);

    m_icon->setContextMenu(m_menu);
    setOverallState(OverallState::Idle);
    setSummary(StatusSummary());
    m_icon->show();
}

DesktopTray::~DesktopTray()
{
    m_icon->hide();
    delete m_menu; // a context menu is not owned by the icon
}

void DesktopTray::setOverallState(OverallState state)
{
    m_state = state;
    m_icon->setIcon(StateIcons::overallIcon(state));
}

void DesktopTray::setSummary(const StatusSummary &summary)
{
    const QString counts = summary.toolTip(); // across every tenant
    m_icon->setToolTip(fitted(m_problem.isEmpty() ? counts : counts + u'\n' + m_problem));
}

QString DesktopTray::fitted(const QString &toolTip)
{
#ifdef Q_OS_WIN
    // Windows cuts a tray tooltip at 127 characters wherever that falls; an ellipsis says that more was there.
    constexpr qsizetype limit = 127;
#else
    constexpr qsizetype limit = 1000; // a bound all the same: the problem line comes from a server
#endif
    return toolTip.size() <= limit ? toolTip : toolTip.left(limit - 1) + u'…';
}

void DesktopTray::setPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("&Resume watching") : tr("&Pause watching"));
}

void DesktopTray::showNotification(const Notification &notification)
{
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    switch (notification.severity) {
    case Notification::Severity::Information:
        icon = QSystemTrayIcon::Information;
        break;
    case Notification::Severity::Warning:
        icon = QSystemTrayIcon::Warning;
        break;
    case Notification::Severity::Critical:
        icon = QSystemTrayIcon::Critical;
        break;
    }
    m_icon->showMessage(notification.title, notification.body, icon);
}

void DesktopTray::attach(MainWindow *window)
{
    m_window = window;
    connect(window, &MainWindow::overallStateChanged, this, &DesktopTray::setOverallState);
    connect(window->model(), &WatchListModel::summaryChanged, this, [this] { setSummary(m_window->summary()); });
    // A tenant that cannot watch (the current one, or one alongside) is named under the counts.
    connect(window->watchStatusBar(), &WatchStatusBar::connectionShown, this,
            [this](const QString &text, bool problem) {
                m_problem = problem ? text : QString();
                if (m_window)
                    setSummary(m_window->summary());
            });
    setOverallState(window->summary().overall());
    setSummary(window->summary());
    window->installEventFilter(this);
}

bool DesktopTray::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Close && !m_quitting) {
        // Closing the window keeps watching in the tray; Quit (tray menu) ends the app.
        event->ignore();
        m_window->saveLayout();
        m_window->hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            showNotification({tr("Taskwatch is still watching"),
                              tr("It keeps running in the tray. Choose Quit in its menu to end it."),
                              Notification::Severity::Information,
                              {}});
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

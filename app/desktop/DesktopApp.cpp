#include "DesktopApp.h"

#include "BringToFront.h"
#include "ConnectionPresenter.h"
#include "ConnectionTester.h"
#include "DemoTenant.h"
#include "DesktopLog.h"
#include "DesktopMonitor.h"
#include "DesktopNotifications.h"
#include "DesktopScreenshot.h"
#include "DesktopSettings.h"
#include "DesktopTenants.h"
#include "DesktopTray.h"
#include "RemovedProfileTasks.h"
#include "SettingsSession.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "models/UrlPolicy.h"
#include "ui/DesktopPalette.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace std::chrono;

DesktopApp::DesktopApp(const DesktopOptions &options, const Environment &environment, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_environment(environment)
    , m_credentials(new CredentialStore(this))
    , m_applier(new SettingsApplier(m_credentials, environment.autostartPath, environment.programPath, this))
    , m_settings(new SettingsSession(
              m_credentials, m_applier, [this] { return knownSecrets(); }, this))
{
    connect(m_applier, &SettingsApplier::committed, this, &DesktopApp::switchAfterSettings);
}

DesktopApp::~DesktopApp()
{
    setQuitting(); // closing the window on the way out is not a person closing it
    // The rest goes with its owner (the watch list writes what is pending); none holds on to another.
}

TaskMonitor *DesktopApp::monitor() const
{
    return m_monitor ? m_monitor->engine() : nullptr;
}

void DesktopApp::setQuitting()
{
    if (m_tray)
        m_tray->setQuitting();
}

bool DesktopApp::isSecretPending() const
{
    return m_monitor && m_monitor->isSecretPending();
}

void DesktopApp::start()
{
    Q_ASSERT(m_mode == Mode::None);
    DesktopPalette::apply(m_options.palette);
    m_trayAvailable = m_environment.trayAvailable.value_or(QSystemTrayIcon::isSystemTrayAvailable());
    // With a tray, closing the window hides it; without one the window is the whole app.
    QApplication::setQuitOnLastWindowClosed(!m_trayAvailable);

    // Logging out asks every window to close: with a tray the window would refuse and hold the session up.
#ifndef QT_NO_SESSIONMANAGER
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this] {
        setQuitting();
        if (m_watchList)
            m_watchList->saveNow(); // the session may end us without another word
    });
#endif
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        setQuitting();
        m_window->saveLayout();
        if (m_watchList)
            m_watchList->saveNow();
    });

    QSettings settings;
    m_preferences = DesktopSettings(settings).preferences();
    m_preferences.pollIntervalSeconds = m_options.pollIntervalSeconds.value_or(m_preferences.pollIntervalSeconds);

    createWindow();
    m_window->setNotificationSettings(m_preferences.notify);
    if (m_trayAvailable)
        createTray();
    if (!m_options.screenshotPath.isEmpty()) {
        m_screenshot =
                std::make_unique<DesktopScreenshot>(m_options.screenshotPath, m_window.get(), m_options.screenshotOf);
        connect(m_screenshot.get(), &DesktopScreenshot::saved, this, &DesktopApp::screenshotSaved);
        connect(m_screenshot.get(), &DesktopScreenshot::done, this, &DesktopApp::quit);
    }

    startWatching();
    if (!m_options.selectId.isEmpty() && !m_window->selectTask(m_options.selectId))
        qCWarning(lcApp) << "--select: task" << m_options.selectId << "is not watched";

    const bool minimized = m_options.screenshotPath.isEmpty() && (m_options.minimized || m_preferences.startMinimized);
    if (minimized && m_tray)
        qCInfo(lcApp) << "starting in the tray";
    else if (minimized && m_options.minimized)
        m_window->showMinimized(); // no tray to start in: the taskbar it is
    else
        m_window->show(); // --screenshot too: the default layout, as a first run shows it
}

void DesktopApp::createWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_presenter = std::make_unique<ConnectionPresenter>(m_window.get());
    MainWindow *window = m_window.get();

    // Adding, removing, refreshing and discovering go to the engine (DesktopMonitor); the rest is ours.
    connect(window, &MainWindow::pauseRequested, this, &DesktopApp::setPaused);
    connect(window, &MainWindow::settingsRequested, this, &DesktopApp::openSettings);
    m_notifications = std::make_unique<DesktopNotifications>(window);
    m_tenants = std::make_unique<DesktopTenants>(window, m_credentials);
    connect(m_tenants.get(), &DesktopTenants::changed, this, &DesktopApp::showConnectionState);
}

void DesktopApp::createTray()
{
    m_tray = std::make_unique<DesktopTray>();
    DesktopTray *tray = m_tray.get();
    connect(tray, &DesktopTray::showRequested, this, &DesktopApp::showWindow);
    connect(tray, &DesktopTray::pauseRequested, this, &DesktopApp::setPaused);
    // As the window's Refresh now: every engine, the current profile's and those alongside.
    connect(tray, &DesktopTray::refreshRequested, this, [this] { Q_EMIT m_window->refreshRequested({}); });
    connect(tray, &DesktopTray::quitRequested, this, &DesktopApp::quit);
    tray->attach(m_window.get());
    m_notifications->setTray(tray); // where no notification service runs
}

std::optional<ConnectionProfile> DesktopApp::configuredProfile() const
{
    QSettings settings;
    return m_options.profileToWatch(DesktopSettings(settings));
}

void DesktopApp::startWatching()
{
    const std::optional<ConnectionProfile> profile = m_options.demo ? std::nullopt : configuredProfile();
    if (profile)
        startProfile(*profile);
    else
        startDemo();
}

void DesktopApp::startDemo()
{
    stopMonitor();
    if (!m_demo) {
        m_demo = std::make_unique<DemoTenant>(m_environment.demoSpeed);
        if (!m_demo->start()) {
            setBanner(Banner::Demo, m_demo->errorString());
            m_demo.reset();
            return;
        }
    }
    m_mode = Mode::Demo;
    qCInfo(lcApp) << "watching the demo tenant";
    createMonitor(m_demo->profile(), seconds(m_options.pollIntervalSeconds.value_or(DemoPollIntervalSeconds)));
    m_monitor->setSecret(QString(DemoTenant::ClientSecret));
    monitor()->addTasks(m_demo->taskIds()); // not into the watch list: the demo is not attached to it
    m_window->addTasks(monitor()->tasks());
    setBanner(Banner::Demo, tr("Demo tenant: connect your own in Settings."));
    showConnectionState();
    Q_EMIT monitorStarted();
}

void DesktopApp::startProfile(const ConnectionProfile &profile)
{
    stopMonitor();
    m_demo.reset();
    clearBanner(Banner::Demo);
    m_mode = Mode::Profile;
    qCInfo(lcApp) << "watching profile" << profile.name << UrlPolicy::forDisplay(profile.baseUrl);
    ensureWatchList();
    createMonitor(profile, seconds(m_preferences.pollIntervalSeconds));
    m_monitor->setWatchList(m_watchList.get());
    // The cached list at once, in one insert; fresh statuses follow as taskChanged.
    m_window->addTasks(monitor()->tasks());
    readSecret();
    m_tenants->watch(profile, m_watchList.get(), m_preferences); // the others marked to be watched alongside
    Q_EMIT monitorStarted();
}

void DesktopApp::createMonitor(const ConnectionProfile &profile, seconds pollInterval)
{
    m_profile = profile;
    m_monitor = std::make_unique<DesktopMonitor>(profile, m_mode == Mode::Demo, m_window.get(), pollInterval);
    connect(m_monitor.get(), &DesktopMonitor::connectionChanged, this, &DesktopApp::showConnectionState);
    connect(m_monitor.get(), &DesktopMonitor::secretLookedUp, this, [this](const CredentialResult &r) {
        m_presenter->showSecretResult(m_profile, r);
        showConnectionState();
        Q_EMIT secretResolved(r.ok);
    });
    if (m_screenshot)
        connect(monitor(), &TaskMonitor::refreshed, m_screenshot.get(), &DesktopScreenshot::countRefresh);
    m_monitor->applyPreferences(m_preferences);
    showPausedState();
}

void DesktopApp::stopMonitor()
{
    m_tenants->clear();
    if (!m_monitor)
        return;
    m_monitor.reset(); // its tasks leave the window with it
    showPausedState();
    clearBanner(Banner::Keychain);
    clearBanner(Banner::Connection);
}

void DesktopApp::ensureWatchList()
{
    if (m_watchList)
        return;
    m_watchList = std::make_unique<WatchList>(m_options.watchListPath);
    m_removedTasks = std::make_unique<RemovedProfileTasks>(m_watchList.get(), m_applier, m_window.get());
    m_presenter->follow(m_watchList.get());
    m_watchList->load();
}

void DesktopApp::readSecret()
{
    if (!m_monitor)
        return;
    if (m_options.hasConnectionOverride() && m_profile.name == CommandLineProfileName
        && !m_options.clientSecret.isEmpty()) {
        m_monitor->setSecret(m_options.clientSecret);
        showConnectionState();
        Q_EMIT secretResolved(true);
        return;
    }
    m_monitor->readSecret(m_credentials);
    showConnectionState();
}

void DesktopApp::showConnectionState()
{
    ConnectionLine line = m_monitor ? m_monitor->connectionLine() : ConnectionLine();
    line.others = m_tenants->problems(); // the tenants watched alongside that cannot watch now
    m_presenter->showConnection(line, m_profile.name);
}

void DesktopApp::setPaused(bool paused)
{
    if (m_monitor)
        m_monitor->setPaused(paused);
    m_tenants->setPaused(paused);
    showPausedState();
    showConnectionState();
}

void DesktopApp::showPausedState()
{
    const bool paused = m_monitor && monitor()->isPaused();
    m_window->setPausedState(paused); // the engine's own state, whatever was asked
    if (m_tray)
        m_tray->setPaused(paused);
}

void DesktopApp::showWindow()
{
    bringToFront(m_window.get());
}

void DesktopApp::quit()
{
    setQuitting();
    m_settings->close();
    m_window->saveLayout();
    if (m_watchList)
        m_watchList->saveNow();
    Q_EMIT quitRequested();
}

void DesktopApp::openSettings()
{
    if (!m_settings->isOpen() && !m_window->isVisible())
        showWindow();
    m_settings->open(m_window.get(), m_trayAvailable);
}

SettingsDialog *DesktopApp::settingsDialog() const
{
    return m_settings->dialog();
}

QList<ConnectionTester::KnownSecret> DesktopApp::knownSecrets() const
{
    QList<ConnectionTester::KnownSecret> known;
    if (m_demo)
        known.append({m_demo->profile().baseUrl, QString(DemoTenant::ClientId), QString(DemoTenant::ClientSecret)});
    if (m_options.hasConnectionOverride())
        known.append({m_options.baseUrl, m_options.clientId, m_options.clientSecret});
    return known;
}

void DesktopApp::switchAfterSettings(const SettingsApplier::Outcome &outcome)
{
    const AcceptedSettings &accepted = outcome.accepted;
    m_preferences = accepted.preferences;
    if (m_monitor) {
        m_monitor->setPollInterval(seconds(m_preferences.pollIntervalSeconds));
        m_monitor->applyPreferences(m_preferences);
    }
    m_window->setNotificationSettings(accepted.preferences.notify);

    // What to watch now. The command line's connection stays for this run; otherwise the current profile.
    const std::optional<ConnectionProfile> wanted = configuredProfile();
    const bool currentChanged = outcome.currentChanged;
    const bool leaveDemo = m_mode == Mode::Demo && wanted && (!m_options.demo || currentChanged);
    const bool switchProfile = m_mode == Mode::Profile && wanted && *wanted != m_profile;
    const bool renamed = std::any_of(accepted.moves.cbegin(), accepted.moves.cend(),
                                     [](const SecretMove &move) { return move.from.profile != move.to.profile; });
    if (leaveDemo || switchProfile || (m_mode == Mode::Profile && !wanted))
        stopMonitor(); // before the watch list changes hands below
    if (renamed) {
        ensureWatchList();
        for (const SecretMove &move : accepted.moves)
            m_watchList->moveProfile(move.from.profile, move.to.profile);
    }

    if (wanted && !m_monitor) {
        startProfile(*wanted);
    } else if (!wanted && m_mode == Mode::Profile && !m_monitor) {
        startDemo();
    } else if (m_mode == Mode::Profile && m_monitor) {
        // Same profile: a new or moved secret for it reaches the engine now.
        if (accepted.touchesSecretOf({m_profile.name, m_profile.clientId}))
            readSecret();
        m_tenants->watch(m_profile, m_watchList.get(), m_preferences); // marked, unmarked, changed or removed
    }

    if (outcome.problems.isEmpty())
        clearBanner(Banner::Settings);
    else
        setBanner(Banner::Settings, outcome.problems.join(u'\n'));
    Q_EMIT settingsApplied();
}

#include "DesktopApp.h"

#include "ConnectionPresenter.h"
#include "ConnectionTester.h"
#include "DemoTenant.h"
#include "DesktopLog.h"
#include "DesktopMonitor.h"
#include "DesktopScreenshot.h"
#include "DesktopSettings.h"
#include "DesktopTray.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "models/UrlPolicy.h"
#include "ui/Autostart.h"
#include "ui/DesktopPalette.h"
#include "ui/MainWindow.h"
#include "ui/WatchListModel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace std::chrono;

namespace {

QString quoted(const QString &text)
{
    return QCoreApplication::translate("DesktopApp", "“%1”").arg(text);
}

} // namespace

DesktopApp::DesktopApp(const DesktopOptions &options, const Environment &environment, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_environment(environment)
    , m_credentials(new CredentialStore(this))
    , m_tester(new ConnectionTester(m_credentials, this))
    , m_applier(new SettingsApplier(m_credentials, environment.autostartPath, environment.programPath, this))
{
    connect(m_applier, &SettingsApplier::committed, this, &DesktopApp::switchAfterSettings);
}

DesktopApp::~DesktopApp()
{
    m_tester->cancel();
    delete m_settingsDialog;
    if (m_window)
        m_window->removeEventFilter(this); // closing it on the way out is not a person closing it
    // The rest goes with its owner: the engine (watching no more), the window, the tray, and the watch list,
    // which writes what is pending. None of them holds on to another.
}

TaskMonitor *DesktopApp::monitor() const
{
    return m_monitor ? m_monitor->engine() : nullptr;
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
        m_quitting = true;
        if (m_watchList)
            m_watchList->saveNow(); // the session may end us without another word
    });
#endif
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        m_quitting = true;
        m_window->saveLayout();
        if (m_watchList)
            m_watchList->saveNow();
    });

    QSettings settings;
    const Preferences preferences = DesktopSettings(settings).preferences();
    m_pollIntervalSeconds = m_options.pollIntervalSeconds.value_or(preferences.pollIntervalSeconds);

    createWindow();
    m_window->setNotificationSettings(preferences.notify);
    if (m_trayAvailable)
        createTray();
    if (!m_options.screenshotPath.isEmpty()) {
        m_screenshot = std::make_unique<DesktopScreenshot>(m_options.screenshotPath, m_window.get());
        connect(m_screenshot.get(), &DesktopScreenshot::saved, this, &DesktopApp::screenshotSaved);
        connect(m_screenshot.get(), &DesktopScreenshot::done, this, &DesktopApp::quit);
    }

    startWatching();
    if (!m_options.selectId.isEmpty() && !m_window->selectTask(m_options.selectId))
        qCWarning(lcApp) << "--select: task" << m_options.selectId << "is not watched";

    const bool minimized = m_options.screenshotPath.isEmpty() && (m_options.minimized || preferences.startMinimized);
    if (minimized && m_tray)
        qCInfo(lcApp) << "starting in the tray";
    else if (minimized && m_options.minimized)
        m_window->showMinimized(); // no tray to start in: the taskbar it is
    else
        m_window->show();
    if (m_screenshot)
        m_window->arrangeForScreenshot();
}

void DesktopApp::createWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->installEventFilter(this);
    m_presenter = std::make_unique<ConnectionPresenter>(m_window.get());
    MainWindow *window = m_window.get();

    // Adding, removing, refreshing and discovering go to the engine (DesktopMonitor); the rest is ours.
    connect(window, &MainWindow::pauseRequested, this, &DesktopApp::setPaused);
    connect(window, &MainWindow::settingsRequested, this, &DesktopApp::openSettings);
    connect(window, &MainWindow::notificationReady, this, [this](const Notification &notification) {
        if (m_tray)
            m_tray->showNotification(notification);
        else
            QApplication::alert(m_window.get()); // the title already says it; draw the eye to it
    });
}

void DesktopApp::createTray()
{
    m_tray = std::make_unique<DesktopTray>();
    DesktopTray *tray = m_tray.get();
    connect(tray, &DesktopTray::showRequested, this, &DesktopApp::showWindow);
    connect(tray, &DesktopTray::pauseRequested, this, &DesktopApp::setPaused);
    connect(tray, &DesktopTray::refreshRequested, this, [this] {
        if (m_monitor)
            monitor()->refreshNow();
    });
    connect(tray, &DesktopTray::quitRequested, this, &DesktopApp::quit);
    connect(m_window.get(), &MainWindow::overallStateChanged, tray, &DesktopTray::setOverallState);
    connect(m_window->model(), &WatchListModel::summaryChanged, tray,
            [this] { m_tray->setSummary(m_window->summary()); });
    tray->setOverallState(m_window->summary().overall());
    tray->setSummary(m_window->summary());
}

// --- what is watched ---

std::optional<ConnectionProfile> DesktopApp::configuredProfile() const
{
    if (m_options.hasConnectionOverride()) {
        ConnectionProfile profile;
        profile.name = CommandLineProfileName;
        profile.baseUrl = m_options.baseUrl;
        profile.clientId = m_options.clientId;
        profile.apiVersion = m_options.apiVersion.value_or(ApiVersion::V2025);
        return profile;
    }
    QSettings settings;
    const DesktopSettings desktop(settings);
    const std::optional<ConnectionProfile> stored = desktop.profile(desktop.currentProfile());
    if (!stored)
        return std::nullopt;
    ConnectionProfile profile = *stored;
    if (m_options.apiVersion)
        profile.apiVersion = *m_options.apiVersion;
    return profile;
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
    createMonitor(profile, seconds(m_pollIntervalSeconds));
    m_monitor->setWatchList(m_watchList.get());
    // The cached list at once, in one insert; fresh statuses follow as taskChanged.
    m_window->addTasks(monitor()->tasks());
    readSecret();
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
    showPausedState();
}

void DesktopApp::stopMonitor()
{
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
    connect(m_watchList.get(), &WatchList::loadProblem, this, [this](const QString &message, const QString &keptAs) {
        qCWarning(lcApp).noquote() << "watch list unreadable:" << message << "kept as" << keptAs;
        m_presenter->showWatchListUnreadable(m_watchList->filePath(), message, keptAs);
    });
    connect(m_watchList.get(), &WatchList::saveFailed, m_presenter.get(),
            &ConnectionPresenter::showWatchListSaveFailed);
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
    m_presenter->showConnection(m_monitor ? m_monitor->connectionLine() : ConnectionLine(), m_profile.name);
}

void DesktopApp::setPaused(bool paused)
{
    if (m_monitor)
        monitor()->setPaused(paused);
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

// --- window, tray, quitting ---

void DesktopApp::showWindow()
{
    if (m_window->isMinimized())
        m_window->showNormal();
    else
        m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void DesktopApp::quit()
{
    m_quitting = true;
    if (m_settingsDialog)
        m_settingsDialog->reject();
    m_window->saveLayout();
    if (m_watchList)
        m_watchList->saveNow();
    Q_EMIT quitRequested();
}

bool DesktopApp::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window.get() && event->type() == QEvent::Close && m_tray && !m_quitting) {
        // Closing the window keeps watching in the tray; Quit (tray menu) ends the app.
        event->ignore();
        m_window->saveLayout();
        m_window->hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showNotification({tr("Taskwatch is still watching"),
                                      tr("It keeps running in the tray. Choose Quit in its menu to end it."),
                                      Notification::Severity::Information,
                                      {}});
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

// --- settings ---

KeychainDisplay DesktopApp::keychainDisplay() const
{
    switch (m_credentials->state()) {
    case KeychainState::Unknown:
    case KeychainState::Available:
        break;
    case KeychainState::Locked:
    case KeychainState::Unavailable:
        return {false, m_credentials->stateMessage()};
    }
    return {true, tr("Secrets are kept in your system's keychain, never in Taskwatch's files.")};
}

void DesktopApp::openSettings()
{
    if (m_settingsDialog) {
        m_settingsDialog->raise();
        m_settingsDialog->activateWindow();
        return;
    }
    if (!m_window->isVisible())
        showWindow();
    QSettings settings;
    const DesktopSettings desktop(settings);
    Preferences preferences = desktop.preferences();
    preferences.launchAtLogin = Autostart::isSupported() && Autostart(m_applier->autostartPath()).isEnabled();

    auto *dialog = new SettingsDialog(m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfiles(desktop.profiles(), desktop.currentProfile());
    dialog->setPreferences(preferences);
    dialog->setKeychainState(keychainDisplay());
    dialog->setTrayAvailable(m_trayAvailable);
    m_applier->rememberOpened();
    connect(dialog, &SettingsDialog::testConnectionRequested, this, &DesktopApp::testConnection);
    connect(m_tester, &ConnectionTester::finished, dialog, &SettingsDialog::setTestResult);
    connect(m_credentials, &CredentialStore::keychainStateChanged, dialog,
            [this, dialog] { dialog->setKeychainState(keychainDisplay()); });
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_tester->cancel(); // a test still running reports to nobody
        if (result != QDialog::Accepted)
            return;
        AcceptedSettings accepted;
        accepted.removed = dialog->removedProfiles();
        accepted.moves = dialog->secretMoves();
        accepted.changes = dialog->secretChanges();
        accepted.profiles = dialog->profiles();
        accepted.current = dialog->currentProfile();
        accepted.preferences = dialog->preferences();
        dialog->forgetSecrets();
        m_applier->apply(accepted);
    });
    m_settingsDialog = dialog;
    dialog->showPage(SettingsDialog::ConnectionPage);
    dialog->open();
}

void DesktopApp::testConnection(const ConnectionProfile &profile, const QString &secret)
{
    QSettings stored;
    const QList<ConnectionProfile> saved = DesktopSettings(stored).profiles();
    QList<ConnectionTester::KnownSecret> known;
    if (m_demo)
        known.append({m_demo->profile().baseUrl, QString(DemoTenant::ClientId), QString(DemoTenant::ClientSecret)});
    if (m_options.hasConnectionOverride())
        known.append({m_options.baseUrl, m_options.clientId, m_options.clientSecret});
    m_tester->test(profile, secret, saved, known);
}

void DesktopApp::switchAfterSettings(const SettingsApplier::Outcome &outcome)
{
    const AcceptedSettings &accepted = outcome.accepted;
    m_pollIntervalSeconds = accepted.preferences.pollIntervalSeconds;
    if (m_monitor)
        m_monitor->setPollInterval(seconds(m_pollIntervalSeconds));
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
        // A renamed profile keeps its watched tasks.
        ensureWatchList();
        for (const SecretMove &move : accepted.moves) {
            if (move.from.profile == move.to.profile)
                continue;
            for (WatchedTask task : m_watchList->tasks(move.from.profile)) {
                m_watchList->remove(move.from.profile, task.id);
                task.profile = move.to.profile;
                m_watchList->upsert(task);
            }
        }
    }

    if (wanted && !m_monitor) {
        startProfile(*wanted);
    } else if (!wanted && m_mode == Mode::Profile && !m_monitor) {
        startDemo();
    } else if (m_mode == Mode::Profile && m_monitor) {
        // Same profile: a new or moved secret for it reaches the engine now.
        const SecretKey key {m_profile.name, m_profile.clientId};
        const bool touched = std::any_of(accepted.changes.cbegin(), accepted.changes.cend(),
                                         [&](const SecretChange &c) {
                                             return SecretKey {c.profile, c.clientId} == key;
                                         })
                || std::any_of(accepted.moves.cbegin(), accepted.moves.cend(),
                               [&](const SecretMove &move) { return move.to == key; });
        if (touched)
            readSecret();
    }

    if (outcome.problems.isEmpty())
        clearBanner(Banner::Settings);
    else
        setBanner(Banner::Settings, outcome.problems.join(u'\n'));
    Q_EMIT settingsApplied();
}

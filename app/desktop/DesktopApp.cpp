#include "DesktopApp.h"

#include "ConnectionTester.h"
#include "DemoTenant.h"
#include "DesktopLog.h"
#include "DesktopPalette.h"
#include "DesktopSettings.h"
#include "DesktopTray.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "models/TenantUrl.h"
#include "models/UrlPolicy.h"
#include "sim/SimServer.h"
#include "ui/Autostart.h"
#include "ui/MainWindow.h"
#include "ui/NoticeBar.h"
#include "ui/TaskFilterProxy.h"
#include "ui/WatchListModel.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTimer>

#include <algorithm>

using namespace std::chrono;

namespace {

QString quoted(const QString &text)
{
    return QCoreApplication::translate("DesktopApp", "“%1”").arg(text);
}

ConnectionKind kindFor(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::Kind::Idle:
        return ConnectionKind::Connecting;
    case ConnectionState::Kind::Ok:
        return ConnectionKind::Online;
    case ConnectionState::Kind::RateLimited:
        return ConnectionKind::RateLimited;
    case ConnectionState::Kind::AuthFailed:
        return ConnectionKind::AuthFailed;
    case ConnectionState::Kind::Offline:
        return ConnectionKind::Offline;
    case ConnectionState::Kind::Misconfigured:
        return ConnectionKind::Unknown; // "Not connected: <why>"
    }
    return ConnectionKind::Unknown;
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
    stopMonitor();
    if (m_window)
        m_window->removeEventFilter(this);
    delete m_tray;
    m_tray = nullptr;
    m_window.reset();
    delete m_watchList; // writes what is pending
    m_watchList = nullptr;
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
        m_screenshotPending = true;
        m_window->resize(ScreenshotSize);
    }

    startWatching();
    if (!m_options.selectId.isEmpty())
        selectTask(m_options.selectId);

    const bool minimized = m_options.screenshotPath.isEmpty() && (m_options.minimized || preferences.startMinimized);
    if (minimized && m_tray)
        qCInfo(lcApp) << "starting in the tray";
    else if (minimized && m_options.minimized)
        m_window->showMinimized(); // no tray to start in: the taskbar it is
    else
        m_window->show();
    if (!m_options.screenshotPath.isEmpty())
        arrangeForScreenshot();
}

void DesktopApp::arrangeForScreenshot()
{
    // A picture for the README at a fixed size: every column that matters readable without scrolling, and
    // the table and the details both in full view.
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    const QFontMetrics metrics = m_window->tableView()->fontMetrics();
    const auto width = [&metrics](const char *sample) {
        return metrics.horizontalAdvance(QLatin1String(sample)) + metrics.averageCharWidth() * 3;
    };
    header->resizeSection(WatchListModel::StateColumn, width("Terminated") + 16);
    header->resizeSection(WatchListModel::NameColumn, width("Cloud Account Aggregation"));
    header->resizeSection(WatchListModel::IdColumn, width("2c9180858b3d4e5f0"));
    header->resizeSection(WatchListModel::TargetColumn, width("Active Directory [source]"));
    header->resizeSection(WatchListModel::ProgressTextColumn, width("Aggregating accounts"));
    header->resizeSection(WatchListModel::PercentColumn, width("100 %") * 2);
    header->resizeSection(WatchListModel::LaunchedColumn, width("2024-05-17 09:00:00"));
    header->resizeSection(WatchListModel::ElapsedColumn, width("10 min 10 s"));
    header->resizeSection(WatchListModel::EtaColumn, width("10 min"));
    // The status bar has the last refresh; the demo has no fetch errors.
    header->setSectionHidden(WatchListModel::LastCheckedColumn, true);
    header->setSectionHidden(WatchListModel::ErrorColumn, true);
    if (auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("splitter"))) {
        const int total = splitter->height();
        splitter->setSizes({ScreenshotTableHeight, std::max(0, total - ScreenshotTableHeight)});
    }
}

void DesktopApp::createWindow()
{
    m_window = std::make_unique<MainWindow>();
    m_window->installEventFilter(this);
    MainWindow *window = m_window.get();

    // The window's intents go to whichever engine watches now.
    connect(window, &MainWindow::addRequested, this, [this](const QStringList &ids, const QString &label) {
        if (m_monitor)
            m_monitor->addTasks(ids, label);
    });
    connect(window, &MainWindow::removeRequested, this, [this](const QStringList &ids) {
        if (m_monitor)
            m_monitor->removeTasks(ids);
    });
    connect(window, &MainWindow::refreshRequested, this, [this](const QStringList &ids) {
        if (m_monitor)
            m_monitor->refreshNow(ids);
    });
    connect(window, &MainWindow::pauseRequested, this, &DesktopApp::setPaused);
    connect(window, &MainWindow::taskPauseRequested, this, [this](const QStringList &ids, bool paused) {
        if (!m_monitor)
            return;
        for (const QString &id : ids)
            m_monitor->setTaskPaused(id, paused);
    });
    connect(window, &MainWindow::discoverRequested, this, [this](bool runningOnly, int limit) {
        if (m_monitor)
            m_monitor->discover(runningOnly, limit);
    });
    connect(window, &MainWindow::settingsRequested, this, &DesktopApp::openSettings);
    connect(window, &MainWindow::notificationReady, this, [this](const Notification &notification) {
        if (m_tray)
            m_tray->showNotification(notification);
        else
            QApplication::alert(m_window.get()); // the title already says it; draw the eye to it
    });
    connect(window->banner(), &NoticeBar::dismissed, this, [this] {
        if (!m_updatingBanner)
            m_banners.clear(); // closed by the person: told once is enough
    });
}

void DesktopApp::createTray()
{
    m_tray = new DesktopTray(this);
    connect(m_tray, &DesktopTray::showRequested, this, &DesktopApp::showWindow);
    connect(m_tray, &DesktopTray::pauseRequested, this, &DesktopApp::setPaused);
    connect(m_tray, &DesktopTray::refreshRequested, this, [this] {
        if (m_monitor)
            m_monitor->refreshNow();
    });
    connect(m_tray, &DesktopTray::quitRequested, this, &DesktopApp::quit);
    connect(m_window.get(), &MainWindow::overallStateChanged, m_tray, &DesktopTray::setOverallState);
    connect(m_window->model(), &WatchListModel::summaryChanged, m_tray,
            [this] { m_tray->setSummary(m_window->summary()); });
    m_tray->setOverallState(m_window->summary().overall());
    m_tray->setSummary(m_window->summary());
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
    m_profile = m_demo->profile();
    qCInfo(lcApp) << "watching the demo tenant";
    m_monitor = new TaskMonitor(m_profile, this);
    m_monitor->setPollInterval(seconds(m_options.pollIntervalSeconds.value_or(DemoPollIntervalSeconds)));
    m_monitor->setSecret(QString(DemoTenant::ClientSecret)); // memory only, like every secret
    m_monitor->addTasks(m_demo->taskIds()); // not into the watch list: the demo is not attached to it
    connectMonitor();
    m_window->addTasks(m_monitor->tasks());
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
    m_profile = profile;
    qCInfo(lcApp) << "watching profile" << profile.name << UrlPolicy::forDisplay(profile.baseUrl);
    ensureWatchList();
    m_monitor = new TaskMonitor(profile, this);
    m_monitor->setPollInterval(seconds(m_pollIntervalSeconds));
    m_monitor->setWatchList(m_watchList);
    connectMonitor();
    // The cached list at once, in one insert; fresh statuses follow as taskChanged.
    m_window->addTasks(m_monitor->tasks());
    readSecret();
    Q_EMIT monitorStarted();
}

void DesktopApp::stopMonitor()
{
    if (!m_monitor)
        return;
    ++m_generation;
    m_secretPending = false;
    TaskMonitor *monitor = m_monitor;
    m_monitor = nullptr;
    disconnect(monitor, nullptr, this, nullptr);
    if (m_window)
        disconnect(monitor, nullptr, m_window.get(), nullptr);
    monitor->setWatchList(nullptr);
    if (m_window) {
        // From the end, so that each removal is cheap.
        const QList<WatchedTask> tasks = monitor->tasks();
        for (auto it = tasks.crbegin(); it != tasks.crend(); ++it)
            m_window->removeTask(it->id);
        m_window->setPausedState(false);
    }
    if (m_tray)
        m_tray->setPaused(false);
    delete monitor;
    clearBanner(Banner::Keychain);
    clearBanner(Banner::Connection);
}

void DesktopApp::connectMonitor()
{
    MainWindow *window = m_window.get();
    connect(m_monitor, &TaskMonitor::taskAdded, window, &MainWindow::addTask);
    connect(m_monitor, &TaskMonitor::taskChanged, window, &MainWindow::updateTask);
    connect(m_monitor, &TaskMonitor::taskRemoved, window, &MainWindow::removeTask);
    connect(m_monitor, &TaskMonitor::refreshed, window, &MainWindow::setRefreshed);
    connect(m_monitor, &TaskMonitor::discovered, window, &MainWindow::setDiscovered);
    connect(m_monitor, &TaskMonitor::discoverFailed, window, &MainWindow::setDiscoverFailed);
    connect(m_monitor, &TaskMonitor::connectionStateChanged, this, &DesktopApp::showConnectionState);
    // Idle reads as "Connecting" once there is something to ask about.
    connect(m_monitor, &TaskMonitor::taskAdded, this, &DesktopApp::showConnectionState);
    connect(m_monitor, &TaskMonitor::taskRemoved, this, &DesktopApp::showConnectionState);
    connect(m_monitor, &TaskMonitor::refreshed, this, [this] {
        // A few rounds in, so that percentages have moved and the ETAs have something to go on.
        if (!m_screenshotPending || ++m_refreshesSeen < ScreenshotAfterRefreshes)
            return;
        m_screenshotPending = false;
        QTimer::singleShot(ScreenshotDelayMs, this, &DesktopApp::takeScreenshot);
    });
    m_window->setPausedState(m_monitor->isPaused());
    if (m_tray)
        m_tray->setPaused(m_monitor->isPaused());
}

void DesktopApp::ensureWatchList()
{
    if (m_watchList)
        return;
    m_watchList = new WatchList(m_options.watchListPath);
    connect(m_watchList, &WatchList::loadProblem, this, [this](const QString &message, const QString &keptAs) {
        qCWarning(lcApp).noquote() << "watch list unreadable:" << message << "kept as" << keptAs;
        if (keptAs.isEmpty())
            setBanner(Banner::WatchList,
                      tr("Your watch list (%1) was unreadable and could not be moved aside: %2 Taskwatch will not "
                         "overwrite it; move or repair it and start again.")
                              .arg(m_watchList->filePath(), message));
        else
            setBanner(Banner::WatchList,
                      tr("Your watch list was unreadable and was moved aside to %1. Taskwatch started a new one.")
                              .arg(QDir::toNativeSeparators(keptAs)));
    });
    connect(m_watchList, &WatchList::saveFailed, this, [this](const QString &message) {
        setBanner(Banner::WatchList, tr("Your watch list could not be saved: %1").arg(message));
    });
    m_watchList->load();
}

void DesktopApp::readSecret()
{
    if (!m_monitor)
        return;
    if (m_options.hasConnectionOverride() && m_profile.name == CommandLineProfileName
        && !m_options.clientSecret.isEmpty()) {
        m_secretPending = false;
        m_monitor->setSecret(m_options.clientSecret);
        showConnectionState();
        Q_EMIT secretResolved(true);
        return;
    }
    m_secretPending = true;
    showConnectionState();
    const int generation = m_generation;
    const ConnectionProfile profile = m_profile;
    // Only a secret saved for this very tenant is handed to the engine (the URL in effect is the saved one).
    m_credentials->readSecretFor(
            profile.name, profile.clientId, profile.baseUrl, profile.baseUrl,
            [this, generation, profile](const CredentialResult &r) {
                if (generation != m_generation || !m_monitor)
                    return; // that engine is gone
                m_secretPending = false;
                if (r.ok) {
                    qCInfo(lcApp) << "client secret found for profile" << profile.name
                                  << (r.fromSession ? "(session)" : "");
                    clearBanner(Banner::Keychain);
                    m_monitor->setSecret(r.secret);
                } else if (r.wrongTenant) {
                    setBanner(Banner::Keychain,
                              tr("The stored client secret of the profile %1 was saved for %2, not for its tenant now "
                                 "(%3), "
                                 "and is not sent there. Enter the secret in Settings.")
                                      .arg(quoted(profile.name), r.tenant, TenantUrl::normalized(profile.baseUrl)));
                } else if (r.notFound) {
                    setBanner(Banner::Keychain,
                              tr("No client secret is stored for the profile %1. Enter it in Settings.")
                                      .arg(quoted(profile.name)));
                } else {
                    qCWarning(lcApp).noquote() << "keychain read failed:" << r.errorString;
                    setBanner(Banner::Keychain,
                              tr("The client secret for the profile %1 could not be read from the keychain. %2 In "
                                 "Settings "
                                 "you can enter it for this session only.")
                                      .arg(quoted(profile.name), r.message()));
                }
                showConnectionState();
                Q_EMIT secretResolved(r.ok);
            });
}

void DesktopApp::showConnectionState()
{
    if (!m_window)
        return;
    if (!m_monitor) {
        m_window->setConnectionState(ConnectionKind::Unknown);
        return;
    }
    const QString host = m_profile.baseUrl.host();
    if (m_secretPending) {
        m_window->setConnectionState(ConnectionKind::Connecting, tr("reading the client secret from the keychain"));
        return;
    }
    const ConnectionState state = m_monitor->connectionState();
    if (state.kind == ConnectionState::Kind::AuthFailed) {
        setBanner(
                Banner::Connection,
                tr("Signing in to %1 failed: %2 Check the client id and secret in Settings.").arg(host, state.message));
    } else if (state.kind == ConnectionState::Kind::Misconfigured && !m_banners.contains(Banner::Keychain)) {
        setBanner(Banner::Connection,
                  tr("The profile %1 cannot connect: %2").arg(quoted(m_profile.name), state.message));
    } else if (state.kind != ConnectionState::Kind::Misconfigured) {
        clearBanner(Banner::Connection);
    }

    if (m_monitor->isPaused()) {
        m_window->setConnectionState(ConnectionKind::Paused);
        return;
    }
    const bool demo = m_mode == Mode::Demo;
    switch (state.kind) {
    case ConnectionState::Kind::Idle:
        if (demo)
            m_window->setConnectionState(ConnectionKind::Demo);
        else if (m_window->model()->rowCount() == 0)
            m_window->setConnectionState(ConnectionKind::Unknown, host); // nothing to ask about yet
        else
            m_window->setConnectionState(ConnectionKind::Connecting, host);
        return;
    case ConnectionState::Kind::Ok:
        m_window->setConnectionState(demo ? ConnectionKind::Demo : ConnectionKind::Online, demo ? QString() : host);
        return;
    case ConnectionState::Kind::RateLimited:
    case ConnectionState::Kind::Offline:
        m_window->setConnectionState(kindFor(state.kind), state.message, state.until);
        return;
    case ConnectionState::Kind::AuthFailed:
    case ConnectionState::Kind::Misconfigured:
        m_window->setConnectionState(kindFor(state.kind), state.message);
        return;
    }
}

void DesktopApp::setPaused(bool paused)
{
    if (m_monitor)
        m_monitor->setPaused(paused);
    const bool now = m_monitor && m_monitor->isPaused();
    m_window->setPausedState(now); // the engine's own state, whatever was asked
    if (m_tray)
        m_tray->setPaused(now);
    showConnectionState();
}

void DesktopApp::selectTask(const QString &id)
{
    WatchListModel *model = m_window->model();
    const int row = model->rowOf(id);
    if (row < 0) {
        qCWarning(lcApp) << "--select: task" << id << "is not watched";
        return;
    }
    QTableView *table = m_window->tableView();
    const QModelIndex index = m_window->proxy()->mapFromSource(model->index(row, WatchListModel::StateColumn));
    table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->scrollTo(index);
}

void DesktopApp::takeScreenshot()
{
    const QString path = m_options.screenshotPath;
    // Atomically: a script waiting for the file never reads half of it.
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && m_window->grab().save(&file, "PNG") && file.commit();
    if (ok)
        qCInfo(lcApp).noquote() << "screenshot saved to" << path;
    else
        qCWarning(lcApp).noquote() << "could not save the screenshot to" << path;
    Q_EMIT screenshotSaved(path, ok);
    QTimer::singleShot(ScreenshotLingerMs, this, &DesktopApp::quit);
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

// --- banners ---

void DesktopApp::setBanner(Banner banner, const QString &text)
{
    if (m_banners.value(banner) == text && m_window && m_window->banner()->isVisible())
        return;
    m_banners.insert(banner, text);
    showBanners();
}

void DesktopApp::clearBanner(Banner banner)
{
    if (m_banners.remove(banner) > 0)
        showBanners();
}

void DesktopApp::showBanners()
{
    if (!m_window)
        return;
    m_updatingBanner = true;
    if (m_banners.isEmpty()) {
        m_window->hideBanner();
    } else {
        QStringList texts;
        bool settings = false;
        for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
            texts.append(it.value());
            settings = settings || it.key() != Banner::WatchList;
        }
        m_window->showBanner(texts.join(u'\n'),
                             settings ? MainWindow::BannerAction::OpenSettings : MainWindow::BannerAction::None);
    }
    m_updatingBanner = false;
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

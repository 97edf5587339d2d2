#pragma once

#include "ConnectionPresenter.h"
#include "ConnectionTester.h"
#include "DesktopOptions.h"
#include "DesktopSettings.h"
#include "SettingsApplier.h"
#include "client/CredentialStore.h"
#include "models/ConnectionProfile.h"
#include "ui/Preferences.h"
#include "ui/SettingsDialog.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class SettingsSession;
class DemoTenant;
class DesktopMonitor;
class DesktopNotifications;
class DesktopScreenshot;
class DesktopTenants;
class DesktopTray;
class MainWindow;
class RemovedProfileTasks;
class TaskMonitor;
class WatchList;

// What differs between the real program and a test.
struct DesktopEnvironment
{
    std::optional<bool> trayAvailable; // unset: QSystemTrayIcon::isSystemTrayAvailable()
    QString autostartPath; // empty: Autostart::defaultPath()
    QString programPath; // what the autostart entry starts; empty: this program
    double demoSpeed = 1.0; // simulated seconds per real second on the demo tenant
};

// The desktop app's composition root: it owns the main window, the engine (one TaskMonitor, for the
// current profile or the demo tenant), the watch list, the keychain and the tray, and wires them together
// as ui/README.md describes. Nothing here shows or fetches anything by itself; it decides what watches
// what, hands secrets from the keychain to the engine, and applies what the settings dialog returns.
//
// One profile is watched at a time (the current one); switching profiles recreates the TaskMonitor.
class DesktopApp : public QObject
{
    Q_OBJECT

public:
    enum class Mode {
        None, // before start()
        Demo, // the embedded simulated tenant (nothing configured, or --demo)
        Profile, // a connection profile (saved, or the command line's)
    };
    Q_ENUM(Mode)

    using Environment = DesktopEnvironment;

    static constexpr int DemoPollIntervalSeconds = 2; // the demo moves while you look, unless told otherwise
    static inline const QString CommandLineProfileName = DesktopOptions::CommandLineProfileName;

    explicit DesktopApp(const DesktopOptions &options, const Environment &environment = {}, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Builds the window, starts watching (the demo or the current profile) and shows what it should.
    void start();

    Mode mode() const { return m_mode; }
    MainWindow *window() const { return m_window.get(); }
    TaskMonitor *monitor() const; // the engine watching now
    DemoTenant *demo() const { return m_demo.get(); }
    WatchList *watchList() const { return m_watchList.get(); } // loaded once a profile is watched
    CredentialStore *credentials() const { return m_credentials; }
    DesktopTray *tray() const { return m_tray.get(); } // null without a system tray
    SettingsDialog *settingsDialog() const; // while open
    const ConnectionProfile &profile() const { return m_profile; } // watched now
    bool isSecretPending() const;

public Q_SLOTS:
    void openSettings();
    void showWindow();
    void setPaused(bool paused);
    void quit();

Q_SIGNALS:
    // A TaskMonitor now watches (the demo's or a profile's); its secret may still be on its way.
    void monitorStarted();
    // The watched profile's secret was looked up: handed to the engine (true) or not (false).
    void secretResolved(bool found);
    // Every step of an accepted settings dialog is done (keychain, settings, engine).
    void settingsApplied();
    void screenshotSaved(const QString &path, bool ok);
    void quitRequested();

private:
    using Banner = ConnectionPresenter::Banner;
    void createWindow();
    void createTray();
    void setQuitting(); // the window may close for good now
    void startWatching();
    std::optional<ConnectionProfile> configuredProfile() const;
    void startDemo();
    void startProfile(const ConnectionProfile &profile);
    void createMonitor(const ConnectionProfile &profile, std::chrono::seconds pollInterval);
    void stopMonitor();
    void ensureWatchList();
    void readSecret();
    void showConnectionState();
    void showPausedState();

    void setBanner(Banner banner, const QString &text) { m_presenter->setBanner(banner, text); }
    void clearBanner(Banner banner) { m_presenter->clearBanner(banner); }

    QList<ConnectionTester::KnownSecret> knownSecrets() const; // for the settings' connection test
    // After SettingsApplier committed: what to watch now, and the settings banner.
    void switchAfterSettings(const SettingsApplier::Outcome &outcome);

    DesktopOptions m_options;
    Environment m_environment;
    Mode m_mode = Mode::None;
    bool m_trayAvailable = false;
    Preferences m_preferences; // the poll interval as the command line overrides it

    // Owned here, or children of this object. Each is whole on its own: what one keeps of another is a QPointer
    // (the engine's and the presenter's window, the engine's watch list, the session's dialog, the keychain of
    // the applier, the session and the tester) and connections end with either side, so they may go in any
    // order. The engine is declared last all the same, so that it stops first.
    CredentialStore *m_credentials; // child
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConnectionPresenter> m_presenter; // with the window
    std::unique_ptr<DesktopTray> m_tray; // where there is a system tray
    std::unique_ptr<DesktopNotifications> m_notifications; // the service on D-Bus, else the tray, else an alert
    std::unique_ptr<DesktopTenants> m_tenants; // the other tenants watched alongside the current profile
    std::unique_ptr<DesktopScreenshot> m_screenshot; // --screenshot
    std::unique_ptr<WatchList> m_watchList; // once a profile is watched; kept across profiles
    std::unique_ptr<RemovedProfileTasks> m_removedTasks; // asks about a removed profile's tasks; with the list
    std::unique_ptr<DemoTenant> m_demo;
    ConnectionProfile m_profile;

    SettingsApplier *m_applier; // child
    SettingsSession *m_settings; // child
    std::unique_ptr<DesktopMonitor> m_monitor; // the engine watching now (the demo's or the profile's)
};

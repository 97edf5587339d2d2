#pragma once

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
#include <QSize>

#include <functional>
#include <memory>
#include <optional>

class ConnectionTester;
class DemoTenant;
class DesktopTray;
class MainWindow;
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
    static constexpr QSize ScreenshotSize {1200, 790};
    static constexpr int ScreenshotTableHeight = 250;
    static constexpr int ScreenshotAfterRefreshes = 3;
    static constexpr int ScreenshotDelayMs = 500; // after that refresh, for the rows to paint
    static constexpr int ScreenshotLingerMs = 4000; // before quitting, for an outside screenshot of the screen
    static inline const QString CommandLineProfileName = QStringLiteral("command line");

    explicit DesktopApp(const DesktopOptions &options, const Environment &environment = {}, QObject *parent = nullptr);
    ~DesktopApp() override;

    // Builds the window, starts watching (the demo or the current profile) and shows what it should.
    void start();

    Mode mode() const { return m_mode; }
    MainWindow *window() const { return m_window.get(); }
    TaskMonitor *monitor() const { return m_monitor; }
    DemoTenant *demo() const { return m_demo.get(); }
    WatchList *watchList() const { return m_watchList; } // loaded once a profile is watched
    CredentialStore *credentials() const { return m_credentials; }
    DesktopTray *tray() const { return m_tray; } // null without a system tray
    SettingsDialog *settingsDialog() const { return m_settingsDialog.data(); } // while open
    const ConnectionProfile &profile() const { return m_profile; } // watched now
    bool isSecretPending() const { return m_secretPending; }

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

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Banner { Demo, WatchList, Keychain, Connection, Settings };
    void createWindow();
    void createTray();
    void startWatching();
    std::optional<ConnectionProfile> configuredProfile() const;
    void startDemo();
    void startProfile(const ConnectionProfile &profile);
    void stopMonitor();
    void connectMonitor();
    void ensureWatchList();
    void readSecret();
    void showConnectionState();
    void selectTask(const QString &id);
    void arrangeForScreenshot();
    void takeScreenshot();

    void setBanner(Banner banner, const QString &text);
    void clearBanner(Banner banner);
    void showBanners();

    KeychainDisplay keychainDisplay() const;
    void testConnection(const ConnectionProfile &profile, const QString &secret);
    // After SettingsApplier committed: what to watch now, and the settings banner.
    void switchAfterSettings(const SettingsApplier::Outcome &outcome);

    DesktopOptions m_options;
    Environment m_environment;
    Mode m_mode = Mode::None;
    bool m_trayAvailable = false;
    bool m_quitting = false;
    bool m_toldAboutTray = false;
    int m_pollIntervalSeconds = Preferences::DefaultPollIntervalSeconds;

    std::unique_ptr<MainWindow> m_window;
    CredentialStore *m_credentials;
    DesktopTray *m_tray = nullptr;
    WatchList *m_watchList = nullptr;
    std::unique_ptr<DemoTenant> m_demo;
    TaskMonitor *m_monitor = nullptr;
    ConnectionProfile m_profile;
    int m_generation = 0; // bumped per monitor: late keychain answers for an old one are dropped
    bool m_secretPending = false;
    bool m_screenshotPending = false;
    int m_refreshesSeen = 0;

    QMap<Banner, QString> m_banners;
    bool m_updatingBanner = false;

    QPointer<SettingsDialog> m_settingsDialog;
    ConnectionTester *m_tester;
    SettingsApplier *m_applier;
};

#pragma once

#include "ui/ConnectionLine.h"

#include <QObject>
#include <QPointer>

#include <chrono>
#include <memory>

struct ClearResult;
struct ConnectionProfile;
struct Preferences;
struct CredentialResult;
class CredentialStore;
class DesktopFollowing;
class MainWindow;
class RunHistoryStore;
class TaskMonitor;
class WatchList;

// One engine as the desktop runs it: a TaskMonitor for one profile (or the demo tenant) whose tasks the window
// shows, with its secret on the way from the keychain. When it goes, its tasks leave the window with it and the
// watch list (owned elsewhere, kept across profiles) is let go; nothing it says afterwards reaches anyone.
class DesktopMonitor : public QObject
{
    Q_OBJECT

public:
    // Current: the profile new ids, discovery and following go to. Alongside: another tenant watched in the same
    // table (ConnectionProfile::watchAlongside); it takes only what is asked about its own tasks.
    enum class Role { Current, Alongside };
    DesktopMonitor(const ConnectionProfile &profile, bool demo, MainWindow *window, std::chrono::seconds pollInterval,
                   Role role = Role::Current);
    ~DesktopMonitor() override;

    TaskMonitor *engine() const { return m_engine.get(); }
    bool isDemo() const { return m_demo; }
    bool isSecretPending() const { return m_secretPending; }
    void setPollInterval(std::chrono::seconds interval);
    void setWatchList(WatchList *list);
    void setPaused(bool paused); // the engine's polling and the following of new tasks
    DesktopFollowing *following() const { return m_following.get(); } // null alongside
    // What the preferences say about watching: the share of the rate limit, and the tenant's queue depth in the
    // status bar (one request a minute while shown). The poll interval is set apart: the demo has its own.
    void applyPreferences(const Preferences &preferences);

    // A secret known already (the demo's, the command line's): memory only, like every secret.
    void setSecret(const QString &secret);
    // Looks the profile's secret up and hands it to the engine; only a secret saved for this very tenant.
    void readSecret(CredentialStore *store);
    // The engine's state with what the window should say around it.
    ConnectionLine connectionLine() const;

Q_SIGNALS:
    // The status line may read differently (state, tasks, secret).
    void connectionChanged();
    void secretLookedUp(const CredentialResult &result);

private:
    void showCleared(const ClearResult &result);

    QPointer<MainWindow> m_window;
    std::shared_ptr<RunHistoryStore> m_history; // before the engine, which asks it, so it goes after it
    std::unique_ptr<TaskMonitor> m_engine;
    std::unique_ptr<DesktopFollowing> m_following; // after the engine, which it asks: it goes first
    bool m_demo;
    Role m_role;
    bool m_secretPending = false;
};

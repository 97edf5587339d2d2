#pragma once

#include "models/ConnectionProfile.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

class CredentialStore;
class DesktopMonitor;
class MainWindow;
class WatchList;
struct Preferences;

// The tenants watched beside the current profile (ConnectionProfile::watchAlongside): one engine each
// (DesktopMonitor, Role::Alongside) with its own rate-limit budget and its own secret from the keychain, its
// tasks in the same table. It says which of them cannot watch now, for the status line.
class DesktopTenants : public QObject
{
    Q_OBJECT

public:
    DesktopTenants(MainWindow *window, CredentialStore *credentials);
    ~DesktopTenants() override;

    // Watches every saved profile marked to be watched alongside, except `current`; an engine whose profile
    // is unchanged goes on as it is.
    void watch(const ConnectionProfile &current, WatchList *list, const Preferences &preferences);
    void clear();
    int count() const { return int(m_monitors.size()); }
    QStringList names() const;
    // "sandbox: Signing in failed: …" for each tenant that cannot watch now; empty when all can.
    QStringList problems() const;
    void setPaused(bool paused);

Q_SIGNALS:
    void changed(); // a tenant's state, or the set of tenants, changed

private:
    QPointer<MainWindow> m_window;
    CredentialStore *m_credentials;
    std::vector<std::unique_ptr<DesktopMonitor>> m_monitors;
    QHash<QString, QString> m_secretProblems; // profile → why its secret is not there
    bool m_paused = false; // what every engine, also one that comes later, is told
};

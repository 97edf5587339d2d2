#include "DesktopTenants.h"

#include "DesktopLog.h"
#include "DesktopMonitor.h"
#include "client/CredentialStore.h"
#include "client/ProfileStore.h"
#include "client/TaskMonitor.h"
#include "ui/MainWindow.h"
#include "ui/Preferences.h"

#include <QSettings>

DesktopTenants::DesktopTenants(MainWindow *window, CredentialStore *credentials)
    : m_window(window)
    , m_credentials(credentials)
{ }

DesktopTenants::~DesktopTenants() = default;

void DesktopTenants::watch(const ConnectionProfile &current, WatchList *list, const Preferences &preferences)
{
    QSettings settings;
    QList<ConnectionProfile> wanted;
    for (const QString &name : ProfileStore::names(settings)) {
        const ConnectionProfile profile = ProfileStore::read(settings, name);
        if (profile.watchAlongside && profile.name != current.name && profile.problem().isEmpty())
            wanted.append(profile);
    }
    // Keep the engines whose profile is as it was; the others go (their tasks leave the table with them).
    std::erase_if(m_monitors, [&](const std::unique_ptr<DesktopMonitor> &monitor) {
        return !wanted.contains(monitor->engine()->profile());
    });
    // A kept engine reads its secret again: Settings may have replaced it.
    for (const auto &monitor : m_monitors)
        monitor->readSecret(m_credentials);
    for (const ConnectionProfile &profile : std::as_const(wanted)) {
        const bool watched = std::any_of(m_monitors.cbegin(), m_monitors.cend(),
                                         [&](const auto &monitor) { return monitor->engine()->profile() == profile; });
        if (watched || !m_window)
            continue;
        qCInfo(lcApp) << "also watching profile" << profile.name;
        auto monitor = std::make_unique<DesktopMonitor>(profile, false, m_window,
                                                        std::chrono::seconds(preferences.pollIntervalSeconds),
                                                        DesktopMonitor::Role::Alongside);
        connect(monitor.get(), &DesktopMonitor::connectionChanged, this, &DesktopTenants::changed);
        connect(monitor.get(), &DesktopMonitor::secretLookedUp, this,
                [this, name = profile.name](const CredentialResult &r) {
                    if (r.ok)
                        m_secretProblems.remove(name);
                    else
                        m_secretProblems.insert(name,
                                                r.notFound              ? tr("no client secret is saved for it")
                                                        : r.wrongTenant ? tr("its saved secret is for another tenant")
                                                                        : r.errorString);
                    Q_EMIT changed();
                });
        monitor->setWatchList(list);
        monitor->setPaused(m_paused); // paused before it came: it asks nothing either
        m_window->addTasks(monitor->engine()->tasks());
        monitor->readSecret(m_credentials);
        m_monitors.push_back(std::move(monitor));
    }
    for (const auto &monitor : m_monitors) {
        monitor->setPollInterval(std::chrono::seconds(preferences.pollIntervalSeconds));
        monitor->applyPreferences(preferences);
    }
    Q_EMIT changed();
}

void DesktopTenants::clear()
{
    if (m_monitors.empty())
        return;
    m_monitors.clear();
    m_secretProblems.clear();
    Q_EMIT changed();
}

QStringList DesktopTenants::names() const
{
    QStringList names;
    for (const auto &monitor : m_monitors)
        names.append(monitor->engine()->profile().name);
    return names;
}

QStringList DesktopTenants::problems() const
{
    QStringList problems;
    for (const auto &monitor : m_monitors) {
        const QString name = monitor->engine()->profile().name;
        const ConnectionState state = monitor->engine()->connectionState();
        if (m_secretProblems.contains(name))
            problems.append(tr("%1: %2").arg(name, m_secretProblems.value(name)));
        else if (state.kind == ConnectionState::Kind::AuthFailed || state.kind == ConnectionState::Kind::Offline
                 || state.kind == ConnectionState::Kind::Misconfigured)
            problems.append(tr("%1: %2").arg(name, state.shownMessage()));
    }
    return problems;
}

void DesktopTenants::setPaused(bool paused)
{
    m_paused = paused;
    for (const auto &monitor : m_monitors)
        monitor->setPaused(paused);
}

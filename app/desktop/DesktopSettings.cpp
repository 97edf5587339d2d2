#include "DesktopSettings.h"

#include "client/ProfileStore.h"

#include <QSettings>

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace {

struct Entry
{
    DesktopSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

using Key = DesktopSettings::Key;

const NotificationSettings DefaultNotify;

// The one table: every key of the desktop's own settings and its default.
const std::array<Entry, 13> &table()
{
    static const std::array<Entry, 13> entries {{
            {Key::CurrentProfile, "currentProfile", QString()},
            {Key::PollIntervalSeconds, "preferences/pollIntervalSeconds", Preferences::DefaultPollIntervalSeconds},
            {Key::BudgetShare, "preferences/budgetSharePercent", Preferences::DefaultBudgetShare},
            {Key::StallMinutes, "preferences/stallMinutes", Preferences::DefaultStallMinutes},
            {Key::NotifyStarted, "preferences/notify/started", DefaultNotify.started},
            {Key::NotifySucceeded, "preferences/notify/succeeded", DefaultNotify.succeeded},
            {Key::NotifyWarning, "preferences/notify/warning", DefaultNotify.warning},
            {Key::NotifyFailed, "preferences/notify/failed", DefaultNotify.failed},
            {Key::NotifyTerminated, "preferences/notify/terminated", DefaultNotify.terminated},
            {Key::NotifyStalled, "preferences/notify/stalled", DefaultNotify.stalled},
            {Key::NotifyMaxPerMinute, "preferences/notify/maxPerMinute", DefaultNotify.maxPerMinute},
            {Key::StartMinimized, "preferences/startMinimized", false},
            {Key::ShowQueueDepth, "preferences/showQueueDepth", false},
    }};
    return entries;
}

const Entry &entry(Key key)
{
    const auto &entries = table();
    const auto it = std::find_if(entries.begin(), entries.end(), [key](const Entry &e) { return e.key == key; });
    Q_ASSERT(it != entries.end());
    return *it;
}

} // namespace

DesktopSettings::DesktopSettings(QSettings &settings)
    : m_settings(settings)
{ }

QString DesktopSettings::keyName(Key key)
{
    return QLatin1String(entry(key).name);
}

QVariant DesktopSettings::defaultValue(Key key)
{
    return entry(key).defaultValue;
}

QVariant DesktopSettings::value(Key key) const
{
    return m_settings.value(keyName(key), defaultValue(key));
}

void DesktopSettings::setValue(Key key, const QVariant &value)
{
    if (value == defaultValue(key))
        m_settings.remove(keyName(key)); // a default stays a default when the default changes
    else
        m_settings.setValue(keyName(key), value);
}

Preferences DesktopSettings::preferences() const
{
    Preferences preferences;
    preferences.pollIntervalSeconds =
            std::clamp(value(Key::PollIntervalSeconds).toInt(), Preferences::MinPollIntervalSeconds,
                       Preferences::MaxPollIntervalSeconds);
    preferences.budgetShare = std::clamp(value(Key::BudgetShare).toInt(), 1, 100);
    preferences.stallMinutes = std::clamp(value(Key::StallMinutes).toInt(), 1, 24 * 60);
    preferences.notify.stalled = value(Key::NotifyStalled).toBool();
    preferences.notify.started = value(Key::NotifyStarted).toBool();
    preferences.notify.succeeded = value(Key::NotifySucceeded).toBool();
    preferences.notify.warning = value(Key::NotifyWarning).toBool();
    preferences.notify.failed = value(Key::NotifyFailed).toBool();
    preferences.notify.terminated = value(Key::NotifyTerminated).toBool();
    preferences.notify.maxPerMinute = std::clamp(value(Key::NotifyMaxPerMinute).toInt(), 1, 60);
    preferences.startMinimized = value(Key::StartMinimized).toBool();
    preferences.showQueueDepth = value(Key::ShowQueueDepth).toBool();
    return preferences;
}

namespace {

QList<std::pair<Key, QVariant>> valuesOf(const Preferences &preferences)
{
    return {
            {Key::PollIntervalSeconds, preferences.pollIntervalSeconds},
            {Key::BudgetShare, preferences.budgetShare},
            {Key::StallMinutes, preferences.stallMinutes},
            {Key::NotifyStalled, preferences.notify.stalled},
            {Key::NotifyStarted, preferences.notify.started},
            {Key::NotifySucceeded, preferences.notify.succeeded},
            {Key::NotifyWarning, preferences.notify.warning},
            {Key::NotifyFailed, preferences.notify.failed},
            {Key::NotifyTerminated, preferences.notify.terminated},
            {Key::NotifyMaxPerMinute, preferences.notify.maxPerMinute},
            {Key::StartMinimized, preferences.startMinimized},
            {Key::ShowQueueDepth, preferences.showQueueDepth},
    };
}

std::optional<ConnectionProfile> named(const QList<ConnectionProfile> &profiles, const QString &name)
{
    for (const ConnectionProfile &profile : profiles) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

} // namespace

void DesktopSettings::setPreferences(const Preferences &preferences)
{
    for (const auto &[key, value] : valuesOf(preferences))
        setValue(key, value);
}

QList<ConnectionProfile> DesktopSettings::profiles() const
{
    QStringList names = ProfileStore::names(m_settings);
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QList<ConnectionProfile> result;
    for (const QString &name : std::as_const(names))
        result.append(ProfileStore::read(m_settings, name));
    return result;
}

std::optional<ConnectionProfile> DesktopSettings::profile(const QString &name) const
{
    if (name.isEmpty())
        return std::nullopt;
    if (!ProfileStore::hasGroup(m_settings, name))
        return std::nullopt;
    return ProfileStore::read(m_settings, name);
}

void DesktopSettings::setProfiles(const QList<ConnectionProfile> &profiles)
{
    ProfileStore::removeAll(m_settings);
    for (const ConnectionProfile &profile : profiles)
        ProfileStore::write(m_settings, profile);
}

QString DesktopSettings::currentProfile() const
{
    return value(Key::CurrentProfile).toString();
}

void DesktopSettings::setCurrentProfile(const QString &name)
{
    setValue(Key::CurrentProfile, name);
}

DesktopSettings::Snapshot DesktopSettings::snapshot() const
{
    return {profiles(), currentProfile(), preferences()};
}

void DesktopSettings::applyChanges(const Snapshot &before, const Snapshot &after)
{
    for (const ConnectionProfile &old : before.profiles) {
        if (!named(after.profiles, old.name))
            ProfileStore::remove(m_settings, old.name); // removed, or renamed (written below)
    }
    for (const ConnectionProfile &profile : after.profiles) {
        if (named(before.profiles, profile.name) == profile)
            continue; // untouched in the dialog: whatever is stored now (a CLI login's change) stays
        ProfileStore::remove(m_settings, profile.name); // no stale keys of an older version
        ProfileStore::write(m_settings, profile);
    }
    if (after.current != before.current)
        setCurrentProfile(after.current);
    const auto oldValues = valuesOf(before.preferences);
    const auto newValues = valuesOf(after.preferences);
    for (qsizetype i = 0; i < newValues.size(); ++i) {
        if (newValues.at(i).second != oldValues.at(i).second)
            setValue(newValues.at(i).first, newValues.at(i).second);
    }
}

#pragma once

#include "models/ConnectionProfile.h"
#include "ui/Preferences.h"

#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

class QSettings;

// The desktop app's settings, KeePassXC's Config idea: every key and its default in one table
// (DesktopSettings.cpp), read and written through Key so that no key is spelled twice. Connection profiles
// are client/ProfileStore's (shared with taskwatch-cli --profile); this class reads and writes them through it.
// Secrets never come here: they are the keychain's (CredentialStore).
class DesktopSettings
{
public:
    enum class Key {
        CurrentProfile, // the profile Taskwatch watches with; empty: none (the demo tenant)
        PollIntervalSeconds,
        BudgetShare,
        StallMinutes,
        NotifyStarted,
        NotifySucceeded,
        NotifyWarning,
        NotifyFailed,
        NotifyTerminated,
        NotifyStalled,
        NotifyMaxPerMinute,
        StartMinimized,
        ShowQueueDepth,
    };

    // What the Settings dialog shows and returns: the base and the result of its changes.
    struct Snapshot
    {
        QList<ConnectionProfile> profiles;
        QString current;
        Preferences preferences;
    };

    explicit DesktopSettings(QSettings &settings);

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

    QVariant value(Key key) const; // the default when unset
    void setValue(Key key, const QVariant &value);

    // launchAtLogin is not stored (it mirrors the autostart entry): false here, the app fills it in.
    Preferences preferences() const;
    void setPreferences(const Preferences &preferences);

    QList<ConnectionProfile> profiles() const; // sorted by name
    std::optional<ConnectionProfile> profile(const QString &name) const;
    // Replaces every stored profile: removed ones disappear, renamed ones move.
    void setProfiles(const QList<ConnectionProfile> &profiles);
    QString currentProfile() const;
    void setCurrentProfile(const QString &name);

    Snapshot snapshot() const;
    // Writes only what differs between `before` (the dialog opened with it) and `after` (it was accepted
    // with it) onto the settings as they are now: removed and renamed profiles go, added and edited ones are
    // written, the rest (also a profile `taskwatch-cli login` added meanwhile) stays as it is; the current
    // profile and each preference only when the dialog changed them.
    void applyChanges(const Snapshot &before, const Snapshot &after);

private:
    QSettings &m_settings;
};

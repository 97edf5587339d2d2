#pragma once

#include "DesktopSettings.h"
#include "models/ConnectionProfile.h"
#include "models/SecretChanges.h"
#include "ui/Preferences.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class CredentialStore;

// What an accepted settings dialog returned, in the order SettingsDialog documents.
struct AcceptedSettings
{
    QList<SecretKey> removed;
    QList<SecretMove> moves;
    QList<SecretChange> changes;
    QList<ConnectionProfile> profiles;
    QString current;
    Preferences preferences;

    // Whether the secret stored under `key` was typed anew or moved there.
    bool touchesSecretOf(const SecretKey &key) const;
};

// Applies an accepted settings dialog: first the keychain steps (removed profiles' secrets, moved secrets,
// typed secrets), one after the other because each is asynchronous; then it commits the settings onto what
// is stored now (DesktopSettings::applyChanges) and the launch-at-login entry. What the app watches then is
// the app's to switch: committed() tells it what changed, with every problem met on the way in words.
class SettingsApplier : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        AcceptedSettings accepted;
        QStringList problems; // empty when everything was applied
        bool currentChanged = false; // another current profile, or the current one edited
    };

    // autostartPath: the launch-at-login entry (empty: Autostart::defaultPath()); programPath: what it
    // starts (empty: this program).
    SettingsApplier(CredentialStore *credentials, const QString &autostartPath, const QString &programPath,
                    QObject *parent = nullptr);

    // The dialog opens: the base its changes are applied against.
    void rememberOpened();
    const DesktopSettings::Snapshot &opened() const { return m_opened; }
    QString autostartPath() const;

    void apply(const AcceptedSettings &accepted);

Q_SIGNALS:
    void committed(const SettingsApplier::Outcome &outcome);

private:
    using Step = std::function<void(std::function<void()> next)>;
    Step removeStep(const SecretKey &removed, QStringList *problems);
    Step moveStep(const SecretMove &move, QStringList *problems);
    Step changeStep(const SecretChange &change, const QUrl &tenant, QStringList *problems);
    void commit(const AcceptedSettings &accepted, const QStringList &problems);
    void applyAutostart(const Preferences &preferences, QStringList *problems) const;
    static void runSteps(const QList<Step> &steps, std::function<void()> done);

    QPointer<CredentialStore> m_credentials; // a sibling: may go first
    QString m_autostartPath;
    QString m_programPath;
    DesktopSettings::Snapshot m_opened; // the settings when the dialog opened
    std::optional<ConnectionProfile> m_openedProfile; // the current profile then
};

#pragma once

#include "ConnectionTester.h"
#include "models/ConnectionProfile.h"
#include "ui/SettingsDialog.h"

#include <QObject>
#include <QPointer>

#include <functional>

class CredentialStore;
class SettingsApplier;

// One settings dialog at a time: opens it on the stored settings, answers its connection tests (with the
// secrets the app already holds), and hands what was accepted to the SettingsApplier.
class SettingsSession : public QObject
{
    Q_OBJECT

public:
    // Secrets known without the keychain (the demo tenant's, the command line's), for "Test connection".
    using KnownSecrets = std::function<QList<ConnectionTester::KnownSecret>()>;

    SettingsSession(CredentialStore *credentials, SettingsApplier *applier, KnownSecrets known,
                    QObject *parent = nullptr);
    ~SettingsSession() override; // a running test reports to nobody; an open dialog goes

    bool isOpen() const { return !m_dialog.isNull(); }
    SettingsDialog *dialog() const { return m_dialog.data(); }
    // Opens the dialog over `window`, or brings the open one to the front.
    void open(QWidget *window, bool trayAvailable);
    void close(); // as Cancel

private:
    KeychainDisplay keychainDisplay() const;
    void test(const ConnectionProfile &profile, const QString &secret);
    void accept(SettingsDialog *dialog);

    QPointer<CredentialStore> m_credentials; // a sibling: may go first
    SettingsApplier *m_applier;
    KnownSecrets m_known;
    ConnectionTester *m_tester; // child
    QPointer<SettingsDialog> m_dialog;
};

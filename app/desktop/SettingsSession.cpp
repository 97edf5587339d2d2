#include "SettingsSession.h"

#include "DesktopSettings.h"
#include "SettingsApplier.h"
#include "client/CredentialStore.h"
#include "ui/Autostart.h"

#include <QSettings>

SettingsSession::SettingsSession(CredentialStore *credentials, SettingsApplier *applier, KnownSecrets known,
                                 QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_applier(applier)
    , m_known(std::move(known))
    , m_tester(new ConnectionTester(credentials, this))
{ }

SettingsSession::~SettingsSession()
{
    m_tester->cancel();
    delete m_dialog;
}

void SettingsSession::open(QWidget *window, bool trayAvailable)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    QSettings settings;
    const DesktopSettings desktop(settings);
    Preferences preferences = desktop.preferences();
    preferences.launchAtLogin = Autostart::isSupported() && Autostart(m_applier->autostartPath()).isEnabled();

    auto *dialog = new SettingsDialog(window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfiles(desktop.profiles(), desktop.currentProfile());
    dialog->setPreferences(preferences);
    dialog->setKeychainState(keychainDisplay());
    dialog->setTrayAvailable(trayAvailable);
    m_applier->rememberOpened();
    connect(dialog, &SettingsDialog::testConnectionRequested, this, &SettingsSession::test);
    connect(m_tester, &ConnectionTester::finished, dialog, &SettingsDialog::setTestResult);
    connect(m_credentials, &CredentialStore::keychainStateChanged, dialog,
            [this, dialog] { dialog->setKeychainState(keychainDisplay()); });
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        m_tester->cancel(); // a test still running reports to nobody
        if (result == QDialog::Accepted)
            accept(dialog);
    });
    m_dialog = dialog;
    dialog->showPage(SettingsDialog::ConnectionPage);
    dialog->open();
}

void SettingsSession::close()
{
    if (m_dialog)
        m_dialog->reject();
}

KeychainDisplay SettingsSession::keychainDisplay() const
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

void SettingsSession::test(const ConnectionProfile &profile, const QString &secret)
{
    QSettings stored;
    m_tester->test(profile, secret, DesktopSettings(stored).profiles(), m_known());
}

void SettingsSession::accept(SettingsDialog *dialog)
{
    AcceptedSettings accepted;
    accepted.removed = dialog->removedProfiles();
    accepted.moves = dialog->secretMoves();
    accepted.changes = dialog->secretChanges();
    accepted.profiles = dialog->profiles();
    accepted.current = dialog->currentProfile();
    accepted.preferences = dialog->preferences();
    dialog->forgetSecrets();
    m_applier->apply(accepted);
}

#pragma once

#include "Preferences.h"
#include "ProfileRules.h"
#include "models/SecretChanges.h"

#include <QDialog>
#include <QList>

#include <optional>
#include <utility>

class ConnectionTab;
class PreferencesTab;
class QDialogButtonBox;
class QLabel;
class QTabWidget;

// Connection profiles (add, rename, remove; name, base URL, API version, client id, secret, CA file,
// "Test connection") and the preferences (poll interval, notifications, tray, launch at login).
//
// The dialog never stores anything but its own geometry: the app fills it with setProfiles/
// setPreferences/..., and after accept() reads the results and applies them, in this order:
// removedProfiles() (delete their secrets), secretMoves(), secretChanges(), then profiles(),
// currentProfile() and preferences(). Then it calls forgetSecrets() (or destroys the dialog). A typed
// secret leaves the dialog only through secretChanges() and testConnectionRequested(); it is never logged.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    enum Page { ConnectionPage, PreferencesPage };

    explicit SettingsDialog(QWidget *parent = nullptr);
    ~SettingsDialog() override;

    void setProfiles(const QList<ConnectionProfile> &profiles, const QString &currentName);
    void setPreferences(const Preferences &preferences);
    void setKeychainState(const KeychainDisplay &state);
    void setTrayAvailable(bool available);
    // Defaults to Autostart::isSupported().
    void setLaunchAtLoginSupported(bool supported);
    void showPage(Page page);

    QList<ConnectionProfile> profiles() const; // in list order, names and ids trimmed, URLs normalised
    QString currentProfile() const; // the one Taskwatch watches with; empty without profiles
    Preferences preferences() const;
    QList<SecretChange> secretChanges() const; // only profiles whose secret was typed
    QList<SecretKey> removedProfiles() const; // profiles given to setProfiles and removed, as they were given
    QList<SecretMove> secretMoves() const;
    void forgetSecrets(); // drops every typed secret (also done on reject)

    // Why OK is disabled, in words; empty when the settings can be accepted.
    QString problem() const;
    bool isTesting() const { return m_testingDraft >= 0; }

public Q_SLOTS:
    // The outcome of the last testConnectionRequested, success or the exact reason of failure.
    void setTestResult(bool ok, const QString &message);

Q_SIGNALS:
    // secret is empty when none was typed: the app uses the stored one.
    void testConnectionRequested(const ConnectionProfile &profile, const QString &secret);

protected:
    void done(int result) override;
    void changeEvent(QEvent *event) override;

private:
    enum class TestState { None, Busy, Succeeded, Failed };
    struct Draft
    {
        int id = 0;
        ConnectionProfile profile; // name, client id and CA file as typed; baseUrl parsed from baseUrlText
        QString baseUrlText;
        std::optional<SecretKey> original; // as given to setProfiles; none for a new profile
        QString secret; // typed in this dialog, trimmed; empty when untouched
        bool sessionOnly = false;
        TestState test = TestState::None;
        QString testMessage;
    };

    void connectFields();
    void addProfile();
    void removeProfile();
    void renameProfile();
    void browseCaFile();
    void requestTest();
    void onCurrentRowChanged(int row);
    void onFieldEdited();
    void loadCurrentDraft();
    void rebuildList();
    void rebuildCurrentCombo();
    QList<std::pair<int, QString>> draftNames() const; // id and name, in list order
    void revalidate();
    void showTestState();
    void updateColors();
    Draft *currentDraft();
    const Draft *draftById(int id) const;
    Draft *draftById(int id);
    int rowOf(int draftId) const;
    QStringList namesExcept(int draftId) const;
    ProfileProblems problemsOf(const Draft &draft) const;
    static ConnectionProfile finalProfile(const Draft &draft);

    QList<Draft> m_drafts;
    QList<SecretKey> m_removed;
    int m_nextId = 1;
    int m_currentDraft = -1; // the profile Taskwatch watches with
    int m_testingDraft = -1;
    bool m_loading = false;
    KeychainDisplay m_keychain;

    QTabWidget *m_tabs = nullptr;
    ConnectionTab *m_page = nullptr;
    PreferencesTab *m_preferencesTab = nullptr;

    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

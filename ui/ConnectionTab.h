#pragma once

#include "ProfileRules.h"
#include "models/SecretChanges.h"

#include <QCoreApplication>
#include <QList>
#include <QWidget>

#include <utility>

class StateColorPalette;
class QCheckBox;
class QComboBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QToolButton;
class QVBoxLayout;

// The settings dialog's connection page, built in steps: the current-profile choice on top, the profile list
// with Add/Rename/Remove on the left, the selected profile's form and the connection test on the right.
// It only lays out widgets; SettingsDialog keeps the drafts, fills the fields and connects their signals, so
// it reaches the widgets directly (friend). Texts keep the SettingsDialog translation context.
class ConnectionTab : public QWidget
{
    Q_DECLARE_TR_FUNCTIONS(SettingsDialog)

public:
    explicit ConnectionTab(QWidget *parent = nullptr);

    void updateSecretEcho(bool show);
    void showKeychainState(const KeychainDisplay &state);
    void showProblems(const ProfileProblems &problems);
    // The connection test's outcome (or progress) below the Test button; the icon only once it finished.
    void showTest(bool busy, const QString &text, bool succeeded, bool failed);
    // The selected profile's form, or the "no profile yet" sentence.
    void showHasProfile(bool hasProfile);
    void showProfile(const ConnectionProfile &profile, const QString &baseUrlText, const QString &secret,
                     bool hasStoredSecret, bool sessionOnly);
    void clearFields();
    // The fields as typed (the secret trimmed), into the draft behind them.
    void readProfile(ConnectionProfile &profile, QString &baseUrlText, QString &secret) const;
    // The profile list and the "Watch with" choice, from (id, name) pairs in list order.
    static QString displayName(const QString &name); // "(unnamed)" for a blank one
    void fillList(const QList<std::pair<int, QString>> &profiles);
    void fillCurrentCombo(const QList<std::pair<int, QString>> &profiles, int currentId);
    void renameItem(int row, const QString &name);
    void markItem(int row, const QString &problem); // a warning icon and the problem as tooltip; none when empty
    int selectedId() const; // -1 when no profile is selected
    void updateColors(const StateColorPalette &colors, bool keychainAvailable, const QColor &testColor);
    // Top to bottom, left to right.
    QList<QWidget *> focusChain() const;

private:
    friend class SettingsDialog;

    QLayout *createCurrentRow(QWidget *page);
    QLayout *createProfileList(QWidget *page);
    void createProfileForm(QWidget *page);
    QWidget *createSecretField();
    QWidget *createCaFileField();
    void createTestRows(QVBoxLayout *formLayout);

    QComboBox *m_currentCombo = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_renameButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QWidget *m_form = nullptr;
    QLabel *m_noProfileLabel = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLabel *m_nameProblem = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLabel *m_urlProblem = nullptr;
    QLabel *m_urlResolved = nullptr; // the API address a tenant name or web UI address stands for
    QComboBox *m_versionCombo = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QLabel *m_clientIdProblem = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QToolButton *m_showSecret = nullptr;
    QLabel *m_keychainLabel = nullptr;
    QCheckBox *m_sessionOnly = nullptr;
    QCheckBox *m_watchAlongside = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QPushButton *m_browseButton = nullptr;
    QLabel *m_caFileProblem = nullptr;
    QPushButton *m_testButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testIcon = nullptr;
    QLabel *m_testResult = nullptr;
};

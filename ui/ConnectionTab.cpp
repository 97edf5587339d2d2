#include "ConnectionTab.h"

#include "FormLabels.h"
#include "StateColorPalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr int DraftIdRole = Qt::UserRole + 1;

// A field with the sentence about what is wrong with it right below (and a note before that, if any).
QWidget *withProblem(QWidget *field, QLabel *problem, QWidget *parent, QLabel *note = nullptr)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    if (note)
        layout->addWidget(note);
    layout->addWidget(problem);
    return box;
}

void showProblem(QLabel *label, QWidget *field, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    field->setAccessibleDescription(problem);
}

} // namespace

// The connection page, in steps: the current-profile choice on top, the profile list on the left, the selected
// profile's form on the right.
ConnectionTab::ConnectionTab(QWidget *parent)
    : QWidget(parent)
{
    QWidget *page = this;
    QLayout *currentRow = createCurrentRow(page);
    QLayout *left = createProfileList(page);
    createProfileForm(page);

    m_noProfileLabel = new QLabel(tr("No connection profile yet. Press Add to create one for your tenant."), page);
    m_noProfileLabel->setObjectName(QStringLiteral("noProfile"));
    m_noProfileLabel->setWordWrap(true);
    m_noProfileLabel->setAlignment(Qt::AlignCenter);

    auto *right = new QVBoxLayout;
    right->addWidget(m_form, 1);
    right->addWidget(m_noProfileLabel, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(currentRow);
    layout->addLayout(columns, 1);
}

QLayout *ConnectionTab::createCurrentRow(QWidget *page)
{
    m_currentCombo = new QComboBox(page);
    m_currentCombo->setObjectName(QStringLiteral("currentProfile"));
    auto *currentLabel = new QLabel(tr("&Watch with:"), page);
    currentLabel->setBuddy(m_currentCombo);

    auto *currentRow = new QHBoxLayout;
    currentRow->addWidget(currentLabel);
    currentRow->addWidget(m_currentCombo, 1);
    return currentRow;
}

QLayout *ConnectionTab::createProfileList(QWidget *page)
{
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("profiles"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_list);
    m_list->setIconSize(QSize(iconSize, iconSize));

    m_addButton = new QPushButton(tr("&Add"), page);
    m_addButton->setObjectName(QStringLiteral("addProfile"));
    m_renameButton = new QPushButton(tr("Rena&me"), page);
    m_renameButton->setObjectName(QStringLiteral("renameProfile"));
    m_removeButton = new QPushButton(tr("&Remove"), page);
    m_removeButton->setObjectName(QStringLiteral("removeProfile"));
    m_removeButton->setToolTip(tr("The profile's stored secret is deleted too when you press OK."));

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_renameButton);
    listButtons->addWidget(m_removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    return left;
}

// The selected profile's fields, each with its problem below it, and the connection test.
void ConnectionTab::createProfileForm(QWidget *page)
{
    m_form = new QWidget(page);
    m_form->setObjectName(QStringLiteral("profileForm"));
    m_nameEdit = new QLineEdit(m_form);
    m_nameEdit->setObjectName(QStringLiteral("name"));
    m_nameEdit->setMaxLength(ProfileRules::MaxNameLength);
    m_nameProblem = problemLabel(QStringLiteral("nameProblem"), m_form);

    m_urlEdit = new QLineEdit(m_form);
    m_urlEdit->setObjectName(QStringLiteral("baseUrl"));
    m_urlEdit->setPlaceholderText(tr("acme, https://acme.identitynow.com or the API address"));
    m_urlEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_urlProblem = problemLabel(QStringLiteral("baseUrlProblem"), m_form);
    m_urlResolved = new QLabel(m_form);
    m_urlResolved->setObjectName(QStringLiteral("baseUrlResolved"));
    m_urlResolved->setTextFormat(Qt::PlainText);
    m_urlResolved->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlResolved->setWordWrap(true);
    m_urlResolved->hide();
    // A tenant name or the web UI's address becomes the API address: shown at once, before anything is saved.
    connect(m_urlEdit, &QLineEdit::textChanged, m_urlResolved, [this](const QString &text) {
        const QString resolved = ProfileRules::apiAddress(text);
        const bool changed = resolved != text.trimmed();
        m_urlResolved->setText(changed ? tr("Will connect to %1").arg(resolved) : QString());
        m_urlResolved->setVisible(changed);
    });

    m_versionCombo = new QComboBox(m_form);
    m_versionCombo->setObjectName(QStringLiteral("apiVersion"));
    for (ApiVersion version : ApiVersions::all())
        m_versionCombo->addItem(ApiVersions::name(version), static_cast<int>(version));

    m_clientIdEdit = new QLineEdit(m_form);
    m_clientIdEdit->setObjectName(QStringLiteral("clientId"));
    m_clientIdEdit->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_clientIdProblem = problemLabel(QStringLiteral("clientIdProblem"), m_form);

    QWidget *secretBox = createSecretField();
    QWidget *caRow = createCaFileField();
    auto addRow = [this](QFormLayout *form, const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text, m_form);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };
    auto *form = new QFormLayout;
    addRow(form, tr("&Name:"), m_nameEdit, withProblem(m_nameEdit, m_nameProblem, m_form));
    addRow(form, tr("Base &URL:"), m_urlEdit, withProblem(m_urlEdit, m_urlProblem, m_form, m_urlResolved));
    addRow(form, tr("API &version:"), m_versionCombo, m_versionCombo);
    addRow(form, tr("Client &ID:"), m_clientIdEdit, withProblem(m_clientIdEdit, m_clientIdProblem, m_form));
    addRow(form, tr("Client &secret:"), m_secretEdit, secretBox);
    addRow(form, tr("CA &file:"), m_caFileEdit, withProblem(caRow, m_caFileProblem, m_form));
    m_watchAlongside = new QCheckBox(tr("Watch this t&enant too while another profile is current"), m_form);
    m_watchAlongside->setObjectName(QStringLiteral("watchAlongside"));
    m_watchAlongside->setToolTip(tr("Its tasks show in the same table, with its name in the Tenant column; it has a "
                                    "rate-limit budget of its own"));
    form->addRow(QString(), m_watchAlongside);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    createTestRows(formLayout);
    formLayout->addStretch(1);
}

QWidget *ConnectionTab::createSecretField()
{
    m_secretEdit = new QLineEdit(m_form);
    m_secretEdit->setObjectName(QStringLiteral("secret"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setAccessibleName(tr("Client secret"));
    m_showSecret = new QToolButton(m_form);
    m_showSecret->setObjectName(QStringLiteral("showSecret"));
    m_showSecret->setText(tr("S&how"));
    m_showSecret->setCheckable(true);
    m_showSecret->setToolTip(tr("Show the secret as you type it"));
    connect(m_showSecret, &QToolButton::toggled, this, [this](bool show) { updateSecretEcho(show); });
    updateSecretEcho(false);
    m_keychainLabel = problemLabel(QStringLiteral("keychainState"), m_form);
    m_sessionOnly = new QCheckBox(tr("Use this secret for this session &only"), m_form);
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnly"));
    m_sessionOnly->setToolTip(tr("Keeps the secret in memory until Taskwatch quits; you type it again next time."));
    m_sessionOnly->hide();
    auto *secretRow = new QHBoxLayout;
    secretRow->setContentsMargins(0, 0, 0, 0);
    secretRow->addWidget(m_secretEdit, 1);
    secretRow->addWidget(m_showSecret);
    auto *secretBox = new QWidget(m_form);
    auto *secretLayout = new QVBoxLayout(secretBox);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    secretLayout->setSpacing(2);
    secretLayout->addLayout(secretRow);
    secretLayout->addWidget(m_keychainLabel);
    secretLayout->addWidget(m_sessionOnly);

    return secretBox;
}

QWidget *ConnectionTab::createCaFileField()
{
    m_caFileEdit = new QLineEdit(m_form);
    m_caFileEdit->setObjectName(QStringLiteral("caFile"));
    m_caFileEdit->setPlaceholderText(tr("Optional: your proxy's CA certificate (PEM)"));
    m_browseButton = new QPushButton(tr("&Browse…"), m_form);
    m_browseButton->setObjectName(QStringLiteral("browseCaFile"));
    m_caFileProblem = problemLabel(QStringLiteral("caFileProblem"), m_form);
    auto *caRow = new QWidget(m_form);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFileEdit, 1);
    caLayout->addWidget(m_browseButton);

    return caRow;
}

void ConnectionTab::createTestRows(QVBoxLayout *formLayout)
{
    m_testButton = new QPushButton(tr("&Test connection"), m_form);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testButton->setToolTip(tr("Signs in and asks the tenant for task status with these settings"));
    m_testBusy = new QProgressBar(m_form);
    m_testBusy->setObjectName(QStringLiteral("testBusy"));
    m_testBusy->setRange(0, 0);
    m_testBusy->setTextVisible(false);
    m_testBusy->setMaximumWidth(120);
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->hide();
    m_testIcon = new QLabel(m_form);
    m_testIcon->hide();
    m_testResult = problemLabel(QStringLiteral("testResult"), m_form);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse); // tracking ids get copied
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addStretch(1);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_testIcon, 0, Qt::AlignTop);
    resultRow->addWidget(m_testResult, 1);

    formLayout->addLayout(testRow);
    formLayout->addLayout(resultRow);
}

void ConnectionTab::updateSecretEcho(bool show)
{
    m_secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    // Password mode sets these hints itself; keep input methods from learning the secret when shown, too.
    m_secretEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase
                                      | (show ? Qt::ImhNone : Qt::ImhHiddenText));
    m_showSecret->setToolTip(show ? tr("Hide the secret") : tr("Show the secret as you type it"));
}

QList<QWidget *> ConnectionTab::focusChain() const
{
    return {m_currentCombo, m_list,         m_addButton,      m_renameButton, m_removeButton, m_nameEdit,
            m_urlEdit,      m_versionCombo, m_clientIdEdit,   m_secretEdit,   m_showSecret,   m_sessionOnly,
            m_caFileEdit,   m_browseButton, m_watchAlongside, m_testButton};
}

void ConnectionTab::showKeychainState(const KeychainDisplay &state)
{
    m_keychainLabel->setText(state.message);
    m_keychainLabel->setVisible(!state.message.isEmpty());
    m_sessionOnly->setVisible(!state.available);
    m_secretEdit->setAccessibleDescription(state.message);
}

void ConnectionTab::showProblems(const ProfileProblems &problems)
{
    showProblem(m_nameProblem, m_nameEdit, problems.name);
    showProblem(m_urlProblem, m_urlEdit, problems.baseUrl);
    showProblem(m_clientIdProblem, m_clientIdEdit, problems.clientId);
    showProblem(m_caFileProblem, m_caFileEdit, problems.caFile);
}

void ConnectionTab::showTest(bool busy, const QString &text, bool succeeded, bool failed)
{
    m_testBusy->setVisible(busy);
    m_testResult->setText(text);
    m_testResult->setVisible(!text.isEmpty());
    const bool finished = succeeded || failed;
    if (finished) {
        const QIcon icon =
                style()->standardIcon(succeeded ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxCritical);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        m_testIcon->setPixmap(icon.pixmap(size, size));
    }
    m_testIcon->setVisible(finished);
    m_testButton->setAccessibleDescription(text);
}

void ConnectionTab::clearFields()
{
    m_showSecret->setChecked(false);
    for (QLineEdit *edit : {m_nameEdit, m_urlEdit, m_clientIdEdit, m_secretEdit, m_caFileEdit})
        edit->setText(QString());
    m_sessionOnly->setChecked(false);
    m_watchAlongside->setChecked(false);
}

void ConnectionTab::updateColors(const StateColorPalette &colors, bool keychainAvailable, const QColor &testColor)
{
    for (QLabel *label : {m_nameProblem, m_urlProblem, m_clientIdProblem, m_caFileProblem})
        setTextColor(label, colors.color(DisplayState::Error));
    setTextColor(m_keychainLabel, keychainAvailable ? QColor() : colors.color(DisplayState::Warning));
    setTextColor(m_testResult, testColor);
}

void ConnectionTab::showHasProfile(bool hasProfile)
{
    m_form->setVisible(hasProfile);
    m_noProfileLabel->setVisible(!hasProfile);
    m_renameButton->setEnabled(hasProfile);
    m_removeButton->setEnabled(hasProfile);
}

void ConnectionTab::showProfile(const ConnectionProfile &profile, const QString &baseUrlText, const QString &secret,
                                bool hasStoredSecret, bool sessionOnly)
{
    m_showSecret->setChecked(false);
    m_nameEdit->setText(profile.name);
    m_urlEdit->setText(baseUrlText);
    m_versionCombo->setCurrentIndex(m_versionCombo->findData(static_cast<int>(profile.apiVersion)));
    m_clientIdEdit->setText(profile.clientId);
    m_secretEdit->setText(secret);
    m_secretEdit->setPlaceholderText(hasStoredSecret ? tr("Unchanged; type here to replace the stored secret")
                                                     : tr("The client secret or personal access token"));
    m_sessionOnly->setChecked(sessionOnly);
    m_caFileEdit->setText(profile.caFile);
    m_watchAlongside->setChecked(profile.watchAlongside);
}

QString ConnectionTab::displayName(const QString &name)
{
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? tr("(unnamed)") : trimmed;
}

void ConnectionTab::fillList(const QList<std::pair<int, QString>> &profiles)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const auto &[id, name] : profiles) {
        auto *item = new QListWidgetItem(displayName(name), m_list);
        item->setData(DraftIdRole, id);
    }
}

void ConnectionTab::fillCurrentCombo(const QList<std::pair<int, QString>> &profiles, int currentId)
{
    const QSignalBlocker blocker(m_currentCombo);
    m_currentCombo->clear();
    for (const auto &[id, name] : profiles)
        m_currentCombo->addItem(displayName(name), id);
    m_currentCombo->setCurrentIndex(m_currentCombo->findData(currentId));
    m_currentCombo->setEnabled(!profiles.isEmpty());
}

int ConnectionTab::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(DraftIdRole).toInt() : -1;
}

void ConnectionTab::readProfile(ConnectionProfile &profile, QString &baseUrlText, QString &secret) const
{
    profile.name = m_nameEdit->text();
    baseUrlText = m_urlEdit->text();
    profile.baseUrl = ProfileRules::parseBaseUrl(baseUrlText);
    profile.apiVersion = static_cast<ApiVersion>(m_versionCombo->currentData().toInt());
    profile.clientId = m_clientIdEdit->text();
    profile.caFile = m_caFileEdit->text();
    profile.watchAlongside = m_watchAlongside->isChecked();
    secret = m_secretEdit->text().trimmed();
}

void ConnectionTab::renameItem(int row, const QString &name)
{
    if (QListWidgetItem *item = m_list->item(row))
        item->setText(displayName(name));
}

void ConnectionTab::markItem(int row, const QString &problem)
{
    if (QListWidgetItem *item = m_list->item(row)) {
        item->setIcon(problem.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        item->setToolTip(problem);
    }
}

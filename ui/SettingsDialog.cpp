#include "SettingsDialog.h"

#include "FormLabels.h"
#include "PreferencesTab.h"
#include "StateColorPalette.h"
#include "UiLog.h"
#include "models/UrlPolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace {

const QString GeometryKey = QStringLiteral("settingsDialog/geometry");
constexpr int DraftIdRole = Qt::UserRole + 1;

// A field with the sentence about what is wrong with it right below.
QWidget *withProblem(QWidget *field, QLabel *problem, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(problem);
    return box;
}

void setTextColor(QLabel *label, const QColor &color)
{
    if (!color.isValid()) {
        label->setPalette(QPalette());
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

void showProblem(QLabel *label, QWidget *field, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    field->setAccessibleDescription(problem);
}

QString displayName(const QString &name)
{
    const QString trimmed = name.trimmed();
    return trimmed.isEmpty() ? SettingsDialog::tr("(unnamed)") : trimmed;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(createConnectionPage(), tr("&Connection"));
    m_preferencesTab = new PreferencesTab(this);
    m_preferencesTab->setObjectName(QStringLiteral("preferencesTab"));
    m_tabs->addTab(m_preferencesTab, tr("&Preferences"));

    m_summary = problemLabel(QStringLiteral("summary"), this);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);

    // Connection page, then preferences: the order the eye reads them in.
    QWidget *chain[] = {m_currentCombo, m_list,        m_addButton,    m_renameButton, m_removeButton,
                        m_nameEdit,     m_urlEdit,     m_versionCombo, m_clientIdEdit, m_secretEdit,
                        m_showSecret,   m_sessionOnly, m_caFileEdit,   m_browseButton, m_testButton};
    for (size_t i = 1; i < std::size(chain); ++i)
        setTabOrder(chain[i - 1], chain[i]);
    const QList<QWidget *> preferencesChain = m_preferencesTab->focusChain();
    for (qsizetype i = 1; i < preferencesChain.size(); ++i)
        setTabOrder(preferencesChain.at(i - 1), preferencesChain.at(i));

    setPreferences(Preferences {});
    setTrayAvailable(true);
    setKeychainState(KeychainDisplay {});
    setProfiles({}, QString());

    resize(760, 520);
    restoreGeometry(QSettings().value(GeometryKey).toByteArray());
    updateColors();
}

SettingsDialog::~SettingsDialog()
{
    forgetSecrets();
}

// The connection page, in steps: the current-profile choice on top, the profile list on the left, the selected
// profile's form on the right.
QWidget *SettingsDialog::createConnectionPage()
{
    auto *page = new QWidget(this);
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

    connectFields();
    return page;
}

QLayout *SettingsDialog::createCurrentRow(QWidget *page)
{
    m_currentCombo = new QComboBox(page);
    m_currentCombo->setObjectName(QStringLiteral("currentProfile"));
    auto *currentLabel = new QLabel(tr("&Watch with:"), page);
    currentLabel->setBuddy(m_currentCombo);
    connect(m_currentCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_currentDraft = m_currentCombo->itemData(index).toInt();
    });

    auto *currentRow = new QHBoxLayout;
    currentRow->addWidget(currentLabel);
    currentRow->addWidget(m_currentCombo, 1);
    return currentRow;
}

QLayout *SettingsDialog::createProfileList(QWidget *page)
{
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("profiles"));
    m_list->setAccessibleName(tr("Connection profiles"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_list);
    m_list->setIconSize(QSize(iconSize, iconSize));
    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::onCurrentRowChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &SettingsDialog::renameProfile);
    new QShortcut(QKeySequence(Qt::Key_F2), m_list, this, &SettingsDialog::renameProfile, Qt::WidgetShortcut);
    new QShortcut(QKeySequence::Delete, m_list, this, &SettingsDialog::removeProfile, Qt::WidgetShortcut);

    m_addButton = new QPushButton(tr("&Add"), page);
    m_addButton->setObjectName(QStringLiteral("addProfile"));
    m_renameButton = new QPushButton(tr("Rena&me"), page);
    m_renameButton->setObjectName(QStringLiteral("renameProfile"));
    m_removeButton = new QPushButton(tr("&Remove"), page);
    m_removeButton->setObjectName(QStringLiteral("removeProfile"));
    m_removeButton->setToolTip(tr("The profile's stored secret is deleted too when you press OK."));
    connect(m_addButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_renameButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);

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
void SettingsDialog::createProfileForm(QWidget *page)
{
    m_form = new QWidget(page);
    m_form->setObjectName(QStringLiteral("profileForm"));
    m_nameEdit = new QLineEdit(m_form);
    m_nameEdit->setObjectName(QStringLiteral("name"));
    m_nameEdit->setMaxLength(ProfileRules::MaxNameLength);
    m_nameProblem = problemLabel(QStringLiteral("nameProblem"), m_form);

    m_urlEdit = new QLineEdit(m_form);
    m_urlEdit->setObjectName(QStringLiteral("baseUrl"));
    m_urlEdit->setPlaceholderText(QStringLiteral("https://acme.api.identitynow.com"));
    m_urlEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_urlProblem = problemLabel(QStringLiteral("baseUrlProblem"), m_form);

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
    addRow(form, tr("Base &URL:"), m_urlEdit, withProblem(m_urlEdit, m_urlProblem, m_form));
    addRow(form, tr("API &version:"), m_versionCombo, m_versionCombo);
    addRow(form, tr("Client &ID:"), m_clientIdEdit, withProblem(m_clientIdEdit, m_clientIdProblem, m_form));
    addRow(form, tr("Client &secret:"), m_secretEdit, secretBox);
    addRow(form, tr("CA &file:"), m_caFileEdit, withProblem(caRow, m_caFileProblem, m_form));
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    createTestRows(formLayout);
    formLayout->addStretch(1);
}

QWidget *SettingsDialog::createSecretField()
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
    connect(m_showSecret, &QToolButton::toggled, this, &SettingsDialog::updateSecretEcho);
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

QWidget *SettingsDialog::createCaFileField()
{
    m_caFileEdit = new QLineEdit(m_form);
    m_caFileEdit->setObjectName(QStringLiteral("caFile"));
    m_caFileEdit->setPlaceholderText(tr("Optional: your proxy's CA certificate (PEM)"));
    m_browseButton = new QPushButton(tr("&Browse…"), m_form);
    m_browseButton->setObjectName(QStringLiteral("browseCaFile"));
    connect(m_browseButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    m_caFileProblem = problemLabel(QStringLiteral("caFileProblem"), m_form);
    auto *caRow = new QWidget(m_form);
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_caFileEdit, 1);
    caLayout->addWidget(m_browseButton);

    return caRow;
}

void SettingsDialog::createTestRows(QVBoxLayout *formLayout)
{
    m_testButton = new QPushButton(tr("&Test connection"), m_form);
    m_testButton->setObjectName(QStringLiteral("testConnection"));
    m_testButton->setToolTip(tr("Signs in and asks the tenant for task status with these settings"));
    connect(m_testButton, &QPushButton::clicked, this, &SettingsDialog::requestTest);
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

void SettingsDialog::connectFields()
{
    for (QLineEdit *edit : {m_nameEdit, m_urlEdit, m_clientIdEdit, m_caFileEdit})
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::onFieldEdited);
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::onFieldEdited);
    connect(m_secretEdit, &QLineEdit::textEdited, this, &SettingsDialog::onFieldEdited);
    connect(m_sessionOnly, &QCheckBox::toggled, this, [this](bool checked) {
        if (Draft *draft = currentDraft(); draft && !m_loading)
            draft->sessionOnly = checked;
    });
}

void SettingsDialog::setProfiles(const QList<ConnectionProfile> &profiles, const QString &currentName)
{
    forgetSecrets();
    m_drafts.clear();
    m_removed.clear();
    m_testingDraft = -1;
    m_currentDraft = -1;
    for (const ConnectionProfile &profile : profiles) {
        Draft draft;
        draft.id = m_nextId++;
        draft.profile = profile;
        draft.baseUrlText = profile.baseUrl.toString();
        draft.original = SecretKey {profile.name, profile.clientId};
        if (profile.name == currentName)
            m_currentDraft = draft.id;
        m_drafts.append(draft);
    }
    if (m_currentDraft < 0 && !m_drafts.isEmpty())
        m_currentDraft = m_drafts.constFirst().id;
    rebuildList();
    rebuildCurrentCombo();
    m_list->setCurrentRow(rowOf(m_currentDraft));
    loadCurrentDraft();
}

void SettingsDialog::setPreferences(const Preferences &preferences)
{
    m_preferencesTab->setPreferences(preferences);
}

void SettingsDialog::setKeychainState(const KeychainDisplay &state)
{
    m_keychain = state;
    m_keychainLabel->setText(state.message);
    m_keychainLabel->setVisible(!state.message.isEmpty());
    m_sessionOnly->setVisible(!state.available);
    m_secretEdit->setAccessibleDescription(state.message);
    updateColors();
}

void SettingsDialog::setTrayAvailable(bool available)
{
    m_preferencesTab->setTrayAvailable(available);
}

void SettingsDialog::setLaunchAtLoginSupported(bool supported)
{
    m_preferencesTab->setLaunchAtLoginSupported(supported);
}

void SettingsDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(page);
}

QList<ConnectionProfile> SettingsDialog::profiles() const
{
    QList<ConnectionProfile> result;
    for (const Draft &draft : m_drafts)
        result.append(finalProfile(draft));
    return result;
}

QString SettingsDialog::currentProfile() const
{
    const Draft *draft = draftById(m_currentDraft);
    return draft ? finalProfile(*draft).name : QString();
}

Preferences SettingsDialog::preferences() const
{
    return m_preferencesTab->preferences();
}

QList<SecretChange> SettingsDialog::secretChanges() const
{
    QList<SecretChange> result;
    for (const Draft &draft : m_drafts) {
        if (draft.secret.isEmpty())
            continue;
        const ConnectionProfile profile = finalProfile(draft);
        result.append({profile.name, profile.clientId, draft.secret, draft.sessionOnly && !m_keychain.available});
    }
    return result;
}

QList<SecretKey> SettingsDialog::removedProfiles() const
{
    return m_removed;
}

QList<SecretMove> SettingsDialog::secretMoves() const
{
    QList<SecretMove> result;
    for (const Draft &draft : m_drafts) {
        if (!draft.original)
            continue;
        const ConnectionProfile profile = finalProfile(draft);
        const SecretKey now {profile.name, profile.clientId};
        if (now != *draft.original)
            result.append({*draft.original, now});
    }
    return result;
}

void SettingsDialog::forgetSecrets()
{
    for (Draft &draft : m_drafts)
        draft.secret.clear();
    // setText (unlike clear) also drops the field's undo history.
    m_secretEdit->setText(QString());
}

QString SettingsDialog::problem() const
{
    for (const Draft &draft : m_drafts) {
        const ProfileProblems problems = problemsOf(draft);
        if (!problems.isEmpty())
            return tr("Profile %1: %2").arg(displayName(draft.profile.name), problems.first());
    }
    return {};
}

void SettingsDialog::setTestResult(bool ok, const QString &message)
{
    Draft *draft = m_testingDraft >= 0 ? draftById(m_testingDraft) : currentDraft();
    m_testingDraft = -1;
    if (draft) {
        draft->test = ok ? TestState::Succeeded : TestState::Failed;
        draft->testMessage = message;
        qCInfo(lcUi) << "connection test for profile" << draft->profile.name << (ok ? "succeeded" : "failed");
    }
    showTestState();
    revalidate();
}

void SettingsDialog::done(int result)
{
    QSettings().setValue(GeometryKey, saveGeometry());
    if (result != Accepted)
        forgetSecrets();
    m_testingDraft = -1;
    QDialog::done(result);
}

void SettingsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateColors();
}

void SettingsDialog::addProfile()
{
    QStringList names;
    for (const Draft &draft : std::as_const(m_drafts))
        names.append(draft.profile.name);
    QString name = tr("New profile");
    for (int n = 2; !ProfileRules::nameProblem(name, names).isEmpty(); ++n)
        name = tr("New profile %1").arg(n);

    Draft draft;
    draft.id = m_nextId++;
    draft.profile.name = name;
    m_drafts.append(draft);
    if (m_currentDraft < 0)
        m_currentDraft = draft.id;
    qCDebug(lcUi) << "settings: added profile" << name;
    rebuildList();
    rebuildCurrentCombo();
    m_list->setCurrentRow(int(m_drafts.size()) - 1);
    renameProfile();
}

void SettingsDialog::removeProfile()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_drafts.size())
        return;
    const Draft draft = m_drafts.takeAt(row);
    qCDebug(lcUi) << "settings: removed profile" << draft.profile.name;
    if (draft.original)
        m_removed.append(*draft.original);
    if (m_testingDraft == draft.id)
        m_testingDraft = -1;
    if (m_currentDraft == draft.id)
        m_currentDraft = m_drafts.isEmpty() ? -1 : m_drafts.constFirst().id;
    rebuildList();
    rebuildCurrentCombo();
    m_list->setCurrentRow(std::min(row, int(m_drafts.size()) - 1));
    loadCurrentDraft();
    m_list->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::renameProfile()
{
    if (!currentDraft())
        return;
    m_tabs->setCurrentIndex(ConnectionPage);
    m_nameEdit->setFocus(Qt::OtherFocusReason);
    m_nameEdit->selectAll();
}

void SettingsDialog::browseCaFile()
{
    const QString current = m_caFileEdit->text().trimmed();
    const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CA certificate"), start,
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (path.isEmpty())
        return;
    m_caFileEdit->setText(QDir::toNativeSeparators(path));
    onFieldEdited();
}

void SettingsDialog::requestTest()
{
    Draft *draft = currentDraft();
    if (!draft || isTesting())
        return;
    const ProfileProblems problems = problemsOf(*draft);
    if (!problems.baseUrl.isEmpty() || !problems.clientId.isEmpty() || !problems.caFile.isEmpty())
        return;
    draft->test = TestState::Busy;
    draft->testMessage.clear();
    m_testingDraft = draft->id;
    showTestState();
    revalidate();
    const ConnectionProfile profile = finalProfile(*draft);
    qCInfo(lcUi) << "connection test requested for profile" << profile.name << UrlPolicy::forDisplay(profile.baseUrl);
    Q_EMIT testConnectionRequested(profile, draft->secret);
}

void SettingsDialog::onCurrentRowChanged(int row)
{
    Q_UNUSED(row)
    loadCurrentDraft();
}

void SettingsDialog::onFieldEdited()
{
    Draft *draft = currentDraft();
    if (!draft || m_loading)
        return;
    draft->profile.name = m_nameEdit->text();
    draft->baseUrlText = m_urlEdit->text();
    draft->profile.baseUrl = ProfileRules::parseBaseUrl(draft->baseUrlText);
    draft->profile.apiVersion = static_cast<ApiVersion>(m_versionCombo->currentData().toInt());
    draft->profile.clientId = m_clientIdEdit->text();
    draft->profile.caFile = m_caFileEdit->text();
    draft->secret = m_secretEdit->text().trimmed();
    if (draft->test == TestState::Succeeded || draft->test == TestState::Failed)
        draft->test = TestState::None; // the result was about other values

    if (QListWidgetItem *item = m_list->item(rowOf(draft->id)))
        item->setText(displayName(draft->profile.name));
    rebuildCurrentCombo();
    revalidate();
    showTestState();
}

void SettingsDialog::loadCurrentDraft()
{
    const Draft *draft = currentDraft();
    m_form->setVisible(draft != nullptr);
    m_noProfileLabel->setVisible(draft == nullptr);
    m_renameButton->setEnabled(draft != nullptr);
    m_removeButton->setEnabled(draft != nullptr);

    m_loading = true;
    m_showSecret->setChecked(false);
    if (draft) {
        m_nameEdit->setText(draft->profile.name);
        m_urlEdit->setText(draft->baseUrlText);
        m_versionCombo->setCurrentIndex(m_versionCombo->findData(static_cast<int>(draft->profile.apiVersion)));
        m_clientIdEdit->setText(draft->profile.clientId);
        m_secretEdit->setText(draft->secret);
        m_secretEdit->setPlaceholderText(draft->original ? tr("Unchanged; type here to replace the stored secret")
                                                         : tr("The client secret or personal access token"));
        m_sessionOnly->setChecked(draft->sessionOnly);
        m_caFileEdit->setText(draft->profile.caFile);
    } else {
        for (QLineEdit *edit : {m_nameEdit, m_urlEdit, m_clientIdEdit, m_secretEdit, m_caFileEdit})
            edit->setText(QString());
        m_sessionOnly->setChecked(false);
    }
    m_loading = false;
    revalidate();
    showTestState();
}

void SettingsDialog::rebuildList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Draft &draft : std::as_const(m_drafts)) {
        auto *item = new QListWidgetItem(displayName(draft.profile.name), m_list);
        item->setData(DraftIdRole, draft.id);
    }
}

void SettingsDialog::rebuildCurrentCombo()
{
    const QSignalBlocker blocker(m_currentCombo);
    m_currentCombo->clear();
    for (const Draft &draft : std::as_const(m_drafts))
        m_currentCombo->addItem(displayName(draft.profile.name), draft.id);
    m_currentCombo->setCurrentIndex(m_currentCombo->findData(m_currentDraft));
    m_currentCombo->setEnabled(!m_drafts.isEmpty());
}

void SettingsDialog::revalidate()
{
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int row = 0; row < m_drafts.size(); ++row) {
        const ProfileProblems problems = problemsOf(m_drafts.at(row));
        if (QListWidgetItem *item = m_list->item(row)) {
            item->setIcon(problems.isEmpty() ? QIcon() : warning);
            item->setToolTip(problems.first());
        }
    }

    const Draft *draft = currentDraft();
    const ProfileProblems problems = draft ? problemsOf(*draft) : ProfileProblems {};
    showProblem(m_nameProblem, m_nameEdit, problems.name);
    showProblem(m_urlProblem, m_urlEdit, problems.baseUrl);
    showProblem(m_clientIdProblem, m_clientIdEdit, problems.clientId);
    showProblem(m_caFileProblem, m_caFileEdit, problems.caFile);
    m_testButton->setEnabled(draft && !isTesting() && problems.baseUrl.isEmpty() && problems.clientId.isEmpty()
                             && problems.caFile.isEmpty());

    const QString blocking = problem();
    m_summary->setText(blocking);
    m_summary->setVisible(!blocking.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(blocking.isEmpty());
}

void SettingsDialog::showTestState()
{
    const Draft *draft = currentDraft();
    const TestState state = draft ? draft->test : TestState::None;
    m_testBusy->setVisible(state == TestState::Busy);
    QString text;
    switch (state) {
    case TestState::None:
        break;
    case TestState::Busy:
        text = tr("Testing the connection to %1…").arg(draft->profile.baseUrl.host());
        break;
    case TestState::Succeeded:
        text = draft->testMessage.isEmpty() ? tr("Connected.") : draft->testMessage;
        break;
    case TestState::Failed:
        text = draft->testMessage.isEmpty() ? tr("The connection failed.") : draft->testMessage;
        break;
    }
    m_testResult->setText(text);
    m_testResult->setVisible(!text.isEmpty());
    const bool finished = state == TestState::Succeeded || state == TestState::Failed;
    if (finished) {
        const QIcon icon = style()->standardIcon(state == TestState::Succeeded ? QStyle::SP_DialogApplyButton
                                                                               : QStyle::SP_MessageBoxCritical);
        const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
        m_testIcon->setPixmap(icon.pixmap(size, size));
    }
    m_testIcon->setVisible(finished);
    m_testButton->setAccessibleDescription(text);
    updateColors();
}

void SettingsDialog::updateColors()
{
    if (!m_testResult)
        return;
    const StateColorPalette colors(palette());
    for (QLabel *label : {m_nameProblem, m_urlProblem, m_clientIdProblem, m_caFileProblem, m_summary})
        setTextColor(label, colors.color(DisplayState::Error));
    setTextColor(m_keychainLabel, m_keychain.available ? QColor() : colors.color(DisplayState::Warning));
    const Draft *draft = currentDraft();
    const TestState state = draft ? draft->test : TestState::None;
    setTextColor(m_testResult,
                 state == TestState::Succeeded        ? colors.color(DisplayState::Success)
                         : state == TestState::Failed ? colors.color(DisplayState::Error)
                                                      : QColor());
}

void SettingsDialog::updateSecretEcho(bool show)
{
    m_secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password);
    // Password mode sets these hints itself; keep input methods from learning the secret when shown, too.
    m_secretEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase
                                      | (show ? Qt::ImhNone : Qt::ImhHiddenText));
    m_showSecret->setToolTip(show ? tr("Hide the secret") : tr("Show the secret as you type it"));
}

SettingsDialog::Draft *SettingsDialog::currentDraft()
{
    QListWidgetItem *item = m_list->currentItem();
    return item ? draftById(item->data(DraftIdRole).toInt()) : nullptr;
}

const SettingsDialog::Draft *SettingsDialog::draftById(int id) const
{
    for (const Draft &draft : m_drafts) {
        if (draft.id == id)
            return &draft;
    }
    return nullptr;
}

SettingsDialog::Draft *SettingsDialog::draftById(int id)
{
    for (Draft &draft : m_drafts) {
        if (draft.id == id)
            return &draft;
    }
    return nullptr;
}

int SettingsDialog::rowOf(int draftId) const
{
    for (int row = 0; row < m_drafts.size(); ++row) {
        if (m_drafts.at(row).id == draftId)
            return row;
    }
    return -1;
}

QStringList SettingsDialog::namesExcept(int draftId) const
{
    QStringList names;
    for (const Draft &draft : m_drafts) {
        if (draft.id != draftId)
            names.append(draft.profile.name);
    }
    return names;
}

ProfileProblems SettingsDialog::problemsOf(const Draft &draft) const
{
    return ProfileRules::problemsOf(draft.profile, namesExcept(draft.id));
}

ConnectionProfile SettingsDialog::finalProfile(const Draft &draft)
{
    ConnectionProfile profile = draft.profile;
    profile.name = profile.name.trimmed();
    profile.baseUrl = ProfileRules::parseBaseUrl(draft.baseUrlText);
    profile.clientId = profile.clientId.trimmed();
    profile.caFile = profile.caFile.trimmed();
    return profile;
}

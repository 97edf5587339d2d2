#include "SettingsDialog.h"

#include "ConnectionTab.h"
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
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QString GeometryKey = QStringLiteral("settingsDialog/geometry");

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_page = new ConnectionTab(this);
    m_tabs->addTab(m_page, tr("&Connection"));
    connectFields();
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
    QList<QWidget *> chain = m_page->focusChain();
    chain.append(m_preferencesTab->focusChain());
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

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

// The page only lays out its widgets; the drafts behind them live here.
void SettingsDialog::connectFields()
{
    connect(m_page->m_currentCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            m_currentDraft = m_page->m_currentCombo->itemData(index).toInt();
    });
    connect(m_page->m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::onCurrentRowChanged);
    connect(m_page->m_list, &QListWidget::itemDoubleClicked, this, &SettingsDialog::renameProfile);
    new QShortcut(QKeySequence(Qt::Key_F2), m_page->m_list, this, &SettingsDialog::renameProfile, Qt::WidgetShortcut);
    new QShortcut(QKeySequence::Delete, m_page->m_list, this, &SettingsDialog::removeProfile, Qt::WidgetShortcut);
    connect(m_page->m_addButton, &QPushButton::clicked, this, &SettingsDialog::addProfile);
    connect(m_page->m_renameButton, &QPushButton::clicked, this, &SettingsDialog::renameProfile);
    connect(m_page->m_removeButton, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_page->m_browseButton, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    connect(m_page->m_testButton, &QPushButton::clicked, this, &SettingsDialog::requestTest);
    for (QLineEdit *edit : {m_page->m_nameEdit, m_page->m_urlEdit, m_page->m_clientIdEdit, m_page->m_caFileEdit})
        connect(edit, &QLineEdit::textEdited, this, &SettingsDialog::onFieldEdited);
    connect(m_page->m_versionCombo, &QComboBox::currentIndexChanged, this, &SettingsDialog::onFieldEdited);
    connect(m_page->m_watchAlongside, &QCheckBox::toggled, this, &SettingsDialog::onFieldEdited);
    connect(m_page->m_secretEdit, &QLineEdit::textEdited, this, &SettingsDialog::onFieldEdited);
    connect(m_page->m_sessionOnly, &QCheckBox::toggled, this, [this](bool checked) {
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
    m_page->m_list->setCurrentRow(rowOf(m_currentDraft));
    loadCurrentDraft();
}

void SettingsDialog::setPreferences(const Preferences &preferences)
{
    m_preferencesTab->setPreferences(preferences);
}

void SettingsDialog::setKeychainState(const KeychainDisplay &state)
{
    m_keychain = state;
    m_page->showKeychainState(state);
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
    m_page->m_secretEdit->setText(QString());
}

QString SettingsDialog::problem() const
{
    for (const Draft &draft : m_drafts) {
        const ProfileProblems problems = problemsOf(draft);
        if (!problems.isEmpty())
            return tr("Profile %1: %2").arg(ConnectionTab::displayName(draft.profile.name), problems.first());
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
    m_page->m_list->setCurrentRow(int(m_drafts.size()) - 1);
    renameProfile();
}

void SettingsDialog::removeProfile()
{
    const int row = m_page->m_list->currentRow();
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
    m_page->m_list->setCurrentRow(std::min(row, int(m_drafts.size()) - 1));
    loadCurrentDraft();
    m_page->m_list->setFocus(Qt::OtherFocusReason);
}

void SettingsDialog::renameProfile()
{
    if (!currentDraft())
        return;
    m_tabs->setCurrentIndex(ConnectionPage);
    m_page->m_nameEdit->setFocus(Qt::OtherFocusReason);
    m_page->m_nameEdit->selectAll();
}

void SettingsDialog::browseCaFile()
{
    const QString current = m_page->m_caFileEdit->text().trimmed();
    const QString start = current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CA certificate"), start,
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (path.isEmpty())
        return;
    m_page->m_caFileEdit->setText(QDir::toNativeSeparators(path));
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
    m_page->readProfile(draft->profile, draft->baseUrlText, draft->secret);
    if (draft->test == TestState::Succeeded || draft->test == TestState::Failed)
        draft->test = TestState::None; // the result was about other values

    m_page->renameItem(rowOf(draft->id), draft->profile.name);
    rebuildCurrentCombo();
    revalidate();
    showTestState();
}

void SettingsDialog::loadCurrentDraft()
{
    const Draft *draft = currentDraft();
    m_page->showHasProfile(draft != nullptr);

    m_loading = true;
    if (draft)
        m_page->showProfile(draft->profile, draft->baseUrlText, draft->secret, draft->original.has_value(),
                            draft->sessionOnly);
    else
        m_page->clearFields();
    m_loading = false;
    revalidate();
    showTestState();
}

void SettingsDialog::rebuildList()
{
    m_page->fillList(draftNames());
}

void SettingsDialog::rebuildCurrentCombo()
{
    m_page->fillCurrentCombo(draftNames(), m_currentDraft);
}

QList<std::pair<int, QString>> SettingsDialog::draftNames() const
{
    QList<std::pair<int, QString>> names;
    for (const Draft &draft : m_drafts)
        names.append({draft.id, draft.profile.name});
    return names;
}

void SettingsDialog::revalidate()
{
    for (int row = 0; row < m_drafts.size(); ++row)
        m_page->markItem(row, problemsOf(m_drafts.at(row)).first());

    const Draft *draft = currentDraft();
    const ProfileProblems problems = draft ? problemsOf(*draft) : ProfileProblems {};
    m_page->showProblems(problems);
    m_page->m_testButton->setEnabled(draft && !isTesting() && problems.baseUrl.isEmpty() && problems.clientId.isEmpty()
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
    m_page->showTest(state == TestState::Busy, text, state == TestState::Succeeded, state == TestState::Failed);
    updateColors();
}

void SettingsDialog::updateColors()
{
    if (!m_page || !m_summary)
        return;
    const StateColorPalette colors(palette());
    setTextColor(m_summary, colors.color(DisplayState::Error));
    const Draft *draft = currentDraft();
    const TestState state = draft ? draft->test : TestState::None;
    m_page->updateColors(colors, m_keychain.available,
                         state == TestState::Succeeded        ? colors.color(DisplayState::Success)
                                 : state == TestState::Failed ? colors.color(DisplayState::Error)
                                                              : QColor());
}

SettingsDialog::Draft *SettingsDialog::currentDraft()
{
    const int id = m_page->selectedId();
    return id >= 0 ? draftById(id) : nullptr;
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

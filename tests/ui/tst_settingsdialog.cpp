#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

#include <memory>

namespace {

ConnectionProfile profile(const QString &name, const QString &clientId,
                          const QString &url = QStringLiteral("https://acme.api.identitynow.com"))
{
    ConnectionProfile result;
    result.name = name;
    result.baseUrl = QUrl(url);
    result.clientId = clientId;
    return result;
}

// Every message Qt or the code under test logs while the test runs.
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(message);
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SettingsDialog> m_dialog;
    QTemporaryDir m_settingsDir;

    SettingsDialog &dialog() { return *m_dialog; }
    template<typename T>
    T *child(const char *name)
    {
        T *widget = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QLineEdit *edit(const char *name) { return child<QLineEdit>(name); }
    QLabel *label(const char *name) { return child<QLabel>(name); }
    QPushButton *okButton() { return m_dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok); }
    QListWidget *list() { return child<QListWidget>("profiles"); }

    bool showDialog()
    {
        m_dialog->show();
        QApplication::setActiveWindow(m_dialog.get());
        return QTest::qWaitForWindowActive(m_dialog.get());
    }
    // Replaces a field's text the way a person does: select all, type.
    static void retype(QLineEdit *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Delete);
        else
            QTest::keyClicks(field, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("TaskwatchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingsdialog"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        g_previousHandler = qInstallMessageHandler(captureMessage);
    }

    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init()
    {
        g_messages.clear();
        m_dialog = std::make_unique<SettingsDialog>();
    }

    void cleanup() { m_dialog.reset(); }

    void fillAProfileWithTheKeyboard()
    {
        QVERIFY(showDialog());
        QVERIFY(label("noProfile")->isVisible());
        QVERIFY(okButton()->isEnabled()); // nothing to fix in an empty list

        QTest::keyClick(&dialog(), Qt::Key_A, Qt::AltModifier); // &Add
        QLineEdit *name = edit("name");
        QTRY_VERIFY(name->hasFocus());
        QCOMPARE(name->selectedText(), QStringLiteral("New profile"));
        QVERIFY(!label("noProfile")->isVisible());
        QTest::keyClicks(name, QStringLiteral("Acme prod"));
        QCOMPARE(list()->currentItem()->text(), QStringLiteral("Acme prod"));

        // A new profile has no URL nor client id yet: said beside the fields, and OK waits.
        QVERIFY(label("baseUrlProblem")->isVisible());
        QVERIFY(label("clientIdProblem")->isVisible());
        QVERIFY(!label("nameProblem")->isVisible());
        QVERIFY(!okButton()->isEnabled());

        QTest::keyClick(name, Qt::Key_Tab);
        QTRY_VERIFY(edit("baseUrl")->hasFocus());
        QTest::keyClicks(edit("baseUrl"), QStringLiteral("https://acme.api.identitynow.com/"));
        QVERIFY(!label("baseUrlProblem")->isVisible());

        QTest::keyClick(edit("baseUrl"), Qt::Key_Tab);
        auto *version = child<QComboBox>("apiVersion");
        QTRY_VERIFY(version->hasFocus());
        QCOMPARE(version->currentText(), QStringLiteral("v2025")); // the default
        QTest::keyClick(version, Qt::Key_Down);
        QCOMPARE(version->currentText(), QStringLiteral("v2026"));

        QTest::keyClick(version, Qt::Key_Tab);
        QTRY_VERIFY(edit("clientId")->hasFocus());
        QTest::keyClicks(edit("clientId"), QStringLiteral(" 2c9180835d2e5168 "));
        QVERIFY(!label("clientIdProblem")->isVisible());

        QTest::keyClick(edit("clientId"), Qt::Key_Tab);
        QLineEdit *secret = edit("secret");
        QTRY_VERIFY(secret->hasFocus());
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::keyClicks(secret, QStringLiteral("s3cr3t-value"));
        QVERIFY(secret->displayText() != secret->text()); // masked

        QTest::keyClick(secret, Qt::Key_Tab);
        QTRY_VERIFY(child<QToolButton>("showSecret")->hasFocus());
        QTest::keyClick(child<QToolButton>("showSecret"), Qt::Key_Space);
        QCOMPARE(secret->echoMode(), QLineEdit::Normal);
        QCOMPARE(secret->displayText(), QStringLiteral("s3cr3t-value"));
        QTest::keyClick(child<QToolButton>("showSecret"), Qt::Key_Space);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);

        QTest::keyClick(child<QToolButton>("showSecret"), Qt::Key_Tab); // the session-only box is hidden
        QTRY_VERIFY(edit("caFile")->hasFocus());
        QTest::keyClick(edit("caFile"), Qt::Key_Tab);
        QTRY_VERIFY(child<QPushButton>("browseCaFile")->hasFocus());
        QTest::keyClick(child<QPushButton>("browseCaFile"), Qt::Key_Tab);
        QTRY_VERIFY(child<QCheckBox>("watchAlongside")->hasFocus());
        QTest::keyClick(child<QCheckBox>("watchAlongside"), Qt::Key_Tab);
        QTRY_VERIFY(child<QPushButton>("testConnection")->hasFocus());

        QVERIFY(okButton()->isEnabled());
        QVERIFY(dialog().problem().isEmpty());
        // Return in a field accepts (on the Test button it would test).
        QSignalSpy accepted(&dialog(), &QDialog::accepted);
        secret->setFocus();
        QTRY_VERIFY(secret->hasFocus());
        QTest::keyClick(secret, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);

        ConnectionProfile expected = profile(QStringLiteral("Acme prod"), QStringLiteral("2c9180835d2e5168"));
        expected.apiVersion = ApiVersion::V2026;
        QCOMPARE(dialog().profiles(), QList<ConnectionProfile> {expected});
        QCOMPARE(dialog().currentProfile(), QStringLiteral("Acme prod")); // the first profile is the one watched
        QCOMPARE(dialog().secretChanges(),
                 (QList<SecretChange> {{QStringLiteral("Acme prod"), QStringLiteral("2c9180835d2e5168"),
                                        QStringLiteral("s3cr3t-value"), false}}));
        QVERIFY(dialog().removedProfiles().isEmpty());
        QVERIFY(dialog().secretMoves().isEmpty()); // a new profile has nothing stored to move
    }

    void invalidUrlIsExplainedAndBlocksOk()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id"))}, QStringLiteral("Acme"));
        QVERIFY(showDialog());
        QVERIFY(okButton()->isEnabled());
        QVERIFY(!label("baseUrlProblem")->isVisible());
        QVERIFY(!label("summary")->isVisible());

        QSignalSpy accepted(&dialog(), &QDialog::accepted);
        retype(edit("baseUrl"), QStringLiteral("http://example.com"));
        QVERIFY(label("baseUrlProblem")->isVisible());
        QVERIFY(label("baseUrlProblem")->text().contains(QStringLiteral("Use https://")));
        QCOMPARE(edit("baseUrl")->accessibleDescription(), label("baseUrlProblem")->text());
        QVERIFY(!okButton()->isEnabled());
        QVERIFY(!child<QPushButton>("testConnection")->isEnabled());
        QVERIFY(label("summary")->isVisible());
        QVERIFY(label("summary")->text().contains(QStringLiteral("Acme")));
        QVERIFY(!list()->item(0)->icon().isNull()); // the list marks the profile to fix
        QTest::keyClick(edit("baseUrl"), Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
        QVERIFY(dialog().isVisible());

        retype(edit("baseUrl"), QStringLiteral("https://me:pw@acme.api.identitynow.com"));
        QVERIFY(label("baseUrlProblem")->text().contains(QStringLiteral("user name")));
        retype(edit("baseUrl"), QStringLiteral("https://acme.api.identitynow.com/v2025"));
        QVERIFY(label("baseUrlProblem")->text().contains(QStringLiteral("version path")));
        QVERIFY(!okButton()->isEnabled());

        retype(edit("baseUrl"), QStringLiteral("http://127.0.0.1:8080"));
        QVERIFY(!label("baseUrlProblem")->isVisible());
        QVERIFY(edit("baseUrl")->accessibleDescription().isEmpty());
        QVERIFY(list()->item(0)->icon().isNull());
        QVERIFY(okButton()->isEnabled());
        QVERIFY(child<QPushButton>("testConnection")->isEnabled());
        QTest::keyClick(edit("baseUrl"), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog().profiles().constFirst().baseUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    }

    // A tenant name or the web UI's address: the API address it stands for is shown before saving, and saved.
    void tenantNameBecomesTheApiAddress()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id"))}, QStringLiteral("Acme"));
        QVERIFY(showDialog());
        QVERIFY(!label("baseUrlResolved")->isVisible());

        retype(edit("baseUrl"), QStringLiteral("acme"));
        QVERIFY(label("baseUrlResolved")->isVisible());
        QCOMPARE(label("baseUrlResolved")->text(), QStringLiteral("Will connect to https://acme.api.identitynow.com"));
        QVERIFY(!label("baseUrlProblem")->isVisible());
        QVERIFY(okButton()->isEnabled());

        retype(edit("baseUrl"), QStringLiteral("https://globex.identitynow.com/ui/d/dashboard"));
        QCOMPARE(label("baseUrlResolved")->text(),
                 QStringLiteral("Will connect to https://globex.api.identitynow.com"));

        // Other domains are kept as typed: nothing to say.
        retype(edit("baseUrl"), QStringLiteral("https://globex.api.identitynow-demo.com"));
        QVERIFY(!label("baseUrlResolved")->isVisible());

        retype(edit("baseUrl"), QStringLiteral("https://globex.identitynow.com"));
        QSignalSpy accepted(&dialog(), &QDialog::accepted);
        QTest::keyClick(edit("baseUrl"), Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog().profiles().constFirst().baseUrl, QUrl(QStringLiteral("https://globex.api.identitynow.com")));
    }

    void clientIdAndNameAreRequired()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id")),
                              profile(QStringLiteral("Sandbox"), QStringLiteral("id2"))},
                             QStringLiteral("Acme"));
        QVERIFY(showDialog());
        retype(edit("clientId"), QString());
        QVERIFY(label("clientIdProblem")->isVisible());
        QVERIFY(!okButton()->isEnabled());
        retype(edit("clientId"), QStringLiteral("id"));
        QVERIFY(okButton()->isEnabled());

        retype(edit("name"), QStringLiteral("SANDBOX"));
        QVERIFY(label("nameProblem")->text().contains(QStringLiteral("already")));
        QVERIFY(!okButton()->isEnabled());
        retype(edit("name"), QString());
        QVERIFY(label("nameProblem")->text().contains(QStringLiteral("name")));
        QCOMPARE(list()->item(0)->text(), QStringLiteral("(unnamed)"));
        retype(edit("name"), QStringLiteral("Production"));
        QVERIFY(!label("nameProblem")->isVisible());
        QVERIFY(okButton()->isEnabled());
    }

    void secretNeverReachesSettingsOrLogs()
    {
        const QString secret = QStringLiteral("Sup3r-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id"))}, QStringLiteral("Acme"));
        dialog().setKeychainState({false, QStringLiteral("No Secret Service is running")});
        QVERIFY(showDialog());
        edit("secret")->setFocus();
        QTest::keyClicks(edit("secret"), secret);
        QTest::mouseClick(child<QToolButton>("showSecret"), Qt::LeftButton);
        QTest::mouseClick(child<QCheckBox>("sessionOnly"), Qt::LeftButton);
        QSignalSpy tested(&dialog(), &SettingsDialog::testConnectionRequested);
        QTest::mouseClick(child<QPushButton>("testConnection"), Qt::LeftButton);
        QCOMPARE(tested.count(), 1);
        dialog().setTestResult(false, QStringLiteral("401: invalid client credentials"));
        QTest::mouseClick(okButton(), Qt::LeftButton);
        QCOMPARE(dialog().result(), int(QDialog::Accepted));
        QCOMPARE(dialog().secretChanges().size(), 1);
        QCOMPARE(dialog().secretChanges().constFirst().secret, secret);
        QVERIFY(dialog().secretChanges().constFirst().sessionOnly);

        // What the app stores from the dialog's results: every field of every profile and preference.
        {
            QSettings settings;
            for (const ConnectionProfile &p : dialog().profiles()) {
                settings.beginGroup(QStringLiteral("profiles/") + p.name);
                settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.toString());
                settings.setValue(QStringLiteral("apiVersion"), ApiVersions::name(p.apiVersion));
                settings.setValue(QStringLiteral("clientId"), p.clientId);
                settings.setValue(QStringLiteral("caFile"), p.caFile);
                settings.endGroup();
            }
            settings.setValue(QStringLiteral("pollIntervalSeconds"), dialog().preferences().pollIntervalSeconds);
            settings.setValue(QStringLiteral("currentProfile"), dialog().currentProfile());
        }
        dialog().forgetSecrets();
        QVERIFY(dialog().secretChanges().isEmpty());
        QVERIFY(edit("secret")->text().isEmpty());
        m_dialog.reset();
        QSettings().sync();

        // The settings file exists (the dialog saved its geometry there) and nothing on disk has the secret.
        const QString settingsFile = QSettings().fileName();
        QVERIFY(settingsFile.startsWith(m_settingsDir.path()));
        QFile file(settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray stored = file.readAll();
        QVERIFY(stored.contains("settingsDialog"));
        QVERIFY(stored.contains("clientId=id"));
        int scanned = 0;
        // Every QSettings of this process lands in m_settingsDir (see initTestCase).
        {
            QDirIterator files(m_settingsDir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile any(files.next());
                if (!any.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = any.readAll();
                ++scanned;
                QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(any.fileName()));
                QVERIFY2(!bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)),
                         qPrintable(any.fileName()));
            }
        }
        QVERIFY(scanned > 0);
        QVERIFY(!g_messages.isEmpty()); // the test request was logged: the check below looks at real lines
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(secret), qPrintable(message));
    }

    void testConnectionSendsTypedValuesAndShowsTheResult()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("old-id"))}, QStringLiteral("Acme"));
        QVERIFY(showDialog());
        QPushButton *test = child<QPushButton>("testConnection");
        QSignalSpy tested(&dialog(), &SettingsDialog::testConnectionRequested);

        // Nothing typed into the secret: the app is to use the stored one.
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(tested.count(), 1);
        QCOMPARE(tested.at(0).size(), 2);
        QCOMPARE(tested.at(0).at(0).value<ConnectionProfile>(),
                 profile(QStringLiteral("Acme"), QStringLiteral("old-id")));
        QCOMPARE(tested.at(0).at(1).toString(), QString());
        dialog().setTestResult(true, QStringLiteral("Connected"));

        retype(edit("clientId"), QStringLiteral("new-id"));
        retype(edit("secret"), QStringLiteral("typed-secret"));
        retype(edit("baseUrl"), QStringLiteral("https://other.api.identitynow.com/"));
        auto *version = child<QComboBox>("apiVersion");
        version->setFocus();
        QTest::keyClick(version, Qt::Key_End);
        QCOMPARE(version->currentText(), QStringLiteral("v1"));
        QVERIFY(!label("testResult")->isVisible()); // an old result is not shown for new values

        test->setFocus();
        QTest::keyClick(test, Qt::Key_Space);
        QCOMPARE(tested.count(), 2);
        ConnectionProfile expected = profile(QStringLiteral("Acme"), QStringLiteral("new-id"),
                                             QStringLiteral("https://other.api.identitynow.com"));
        expected.apiVersion = ApiVersion::V1;
        QCOMPARE(tested.at(1).at(0).value<ConnectionProfile>(), expected);
        QCOMPARE(tested.at(1).at(1).toString(), QStringLiteral("typed-secret"));

        // Busy until the app answers; a second request cannot start meanwhile.
        QVERIFY(dialog().isTesting());
        QVERIFY(child<QProgressBar>("testBusy")->isVisible());
        QVERIFY(!test->isEnabled());
        QCOMPARE(label("testResult")->text(), QStringLiteral("Testing the connection to other.api.identitynow.com…"));
        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(tested.count(), 2);

        const QString failure = QStringLiteral("Sign-in refused (401): invalid client id or secret. Tracking id "
                                               "7f3a9c. <b>not markup</b>");
        dialog().setTestResult(false, failure);
        QVERIFY(!dialog().isTesting());
        QVERIFY(!child<QProgressBar>("testBusy")->isVisible());
        QVERIFY(test->isEnabled());
        QVERIFY(label("testResult")->isVisible());
        QCOMPARE(label("testResult")->text(), failure);
        QCOMPARE(label("testResult")->textFormat(), Qt::PlainText);

        QTest::mouseClick(test, Qt::LeftButton);
        QCOMPARE(tested.count(), 3);
        dialog().setTestResult(true, QStringLiteral("Connected: v1 answered, 12 tasks visible."));
        QCOMPARE(label("testResult")->text(), QStringLiteral("Connected: v1 answered, 12 tasks visible."));

        // The result belongs to the profile it was asked for: switching away and back keeps it.
        QTest::mouseClick(child<QPushButton>("addProfile"), Qt::LeftButton);
        QTRY_COMPARE(list()->currentRow(), 1);
        QVERIFY(!label("testResult")->isVisible());
        list()->setCurrentRow(0);
        QCOMPARE(label("testResult")->text(), QStringLiteral("Connected: v1 answered, 12 tasks visible."));
    }

    void sessionOnlyIsOfferedOnlyWithoutAKeychain()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id"))}, QStringLiteral("Acme"));
        dialog().setKeychainState({true, QStringLiteral("Stored in the login keychain")});
        QVERIFY(showDialog());
        auto *sessionOnly = child<QCheckBox>("sessionOnly");
        QVERIFY(!sessionOnly->isVisible());
        QCOMPARE(label("keychainState")->text(), QStringLiteral("Stored in the login keychain"));
        QVERIFY(label("keychainState")->isVisible());

        const QString unavailable = QStringLiteral("No Secret Service is running: start gnome-keyring or KWallet, "
                                                   "or unlock the login keyring");
        dialog().setKeychainState({false, unavailable});
        QVERIFY(sessionOnly->isVisible());
        QCOMPARE(label("keychainState")->text(), unavailable);
        QCOMPARE(edit("secret")->accessibleDescription(), unavailable);

        retype(edit("secret"), QStringLiteral("for-now"));
        QTest::keyClick(&dialog(), Qt::Key_O, Qt::AltModifier); // this session &only
        QTRY_VERIFY(sessionOnly->isChecked());
        QCOMPARE(dialog().secretChanges(),
                 (QList<SecretChange> {
                         {QStringLiteral("Acme"), QStringLiteral("id"), QStringLiteral("for-now"), true}}));

        // The keychain came back: the box goes away and the secret goes to the keychain.
        dialog().setKeychainState({true, QStringLiteral("Stored in the login keychain")});
        QVERIFY(!sessionOnly->isVisible());
        QVERIFY(!dialog().secretChanges().constFirst().sessionOnly);
    }

    void removedProfilesAreListed()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("a-id")),
                              profile(QStringLiteral("Sandbox"), QStringLiteral("s-id"))},
                             QStringLiteral("Sandbox"));
        QVERIFY(showDialog());
        QCOMPARE(dialog().currentProfile(), QStringLiteral("Sandbox"));
        QCOMPARE(list()->currentRow(), 1); // the watched profile is selected first

        list()->setCurrentRow(0);
        QCOMPARE(edit("name")->text(), QStringLiteral("Acme"));
        QTest::mouseClick(child<QPushButton>("removeProfile"), Qt::LeftButton);
        QCOMPARE(dialog().removedProfiles(), (QList<SecretKey> {{QStringLiteral("Acme"), QStringLiteral("a-id")}}));
        QCOMPARE(dialog().profiles(),
                 (QList<ConnectionProfile> {profile(QStringLiteral("Sandbox"), QStringLiteral("s-id"))}));
        QCOMPARE(edit("name")->text(), QStringLiteral("Sandbox"));

        // A profile added and removed in the same visit had nothing stored.
        QTest::mouseClick(child<QPushButton>("addProfile"), Qt::LeftButton);
        QCOMPARE(list()->count(), 2);
        list()->setFocus();
        QTest::keyClick(list(), Qt::Key_Delete);
        QCOMPARE(list()->count(), 1);
        QCOMPARE(dialog().removedProfiles().size(), 1);

        QTest::keyClick(list(), Qt::Key_Delete);
        QCOMPARE(dialog().removedProfiles(),
                 (QList<SecretKey> {{QStringLiteral("Acme"), QStringLiteral("a-id")},
                                    {QStringLiteral("Sandbox"), QStringLiteral("s-id")}}));
        QVERIFY(dialog().profiles().isEmpty());
        QVERIFY(dialog().currentProfile().isEmpty());
        QVERIFY(label("noProfile")->isVisible());
        QVERIFY(!child<QWidget>("profileForm")->isVisible());
        QVERIFY(!child<QPushButton>("removeProfile")->isEnabled());
    }

    void changedClientIdOrNameMovesTheSecret()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("old-id")),
                              profile(QStringLiteral("Other"), QStringLiteral("o-id"))},
                             QStringLiteral("Acme"));
        QVERIFY(showDialog());
        retype(edit("clientId"), QStringLiteral("new-id"));
        QCOMPARE(dialog().secretMoves(),
                 (QList<SecretMove> {{{QStringLiteral("Acme"), QStringLiteral("old-id")},
                                      {QStringLiteral("Acme"), QStringLiteral("new-id")}}}));
        QVERIFY(dialog().secretChanges().isEmpty());

        // Renaming (with F2 from the list) changes the keychain key too.
        list()->setFocus();
        QTest::keyClick(list(), Qt::Key_F2);
        QTRY_VERIFY(edit("name")->hasFocus());
        QTest::keyClicks(edit("name"), QStringLiteral("Acme EU"));
        QCOMPARE(dialog().secretMoves(),
                 (QList<SecretMove> {{{QStringLiteral("Acme"), QStringLiteral("old-id")},
                                      {QStringLiteral("Acme EU"), QStringLiteral("new-id")}}}));
        QCOMPARE(dialog().currentProfile(), QStringLiteral("Acme EU"));
        QCOMPARE(child<QComboBox>("currentProfile")->currentText(), QStringLiteral("Acme EU"));

        // Back to the original values: nothing to move.
        retype(edit("name"), QStringLiteral("Acme"));
        retype(edit("clientId"), QStringLiteral(" old-id"));
        QVERIFY(dialog().secretMoves().isEmpty());
    }

    void watchedProfileIsChosenApart()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("a")),
                              profile(QStringLiteral("Sandbox"), QStringLiteral("s"))},
                             QStringLiteral("missing"));
        QVERIFY(showDialog());
        QCOMPARE(dialog().currentProfile(), QStringLiteral("Acme")); // an unknown name falls back to the first
        auto *combo = child<QComboBox>("currentProfile");
        QTest::keyClick(&dialog(), Qt::Key_W, Qt::AltModifier); // &Watch with
        QTRY_VERIFY(combo->hasFocus());
        QTest::keyClick(combo, Qt::Key_Down);
        QCOMPARE(dialog().currentProfile(), QStringLiteral("Sandbox"));
        QCOMPARE(list()->currentRow(), 0); // editing another profile does not change which one is watched
    }

    void preferencesRoundTrip()
    {
        QCOMPARE(dialog().preferences(), Preferences {});
        QCOMPARE(dialog().preferences().pollIntervalSeconds, 5);
        QVERIFY(dialog().preferences().notify.failed);
        QVERIFY(!dialog().preferences().notify.terminated);

        Preferences custom;
        custom.pollIntervalSeconds = 17;
        custom.budgetShare = 30;
        custom.stallMinutes = 40;
        custom.notify.stalled = false;
        custom.notify.started = true;
        custom.notify.succeeded = true;
        custom.notify.failed = false;
        custom.notify.terminated = true;
        custom.notify.maxPerMinute = 7; // no field for it: kept as given
        custom.startMinimized = true;
        custom.showQueueDepth = true;
        custom.launchAtLogin = true;
        dialog().setLaunchAtLoginSupported(true);
        dialog().setPreferences(custom);
        QCOMPARE(dialog().preferences(), custom);

        // By keyboard on the Preferences page.
        QVERIFY(showDialog());
        QTest::keyClick(&dialog(), Qt::Key_P, Qt::AltModifier);
        auto *poll = child<QSpinBox>("pollInterval");
        QTRY_VERIFY(poll->isVisible());
        QTest::keyClick(&dialog(), Qt::Key_K, Qt::AltModifier);
        QTRY_VERIFY(poll->hasFocus());
        QTest::keyClick(poll, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(poll, QStringLiteral("999"));
        QCOMPARE(poll->value(), 99); // 999 is past the range: the last digit is refused
        QTest::keyClick(poll, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(poll, QStringLiteral("60"));
        QTest::keyClick(&dialog(), Qt::Key_O, Qt::AltModifier); // use at m&ost
        auto *share = child<QSpinBox>("budgetShare");
        QTRY_VERIFY(share->hasFocus());
        QTest::keyClick(share, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(share, QStringLiteral("20"));
        QTest::keyClick(&dialog(), Qt::Key_H, Qt::AltModifier); // stalled wit&hout progress for
        auto *stall = child<QSpinBox>("stallMinutes");
        QTRY_VERIFY(stall->hasFocus());
        QTest::keyClick(stall, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(stall, QStringLiteral("30"));
        QTest::keyClick(&dialog(), Qt::Key_N, Qt::AltModifier); // stalls (&no progress…)
        QTRY_VERIFY(child<QCheckBox>("notifyStalled")->isChecked());
        QTest::keyClick(&dialog(), Qt::Key_W, Qt::AltModifier); // ends with a &warning
        QTRY_VERIFY(child<QCheckBox>("notifyWarning")->isChecked());
        QTest::keyClick(&dialog(), Qt::Key_L, Qt::AltModifier); // &Launch at login
        QTRY_VERIFY(!child<QCheckBox>("launchAtLogin")->isChecked());

        custom.pollIntervalSeconds = 60;
        custom.budgetShare = 20;
        custom.stallMinutes = 30;
        custom.notify.stalled = true;
        custom.notify.warning = true;
        custom.launchAtLogin = false;
        QCOMPARE(dialog().preferences(), custom);
    }

    void trayAndLaunchAtLoginExplainWhenUnavailable()
    {
        QVERIFY(showDialog());
        dialog().showPage(SettingsDialog::PreferencesPage);
        auto *minimized = child<QCheckBox>("startMinimized");
        QVERIFY(minimized->isEnabled());
        QVERIFY(!label("trayNote")->isVisible());
        dialog().setTrayAvailable(false);
        QVERIFY(!minimized->isEnabled());
        QVERIFY(label("trayNote")->isVisible());
        QVERIFY(label("trayNote")->text().contains(QStringLiteral("No system tray")));

        Preferences wanted;
        wanted.launchAtLogin = true;
        dialog().setLaunchAtLoginSupported(false);
        dialog().setPreferences(wanted);
        QVERIFY(!child<QCheckBox>("launchAtLogin")->isEnabled());
        QVERIFY(label("launchNote")->isVisible());
        QVERIFY(!dialog().preferences().launchAtLogin);
        dialog().setLaunchAtLoginSupported(true);
        QVERIFY(child<QCheckBox>("launchAtLogin")->isEnabled());
        QVERIFY(!label("launchNote")->isVisible());
    }

    void cancelForgetsTypedSecrets()
    {
        dialog().setProfiles({profile(QStringLiteral("Acme"), QStringLiteral("id"))}, QStringLiteral("Acme"));
        QVERIFY(showDialog());
        retype(edit("secret"), QStringLiteral("typed"));
        QCOMPARE(dialog().secretChanges().size(), 1);
        QTest::keyClick(edit("secret"), Qt::Key_Escape);
        QCOMPARE(dialog().result(), int(QDialog::Rejected));
        QVERIFY(dialog().secretChanges().isEmpty());
        QVERIFY(edit("secret")->text().isEmpty());
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"

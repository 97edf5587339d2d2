// The desktop app from its first run on: the demo tenant with its banner, a profile configured through the
// Settings dialog (tested, then stored with its secret in the real keychain and nowhere else), a restart
// that shows the watch list at once and reads the keychain, a corrupt watch list kept aside, a profile
// renamed (secret and tasks move with it) and removed (back to the demo). One story, in order, against a
// simulated tenant on loopback and the Secret Service that scripts/run-tests.sh starts.

#include "DesktopTestSupport.h"
#include "app/desktop/DemoTenant.h"
#include "app/desktop/DesktopSettings.h"
#include "client/ApiTransport.h"
#include "client/ProfileStore.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "client/WatchList.h"
#include "tests/client/CredentialTestSupport.h"
#include "tests/client/SimFixture.h"
#include "ui/NoticeBar.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>

#include <memory>

using namespace DesktopTest;

namespace {

const QString ClientId = QStringLiteral("settings-e2e-client");
const QString Secret = QStringLiteral("Settings-e2e-S3cret-Kq81");
const QString Profile = QStringLiteral("E2E tenant");
const QString Renamed = QStringLiteral("E2E renamed");
const QByteArray Garbage = QByteArrayLiteral("{\"version\": 1, \"tasks\": [ not json");

} // namespace

class TestDesktopAppSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;
    QString m_task;

    MainWindow *window() const { return m_app->window(); }
    QString settingsDir() const { return m_dir.filePath(QStringLiteral("settings")); }
    QString watchListPath() const { return m_dir.filePath(QStringLiteral("watchlist.json")); }
    QString autostartPath() const { return m_dir.filePath(QStringLiteral("autostart/taskwatch.desktop")); }

    void startApp()
    {
        m_app.reset();
        DesktopOptions options;
        options.pollIntervalSeconds = 1;
        options.watchListPath = watchListPath();
        DesktopEnvironment environment;
        environment.trayAvailable = false;
        environment.autostartPath = autostartPath();
        environment.programPath = QStringLiteral("/opt/taskwatch/bin/taskwatch");
        m_app = std::make_unique<DesktopApp>(options, environment);
        m_app->start();
    }

    SettingsDialog *openSettingsWithTheKeyboard()
    {
        if (!activate(window()))
            return nullptr;
        QTest::keyClick(window(), Qt::Key_Comma, Qt::ControlModifier);
        if (!QTest::qWaitFor([this] { return m_app->settingsDialog() && m_app->settingsDialog()->isVisible(); }))
            return nullptr;
        SettingsDialog *dialog = m_app->settingsDialog();
        return activate(dialog) ? dialog : nullptr;
    }

    static QPushButton *okButton(SettingsDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    static void retype(QLineEdit *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
    }

    static void toggle(QCheckBox *box)
    {
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
    }

    static CredentialResult readSecret(const QString &profile)
    {
        CredentialStore store;
        return CredentialTest::read(store, profile, ClientId);
    }

    void addTaskThroughTheDialog(const QString &id)
    {
        AddTasksDialog *dialog = openAddDialog(window());
        QVERIFY(dialog);
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "ids"), id);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(window()->model()->contains(id));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(settingsDir(), QStringLiteral("tst_desktopapp_settings"));
        SimConfig config;
        config.credentials = {{ClientId, Secret}};
        config.speed = 20;
        m_sim = startSim(config);
        // Nothing of an earlier run in the keychain.
        CredentialStore store;
        for (const QString &profile : {Profile, Renamed})
            QVERIFY(!CredentialTest::remove(store, profile, ClientId).isError());
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_sim.reset();
    }

    void firstRunWatchesTheDemoTenant()
    {
        startApp();
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Demo);
        QVERIFY(showAndActivate(window()));
        QVERIFY(m_app->demo());
        QCOMPARE(m_app->demo()->server()->baseUrl().host(), QStringLiteral("127.0.0.1"));
        NoticeBar *banner = window()->banner();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->text(), QStringLiteral("Demo tenant: connect your own in Settings."));
        QCOMPARE(banner->actionText(), QStringLiteral("&Settings…"));

        // The demo's tasks at once, then live: the one that failed before the start shows as failed.
        QCOMPARE(window()->model()->rowCount(), int(DemoTenant::scenario().size()));
        const QString failed(DemoTenant::FailedTaskId);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), failed), DisplayState::Error, 20000);
        QTRY_VERIFY(window()->summary().count(DisplayState::Running) > 0);
        QCOMPARE(connectionText(window()), QStringLiteral("Demo tenant"));
        // Nothing of the demo reaches the user's watch list or settings.
        QVERIFY(!m_app->watchList());
        QVERIFY(!QFile::exists(watchListPath()));
        QSettings settings;
        QVERIFY(DesktopSettings(settings).profiles().isEmpty());
    }

    void settingsFromTheBannerStoreTheSecretInTheKeychain()
    {
        QTest::mouseClick(child<QPushButton>(window()->banner(), "noticeAction"), Qt::LeftButton);
        QTRY_VERIFY(m_app->settingsDialog() && m_app->settingsDialog()->isVisible());
        SettingsDialog *dialog = m_app->settingsDialog();
        QVERIFY(activate(dialog));
        QVERIFY(child<QLabel>(dialog, "keychainState")->text().contains(QLatin1String("keychain")));
        QVERIFY(!child<QCheckBox>(dialog, "sessionOnly")->isVisible()); // the keychain works here

        QTest::mouseClick(child<QPushButton>(dialog, "addProfile"), Qt::LeftButton);
        QLineEdit *name = child<QLineEdit>(dialog, "name");
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, Profile);
        retype(child<QLineEdit>(dialog, "baseUrl"), m_sim->baseUrl().toString());
        retype(child<QLineEdit>(dialog, "clientId"), ClientId);
        retype(child<QLineEdit>(dialog, "secret"), QStringLiteral("not-the-secret"));

        // Test connection: the exact reason of a failure, then success with the right secret.
        auto *test = child<QPushButton>(dialog, "testConnection");
        auto *result = child<QLabel>(dialog, "testResult");
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Authentication failed")), 20000);
        QVERIFY2(result->text().contains(QLatin1String("Bad credentials")), qPrintable(result->text()));
        retype(child<QLineEdit>(dialog, "secret"), Secret);
        QTest::mouseClick(test, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connected to 127.0.0.1")), 20000);

        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);

        // In the keychain, under the profile's key...
        const CredentialResult stored = readSecret(Profile);
        QVERIFY2(stored.ok, qPrintable(stored.message()));
        QVERIFY(!stored.fromSession);
        QCOMPARE(stored.secret, Secret);
        // ...and nowhere in the settings, which hold the profile in the CLI's format.
        QSettings().sync();
        QVERIFY(CredentialTest::fileCount(settingsDir()) > 0);
        QCOMPARE(CredentialTest::filesContaining(settingsDir(), Secret), QStringList());
        QCOMPARE(CredentialTest::filesContaining(m_dir.path(), Secret), QStringList());
        QSettings settings;
        QCOMPARE(DesktopSettings(settings).currentProfile(), Profile);
        const ConnectionProfile cli = ProfileStore::read(settings, Profile);
        QCOMPARE(cli.baseUrl, m_sim->baseUrl());
        QCOMPARE(cli.clientId, ClientId);

        // Out of the demo, onto the new profile, with the secret from the keychain.
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Profile);
        QVERIFY(!m_app->demo());
        QCOMPARE(m_app->profile().name, Profile);
        QVERIFY(!window()->banner()->isVisible());
        QCOMPARE(window()->model()->rowCount(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000); // may have come while the test read the keychain
        QCOMPARE(resolved.last().at(0).toBool(), true);
        // The preference's share of the rate limit (50 % unless changed) bounds the new engine.
        QCOMPARE(m_app->monitor()->client()->transport()->budget().requests(), 50);

        m_task = m_sim->addTask(scenarioTask(0, 20, QStringLiteral("SUCCESS")));
        addTaskThroughTheDialog(m_task);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_task), DisplayState::Success, 20000);
        QCOMPARE(connectionText(window()), QStringLiteral("Connected: 127.0.0.1"));
        QVERIFY(m_app->watchList()->saveNow());
        QCOMPARE(CredentialTest::filesContaining(m_dir.path(), Secret), QStringList());
    }

    void aRestartShowsTheListAtOnceAndReadsTheKeychain()
    {
        startApp();
        // Before any answer: the cached task is on screen, the secret on its way from the keychain.
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Profile);
        QCOMPARE(window()->model()->ids(), QStringList {m_task});
        QCOMPARE(stateOf(window(), m_task), DisplayState::Success);
        QVERIFY(m_app->isSecretPending());
        QCOMPARE(connectionText(window()), QStringLiteral("Connecting…: reading the client secret from the keychain"));
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), true);
        QVERIFY(!m_app->isSecretPending());
        QVERIFY(!window()->banner()->isVisible());
    }

    void aCorruptWatchListIsKeptAsideWithABanner()
    {
        m_app.reset();
        QFile file(watchListPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(Garbage);
        file.close();

        startApp();
        QVERIFY(showAndActivate(window()));
        const QString text = window()->banner()->text();
        QVERIFY2(text.startsWith(QLatin1String("Your watch list was unreadable and was moved aside to ")),
                 qPrintable(text));
        QCOMPARE(window()->model()->rowCount(), 0);

        // The unreadable file is kept, byte for byte, where the banner says.
        QString keptAs;
        const QDir dir(m_dir.path());
        for (const QString &name : dir.entryList(QDir::Files)) {
            QFile candidate(dir.filePath(name));
            if (name != QLatin1String("watchlist.json") && candidate.open(QIODevice::ReadOnly)
                && candidate.readAll() == Garbage)
                keptAs = dir.filePath(name);
        }
        QVERIFY(!keptAs.isEmpty());
        QVERIFY2(text.contains(QDir::toNativeSeparators(keptAs)), qPrintable(text));

        // The list goes on: a task added now is saved in a new, readable file.
        addTaskThroughTheDialog(m_task);
        QVERIFY(m_app->watchList()->saveNow());
        QFile saved(watchListPath());
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray bytes = saved.readAll();
        QVERIFY(!QJsonDocument::fromJson(bytes).isNull());
        QVERIFY(bytes.contains(m_task.toUtf8()));
        QFile kept(keptAs);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), Garbage);
        // Closing the banner closes it.
        QTest::mouseClick(child<QToolButton>(window()->banner(), "noticeClose"), Qt::LeftButton);
        QVERIFY(!window()->banner()->isVisible());
    }

    void renamingAProfileMovesItsSecretAndItsTasks()
    {
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isSecretPending(), 20000);
        SettingsDialog *dialog = openSettingsWithTheKeyboard();
        QVERIFY(dialog);
        QCOMPARE(child<QListWidget>(dialog, "profiles")->count(), 1);

        // Testing without typing a secret uses the stored one.
        QTest::mouseClick(child<QPushButton>(dialog, "testConnection"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, "testResult")->text(),
                                  QStringLiteral("Connected to 127.0.0.1."),
                                  20000); // the tenant has a task by now

        QTest::mouseClick(child<QPushButton>(dialog, "renameProfile"), Qt::LeftButton);
        QLineEdit *name = child<QLineEdit>(dialog, "name");
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, Renamed);
        // Launch at login, on the Preferences page.
        child<QTabWidget>(dialog, "tabs")->setCurrentIndex(SettingsDialog::PreferencesPage);
        toggle(child<QCheckBox>(dialog, "launchAtLogin"));
        QVERIFY(child<QCheckBox>(dialog, "launchAtLogin")->isChecked());

        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        resolved.clear();
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), true);

        QCOMPARE(m_app->profile().name, Renamed);
        QCOMPARE(readSecret(Renamed).secret, Secret);
        QVERIFY(readSecret(Profile).notFound);
        QCOMPARE(window()->model()->ids(), QStringList {m_task});
        QVERIFY(m_app->watchList()->tasks(Profile).isEmpty());
        QCOMPARE(m_app->watchList()->tasks(Renamed).size(), 1);
        QSettings settings;
        QCOMPARE(DesktopSettings(settings).currentProfile(), Renamed);
        QVERIFY(!DesktopSettings(settings).profile(Profile));

        // The autostart entry starts this program, hidden.
        QFile entry(autostartPath());
        QVERIFY(entry.open(QIODevice::ReadOnly));
        const QString contents = QString::fromUtf8(entry.readAll());
        QVERIFY2(contents.contains(QLatin1String("Exec=/opt/taskwatch/bin/taskwatch --minimized")),
                 qPrintable(contents));
    }

    void connectionProblemsReachTheStatusBarAndTheBanner()
    {
        SimConfig config;
        config.credentials = {{ClientId, Secret}};
        config.rateLimitRequests = 1; // one request a minute for this client id and version
        config.rateLimitSeconds = 60;
        const auto strict = startSim(config);
        const QString id = strict->addTask(scenarioTask(0, 600));

        DesktopOptions options;
        options.baseUrl = strict->baseUrl();
        options.clientId = ClientId;
        options.clientSecret = QStringLiteral("wrong");
        options.pollIntervalSeconds = 1;
        options.watchListPath = m_dir.filePath(QStringLiteral("problems.json"));
        DesktopEnvironment environment;
        environment.trayAvailable = false;
        auto refused = std::make_unique<DesktopApp>(options, environment);
        refused->start();
        refused->monitor()->addTasks({id});
        QTRY_VERIFY_WITH_TIMEOUT(connectionText(refused->window()).startsWith(QLatin1String("Sign-in failed: ")),
                                 20000);
        const QString banner = refused->window()->banner()->text();
        QVERIFY2(banner.startsWith(QLatin1String("Signing in to 127.0.0.1 failed: Authentication failed")),
                 qPrintable(banner));
        QCOMPARE(refused->window()->banner()->actionText(), QStringLiteral("&Settings…"));
        refused.reset();

        options.clientSecret = Secret;
        auto limited = std::make_unique<DesktopApp>(options, environment);
        limited->start();
        QTRY_VERIFY_WITH_TIMEOUT(
                connectionText(limited->window()).startsWith(QLatin1String("Rate limited, resuming in ")), 20000);
        QVERIFY(!limited->window()->banner()->isVisible()); // waiting is not a problem to fix
        QCOMPARE(stateOf(limited->window(), id), DisplayState::Running); // the first answer got through
    }

    void removingTheLastProfileDeletesItsSecretAndReturnsToTheDemo()
    {
        SettingsDialog *dialog = openSettingsWithTheKeyboard();
        QVERIFY(dialog);
        QVERIFY(child<QCheckBox>(dialog, "launchAtLogin")->isChecked()); // read back from the entry
        QTest::mouseClick(child<QPushButton>(dialog, "removeProfile"), Qt::LeftButton);
        QCOMPARE(child<QListWidget>(dialog, "profiles")->count(), 0);
        child<QTabWidget>(dialog, "tabs")->setCurrentIndex(SettingsDialog::PreferencesPage);
        toggle(child<QCheckBox>(dialog, "launchAtLogin"));
        QVERIFY(!child<QCheckBox>(dialog, "launchAtLogin")->isChecked());
        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);

        QVERIFY(readSecret(Renamed).notFound);
        // Its task is still in the watch list: the app asks what becomes of it. No profile is left to move it
        // to; it is no longer watched.
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = window()->findChild<QMessageBox *>(QStringLiteral("removedProfileTasks")))
                    && question->isVisible());
        QVERIFY(!question->findChild<QPushButton *>(QStringLiteral("moveTasks")));
        child<QPushButton>(question, "forgetTasks")->click();
        QTRY_VERIFY(m_app->watchList()->tasks(Renamed).isEmpty());
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Demo);
        QCOMPARE(window()->banner()->text(), QStringLiteral("Demo tenant: connect your own in Settings."));
        QCOMPARE(window()->model()->rowCount(), int(DemoTenant::scenario().size()));
        QVERIFY(!QFile::exists(autostartPath()));
        QSettings settings;
        QVERIFY(DesktopSettings(settings).profiles().isEmpty());
        QCOMPARE(DesktopSettings(settings).currentProfile(), QString());
    }

    // The app may go while its settings dialog is open and a connection test is on its way: whatever order
    // its parts go in, none reaches one that is gone (the dialog is the window's child, the session only
    // points to it), and the next start is whole.
    void quittingWithTheDialogOpenAndATestRunning()
    {
        SettingsDialog *dialog = openSettingsWithTheKeyboard();
        QVERIFY(dialog);
        QPointer<SettingsDialog> watched(dialog);
        QTest::mouseClick(child<QPushButton>(dialog, "testConnection"), Qt::LeftButton);
        m_app.reset();
        QVERIFY(watched.isNull());
        startApp();
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Demo);
        QVERIFY(!m_app->settingsDialog());
        QVERIFY(openSettingsWithTheKeyboard());
    }
};

QTEST_MAIN(TestDesktopAppSettings)
#include "tst_desktopapp_settings.moc"

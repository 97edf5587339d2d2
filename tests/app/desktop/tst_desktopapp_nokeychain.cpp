// The desktop app where the keychain does not work (a session bus without a Secret Service, as on many
// minimal desktops): the banner says why and what to do, Settings offers a secret for this session only,
// and with it the app watches, without the secret ever reaching a file.

#include "DesktopTestSupport.h"
#include "app/desktop/DesktopSettings.h"
#include "tests/client/CredentialTestSupport.h"
#include "tests/client/SimFixture.h"
#include "ui/NoticeBar.h"
#include "ui/SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

using namespace DesktopTest;

namespace {

const QString ClientId = QStringLiteral("nokeychain-client");
const QString Secret = QStringLiteral("NoKeychain-S3cret-u7Yh");
const QString Profile = QStringLiteral("No keychain");

} // namespace

class TestDesktopAppNoKeychain : public QObject
{
    Q_OBJECT

private:
    CredentialTest::PrivateBus m_bus;
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;

    MainWindow *window() const { return m_app->window(); }

    SettingsDialog *openSettingsFromTheBanner()
    {
        QTest::mouseClick(child<QPushButton>(window()->banner(), "noticeAction"), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return m_app->settingsDialog() && m_app->settingsDialog()->isVisible(); }))
            return nullptr;
        return activate(m_app->settingsDialog()) ? m_app->settingsDialog() : nullptr;
    }

    static void accept(SettingsDialog *dialog)
    {
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Our own session bus with nothing on it, before anything asks the keychain.
        const QString problem = m_bus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!m_bus.hasOwner(QStringLiteral("org.freedesktop.secrets")));
        m_bus.makeSessionBus();

        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_nokeychain"));
        SimConfig config;
        config.credentials = {{ClientId, Secret}};
        config.speed = 20;
        m_sim = startSim(config);

        // A profile saved earlier (its secret was in a keychain that is gone now).
        QSettings settings;
        DesktopSettings desktop(settings);
        ConnectionProfile profile;
        profile.name = Profile;
        profile.baseUrl = m_sim->baseUrl();
        profile.clientId = ClientId;
        desktop.setProfiles({profile});
        desktop.setCurrentProfile(Profile);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        m_sim.reset();
    }

    void theBannerSaysWhyAndWhatToDo()
    {
        DesktopOptions options;
        options.pollIntervalSeconds = 1;
        m_app = makeApp(m_dir, options);
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        m_app->start();
        QVERIFY(showAndActivate(window()));
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Profile);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), false);

        const QString text = window()->banner()->text();
        QVERIFY2(text.contains(QLatin1String("could not be read from the keychain")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("No Secret Service is running")), qPrintable(text)); // the advice
        QVERIFY2(text.contains(QLatin1String("for this session only")), qPrintable(text));
        QCOMPARE(window()->banner()->actionText(), QStringLiteral("&Settings…"));
        QCOMPARE(m_app->credentials()->state(), KeychainState::Unavailable);
        QVERIFY2(connectionText(window()).startsWith(QLatin1String("Not connected")),
                 qPrintable(connectionText(window())));
    }

    void aSessionOnlySecretKeepsTheAppWorking()
    {
        SettingsDialog *dialog = openSettingsFromTheBanner();
        QVERIFY(dialog);
        QCOMPARE(child<QLabel>(dialog, "keychainState")->text(), m_app->credentials()->stateMessage());
        auto *sessionOnly = child<QCheckBox>(dialog, "sessionOnly");
        QVERIFY(sessionOnly->isVisible());
        auto *secret = child<QLineEdit>(dialog, "secret");
        secret->setFocus();
        QTest::keyClicks(secret, Secret);
        sessionOnly->setFocus();
        QTest::keyClick(sessionOnly, Qt::Key_Space);
        QVERIFY(sessionOnly->isChecked());

        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), true);
        QVERIFY(m_app->credentials()->hasSessionSecret(Profile, ClientId));
        QVERIFY(!window()->banner()->isVisible());

        const QString id = m_sim->addTask(scenarioTask(0, 20));
        AddTasksDialog *add = openAddDialog(window());
        QVERIFY(add);
        QTest::keyClicks(child<QPlainTextEdit>(add, "ids"), id);
        QTest::mouseClick(add->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), id), DisplayState::Success, 20000);
        QCOMPARE(connectionText(window()), QStringLiteral("Connected: 127.0.0.1"));
    }

    void aSecretTheKeychainRefusesIsKeptForTheSessionAndSaidSo()
    {
        QVERIFY(activate(window()));
        QTest::keyClick(window(), Qt::Key_Comma, Qt::ControlModifier);
        QTRY_VERIFY(m_app->settingsDialog() && m_app->settingsDialog()->isVisible());
        SettingsDialog *dialog = m_app->settingsDialog();
        QVERIFY(activate(dialog));
        auto *secret = child<QLineEdit>(dialog, "secret");
        secret->setFocus();
        QTest::keyClicks(secret, Secret); // session-only left unticked: the app tries the keychain
        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        accept(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);
        const QString text = window()->banner()->text();
        QVERIFY2(text.contains(QLatin1String("could not be stored in the keychain and is kept for this session only")),
                 qPrintable(text));
        QVERIFY(m_app->credentials()->hasSessionSecret(Profile, ClientId));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->isSecretPending(), 20000);
        QCOMPARE(connectionText(window()), QStringLiteral("Connected: 127.0.0.1"));

        // Nowhere on disk.
        m_app.reset();
        QCOMPARE(CredentialTest::filesContaining(m_dir.path(), Secret), QStringList());
    }
};

QTEST_MAIN(TestDesktopAppNoKeychain)
#include "tst_desktopapp_nokeychain.moc"

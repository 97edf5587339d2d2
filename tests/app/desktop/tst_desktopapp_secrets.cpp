// A stored secret goes only to the tenant it was saved for, in the desktop app: the Settings dialog's "Test
// connection" never sends it to a URL typed but not saved, nor sends another profile's secret because the
// client id matches; a profile whose saved URL changed without its secret gets nothing; an older version's
// entry (no tenant recorded) is bound to the saved URL on first use. The real DesktopApp and dialog, offscreen,
// the real keychain, a simulated tenant and a "secret catcher" on loopback that counts every connection. A
// base URL with user info is refused in the dialog without the password in any text or log line.

#include "DesktopTestSupport.h"
#include "app/desktop/DesktopSettings.h"
#include "models/TenantUrl.h"
#include "tests/client/CredentialTestSupport.h"
#include "tests/client/SecretCatcher.h"
#include "tests/client/SimFixture.h"
#include "ui/NoticeBar.h"
#include "ui/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <memory>

using namespace DesktopTest;

namespace {

const QString ClientId = QStringLiteral("secrets-e2e-client");
const QString Secret = QStringLiteral("Secrets-e2e-S3cret-Zx42");
const QString Prod = QStringLiteral("Prod");

QStringList g_log; // every message of the test process, the app's logging included
QtMessageHandler g_previous = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QString::fromLatin1(context.category ? context.category : "") + u' ' + message);
    g_previous(type, context, message);
}

} // namespace

class TestDesktopAppSecrets : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<SecretCatcher> m_catcher;
    std::unique_ptr<DesktopApp> m_app;

    void startApp()
    {
        m_app.reset();
        DesktopOptions options;
        options.pollIntervalSeconds = 1;
        m_app = makeApp(m_dir, options);
        m_app->start();
    }

    void saveProfiles(const QList<ConnectionProfile> &profiles)
    {
        QSettings settings;
        DesktopSettings desktop(settings);
        desktop.setProfiles(profiles);
        desktop.setCurrentProfile(profiles.first().name);
        settings.sync();
    }

    ConnectionProfile prod(const QUrl &url) const
    {
        ConnectionProfile profile;
        profile.name = Prod;
        profile.baseUrl = url;
        profile.clientId = ClientId;
        return profile;
    }

    SettingsDialog *openSettings()
    {
        m_app->openSettings();
        if (!QTest::qWaitFor([this] { return m_app->settingsDialog() && m_app->settingsDialog()->isVisible(); }))
            return nullptr;
        SettingsDialog *dialog = m_app->settingsDialog();
        return activate(dialog) ? dialog : nullptr;
    }

    static void retype(QLineEdit *field, const QString &text)
    {
        field->setFocus();
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Delete);
        else
            QTest::keyClicks(field, text);
    }

    // Clicks "Test connection" and returns the result line once the test is over.
    static QString testConnection(SettingsDialog *dialog)
    {
        auto *result = child<QLabel>(dialog, "testResult");
        result->clear();
        QTest::mouseClick(child<QPushButton>(dialog, "testConnection"), Qt::LeftButton);
        if (!QTest::qWaitFor([dialog] { return !dialog->isTesting(); }, 20000))
            return QStringLiteral("(still testing)");
        return result->text();
    }

    static QPushButton *okButton(SettingsDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    static void verifyNoSecretIn(const QStringList &texts)
    {
        for (const QString &text : texts)
            QVERIFY2(!text.contains(Secret), qPrintable(text));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_secrets"));
        QLoggingCategory::setFilterRules(QStringLiteral("taskwatch.*=true"));
        g_previous = qInstallMessageHandler(recordMessage);
        SimConfig config;
        config.credentials = {{ClientId, Secret}};
        m_sim = startSim(config);
        m_catcher = std::make_unique<SecretCatcher>();
        QVERIFY(m_catcher->isListening());
        CredentialStore store;
        for (const QString &profile : {Prod, QStringLiteral("Other")})
            QVERIFY(!CredentialTest::remove(store, profile, ClientId).isError());
    }

    void cleanupTestCase()
    {
        m_app.reset();
        if (g_previous)
            qInstallMessageHandler(g_previous);
        CredentialStore store;
        CredentialTest::remove(store, Prod, ClientId);
    }

    // An entry of an older version (the bare secret) is bound to the profile's saved URL on first use.
    void olderEntryIsBoundToTheSavedUrl()
    {
        saveProfiles({prod(m_sim->baseUrl())});
        QVERIFY(CredentialTest::writeBareEntry(Prod, ClientId, Secret));
        startApp();
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), true);
        CredentialStore store;
        const CredentialResult stored = CredentialTest::read(store, Prod, ClientId);
        QCOMPARE(stored.secret, Secret);
        QCOMPARE(stored.tenant, TenantUrl::normalized(m_sim->baseUrl()));
    }

    // A URL typed in the form but not saved gets no stored secret; the saved one (spelled another way) does.
    void testConnectionKeepsTheStoredSecretForItsTenant()
    {
        SettingsDialog *dialog = openSettings();
        QVERIFY(dialog);
        auto *url = child<QLineEdit>(dialog, "baseUrl");
        QCOMPARE(child<QLineEdit>(dialog, "secret")->text(), QString());

        retype(url, m_catcher->baseUrl().toString());
        const QString refused = testConnection(dialog);
        QVERIFY2(refused.contains(QLatin1String("type its secret")), qPrintable(refused));
        QVERIFY2(refused.contains(TenantUrl::normalized(m_catcher->baseUrl())), qPrintable(refused));
        QCOMPARE(m_catcher->connections(), 0);

        const QString respelled = QStringLiteral("HTTP://127.0.0.1:%1/").arg(m_sim->baseUrl().port());
        retype(url, respelled);
        const QString connected = testConnection(dialog);
        QVERIFY2(connected.startsWith(QLatin1String("Connected to 127.0.0.1")), qPrintable(connected));

        // Another profile with the same client id, typed with the catcher's URL: Prod's secret stays home.
        QTest::mouseClick(child<QPushButton>(dialog, "addProfile"), Qt::LeftButton);
        QLineEdit *name = child<QLineEdit>(dialog, "name");
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Other"));
        retype(url, m_catcher->baseUrl().toString());
        retype(child<QLineEdit>(dialog, "clientId"), ClientId);
        const QString other = testConnection(dialog);
        QVERIFY2(other.contains(QLatin1String("type its secret")), qPrintable(other));
        QCOMPARE(m_catcher->connections(), 0);
        verifyNoSecretIn({refused, connected, other});
        dialog->reject();
        QTRY_VERIFY(!m_app->settingsDialog());
    }

    // The saved URL changes, the secret is not typed again: the engine gets no secret and says why.
    void aSavedUrlChangeDoesNotTakeTheSecretAlong()
    {
        SettingsDialog *dialog = openSettings();
        QVERIFY(dialog);
        retype(child<QLineEdit>(dialog, "baseUrl"), m_catcher->baseUrl().toString());
        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        QSignalSpy resolved(m_app.get(), &DesktopApp::secretResolved);
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(resolved.count(), 1, 20000);
        QCOMPARE(resolved.first().at(0).toBool(), false);
        const QString banner = m_app->window()->banner()->text();
        QVERIFY2(banner.contains(QLatin1String("was saved for ") + TenantUrl::normalized(m_sim->baseUrl())),
                 qPrintable(banner));
        QCOMPARE(m_catcher->connections(), 0);
        verifyNoSecretIn({banner});
    }

    // User info in the typed URL: refused by the form's own check, also when the port is wrong too, and the
    // password appears in no text of the dialog and no log line (every taskwatch category on).
    void userInfoIsRefusedWithoutEchoingThePassword()
    {
        SettingsDialog *dialog = openSettings();
        QVERIFY(dialog);
        auto *problem = child<QLabel>(dialog, "baseUrlProblem");
        for (const QString &typed :
             {QStringLiteral("https://alice:pw@host:99999"), QStringLiteral("https://alice:pw@acme.example.com")}) {
            retype(child<QLineEdit>(dialog, "baseUrl"), typed);
            QTRY_VERIFY(problem->isVisible());
            QVERIFY2(problem->text().contains(QLatin1String("user name and password")), qPrintable(problem->text()));
            QVERIFY(!problem->text().contains(QLatin1String("pw")));
            QVERIFY(!dialog->problem().contains(QLatin1String("pw")));
            QVERIFY(!okButton(dialog)->isEnabled());
        }
        dialog->reject();
        QTRY_VERIFY(!m_app->settingsDialog());
        // The whole run's log, from the first test on: the app did log (keychain, engine, dialog).
        QVERIFY(g_log.size() > 10);
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(QLatin1String("pw")), qPrintable(line));
        QCOMPARE(m_catcher->connections(), 0);
    }
};

QTEST_MAIN(TestDesktopAppSecrets)
#include "tst_desktopapp_secrets.moc"

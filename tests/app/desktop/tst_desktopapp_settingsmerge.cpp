// The Settings dialog commits its own changes, not its picture of the whole file: a profile that the real
// taskwatch-cli login adds while the dialog is open survives OK, and a profile removed in the dialog takes
// its keychain secret with it (the real Secret Service that scripts/run-tests.sh starts) while the other
// profiles' secrets stay. The CLI and the app share one settings file here, as on a real desktop.

#include "DesktopTestSupport.h"
#include "app/desktop/DesktopSettings.h"
#include "tests/client/CredentialTestSupport.h"
#include "tests/client/SimFixture.h"
#include "ui/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include <memory>

using namespace DesktopTest;

namespace {

const QString DeskProfile = QStringLiteral("Desk tenant");
const QString OldProfile = QStringLiteral("Old tenant");
const QString CliProfile = QStringLiteral("CLI tenant");
const QString DeskClient = QStringLiteral("merge-desk-client");
const QString OldClient = QStringLiteral("merge-old-client");
const QString CliClient = QStringLiteral("merge-cli-client");
const QString Secret = QStringLiteral("Merge-S3cret-7Hq2");

} // namespace

class TestDesktopAppSettingsMerge : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;

    QString configDir() const { return m_dir.filePath(QStringLiteral("config")); }

    ConnectionProfile profile(const QString &name, const QString &clientId) const
    {
        ConnectionProfile settings;
        settings.name = name;
        settings.baseUrl = m_sim->baseUrl();
        settings.apiVersion = ApiVersion::V2025;
        settings.clientId = clientId;
        return settings;
    }

    static CredentialResult secretOf(const QString &name, const QString &clientId)
    {
        CredentialStore store;
        return CredentialTest::read(store, name, clientId);
    }

    // The real CLI, with the same settings folder as this process and the secret on stdin.
    int cliLogin(QString *output)
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir());
        cli.setProcessEnvironment(env);
        cli.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&cli, &QProcess::finished);
        cli.start(QStringLiteral(TASKWATCH_CLI),
                  {QStringLiteral("login"), QStringLiteral("--profile"), CliProfile, QStringLiteral("--base-url"),
                   m_sim->baseUrl().toString(), QStringLiteral("--client-id"), CliClient,
                   QStringLiteral("--api-version"), QStringLiteral("v2025"), QStringLiteral("--client-secret-stdin")});
        cli.write(Secret.toUtf8() + '\n');
        cli.closeWriteChannel();
        // The sim answers in this process: wait in the event loop, not in waitForFinished.
        if (!finished.wait(60000))
            return -1;
        *output = QString::fromUtf8(cli.readAll());
        return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The CLI's settings (organisation Taskwatch, application taskwatch, native format) under our folder.
        QCoreApplication::setOrganizationName(QStringLiteral("Taskwatch"));
        QCoreApplication::setApplicationName(QStringLiteral("taskwatch"));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, configDir());
        QSettings().clear();

        SimConfig config;
        config.credentials = {{DeskClient, Secret}, {OldClient, Secret}, {CliClient, Secret}};
        m_sim = startSim(config);

        QSettings settings;
        DesktopSettings desktop(settings);
        desktop.setProfiles({profile(DeskProfile, DeskClient), profile(OldProfile, OldClient)});
        desktop.setCurrentProfile(DeskProfile);
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
        CredentialStore store;
        QVERIFY(CredentialTest::write(store, DeskProfile, DeskClient, Secret).ok);
        QVERIFY(CredentialTest::write(store, OldProfile, OldClient, Secret).ok);
    }

    void cleanupTestCase()
    {
        m_app.reset();
        CredentialStore store;
        for (const auto &[name, clientId] : {std::pair {DeskProfile, DeskClient}, std::pair {OldProfile, OldClient},
                                             std::pair {CliProfile, CliClient}})
            CredentialTest::remove(store, name, clientId);
    }

    void aCliLoginDuringTheDialogSurvivesOkAndARemovedProfileTakesItsSecret()
    {
        DesktopOptions options;
        m_app = makeApp(m_dir, options);
        m_app->start();
        QCOMPARE(m_app->profile().name, DeskProfile);

        m_app->openSettings();
        QTRY_VERIFY(m_app->settingsDialog() && m_app->settingsDialog()->isVisible());
        SettingsDialog *dialog = m_app->settingsDialog();

        // Meanwhile, in a terminal: taskwatch-cli login adds a profile to the same settings.
        QString output;
        QCOMPARE(cliLogin(&output), 0);
        QVERIFY2(secretOf(CliProfile, CliClient).ok, qPrintable(output));

        // In the dialog: remove the old profile, change a preference, OK.
        auto *list = child<QListWidget>(dialog, "profiles");
        const QList<QListWidgetItem *> old = list->findItems(OldProfile, Qt::MatchStartsWith);
        QCOMPARE(old.size(), 1);
        list->setCurrentItem(old.first());
        QTest::mouseClick(child<QPushButton>(dialog, "removeProfile"), Qt::LeftButton);
        QVERIFY(list->findItems(OldProfile, Qt::MatchStartsWith).isEmpty());
        child<QTabWidget>(dialog, "tabs")->setCurrentIndex(SettingsDialog::PreferencesPage);
        child<QSpinBox>(dialog, "pollInterval")->setValue(77);
        QSignalSpy applied(m_app.get(), &DesktopApp::settingsApplied);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 20000);

        QSettings settings;
        DesktopSettings desktop(settings);
        QStringList names;
        for (const ConnectionProfile &stored : desktop.profiles())
            names.append(stored.name);
        QCOMPARE(names, (QStringList {CliProfile, DeskProfile}));
        QCOMPARE(desktop.profile(CliProfile)->clientId, CliClient);
        QCOMPARE(desktop.currentProfile(), DeskProfile);
        QCOMPARE(desktop.preferences().pollIntervalSeconds, 77);

        QVERIFY(secretOf(OldProfile, OldClient).notFound); // gone with its profile
        QVERIFY(secretOf(CliProfile, CliClient).ok); // the CLI's stays
        QVERIFY(secretOf(DeskProfile, DeskClient).ok);
        QCOMPARE(m_app->profile().name, DeskProfile); // still watching the same
    }
};

QTEST_MAIN(TestDesktopAppSettingsMerge)
#include "tst_desktopapp_settingsmerge.moc"

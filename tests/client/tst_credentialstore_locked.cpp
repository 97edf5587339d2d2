// CredentialStore against a Secret Service whose collection is locked: the user reads that it is locked and
// what to do, and a failed move leaves the old secret where it was. The test runs its own gnome-keyring on
// its own bus (nothing can be activated there, so no unlock prompt can appear) and locks it over D-Bus.

#include "CredentialTestSupport.h"
#include "client/CredentialStore.h"

#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

using namespace CredentialTest;

class TestCredentialStoreLocked : public QObject
{
    Q_OBJECT
private:
    PrivateBus m_bus;
    QTemporaryDir m_keyringHome;
    QProcess m_keyring;
    CredentialStore m_store;
    const QString m_profile = QStringLiteral("tst-locked");

    static void verifyLockedError(const CredentialResult &result)
    {
        QVERIFY(!result.ok);
        QVERIFY(!result.notFound);
        QVERIFY(result.isError());
        QCOMPARE(result.error, QKeychain::AccessDenied); // 4: libsecret's "is locked"
        QVERIFY2(result.errorString.contains(QLatin1String("locked")), qPrintable(result.errorString));
        QVERIFY2(result.advice.contains(QLatin1String("Unlock the login keyring")), qPrintable(result.advice));
        QVERIFY(result.advice.contains(QLatin1String("session only")));
        QCOMPARE(result.secret, QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_bus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_keyringHome.isValid());

        // A keyring of its own: its own data and runtime directories, so that it neither finds the keyring
        // daemon of scripts/run-tests.sh nor touches its files.
        const QString data = m_keyringHome.filePath(QStringLiteral("data"));
        const QString runtime = m_keyringHome.filePath(QStringLiteral("runtime"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(QDir().mkpath(runtime));
        QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_bus.address());
        env.insert(QStringLiteral("XDG_DATA_HOME"), data);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
        env.remove(QStringLiteral("DISPLAY"));
        m_keyring.setProcessEnvironment(env);
        m_keyring.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_keyring.start(
                QStringLiteral("gnome-keyring-daemon"),
                {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        QVERIFY2(m_keyring.waitForStarted(10000), qPrintable(m_keyring.errorString()));
        m_keyring.write("tst-locked-password"); // unlocks (and creates) the login keyring
        m_keyring.closeWriteChannel();
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.hasOwner(QStringLiteral("org.freedesktop.secrets")), 15000);
        m_bus.makeSessionBus();

        // Unlocked, the keychain works: store the secret a later move must not lose.
        const CredentialResult stored = write(m_store, m_profile, QStringLiteral("old-id"), QStringLiteral("kept"));
        QVERIFY2(stored.ok, qPrintable(stored.message()));
        QCOMPARE(m_store.state(), KeychainState::Available);

        const ToolOutput locked =
                runTool(QStringLiteral("dbus-send"),
                        {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                         QStringLiteral("--dest=org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                         QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                         QStringLiteral("array:objpath:/org/freedesktop/secrets/aliases/default")});
        QVERIFY2(locked.ran && locked.exitCode == 0, qPrintable(locked.err));
    }

    void readOfALockedKeyringSaysWhy()
    {
        QSignalSpy stateChanges(&m_store, &CredentialStore::keychainStateChanged);
        const CredentialResult read = CredentialTest::read(m_store, m_profile, QStringLiteral("old-id"));
        verifyLockedError(read);
        QCOMPARE(m_store.state(), KeychainState::Locked);
        QCOMPARE(m_store.stateMessage(), read.message());
        QCOMPARE(stateChanges.count(), 1);
        QCOMPARE(stateChanges.first().at(0).value<KeychainState>(), KeychainState::Locked);
    }

    void writeToALockedKeyringSaysWhy()
    {
        verifyLockedError(write(m_store, m_profile, QStringLiteral("other-id"), QStringLiteral("s")));
        QCOMPARE(m_store.state(), KeychainState::Locked);
    }

    void failedMoveLeavesTheOldSecretIntact()
    {
        verifyLockedError(move(m_store, m_profile, QStringLiteral("old-id"), QStringLiteral("new-id")));
        // A locked item still shows its attributes (not its secret) to a search.
        const ToolOutput search = secretToolSearch();
        QVERIFY2(search.ran && search.exitCode == 0, qPrintable(search.err));
        QVERIFY2(search.out.contains(QStringLiteral("attribute.user = ")
                                     + CredentialStore::keyFor(m_profile, QStringLiteral("old-id"))),
                 qPrintable(search.out));
        QVERIFY(!search.out.contains(CredentialStore::keyFor(m_profile, QStringLiteral("new-id"))));
    }

    // libsecret "deletes" nothing from a locked collection and says it succeeded: removing a profile must not
    // report success while its secret stays behind.
    void deleteFromALockedKeyringSaysWhyAndKeepsTheItem()
    {
        verifyLockedError(remove(m_store, m_profile, QStringLiteral("old-id")));
        const ToolOutput search = secretToolSearch();
        QVERIFY2(search.ran && search.exitCode == 0, qPrintable(search.err));
        QVERIFY2(search.out.contains(QStringLiteral("attribute.user = ")
                                     + CredentialStore::keyFor(m_profile, QStringLiteral("old-id"))),
                 qPrintable(search.out));
    }

    void sessionOnlyWorksWhileLocked()
    {
        m_store.setSessionSecret(m_profile, QStringLiteral("old-id"), QStringLiteral("for now"));
        const CredentialResult read = CredentialTest::read(m_store, m_profile, QStringLiteral("old-id"));
        QVERIFY(read.ok);
        QVERIFY(read.fromSession);
        QCOMPARE(read.secret, QStringLiteral("for now"));
    }

    void cleanupTestCase()
    {
        m_keyring.terminate();
        if (!m_keyring.waitForFinished(5000)) {
            m_keyring.kill();
            m_keyring.waitForFinished();
        }
        m_bus.stop();
    }
};

QTEST_GUILESS_MAIN(TestCredentialStoreLocked)
#include "tst_credentialstore_locked.moc"

// CredentialStore on a session bus with no Secret Service: the user gets qtkeychain's error plus what to do,
// and the session-only secret keeps the app working. The test starts its own bus with no service
// directories, because on a normal bus D-Bus activation would start gnome-keyring on demand.

#include "CredentialTestSupport.h"
#include "client/CredentialStore.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace CredentialTest;

class TestCredentialStoreNoBus : public QObject
{
    Q_OBJECT
private:
    PrivateBus m_bus;
    const QString m_profile = QStringLiteral("tst-nobus");

    static void verifyNoSecretServiceError(const CredentialResult &result)
    {
        QVERIFY(!result.ok);
        QVERIFY(!result.notFound);
        QVERIFY(result.isError());
        QCOMPARE(result.error, QKeychain::OtherError); // 7, as on every Linux system without a keyring
        QVERIFY2(result.errorString.contains(QLatin1String("org.freedesktop.secrets")), qPrintable(result.errorString));
        QVERIFY2(result.advice.contains(QLatin1String("No Secret Service is running")), qPrintable(result.advice));
        QVERIFY(result.advice.contains(QLatin1String("gnome-keyring")));
        QVERIFY(result.advice.contains(QLatin1String("session only")));
        QVERIFY(result.message().startsWith(result.errorString));
        QVERIFY(result.message().endsWith(result.advice));
        QCOMPARE(result.secret, QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_bus.start();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!m_bus.hasOwner(QStringLiteral("org.freedesktop.secrets")));
        m_bus.makeSessionBus();
    }

    void writeFailsWithAdvice()
    {
        CredentialStore store;
        QSignalSpy stateChanges(&store, &CredentialStore::keychainStateChanged);
        const CredentialResult written = write(store, m_profile, QStringLiteral("client"), QStringLiteral("s"));
        verifyNoSecretServiceError(written);
        QCOMPARE(store.state(), KeychainState::Unavailable);
        QCOMPARE(store.stateMessage(), written.message());
        QCOMPARE(stateChanges.count(), 1);
        QCOMPARE(stateChanges.first().at(0).value<KeychainState>(), KeychainState::Unavailable);
        QCOMPARE(stateChanges.first().at(1).toString(), written.message());

        // The same failure again is no news.
        verifyNoSecretServiceError(write(store, m_profile, QStringLiteral("client"), QStringLiteral("s")));
        QCOMPARE(stateChanges.count(), 1);
    }

    void readAndDeleteFailWithAdvice()
    {
        CredentialStore store;
        verifyNoSecretServiceError(read(store, m_profile, QStringLiteral("client")));
        verifyNoSecretServiceError(remove(store, m_profile, QStringLiteral("client")));
        verifyNoSecretServiceError(move(store, m_profile, QStringLiteral("client"), QStringLiteral("other")));
    }

    void sessionOnlyKeepsWorking()
    {
        CredentialStore store;
        store.setSessionSecret(m_profile, QStringLiteral("client"), QStringLiteral("in-memory"));
        const CredentialResult read = CredentialTest::read(store, m_profile, QStringLiteral("client"));
        QVERIFY2(read.ok, qPrintable(read.message()));
        QVERIFY(read.fromSession);
        QCOMPARE(read.secret, QStringLiteral("in-memory"));

        // A failed write keeps the session copy: the app must go on working.
        verifyNoSecretServiceError(write(store, m_profile, QStringLiteral("client"), QStringLiteral("newer")));
        QCOMPARE(CredentialTest::read(store, m_profile, QStringLiteral("client")).secret, QStringLiteral("in-memory"));

        // Replacing it in session-only mode serves the new one, from memory only.
        const QString replaced = QStringLiteral("replaced-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        store.setSessionSecret(m_profile, QStringLiteral("client"), replaced);
        QCOMPARE(CredentialTest::read(store, m_profile, QStringLiteral("client")).secret, replaced);
        QCOMPARE(filesContaining(QDir::homePath(), replaced), QStringList());

        // Other profiles do not see it.
        verifyNoSecretServiceError(CredentialTest::read(store, QStringLiteral("other"), QStringLiteral("client")));
    }

    void sessionSecretFollowsAClientIdChange()
    {
        CredentialStore store;
        store.setSessionSecret(m_profile, QStringLiteral("old"), QStringLiteral("follows"));
        const CredentialResult moved = move(store, m_profile, QStringLiteral("old"), QStringLiteral("new"));
        // The keychain could not be asked about the old key, and says so; the memory copy moved anyway.
        verifyNoSecretServiceError(moved);
        QVERIFY(moved.fromSession);
        QVERIFY(!store.hasSessionSecret(m_profile, QStringLiteral("old")));
        QVERIFY(store.hasSessionSecret(m_profile, QStringLiteral("new")));
        QCOMPARE(CredentialTest::read(store, m_profile, QStringLiteral("new")).secret, QStringLiteral("follows"));
    }

    void removingTheProfileForgetsTheSessionSecret()
    {
        CredentialStore store;
        store.setSessionSecret(m_profile, QStringLiteral("client"), QStringLiteral("bye"));
        verifyNoSecretServiceError(await([&](CredentialStore::Callback cb) {
            store.removeProfile(m_profile, QStringLiteral("client"), std::move(cb));
        }));
        QVERIFY(!store.hasSessionSecret(m_profile, QStringLiteral("client")));
        verifyNoSecretServiceError(read(store, m_profile, QStringLiteral("client")));
    }

    void sessionSecretsDieWithTheStore()
    {
        {
            CredentialStore store;
            store.setSessionSecret(m_profile, QStringLiteral("client"), QStringLiteral("ephemeral"));
        }
        CredentialStore next;
        QVERIFY(!next.hasSessionSecret(m_profile, QStringLiteral("client")));
        verifyNoSecretServiceError(read(next, m_profile, QStringLiteral("client")));
    }

    void cleanupTestCase() { m_bus.stop(); }
};

QTEST_GUILESS_MAIN(TestCredentialStoreNoBus)
#include "tst_credentialstore_nobus.moc"

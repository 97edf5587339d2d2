// CredentialStore against a real Secret Service: scripts/run-tests.sh runs it on a private session bus with a
// freshly unlocked gnome-keyring and a throw-away HOME.

#include "CredentialTestSupport.h"
#include "client/CredentialStore.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace CredentialTest;

class TestCredentialStore : public QObject
{
    Q_OBJECT
private:
    // Unique per run, so that the test never meets (or deletes) anything it did not store itself.
    QString unique(const QString &what) const
    {
        return what + QLatin1Char('-') + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    QString m_profile = unique(QStringLiteral("tst-credentialstore"));
    CredentialStore m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(m_store.state(), KeychainState::Unknown);
        QSignalSpy stateChanges(&m_store, &CredentialStore::keychainStateChanged);
        const CredentialResult probe = write(m_store, m_profile, QStringLiteral("probe"), QStringLiteral("probe"));
        QVERIFY2(probe.ok,
                 qPrintable(QStringLiteral("no usable Secret Service (run this test through "
                                           "scripts/run-tests.sh): ")
                            + probe.message()));
        QCOMPARE(m_store.state(), KeychainState::Available);
        QCOMPARE(m_store.stateMessage(), QString());
        QCOMPARE(stateChanges.count(), 1);
        QCOMPARE(stateChanges.first().at(0).value<KeychainState>(), KeychainState::Available);
        QVERIFY(remove(m_store, m_profile, QStringLiteral("probe")).ok);
    }

    void storeAndReadBack()
    {
        QVERIFY(write(m_store, m_profile, QStringLiteral("client-a"), QStringLiteral("s3cret-ä€")).ok);
        const CredentialResult read = CredentialTest::read(m_store, m_profile, QStringLiteral("client-a"));
        QVERIFY2(read.ok, qPrintable(read.message()));
        QCOMPARE(read.secret, QStringLiteral("s3cret-ä€"));
        QVERIFY(!read.fromSession);
        QVERIFY(!read.notFound);
        QVERIFY(!read.isError());
        QVERIFY(remove(m_store, m_profile, QStringLiteral("client-a")).ok);
    }

    void overwrite()
    {
        QVERIFY(write(m_store, m_profile, QStringLiteral("client-b"), QStringLiteral("first")).ok);
        QVERIFY(write(m_store, m_profile, QStringLiteral("client-b"), QStringLiteral("second")).ok);
        QCOMPARE(CredentialTest::read(m_store, m_profile, QStringLiteral("client-b")).secret, QStringLiteral("second"));
        QVERIFY(remove(m_store, m_profile, QStringLiteral("client-b")).ok);
    }

    void deleteThenReadIsNotFound()
    {
        QVERIFY(write(m_store, m_profile, QStringLiteral("client-c"), QStringLiteral("gone soon")).ok);
        const CredentialResult deleted = remove(m_store, m_profile, QStringLiteral("client-c"));
        QVERIFY2(deleted.ok, qPrintable(deleted.message()));
        const CredentialResult read = CredentialTest::read(m_store, m_profile, QStringLiteral("client-c"));
        QVERIFY(read.notFound);
        QVERIFY(!read.ok);
        QCOMPARE(read.secret, QString());
    }

    void deleteMissingSucceeds()
    {
        const CredentialResult deleted = remove(m_store, m_profile, unique(QStringLiteral("never-stored")));
        QVERIFY2(deleted.ok, qPrintable(deleted.message()));
    }

    void readMissingIsNotFoundNotAnError()
    {
        QSignalSpy stateChanges(&m_store, &CredentialStore::keychainStateChanged);
        const CredentialResult read = CredentialTest::read(m_store, m_profile, unique(QStringLiteral("missing")));
        QVERIFY(read.notFound);
        QVERIFY(!read.ok);
        QVERIFY(!read.isError());
        QCOMPARE(read.error, QKeychain::NoError);
        QCOMPARE(read.errorString, QString());
        QCOMPARE(read.advice, QString());
        QCOMPARE(read.message(), QString());
        QCOMPARE(m_store.state(), KeychainState::Available);
        QCOMPARE(stateChanges.count(), 0);
    }

    // secret-tool talks to the Secret Service on its own: the item is really there, under service
    // "taskwatch" (qtkeychain's attribute "server") and our key (attribute "user"), and really gone after a
    // delete.
    void itemIsInTheSecretService()
    {
        const QString clientId = unique(QStringLiteral("client-d"));
        const QString key = CredentialStore::keyFor(m_profile, clientId);
        QVERIFY(write(m_store, m_profile, clientId, QStringLiteral("visible-to-secret-tool")).ok);

        const ToolOutput lookup = secretToolLookup(key);
        QVERIFY2(lookup.ran && lookup.exitCode == 0, qPrintable(lookup.err));
        // The entry records the tenant the secret was saved for, next to the secret.
        const CredentialStore::Entry entry = CredentialStore::decodeEntry(lookup.out);
        QCOMPARE(entry.secret, QStringLiteral("visible-to-secret-tool"));
        QCOMPARE(entry.tenant, QStringLiteral("https://tenant.example.com:443"));
        const ToolOutput search = secretToolSearch();
        QVERIFY2(search.ran && search.exitCode == 0, qPrintable(search.err));
        QVERIFY2(search.out.contains(QStringLiteral("attribute.user = ") + key), qPrintable(search.out));
        QVERIFY(search.out.contains(QStringLiteral("attribute.server = taskwatch")));

        QVERIFY(remove(m_store, m_profile, clientId).ok);
        const ToolOutput after = secretToolLookup(key);
        QVERIFY(after.ran);
        QVERIFY(after.exitCode != 0);
        QCOMPARE(after.out, QString());
        QVERIFY(!secretToolSearch().out.contains(key));
    }

    void noFileUnderHomeHoldsTheSecret()
    {
        const QString home = QDir::homePath();
        QVERIFY2(home.startsWith(QDir::tempPath()),
                 "HOME must be a throw-away directory: run this test through scripts/run-tests.sh");
        const QString secret = unique(QStringLiteral("never-on-disk"));
        QVERIFY(write(m_store, m_profile, QStringLiteral("client-e"), secret).ok);
        QCOMPARE(CredentialTest::read(m_store, m_profile, QStringLiteral("client-e")).secret, secret);

        // The scan sees the keyring's own (encrypted) file, and it would find a plain copy.
        QVERIFY(fileCount(home) > 0);
        QTemporaryDir control(home + QStringLiteral("/control-XXXXXX"));
        QFile plain(control.filePath(QStringLiteral("plain.txt")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.write("secret=" + secret.toUtf8());
        plain.close();
        QCOMPARE(filesContaining(home, secret), QStringList {plain.fileName()});
        QVERIFY(control.remove());

        QCOMPARE(filesContaining(home, secret), QStringList());
        QVERIFY(remove(m_store, m_profile, QStringLiteral("client-e")).ok);
    }

    void profileRemovalDeletesItsSecret()
    {
        const QString doomed = unique(QStringLiteral("tst-doomed"));
        const QString kept = unique(QStringLiteral("tst-kept"));
        QVERIFY(write(m_store, doomed, QStringLiteral("client"), QStringLiteral("doomed-secret")).ok);
        QVERIFY(write(m_store, kept, QStringLiteral("client"), QStringLiteral("kept-secret")).ok);

        const CredentialResult removed = await([&](CredentialStore::Callback cb) {
            m_store.removeProfile(doomed, QStringLiteral("client"), std::move(cb));
        });
        QVERIFY2(removed.ok, qPrintable(removed.message()));
        QVERIFY(CredentialTest::read(m_store, doomed, QStringLiteral("client")).notFound);
        QVERIFY(secretToolLookup(CredentialStore::keyFor(doomed, QStringLiteral("client"))).exitCode != 0);
        QCOMPARE(CredentialTest::read(m_store, kept, QStringLiteral("client")).secret, QStringLiteral("kept-secret"));
        QVERIFY(remove(m_store, kept, QStringLiteral("client")).ok);
    }

    void moveOnClientIdChange()
    {
        QVERIFY(write(m_store, m_profile, QStringLiteral("old-id"), QStringLiteral("moving")).ok);
        const CredentialResult moved = move(m_store, m_profile, QStringLiteral("old-id"), QStringLiteral("new-id"));
        QVERIFY2(moved.ok, qPrintable(moved.message()));
        QVERIFY(!moved.notFound);
        QCOMPARE(CredentialTest::read(m_store, m_profile, QStringLiteral("new-id")).secret, QStringLiteral("moving"));
        QVERIFY(CredentialTest::read(m_store, m_profile, QStringLiteral("old-id")).notFound);
        QCOMPARE(CredentialStore::decodeEntry(
                         secretToolLookup(CredentialStore::keyFor(m_profile, QStringLiteral("new-id"))).out)
                         .secret,
                 QStringLiteral("moving"));
        QVERIFY(secretToolLookup(CredentialStore::keyFor(m_profile, QStringLiteral("old-id"))).exitCode != 0);
        QVERIFY(remove(m_store, m_profile, QStringLiteral("new-id")).ok);
    }

    void moveOnRenameKeepsTheTenant()
    {
        // The settings dialog renamed the profile: the secret moves to the new name's key with its tenant, and a
        // session-only copy follows at once.
        const QString renamed = unique(QStringLiteral("tst-renamed"));
        const QString clientId = QStringLiteral("rename-id");
        QVERIFY(write(m_store, m_profile, clientId, QStringLiteral("kept")).ok);
        m_store.setSessionSecret(m_profile, clientId, QStringLiteral("session"), testTenant());
        const CredentialResult moved = CredentialTest::await([&](CredentialStore::Callback cb) {
            m_store.moveSecret({m_profile, clientId}, {renamed, clientId}, std::move(cb));
        });
        QVERIFY2(moved.ok, qPrintable(moved.message()));
        QVERIFY(moved.fromSession);
        QVERIFY(!m_store.hasSessionSecret(m_profile, clientId));
        QVERIFY(m_store.hasSessionSecret(renamed, clientId));
        m_store.forgetSessionSecret(renamed, clientId);
        const CredentialStore::Entry entry =
                CredentialStore::decodeEntry(secretToolLookup(CredentialStore::keyFor(renamed, clientId)).out);
        QCOMPARE(entry.secret, QStringLiteral("kept"));
        QCOMPARE(entry.tenant, QStringLiteral("https://tenant.example.com:443"));
        QVERIFY(secretToolLookup(CredentialStore::keyFor(m_profile, clientId)).exitCode != 0);
        QVERIFY(remove(m_store, renamed, clientId).ok);
    }

    void moveWithNothingToMove()
    {
        const CredentialResult moved = move(m_store, m_profile, QStringLiteral("absent"), QStringLiteral("target"));
        QVERIFY(moved.notFound);
        QVERIFY(!moved.ok);
        QVERIFY(!moved.isError());
        QVERIFY(CredentialTest::read(m_store, m_profile, QStringLiteral("target")).notFound);
    }

    void moveToTheSameClientIdKeepsTheSecret()
    {
        QVERIFY(write(m_store, m_profile, QStringLiteral("same"), QStringLiteral("stays")).ok);
        QVERIFY(move(m_store, m_profile, QStringLiteral("same"), QStringLiteral("same")).ok);
        QCOMPARE(CredentialTest::read(m_store, m_profile, QStringLiteral("same")).secret, QStringLiteral("stays"));
        QVERIFY(remove(m_store, m_profile, QStringLiteral("same")).ok);
    }

    void twoProfilesDoNotSeeEachOther()
    {
        const QString one = unique(QStringLiteral("tst-one"));
        const QString two = unique(QStringLiteral("tst-two"));
        const QString clientId = QStringLiteral("shared-client");
        QVERIFY(write(m_store, one, clientId, QStringLiteral("secret-one")).ok);
        QVERIFY(CredentialTest::read(m_store, two, clientId).notFound);
        QVERIFY(write(m_store, two, clientId, QStringLiteral("secret-two")).ok);
        QCOMPARE(CredentialTest::read(m_store, one, clientId).secret, QStringLiteral("secret-one"));
        QCOMPARE(CredentialTest::read(m_store, two, clientId).secret, QStringLiteral("secret-two"));
        QVERIFY(remove(m_store, one, clientId).ok);
        QCOMPARE(CredentialTest::read(m_store, two, clientId).secret, QStringLiteral("secret-two"));
        QVERIFY(remove(m_store, two, clientId).ok);
    }

    // "a/b" + "c" and "a" + "b/c" must not share a key.
    void slashesInNamesDoNotCollide()
    {
        const QString base = unique(QStringLiteral("tst-slash"));
        QVERIFY(write(m_store, base + QStringLiteral("/x"), QStringLiteral("y"), QStringLiteral("first")).ok);
        QVERIFY(CredentialTest::read(m_store, base, QStringLiteral("x/y")).notFound);
        QVERIFY(write(m_store, base, QStringLiteral("x/y"), QStringLiteral("second")).ok);
        QCOMPARE(CredentialTest::read(m_store, base + QStringLiteral("/x"), QStringLiteral("y")).secret,
                 QStringLiteral("first"));
        QVERIFY(remove(m_store, base + QStringLiteral("/x"), QStringLiteral("y")).ok);
        QVERIFY(remove(m_store, base, QStringLiteral("x/y")).ok);
    }

    void sessionSecretStaysInMemory()
    {
        const QString clientId = unique(QStringLiteral("session-client"));
        const QString secret = unique(QStringLiteral("session-secret"));
        m_store.setSessionSecret(m_profile, clientId, secret);
        QVERIFY(m_store.hasSessionSecret(m_profile, clientId));
        const CredentialResult read = CredentialTest::read(m_store, m_profile, clientId);
        QVERIFY(read.ok);
        QVERIFY(read.fromSession);
        QCOMPARE(read.secret, secret);
        QVERIFY(secretToolLookup(CredentialStore::keyFor(m_profile, clientId)).exitCode != 0);
        QCOMPARE(filesContaining(QDir::homePath(), secret), QStringList());

        // Storing it for good hands it to the keychain and drops the memory copy.
        QVERIFY(write(m_store, m_profile, clientId, secret).ok);
        QVERIFY(!m_store.hasSessionSecret(m_profile, clientId));
        const CredentialResult stored = CredentialTest::read(m_store, m_profile, clientId);
        QCOMPARE(stored.secret, secret);
        QVERIFY(!stored.fromSession);
        QVERIFY(remove(m_store, m_profile, clientId).ok);
    }

    void deleteForgetsTheSessionSecret()
    {
        m_store.setSessionSecret(m_profile, QStringLiteral("forget-me"), QStringLiteral("x"));
        QVERIFY(remove(m_store, m_profile, QStringLiteral("forget-me")).ok);
        QVERIFY(!m_store.hasSessionSecret(m_profile, QStringLiteral("forget-me")));
        QVERIFY(CredentialTest::read(m_store, m_profile, QStringLiteral("forget-me")).notFound);
    }

    void callbackRunsLaterNeverInsideTheCall()
    {
        m_store.setSessionSecret(m_profile, QStringLiteral("later"), QStringLiteral("x"));
        bool called = false;
        m_store.readSecret(m_profile, QStringLiteral("later"), [&called](const CredentialResult &) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY(called);
        m_store.forgetSessionSecret(m_profile, QStringLiteral("later"));
        QVERIFY(!m_store.hasSessionSecret(m_profile, QStringLiteral("later")));
    }

    // qtkeychain runs jobs one at a time: once a later job has answered, the abandoned one has too.
    void destroyedStoreNeverCallsBack()
    {
        auto called = std::make_shared<bool>(false);
        auto *doomed = new CredentialStore;
        doomed->readSecret(m_profile, QStringLiteral("whatever"),
                           [called](const CredentialResult &) { *called = true; });
        delete doomed;
        QVERIFY(CredentialTest::read(m_store, m_profile, QStringLiteral("whatever")).notFound);
        QVERIFY(!*called);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"

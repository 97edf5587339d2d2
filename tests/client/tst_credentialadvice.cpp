// The pure parts of CredentialStore: advice for every qtkeychain error, the keychain state it implies, and
// the per-profile keys.

#include "client/CredentialStore.h"

#include <QTest>

class TestCredentialAdvice : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noErrorNeedsNoAdvice()
    {
        QCOMPARE(keychainAdvice(QKeychain::NoError, QString()), QString());
        QCOMPARE(keychainStateFor(QKeychain::NoError, QString()), KeychainState::Available);
    }

    void missingEntryIsNotAKeychainProblem()
    {
        QVERIFY(keychainAdvice(QKeychain::EntryNotFound, QStringLiteral("Entry not found"))
                        .contains(QLatin1String("No secret is stored")));
        QCOMPARE(keychainStateFor(QKeychain::EntryNotFound, QStringLiteral("Entry not found")),
                 KeychainState::Available);
    }

    void advice_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("errorString");
        QTest::addColumn<QString>("expectedWords");
        QTest::addColumn<KeychainState>("state");

        // What libsecret reports on Linux without a keyring (code 7, OtherError).
        QTest::newRow("no secret service") << int(QKeychain::OtherError)
                                           << QStringLiteral("The name org.freedesktop.secrets was not provided by "
                                                             "any .service files")
                                           << QStringLiteral("No Secret Service is running: start gnome-keyring or "
                                                             "KWallet")
                                           << KeychainState::Unavailable;
        QTest::newRow("no session bus") << int(QKeychain::OtherError)
                                        << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY")
                                        << QStringLiteral("no D-Bus session bus") << KeychainState::Unavailable;
        QTest::newRow("kwallet not running")
                << int(QKeychain::NoBackendAvailable) << QStringLiteral("No keychain service available")
                << QStringLiteral("No Secret Service is running") << KeychainState::Unavailable;
        // A locked collection (code 4), and a user who said no.
        QTest::newRow("locked") << int(QKeychain::AccessDenied)
                                << QStringLiteral("Cannot get secret of a locked object")
                                << QStringLiteral("locked or refused access") << KeychainState::Locked;
        QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << QStringLiteral("User canceled")
                                        << QStringLiteral("locked or refused access") << KeychainState::Locked;
        QTest::newRow("locked, said in words only")
                << int(QKeychain::OtherError) << QStringLiteral("Cannot create an item in a locked collection")
                << QStringLiteral("locked or refused access") << KeychainState::Locked;
        QTest::newRow("prompt dismissed") << int(QKeychain::OtherError) << QStringLiteral("The prompt was dismissed")
                                          << QStringLiteral("locked or refused access") << KeychainState::Locked;
        QTest::newRow("not implemented") << int(QKeychain::NotImplemented) << QString()
                                         << QStringLiteral("no keychain that Taskwatch can use")
                                         << KeychainState::Unavailable;
        QTest::newRow("could not delete") << int(QKeychain::CouldNotDeleteEntry) << QStringLiteral("Could not delete")
                                          << QStringLiteral("by hand") << KeychainState::Available;
        QTest::newRow("too large") << int(QKeychain::OtherError)
                                   << QStringLiteral("Credential size exceeds maximum size of 2560")
                                   << QStringLiteral("longer than") << KeychainState::Available;
        QTest::newRow("anything else") << int(QKeychain::OtherError) << QStringLiteral("Unknown error")
                                       << QStringLiteral("then try again") << KeychainState::Unavailable;
        QTest::newRow("no text at all") << int(QKeychain::OtherError) << QString() << QStringLiteral("then try again")
                                        << KeychainState::Unavailable;
    }

    void advice()
    {
        QFETCH(int, error);
        QFETCH(QString, errorString);
        QFETCH(QString, expectedWords);
        QFETCH(KeychainState, state);
        const auto code = static_cast<QKeychain::Error>(error);
        const QString advice = keychainAdvice(code, errorString);
        QVERIFY2(advice.contains(expectedWords), qPrintable(advice));
        // Every error offers the way to keep working.
        QVERIFY2(advice.contains(QLatin1String("for this session only")), qPrintable(advice));
        QVERIFY(!advice.contains(errorString) || errorString.isEmpty());
        QCOMPARE(keychainStateFor(code, errorString), state);
    }

    void resultMessageJoinsErrorAndAdvice()
    {
        CredentialResult result;
        QCOMPARE(result.message(), QString());
        result.error = QKeychain::OtherError;
        result.errorString = QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files");
        result.advice = QStringLiteral("Start a keyring.");
        QCOMPARE(result.message(),
                 QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files. "
                                "Start a keyring."));
        result.errorString = QStringLiteral("Ends with a period.");
        QCOMPARE(result.message(), QStringLiteral("Ends with a period. Start a keyring."));
        result.errorString.clear();
        QCOMPARE(result.message(), QStringLiteral("Start a keyring."));
    }

    void keysAreScopedByServiceProfileAndClientId()
    {
        QCOMPARE(CredentialStore::serviceName(), QStringLiteral("taskwatch"));
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("Acme prod"), QStringLiteral("abc123")),
                 QStringLiteral("taskwatch/Acme prod/abc123"));
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("a/b"), QStringLiteral("c")),
                 QStringLiteral("taskwatch/a%2Fb/c"));
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("a"), QStringLiteral("b/c")),
                 QStringLiteral("taskwatch/a/b%2Fc"));
        QCOMPARE(CredentialStore::keyFor(QStringLiteral("100%"), QStringLiteral("x")),
                 QStringLiteral("taskwatch/100%25/x"));
        QVERIFY(CredentialStore::keyFor(QStringLiteral("a%2Fb"), QStringLiteral("c"))
                != CredentialStore::keyFor(QStringLiteral("a/b"), QStringLiteral("c")));
    }

    void stateNames()
    {
        QCOMPARE(keychainStateName(KeychainState::Unknown), QStringLiteral("Unknown"));
        QCOMPARE(keychainStateName(KeychainState::Available), QStringLiteral("Available"));
        QCOMPARE(keychainStateName(KeychainState::Locked), QStringLiteral("Locked"));
        QCOMPARE(keychainStateName(KeychainState::Unavailable), QStringLiteral("Unavailable"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialAdvice)
#include "tst_credentialadvice.moc"

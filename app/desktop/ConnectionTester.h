#pragma once

#include "models/ConnectionProfile.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class CredentialStore;
class TaskMonitor;

// The settings dialog's "Test connection": one list call through a throw-away engine for the profile as
// typed (the same requests, tokens and TLS checks as the real one), reported once through `finished`.
//
// A secret typed in the dialog is the user's to send where they test. Without one, a stored secret is used
// only for the tenant it was saved for (CredentialStore::readSecretFor): a URL typed but not saved, or a
// profile of another tenant that happens to share the client id, never gets it. The one fallback beyond
// the typed name is a saved profile with the same client id whose secret is bound to the very tenant typed
// (a profile renamed in the dialog, not saved yet): that sends a secret only where it was saved for.
class ConnectionTester : public QObject
{
    Q_OBJECT
public:
    // A secret the app holds outside the keychain (the demo tenant's, the command line's) for one tenant and
    // client id.
    struct KnownSecret
    {
        QUrl baseUrl;
        QString clientId;
        QString secret;
    };

    explicit ConnectionTester(CredentialStore *store, QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Starts a test, dropping any running one. `saved`: the profiles as saved in the settings (their base URL
    // is what a secret of an older version, stored without its tenant, is bound to).
    void test(const ConnectionProfile &typed, const QString &typedSecret, const QList<ConnectionProfile> &saved,
              const QList<KnownSecret> &known = {});
    // Drops the running test: nothing more is reported.
    void cancel();

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    struct Candidate
    {
        QString name;
        QUrl savedUrl;
    };
    void tryStored(int test, QList<Candidate> candidates, bool wrongTenantSeen);
    void run(int test, const QString &secret);
    void report(int test, bool ok, const QString &message);

    QPointer<CredentialStore> m_store; // the app's, beside this tester
    ConnectionProfile m_profile;
    QPointer<TaskMonitor> m_monitor;
    int m_test = 0;
};

#include "ConnectionTester.h"

#include "DesktopLog.h"
#include "client/CredentialStore.h"
#include "client/TaskMonitor.h"
#include "models/TenantUrl.h"

ConnectionTester::ConnectionTester(CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{ }

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::test(const ConnectionProfile &typed, const QString &typedSecret,
                            const QList<ConnectionProfile> &saved, const QList<KnownSecret> &known)
{
    cancel();
    const int test = m_test;
    m_profile = typed;
    if (!typedSecret.isEmpty()) {
        run(test, typedSecret);
        return;
    }
    const QString tenant = TenantUrl::normalized(typed.baseUrl);
    for (const KnownSecret &secret : known) {
        if (!tenant.isEmpty() && TenantUrl::normalized(secret.baseUrl) == tenant && secret.clientId == typed.clientId
            && !secret.secret.isEmpty()) {
            run(test, secret.secret);
            return;
        }
    }
    // The profile under its typed name first (as saved: its saved URL, none for a new one), then saved profiles
    // with the same client id (renamed in the dialog); readSecretFor hands out only a secret bound to `tenant`.
    QList<Candidate> candidates;
    candidates.append({typed.name, QUrl()});
    for (const ConnectionProfile &profile : saved) {
        if (profile.name == typed.name)
            candidates.first().savedUrl = profile.baseUrl;
        else if (profile.clientId == typed.clientId)
            candidates.append({profile.name, profile.baseUrl});
    }
    tryStored(test, candidates, false);
}

void ConnectionTester::cancel()
{
    ++m_test;
    if (m_monitor)
        m_monitor->deleteLater();
}

void ConnectionTester::tryStored(int test, QList<Candidate> candidates, bool wrongTenantSeen)
{
    if (candidates.isEmpty()) {
        report(test, false,
               wrongTenantSeen ? tr("The stored secret was saved for another tenant and is never sent to %1: to "
                                    "test a tenant that is not saved, type its secret in the Secret field.")
                                         .arg(TenantUrl::normalized(m_profile.baseUrl))
                               : tr("No secret is stored for this profile: type it in the Secret field."));
        return;
    }
    const Candidate candidate = candidates.takeFirst();
    m_store->readSecretFor(candidate.name, m_profile.clientId, m_profile.baseUrl, candidate.savedUrl,
                           [this, test, candidates, wrongTenantSeen](const CredentialResult &r) {
                               if (test != m_test)
                                   return;
                               if (r.ok)
                                   run(test, r.secret);
                               else if (r.notFound || r.wrongTenant)
                                   tryStored(test, candidates, wrongTenantSeen || r.wrongTenant);
                               else
                                   report(test, false, r.message());
                           });
}

void ConnectionTester::run(int test, const QString &secret)
{
    if (test != m_test)
        return;
    const ConnectionProfile profile = m_profile;
    auto *monitor = new TaskMonitor(profile, this);
    m_monitor = monitor;
    monitor->setSecret(secret);
    connect(monitor, &TaskMonitor::discovered, this, [this, test, profile](const QList<TaskStatus> &tasks) {
        report(test, true,
               tasks.isEmpty() ? tr("Connected to %1; it has no recent tasks.").arg(profile.baseUrl.host())
                               : tr("Connected to %1.").arg(profile.baseUrl.host()));
    });
    connect(monitor, &TaskMonitor::discoverFailed, this,
            [this, test](const QString &message) { report(test, false, message); });
    monitor->discover(false, 1);
}

void ConnectionTester::report(int test, bool ok, const QString &message)
{
    if (test != m_test)
        return;
    ++m_test; // one report per test
    if (m_monitor)
        m_monitor->deleteLater();
    qCDebug(lcApp) << "connection test" << (ok ? "succeeded" : "failed");
    Q_EMIT finished(ok, message);
}

#include "CredentialStore.h"

#include "CredentialLockProbe.h"
#include "KeychainPlatform.h"
#include "models/TenantUrl.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>

namespace {

// Defined here rather than in Logging.h: this file is the only one that talks to the keychain.
Q_LOGGING_CATEGORY(lcKeychain, "taskwatch.keychain")

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{ }

// Session-only secrets die with the store: nothing of them is written anywhere.
CredentialStore::~CredentialStore() = default;

QString CredentialStore::serviceName()
{
    return QStringLiteral("taskwatch");
}

QString CredentialStore::keyFor(const QString &profile, const QString &clientId)
{
    const auto escape = [](QString part) {
        return part.replace(QLatin1Char('%'), QLatin1String("%25")).replace(QLatin1Char('/'), QLatin1String("%2F"));
    };
    return serviceName() + QLatin1Char('/') + escape(profile) + QLatin1Char('/') + escape(clientId);
}

namespace {

const QString entryFormat = QStringLiteral("taskwatch-secret/1");

} // namespace

QString CredentialStore::encodeEntry(const QString &tenant, const QString &secret)
{
    const QJsonObject entry {{QStringLiteral("format"), entryFormat},
                             {QStringLiteral("tenant"), tenant},
                             {QStringLiteral("secret"), secret}};
    return QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact));
}

CredentialStore::Entry CredentialStore::decodeEntry(const QString &text)
{
    // Only an object in exactly our format counts; anything else is a bare secret of an older version (a real
    // secret that happens to be such a JSON object is not a realistic case).
    if (text.startsWith(u'{')) {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        const QJsonObject object = document.object();
        const QJsonValue tenant = object.value(QStringLiteral("tenant"));
        const QJsonValue secret = object.value(QStringLiteral("secret"));
        if (object.value(QStringLiteral("format")).toString() == entryFormat && tenant.isString() && secret.isString())
            return {tenant.toString(), secret.toString()};
    }
    return {QString(), text};
}

void CredentialStore::readSecret(const QString &profile, const QString &clientId, Callback callback)
{
    const QString key = keyFor(profile, clientId);
    if (const auto it = m_sessionSecrets.constFind(key); it != m_sessionSecrets.constEnd()) {
        const Entry entry = decodeEntry(*it);
        CredentialResult result;
        result.ok = true;
        result.fromSession = true;
        result.secret = entry.secret;
        result.tenant = entry.tenant;
        deliver(std::move(callback), result);
        return;
    }
    startRead(key, [this, callback = std::move(callback)](const Outcome &read) {
        CredentialResult result;
        if (read.error == QKeychain::NoError) {
            const Entry entry = decodeEntry(read.data);
            result.ok = true;
            result.secret = entry.secret;
            result.tenant = entry.tenant;
        } else if (read.error == QKeychain::EntryNotFound) {
            result.notFound = true;
        } else {
            result = failure(read);
        }
        deliver(callback, result);
    });
}

void CredentialStore::readSecretFor(const QString &profile, const QString &clientId, const QUrl &target,
                                    const QUrl &savedUrl, Callback callback)
{
    const QString wanted = TenantUrl::normalized(target);
    const QString saved = TenantUrl::normalized(savedUrl);
    readSecret(profile, clientId,
               [this, profile, clientId, wanted, saved, callback = std::move(callback)](CredentialResult result) {
                   if (!result.ok) {
                       callback(result);
                       return;
                   }
                   const auto answer = [wanted, callback](CredentialResult bound) {
                       if (bound.tenant.isEmpty() || bound.tenant != wanted) {
                           bound.ok = false;
                           bound.wrongTenant = true;
                           bound.secret.clear();
                       }
                       callback(bound);
                   };
                   if (!result.tenant.isEmpty()) {
                       answer(result);
                       return;
                   }
                   // Saved before secrets were bound: it belongs to the profile as saved, the only tenant the
                   // older version sent it to on its own. Bind it there for good.
                   result.tenant = saved;
                   if (saved.isEmpty()) {
                       answer(result);
                       return;
                   }
                   const QString key = keyFor(profile, clientId);
                   if (result.fromSession) {
                       m_sessionSecrets.insert(key, encodeEntry(saved, result.secret));
                       answer(result);
                       return;
                   }
                   qCInfo(lcKeychain) << "binding the secret of" << key << "to" << saved;
                   startWrite(key, encodeEntry(saved, result.secret), [key, result, answer](const Outcome &written) {
                       if (written.error != QKeychain::NoError)
                           qCInfo(lcKeychain) << "could not bind the secret of" << key << "for good; it stays bound "
                                              << "for this run only";
                       answer(result);
                   });
               });
}

void CredentialStore::writeSecret(const QString &profile, const QString &clientId, const QUrl &tenant,
                                  const QString &secret, Callback callback)
{
    const QString key = keyFor(profile, clientId);
    const QString entry = encodeEntry(TenantUrl::normalized(tenant), secret);
    startWrite(key, entry, [this, key, callback = std::move(callback)](const Outcome &written) {
        if (written.error != QKeychain::NoError) {
            deliver(callback, failure(written));
            return;
        }
        m_sessionSecrets.remove(key);
        CredentialResult result;
        result.ok = true;
        deliver(callback, result);
    });
}

void CredentialStore::deleteSecret(const QString &profile, const QString &clientId, Callback callback)
{
    const QString key = keyFor(profile, clientId);
    m_sessionSecrets.remove(key);
    startDelete(key, [this, callback = std::move(callback)](const Outcome &deleted) {
        CredentialResult result;
        // Windows reports a missing entry as an error; gone is gone.
        if (deleted.error == QKeychain::NoError || deleted.error == QKeychain::EntryNotFound)
            result.ok = true;
        else
            result = failure(deleted);
        deliver(callback, result);
    });
}

void CredentialStore::removeProfile(const QString &profile, const QString &clientId, Callback callback)
{
    deleteSecret(profile, clientId, std::move(callback));
}

void CredentialStore::moveSecret(const SecretKey &from, const SecretKey &to, Callback callback)
{
    const QString oldKey = keyFor(from.profile, from.clientId);
    const QString newKey = keyFor(to.profile, to.clientId);
    CredentialResult done;
    done.ok = true;
    if (oldKey == newKey) {
        deliver(std::move(callback), done);
        return;
    }
    // A session-only secret follows the client id at once; memory cannot fail.
    const bool inSession = m_sessionSecrets.contains(oldKey);
    if (inSession)
        m_sessionSecrets.insert(newKey, m_sessionSecrets.take(oldKey));
    done.fromSession = inSession;

    // On failure too, fromSession says that the memory copy did move.
    const auto failed = [inSession](const Outcome &outcome) {
        CredentialResult result = failure(outcome);
        result.fromSession = inSession;
        return result;
    };
    startRead(oldKey, [=, this](const Outcome &read) {
        if (read.error == QKeychain::EntryNotFound) {
            CredentialResult result = done;
            result.ok = inSession;
            result.notFound = !inSession;
            deliver(callback, result);
            return;
        }
        if (read.error != QKeychain::NoError) {
            deliver(callback, failed(read));
            return;
        }
        startWrite(newKey, read.data, [=, this](const Outcome &written) {
            if (written.error != QKeychain::NoError) {
                // Nothing changed in the keychain: the old key still holds the secret.
                deliver(callback, failed(written));
                return;
            }
            startDelete(oldKey, [=, this](const Outcome &deleted) {
                // The new key holds the secret now; a failure here leaves a stale copy under the old key, which
                // the user must hear about.
                const bool gone = deleted.error == QKeychain::NoError || deleted.error == QKeychain::EntryNotFound;
                CredentialResult result = gone ? done : failed(deleted);
                result.staleCopyLeft = !gone;
                deliver(callback, result);
            });
        });
    });
}

void CredentialStore::setSessionSecret(const QString &profile, const QString &clientId, const QString &secret,
                                       const QUrl &tenant)
{
    qCInfo(lcKeychain) << "keeping a secret for" << keyFor(profile, clientId) << "for this session only";
    m_sessionSecrets.insert(keyFor(profile, clientId), encodeEntry(TenantUrl::normalized(tenant), secret));
}

bool CredentialStore::hasSessionSecret(const QString &profile, const QString &clientId) const
{
    return m_sessionSecrets.contains(keyFor(profile, clientId));
}

void CredentialStore::forgetSessionSecret(const QString &profile, const QString &clientId)
{
    m_sessionSecrets.remove(keyFor(profile, clientId));
}

void CredentialStore::startRead(const QString &key, JobCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(serviceName());
    job->setKey(key);
    runJob(job, "read", std::move(done));
}

void CredentialStore::startWrite(const QString &key, const QString &secret, JobCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(serviceName());
    job->setKey(key);
    job->setTextData(secret);
    runJob(job, "write", std::move(done));
}

void CredentialStore::startDelete(const QString &key, JobCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(serviceName());
    job->setKey(key);
    runJob(job, "delete", std::move(done));
}

void CredentialStore::runJob(QKeychain::Job *job, const char *what, JobCallback done)
{
    // Said explicitly although it is the default: a plain-text copy of the secret must never exist.
    job->setInsecureFallback(false);
    // The job has no parent and deletes itself once finished: deleting a running job would leave libsecret
    // calling back into freed memory. The connection's context drops the answer if the store is gone.
    job->setAutoDelete(true);
    connect(job, &QKeychain::Job::finished, this, [this, what, done = std::move(done)](QKeychain::Job *finished) {
        Outcome outcome;
        outcome.error = finished->error();
        const QString key = finished->key();
        const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(finished);
        if (outcome.error == QKeychain::NoError) {
            if (read)
                outcome.data = read->textData();
            qCDebug(lcKeychain) << what << key << "succeeded";
        } else {
            outcome.errorString = finished->errorString();
        }
        // libsecret hides the items of a locked collection (see CredentialLockProbe.h): a read finds nothing and a
        // delete "succeeds" without deleting. Ask before saying "never stored" or "deleted".
        const bool isDelete = qobject_cast<QKeychain::DeletePasswordJob *>(finished) != nullptr;
        const bool maybeHidden = (read && outcome.error == QKeychain::EntryNotFound)
                || (isDelete && (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound));
        if (maybeHidden) {
            probeDefaultCollectionLocked(this, [this, what, key, outcome, isDelete, done](bool locked) mutable {
                if (locked) {
                    outcome.error = QKeychain::AccessDenied;
                    outcome.errorString = isDelete
                            ? tr("The default keyring is locked, so its secrets cannot be deleted")
                            : tr("The default keyring is locked, so its secrets cannot be read");
                }
                finishJob(what, key, outcome, done);
            });
            return;
        }
        finishJob(what, key, outcome, done);
    });
    job->start();
}

void CredentialStore::finishJob(const char *what, const QString &key, const Outcome &outcome, const JobCallback &done)
{
    if (outcome.error == QKeychain::EntryNotFound)
        qCDebug(lcKeychain) << what << key << ": no such entry";
    else if (outcome.error != QKeychain::NoError)
        qCWarning(lcKeychain).nospace() << what << " " << key << " failed (" << outcome.error
                                        << "): " << outcome.errorString;
    learnState(outcome);
    done(outcome);
}

void CredentialStore::learnState(const Outcome &outcome)
{
    const KeychainState learned = keychainStateFor(outcome.error, outcome.errorString);
    const QString message = learned == KeychainState::Available ? QString() : failure(outcome).message();
    if (learned == m_state && message == m_stateMessage)
        return;
    m_state = learned;
    m_stateMessage = message;
    qCInfo(lcKeychain) << "keychain state:" << keychainStateName(learned);
    Q_EMIT keychainStateChanged(learned, message);
}

CredentialResult CredentialStore::failure(const Outcome &outcome)
{
    CredentialResult result;
    result.error = outcome.error;
    result.errorString = outcome.errorString;
    result.advice = keychainAdvice(outcome.error, outcome.errorString);
    return result;
}

void CredentialStore::deliver(Callback callback, const CredentialResult &result)
{
    if (!callback)
        return;
    QTimer::singleShot(0, this, [callback = std::move(callback), result] { callback(result); });
}

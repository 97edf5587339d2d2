#pragma once

#include "models/SecretChanges.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>
#include <qt6keychain/keychain.h>

#include <functional>

// The outcome of one CredentialStore operation, handed to its callback.
struct CredentialResult
{
    bool ok = false; // the operation succeeded (for reads: a secret was found)
    bool notFound = false; // nothing stored under that key; not an error
    bool fromSession = false; // the secret was served from (or kept in) session-only memory
    QString secret; // reads only
    // Reads: the normalised tenant (TenantUrl::normalized) the secret is bound to; empty for an entry saved by
    // a version of Taskwatch that did not record it (readSecretFor binds those to the profile's saved URL).
    QString tenant;
    // readSecretFor: a secret is stored, but for `tenant`, not for the URL asked about. ok is false and secret
    // is empty: the secret never leaves the store for another tenant.
    bool wrongTenant = false;
    // moveSecret: the new key holds the secret, but the old key could not be deleted and still holds a copy.
    bool staleCopyLeft = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString; // qtkeychain's own words, empty without an error
    QString advice; // what the user can do about the error, empty without an error

    bool isError() const { return error != QKeychain::NoError; }
    // errorString and advice as one sentence pair for a dialog or the status bar.
    QString message() const;
};

// What the last keychain operation taught us about the keychain itself.
enum class KeychainState {
    Unknown, // nothing asked yet
    Available, // the last operation reached the keychain (a missing entry counts)
    Locked, // the keychain is there but locked, or refused access
    Unavailable, // no keychain service answered, or it failed
};

// Pure: what the user can do about a keychain error, in words (empty for NoError). Looks at the text too,
// because on Linux almost everything arrives as OtherError.
QString keychainAdvice(QKeychain::Error error, const QString &errorString);
// Pure: keychainAdvice without the desktop app's session-only fallback and without the not-found text: what
// to do about the keychain itself (taskwatch-cli adds its own fallback, SAIL_CLIENT_SECRET). Empty for
// NoError and EntryNotFound.
QString keychainRemedy(QKeychain::Error error, const QString &errorString);
// Pure: the keychain state an operation's outcome implies.
KeychainState keychainStateFor(QKeychain::Error error, const QString &errorString);
QString keychainStateName(KeychainState state);

// The only caller of qtkeychain. Keeps each profile's long-lived client secret (or personal access token)
// in the operating system's keychain under the service "taskwatch", with one key per profile and client
// id; access tokens never come here. Each entry records the tenant it was saved for (its normalised base
// URL, see encodeEntry), and readSecretFor hands a secret out only for that tenant: a leftover SAIL_BASE_URL,
// a --base-url or a URL typed in the settings dialog cannot send a stored secret to another host. qtkeychain's insecure
// (plain-text) fallback stays off and there is no other fallback: when the keychain fails, the caller may keep the
// secret for this session only (setSessionSecret), in memory, forgotten when the store is destroyed.
//
// Every operation is asynchronous: the callback runs later from the event loop, never inside the call, and
// never after the store is destroyed. qtkeychain runs jobs one at a time in the order they were started.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult &)>;

    explicit CredentialStore(QObject *parent = nullptr);
    ~CredentialStore() override;

    static QString serviceName();
    // "taskwatch/<profile>/<clientId>" with '%' and '/' escaped, so that no two pairs share a key. The
    // service is part of the key because Windows' Credential Manager keys on it alone.
    static QString keyFor(const QString &profile, const QString &clientId);

    // Pure: a keychain entry's text, {"format":"taskwatch-secret/1","tenant":...,"secret":...}, and back. An entry
    // that is not such an object is an older version's bare secret: tenant empty, the text is the secret.
    static QString encodeEntry(const QString &tenant, const QString &secret);
    struct Entry
    {
        QString tenant;
        QString secret;
    };
    static Entry decodeEntry(const QString &text);

    // The entry as stored, with the tenant it is bound to (result.tenant), whatever URL it is for: to move or
    // check an entry, never to send the secret anywhere (that is readSecretFor). A session-only secret for the
    // key wins over the keychain. notFound when nothing is stored; on Linux a locked collection (which the
    // Secret Service answers like a missing entry) is an AccessDenied error.
    void readSecret(const QString &profile, const QString &clientId, Callback callback);
    // The secret to send to `target`: ok only when the entry is bound to target's tenant, otherwise wrongTenant
    // (and no secret). An entry of an older version, saved without a tenant, counts as bound to `savedUrl`, the
    // profile's base URL as saved in the settings (not a URL from the command line or the environment); it is
    // written back bound to it, so that the binding holds from then on (a failed write-back is only logged).
    void readSecretFor(const QString &profile, const QString &clientId, const QUrl &target, const QUrl &savedUrl,
                       Callback callback);
    // Stores the secret bound to `tenant` (normalised; an empty or unusable URL stores it unbound, which only
    // carries over an entry that was unbound already). On success any session-only copy is forgotten: the
    // keychain holds it now.
    void writeSecret(const QString &profile, const QString &clientId, const QUrl &tenant, const QString &secret,
                     Callback callback);
    // Forgets the session-only copy too. Deleting a missing secret succeeds.
    void deleteSecret(const QString &profile, const QString &clientId, Callback callback);
    // For a profile's removal: deletes its secret.
    void removeProfile(const QString &profile, const QString &clientId, Callback callback);
    // The profile was renamed or its client id changed: a session-only copy follows at once; in the keychain,
    // read the old key, write the new one (the entry as it is, so it keeps its tenant), then delete the old
    // one. A failure before the new key is written leaves the old one intact; a failed delete is reported,
    // as it leaves a stale copy. notFound when there was nothing to move; fromSession (also on failure) when
    // the session-only copy moved.
    void moveSecret(const SecretKey &from, const SecretKey &to, Callback callback);

    // Session-only mode: memory only, never written anywhere, forgotten at exit. Bound to `tenant` like a
    // stored secret.
    void setSessionSecret(const QString &profile, const QString &clientId, const QString &secret,
                          const QUrl &tenant = {});
    bool hasSessionSecret(const QString &profile, const QString &clientId) const;
    void forgetSessionSecret(const QString &profile, const QString &clientId);

    KeychainState state() const { return m_state; }
    // Why the keychain is not usable (errorString and advice); empty while it is.
    QString stateMessage() const { return m_stateMessage; }

Q_SIGNALS:
    void keychainStateChanged(KeychainState state, const QString &message);

private:
    struct Outcome
    {
        QKeychain::Error error = QKeychain::NoError;
        QString errorString;
        QString data;
    };
    using JobCallback = std::function<void(const Outcome &)>;

    void startRead(const QString &key, JobCallback done);
    void startWrite(const QString &key, const QString &secret, JobCallback done);
    void startDelete(const QString &key, JobCallback done);
    void runJob(QKeychain::Job *job, const char *what, JobCallback done);
    void finishJob(const char *what, const QString &key, const Outcome &outcome, const JobCallback &done);
    void learnState(const Outcome &outcome);
    static CredentialResult failure(const Outcome &outcome);
    // Runs the callback from the event loop: never inside the call that started the operation, never after the
    // store is gone.
    void deliver(Callback callback, const CredentialResult &result);

    QHash<QString, QString> m_sessionSecrets; // key → entry (encodeEntry)
    KeychainState m_state = KeychainState::Unknown;
    QString m_stateMessage;
};

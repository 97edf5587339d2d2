#pragma once

#include "CliOptions.h"

#include <QObject>
#include <QTextStream>

#include <functional>

class CredentialStore;
class QSettings;
struct CredentialResult;
class TaskStatusClient;

// taskwatch-cli login and logout: a connection profile in the app's settings (shared with the desktop app)
// and its client secret in the system keychain (CredentialStore), never anywhere else.
//
// login: validates the profile, makes sure a keychain answers, reads the secret (readSecret: stdin), checks
// it with the tenant (a token and one list call with limit 1, unless --no-verify), then stores the secret and
// after it the profile. Refused credentials (exit 3), an unreachable tenant (5) or an unusable keychain (2)
// store nothing. logout: deletes the secret, then the profile's settings group.
class CliLogin : public QObject
{
    Q_OBJECT
public:
    CliLogin(const CliOptions &options, QSettings &settings, std::function<QString()> readSecret, QTextStream &out,
             QTextStream &err, QObject *parent = nullptr);
    ~CliLogin() override;

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void login();
    void askSecret();
    void verify();
    void storeSecret();
    void saveProfile();
    void forgetPreviousSecret();
    void logout();
    QString profileText() const;
    void fail(int code, const QString &message);
    void finish(int code);

    CliOptions m_options;
    QSettings &m_settings;
    std::function<QString()> m_readSecret;
    QTextStream &m_out;
    QTextStream &m_err;
    CredentialStore *m_store;
    TaskStatusClient *m_client = nullptr;
    CliLoginPlan m_plan;
    QString m_secret; // memory only, dropped as soon as it is stored
    bool m_done = false;
};

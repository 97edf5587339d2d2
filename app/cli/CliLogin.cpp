#include "CliLogin.h"

#include "CliOutput.h"
#include "client/CredentialStore.h"
#include "client/ProfileStore.h"
#include "client/TaskStatusClient.h"
#include "models/UrlPolicy.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcCli, "taskwatch.cli")

// A function, not a constant: translated when said, after main() installed the translation.
QString useEnvironment()
{
    return QCoreApplication::translate("CliLogin",
                                       "Nothing was stored; use SAIL_CLIENT_SECRET for this shell instead.");
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(u'.'))
        text += u'.';
    return text;
}

QString settingsStatusText(QSettings::Status status)
{
    switch (status) {
    case QSettings::NoError:
        break;
    case QSettings::AccessError:
        return QCoreApplication::translate("CliLogin", "it cannot be written");
    case QSettings::FormatError:
        return QCoreApplication::translate("CliLogin", "it is not a valid settings file");
    }
    return {};
}

} // namespace

CliLogin::CliLogin(const CliOptions &options, QSettings &settings, std::function<QString()> readSecret,
                   QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(settings)
    , m_readSecret(std::move(readSecret))
    , m_out(out)
    , m_err(err)
    , m_store(new CredentialStore(this))
{ }

CliLogin::~CliLogin() = default;

void CliLogin::start()
{
    if (m_options.command == CliCommand::Logout)
        logout();
    else
        login();
}

void CliLogin::login()
{
    m_plan = resolveLogin(m_options, m_settings);
    if (!m_plan.error.isEmpty()) {
        fail(CliExit::Usage, m_plan.error);
        return;
    }
    m_client = new TaskStatusClient(m_plan.profile, {}, this);
    const QString setupProblem = m_client->setupProblem().translated(); // e.g. an unreadable CA file
    if (!setupProblem.isEmpty()) {
        fail(CliExit::Usage, setupProblem);
        return;
    }
    // Ask the keychain before the user types a secret it could not keep. A locked one may still unlock when
    // written to (the desktop asks for its password), so only a missing keychain stops here.
    qCDebug(lcCli) << "asking the keychain before reading the secret";
    const ConnectionProfile &profile = m_plan.profile;
    m_store->readSecret(profile.name, profile.clientId, [this](const CredentialResult &result) {
        if (result.isError() && keychainStateFor(result.error, result.errorString) == KeychainState::Unavailable) {
            fail(CliExit::Usage,
                 CliOutput::keychainProblem(
                         QCoreApplication::translate("CliLogin", "the system keychain cannot keep the secret"), result,
                         useEnvironment()));
            return;
        }
        askSecret();
    });
}

void CliLogin::askSecret()
{
    m_secret = m_readSecret();
    if (m_secret.isEmpty()) {
        fail(CliExit::Usage,
             QCoreApplication::translate("CliLogin", "no client secret on stdin: type it, or pipe it in (one line)"));
        return;
    }
    if (m_options.noVerify)
        storeSecret();
    else
        verify();
}

void CliLogin::verify()
{
    qCDebug(lcCli) << "checking the credentials with" << UrlPolicy::forDisplay(m_plan.profile.baseUrl);
    m_client->setSecret(m_secret);
    ApiRoutes::ListQuery query;
    query.limit = 1;
    m_client->fetchList(query, this, [this](const FetchOutcome &outcome) {
        switch (outcome.kind) {
        case FetchOutcome::Kind::Ok:
            storeSecret();
            return;
        case FetchOutcome::Kind::Auth:
            fail(CliExit::Auth,
                 sentence(CliOutput::problemText(outcome.problem))
                         + QCoreApplication::translate("CliLogin", " Nothing was stored."));
            return;
        case FetchOutcome::Kind::Misconfigured:
            fail(CliExit::Usage, CliOutput::problemText(outcome.problem));
            return;
        case FetchOutcome::Kind::NotFound: // no task-status list there: a profile that would not work
        case FetchOutcome::Kind::Server:
        case FetchOutcome::Kind::Connection:
        case FetchOutcome::Kind::Cancelled:
            break;
        }
        fail(CliExit::Network,
             QCoreApplication::translate("CliLogin", "cannot check the credentials: ")
                     + sentence(CliOutput::problemText(outcome.problem))
                     + QCoreApplication::translate("CliLogin",
                                                   " Nothing was stored (--no-verify stores them unchecked)."));
    });
}

void CliLogin::storeSecret()
{
    const ConnectionProfile &profile = m_plan.profile;
    m_store->writeSecret(profile.name, profile.clientId, profile.baseUrl, m_secret,
                         [this](const CredentialResult &result) {
                             m_secret.clear();
                             m_client->setSecret({});
                             if (!result.ok) {
                                 fail(CliExit::Usage,
                                      CliOutput::keychainProblem(
                                              QCoreApplication::translate(
                                                      "CliLogin", "cannot store the secret in the system keychain"),
                                              result, useEnvironment()));
                                 return;
                             }
                             qCDebug(lcCli) << "secret stored under"
                                            << CredentialStore::keyFor(m_plan.profile.name, m_plan.profile.clientId);
                             saveProfile();
                         });
}

void CliLogin::saveProfile()
{
    ProfileStore::write(m_settings, m_plan.profile);
    m_settings.sync();
    if (m_settings.status() == QSettings::NoError) {
        forgetPreviousSecret();
        return;
    }
    const QString message = QCoreApplication::translate("CliLogin", "cannot save the profile in %1: %2")
                                    .arg(m_settings.fileName(), settingsStatusText(m_settings.status()));
    const ConnectionProfile &profile = m_plan.profile;
    if (m_plan.previousClientId == profile.clientId) {
        // The secret replaced the one the saved profile already had: it belongs there.
        fail(CliExit::Usage, message);
        return;
    }
    // A secret no profile points to would linger in the keychain: take it back.
    m_store->deleteSecret(profile.name, profile.clientId, [this, message](const CredentialResult &) {
        fail(CliExit::Usage, message + QCoreApplication::translate("CliLogin", "; nothing was stored"));
    });
}

void CliLogin::forgetPreviousSecret()
{
    const QString previous = m_plan.previousClientId;
    const ConnectionProfile &profile = m_plan.profile;
    auto done = [this] {
        m_out << (m_options.noVerify
                          ? QCoreApplication::translate("CliLogin", "Saved profile %1 without checking the credentials")
                          : QCoreApplication::translate("CliLogin", "Logged in: profile %1 saved"))
                         .arg(profileText())
              << QCoreApplication::translate("CliLogin", "; its client secret is in the system keychain.") << Qt::endl;
        finish(CliExit::Ok);
    };
    if (previous.isEmpty() || previous == profile.clientId) {
        done();
        return;
    }
    // The client id changed: the old one's secret has no use any more.
    m_store->deleteSecret(profile.name, previous, [this, previous, done](const CredentialResult &result) {
        if (!result.ok)
            m_err << "taskwatch-cli: "
                  << CliOutput::keychainProblem(
                             QCoreApplication::translate("CliLogin",
                                                         "the secret of the old client id %1 is still in the keychain")
                                     .arg(previous),
                             result, {})
                  << Qt::endl;
        done();
    });
}

void CliLogin::logout()
{
    const QString name = m_options.profile.isEmpty() ? cliDefaultProfile() : m_options.profile;
    if (!ProfileStore::exists(m_settings, name)) {
        fail(CliExit::Usage, QCoreApplication::translate("CliLogin", "there is no saved profile \"%1\"").arg(name));
        return;
    }
    m_plan.profile = ProfileStore::read(m_settings, name);
    const auto cannotRemove = [this, name](const CredentialResult &result) {
        fail(CliExit::Usage,
             CliOutput::keychainProblem(
                     QCoreApplication::translate("CliLogin",
                                                 "cannot remove the secret of profile \"%1\" from the keychain")
                             .arg(name),
                     result,
                     QCoreApplication::translate("CliLogin",
                                                 "The profile is kept, so that logout can be tried again.")));
    };
    // A locked Secret Service collection hides its items, so deleting from it "succeeds" and removes nothing.
    // A read tells a locked keychain from a missing secret (CredentialStore asks): delete only when it answers.
    m_store->readSecret(name, m_plan.profile.clientId, [this, name, cannotRemove](const CredentialResult &read) {
        if (read.isError()) {
            cannotRemove(read);
            return;
        }
        m_store->deleteSecret(
                name, m_plan.profile.clientId, [this, name, cannotRemove](const CredentialResult &result) {
                    if (!result.ok) {
                        cannotRemove(result);
                        return;
                    }
                    ProfileStore::remove(m_settings, name);
                    m_settings.sync();
                    if (m_settings.status() != QSettings::NoError) {
                        fail(CliExit::Usage,
                             QCoreApplication::translate(
                                     "CliLogin",
                                     "the secret is removed from the keychain, but the profile cannot be removed "
                                     "from %1: %2")
                                     .arg(m_settings.fileName(), settingsStatusText(m_settings.status())));
                        return;
                    }
                    m_out << QCoreApplication::translate("CliLogin",
                                                         "Logged out: profile %1 and its client secret are removed.")
                                     .arg(profileText())
                          << Qt::endl;
                    finish(CliExit::Ok);
                });
    });
}

QString CliLogin::profileText() const
{
    const ConnectionProfile &profile = m_plan.profile;
    return QCoreApplication::translate("CliLogin", "\"%1\" (%2, %3, client id %4)")
            .arg(profile.name, UrlPolicy::forDisplay(profile.baseUrl), ApiVersions::name(profile.apiVersion),
                 profile.clientId);
}

void CliLogin::fail(int code, const QString &message)
{
    m_err << "taskwatch-cli: " << message << Qt::endl;
    finish(code);
}

void CliLogin::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_secret.clear();
    Q_EMIT finished(code);
}

#include "SettingsApplier.h"

#include "DesktopLog.h"
#include "client/CredentialStore.h"
#include "ui/Autostart.h"
#include "ui/Formatting.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <memory>

namespace {

// Runs asynchronous steps one after the other. Each pending step's callback owns the runner, so it lives
// exactly as long as there is something left to run.
struct StepRunner : std::enable_shared_from_this<StepRunner>
{
    QList<std::function<void(std::function<void()>)>> steps;
    std::function<void()> done;
    qsizetype index = 0;

    void next()
    {
        if (index >= steps.size()) {
            const std::function<void()> finish = std::move(done);
            finish();
            return;
        }
        const auto step = steps.at(index++);
        step([self = shared_from_this()] { self->next(); });
    }
};

} // namespace

SettingsApplier::SettingsApplier(CredentialStore *credentials, const QString &autostartPath, const QString &programPath,
                                 QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_autostartPath(autostartPath)
    , m_programPath(programPath)
{ }

void SettingsApplier::rememberOpened()
{
    QSettings settings;
    const DesktopSettings desktop(settings);
    m_opened = desktop.snapshot(); // the base of the dialog's changes (DesktopSettings::applyChanges)
    m_openedProfile = desktop.profile(m_opened.current);
}

QString SettingsApplier::autostartPath() const
{
    return m_autostartPath.isEmpty() ? Autostart::defaultPath() : m_autostartPath;
}

void SettingsApplier::runSteps(const QList<Step> &steps, std::function<void()> done)
{
    auto runner = std::make_shared<StepRunner>();
    runner->steps = steps;
    runner->done = std::move(done);
    runner->next();
}

SettingsApplier::Step SettingsApplier::removeStep(const SecretKey &removed, QStringList *problems)
{
    return [this, removed, problems](std::function<void()> next) {
        m_credentials->removeProfile(
                removed.profile, removed.clientId, [problems, removed, next](const CredentialResult &r) {
                    if (r.isError())
                        problems->append(tr("The secret of the removed profile %1 could not be "
                                            "deleted: %2")
                                                 .arg(Formatting::quoted(removed.profile), r.message()));
                    next();
                });
    };
}

SettingsApplier::Step SettingsApplier::moveStep(const SecretMove &move, QStringList *problems)
{
    return [this, move, problems](std::function<void()> next) {
        m_credentials->moveSecret(move.from, move.to, [move, problems, next](const CredentialResult &r) {
            // A session-only secret did move (fromSession): it is usable under the new key, and the keychain's
            // own trouble is already shown with its state.
            if (r.isError() && !r.fromSession)
                problems->append(tr("The secret of %1 could not be moved in the keychain: %2")
                                         .arg(Formatting::quoted(move.to.profile), r.message()));
            next();
        });
    };
}

SettingsApplier::Step SettingsApplier::changeStep(const SecretChange &change, const QUrl &tenant, QStringList *problems)
{
    return [this, change, tenant, problems](std::function<void()> next) {
        if (change.sessionOnly) {
            m_credentials->setSessionSecret(change.profile, change.clientId, change.secret, tenant);
            next();
            return;
        }
        m_credentials->writeSecret(
                change.profile, change.clientId, tenant, change.secret,
                [this, change, tenant, problems, next](const CredentialResult &r) {
                    if (r.isError()) {
                        // Still usable now; the person learns why it will not last.
                        m_credentials->setSessionSecret(change.profile, change.clientId, change.secret, tenant);
                        problems->append(tr("The secret of %1 could not be stored in the keychain and is kept "
                                            "for this session only. %2")
                                                 .arg(Formatting::quoted(change.profile), r.message()));
                    }
                    next();
                });
    };
}

void SettingsApplier::apply(const AcceptedSettings &accepted)
{
    auto problems = std::make_shared<QStringList>();
    QList<Step> steps;
    // The order SettingsDialog documents: removed profiles, moved secrets, typed secrets; then the rest.
    for (const SecretKey &removed : accepted.removed)
        steps.append(removeStep(removed, problems.get()));
    for (const SecretMove &move : accepted.moves)
        steps.append(moveStep(move, problems.get()));
    for (const SecretChange &change : accepted.changes) {
        // A typed secret is bound to the tenant its profile is saved with.
        QUrl tenant;
        for (const ConnectionProfile &profile : accepted.profiles) {
            if (profile.name == change.profile)
                tenant = profile.baseUrl;
        }
        steps.append(changeStep(change, tenant, problems.get()));
    }
    runSteps(steps, [this, accepted, problems] { commit(accepted, *problems); });
}

void SettingsApplier::applyAutostart(const Preferences &preferences, QStringList *problems) const
{
    if (!Autostart::isSupported())
        return;
    Autostart autostart(autostartPath());
    bool ok = true;
    if (preferences.launchAtLogin) {
        const QString program = m_programPath.isEmpty() ? QCoreApplication::applicationFilePath() : m_programPath;
        ok = autostart.enable(program, {QStringLiteral("--minimized")});
    } else if (autostart.isEnabled() || QFileInfo::exists(autostart.path())) {
        ok = autostart.disable();
    }
    if (!ok)
        problems->append(tr("Launch at login could not be changed: %1").arg(autostart.errorString()));
}

void SettingsApplier::commit(const AcceptedSettings &accepted, const QStringList &problems)
{
    Outcome outcome {accepted, problems, false};
    QSettings settings;
    DesktopSettings desktop(settings);
    // Onto the settings as they are now: a profile `taskwatch-cli login` added meanwhile stays.
    desktop.applyChanges(m_opened, {accepted.profiles, accepted.current, accepted.preferences});
    settings.sync();
    if (settings.status() != QSettings::NoError)
        outcome.problems.append(tr("The settings could not be saved (%1).").arg(settings.fileName()));
    qCInfo(lcApp) << "settings applied; current profile" << accepted.current;
    applyAutostart(accepted.preferences, &outcome.problems);
    outcome.currentChanged =
            accepted.current != m_opened.current || desktop.profile(accepted.current) != m_openedProfile;
    Q_EMIT committed(outcome);
}

bool AcceptedSettings::touchesSecretOf(const SecretKey &key) const
{
    return std::any_of(changes.cbegin(), changes.cend(),
                       [&](const SecretChange &change) {
                           return SecretKey {change.profile, change.clientId} == key;
                       })
            || std::any_of(moves.cbegin(), moves.cend(), [&](const SecretMove &move) { return move.to == key; });
}

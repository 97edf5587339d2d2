#include "CliRunner.h"

#include "CliFollow.h"
#include "CliOutput.h"
#include "client/CredentialStore.h"
#include "client/RunHistoryStore.h"
#include "client/TaskClearer.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "models/TenantUrl.h"

#include <QCoreApplication>
#include <QDateTime>

CliRunner::CliRunner(const CliOptions &options, const CliConnection &connection, QTextStream &out, QTextStream &err,
                     bool terminal, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_connection(connection)
    , m_out(out)
    , m_err(err)
    , m_terminal(terminal)
    , m_monitor(new TaskMonitor(connection.profile, this))
{
    // get checks once; the timer of a later round must not fire before the answers are printed.
    const bool watches = options.command == CliCommand::Wait || options.command == CliCommand::Follow;
    m_monitor->setPollInterval(watches ? options.interval : std::chrono::seconds(300));
    m_monitor->setBudgetShare(options.budgetShare);
    if (watches) // finished runs are kept, and running ones past their usual time are overdue
        (new RunHistoryStore({}, this))->serve(m_monitor); // a child made after the engine: it goes after it
    if (options.fixedInterval)
        m_monitor->setPollPace(PollScheduler::Pace::Fixed);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { finishGetOrWait(true); });
    m_redraw.setSingleShot(true);
    m_redraw.setInterval(250);
    connect(&m_redraw, &QTimer::timeout, this, &CliRunner::drawLive);
}

static_assert(CliOptions::DefaultBudgetShare == TaskMonitor::DefaultBudgetShare, "one default share for both programs");

namespace {

// wait ends when every task has finished or is known not to exist.
bool isSettled(const WatchedTask &task)
{
    return task.problem.kind == FetchProblem::Kind::NotFound
            || (task.status && isFinished(task.status->state()) && task.problem.isNone());
}

} // namespace

CliRunner::~CliRunner() = default;

void CliRunner::start()
{
    // A profile that cannot work as set (an unreadable CA file, a refused URL) is a configuration error on
    // every command: exit 2 before the keychain is asked or a request is sent.
    if (m_monitor->connectionState().kind == ConnectionState::Kind::Misconfigured) {
        m_err << "taskwatch-cli: " << m_monitor->connectionState().shownMessage() << Qt::endl;
        m_connection.secret.clear();
        finish(CliExit::Usage);
        return;
    }
    if (m_connection.secretInKeychain)
        readSecretFromKeychain();
    else
        run(m_connection.secret);
    m_connection.secret.clear(); // the monitor has it now; one copy in memory is enough
}

void CliRunner::readSecretFromKeychain()
{
    m_store = new CredentialStore(this);
    const ConnectionProfile &profile = m_connection.profile;
    // The secret goes only to the tenant it was saved for: a leftover SAIL_BASE_URL or a --base-url naming
    // another host gets nothing (and no request at all).
    m_store->readSecretFor(
            profile.name, profile.clientId, profile.baseUrl, m_connection.savedBaseUrl,
            [this](const CredentialResult &result) {
                const ConnectionProfile &profile = m_connection.profile;
                if (result.ok) {
                    run(result.secret);
                    return;
                }
                const QString login = profile.name == cliDefaultProfile()
                        ? QStringLiteral("taskwatch-cli login")
                        : QStringLiteral("taskwatch-cli login --profile %1").arg(profile.name);
                if (result.wrongTenant)
                    m_err << "taskwatch-cli: "
                          << QCoreApplication::translate(
                                     "CliRunner",
                                     "the client secret of profile \"%1\" was saved for %2, not for %3 (from %4): it "
                                     "is not sent to another tenant. Use the profile's own tenant, or give this "
                                     "tenant's secret with SAIL_CLIENT_SECRET or --client-secret-stdin")
                                     .arg(profile.name, result.tenant, TenantUrl::normalized(profile.baseUrl),
                                          m_connection.baseUrlSource)
                          << Qt::endl;
                else if (result.notFound)
                    m_err << "taskwatch-cli: "
                          << QCoreApplication::translate(
                                     "CliRunner",
                                     "no client secret for profile \"%1\" (client id %2) in the system keychain: run "
                                     "'%3', or set SAIL_CLIENT_SECRET")
                                     .arg(profile.name, profile.clientId, login)
                          << Qt::endl;
                else
                    m_err << "taskwatch-cli: "
                          << CliOutput::keychainProblem(
                                     QCoreApplication::translate(
                                             "CliRunner",
                                             "cannot read the client secret of profile \"%1\" from the system keychain")
                                             .arg(profile.name),
                                     result,
                                     QCoreApplication::translate("CliRunner",
                                                                 "Or use SAIL_CLIENT_SECRET for this shell instead."))
                          << Qt::endl;
                finish(CliExit::Usage);
            });
}

void CliRunner::run(const QString &secret)
{
    m_monitor->setSecret(secret);
    connect(m_monitor, &TaskMonitor::connectionStateChanged, this, [this](const ConnectionState &state) {
        // The tenant asked us to wait: say so, or a silent pause looks like a hang.
        if (state.kind == ConnectionState::Kind::RateLimited) {
            m_err << "taskwatch-cli: " << state.text(QDateTime::currentDateTimeUtc()) << Qt::endl;
            return;
        }
        // clear and follow read through their own requests; their results speak for themselves.
        if (m_options.command == CliCommand::Clear || m_options.command == CliCommand::Follow)
            return;
        if (state.kind == ConnectionState::Kind::AuthFailed || state.kind == ConnectionState::Kind::Misconfigured) {
            m_err << "taskwatch-cli: " << state.shownMessage() << Qt::endl;
            if (m_options.command == CliCommand::List)
                finish(state.kind == ConnectionState::Kind::AuthFailed ? CliExit::Auth : CliExit::Usage);
            else
                finishGetOrWait(false);
        }
    });

    if (m_options.command == CliCommand::Follow) {
        auto *follow = new CliFollow(m_monitor, m_options, m_out, m_err, this);
        connect(follow, &CliFollow::finished, this, &CliRunner::finish);
        follow->start();
        return;
    }
    if (m_options.command == CliCommand::Clear) {
        auto *clear = new CliClear(m_monitor, m_options, m_ask, m_out, m_err, this);
        connect(clear, &CliClear::finished, this, &CliRunner::finish);
        clear->start();
        return;
    }
    if (m_options.command == CliCommand::List && m_options.pending) {
        listPending();
        return;
    }
    if (m_options.command == CliCommand::List) {
        connect(m_monitor, &TaskMonitor::discovered, this, [this](const QList<TaskStatus> &tasks) {
            if (m_options.json)
                m_out << QString::fromUtf8(CliOutput::jsonArray(tasks));
            else
                m_out << CliOutput::statusTable(tasks);
            m_out.flush();
            finish(CliExit::Ok);
        });
        connect(m_monitor, &TaskMonitor::discoverFailed, this, [this](const QString &message) {
            if (m_done)
                return;
            m_err << "taskwatch-cli: " << message << Qt::endl;
            finish(CliExit::Network);
        });
        m_monitor->discover(m_options.runningOnly, m_options.limit);
        return;
    }

    if (m_options.command == CliCommand::Get) {
        // One round answers every id (a missing one is confirmed with a single GET inside the round).
        connect(m_monitor, &TaskMonitor::refreshed, this, [this] { finishGetOrWait(false); });
    } else {
        connect(m_monitor, &TaskMonitor::taskChanged, this, &CliRunner::onTaskChanged);
        if (m_options.timeout)
            m_timeout.start(std::chrono::duration_cast<std::chrono::milliseconds>(*m_options.timeout));
    }
    m_monitor->addTasks(m_options.ids);
    if (m_options.command == CliCommand::Wait) {
        for (const WatchedTask &task : m_monitor->tasks())
            m_unsettled.insert(task.id);
    }
    if (m_monitor->connectionState().kind == ConnectionState::Kind::Misconfigured) {
        m_err << "taskwatch-cli: " << m_monitor->connectionState().shownMessage() << Qt::endl;
        finish(CliExit::Usage);
    }
}

void CliRunner::listPending()
{
    m_monitor->client()->fetchPending(m_options.limit, this, [this](const FetchOutcome &outcome) {
        if (!outcome.ok()) {
            m_err << "taskwatch-cli: " << outcome.problem.shownMessage() << Qt::endl;
            finish(outcome.kind == FetchOutcome::Kind::Auth                    ? CliExit::Auth
                           : outcome.kind == FetchOutcome::Kind::Misconfigured ? CliExit::Usage
                                                                               : CliExit::Network);
            return;
        }
        if (m_options.json)
            m_out << QString::fromUtf8(CliOutput::jsonArray(outcome.statuses));
        else
            m_out << CliOutput::statusTable(outcome.statuses);
        m_out.flush();
        // The whole number (count=true) when the list is longer than shown; --json stays the array alone.
        const qint64 total = outcome.response.total();
        if (!m_options.json && total > outcome.statuses.size())
            m_err << "taskwatch-cli: "
                  << QCoreApplication::translate("CliRunner", "%1 of %2 queued or running tasks shown (--limit)")
                             .arg(outcome.statuses.size())
                             .arg(total)
                  << Qt::endl;
        finish(CliExit::Ok);
    });
}

void CliRunner::onTaskChanged(const WatchedTask &task)
{
    if (m_terminal) {
        if (!m_redraw.isActive())
            m_redraw.start();
    } else {
        const QString signature = CliOutput::changeSignature(task);
        if (task.checkedAt.isValid() && m_printed.value(task.id) != signature) {
            m_printed.insert(task.id, signature);
            m_out << CliOutput::changeLine(task, QDateTime::currentDateTime()) << Qt::endl;
        }
    }
    noteSettled(task);
}

void CliRunner::drawLive()
{
    const QList<WatchedTask> tasks = m_monitor->tasks();
    int idWidth = 0;
    for (const WatchedTask &task : tasks)
        idWidth = std::max(idWidth, int(task.id.size()));
    if (m_liveLines > 0)
        m_out << "\x1b[" << m_liveLines << 'A'; // back to the first live line
    for (const WatchedTask &task : tasks)
        m_out << "\x1b[2K" << CliOutput::liveLine(task, idWidth) << '\n';
    m_liveLines = int(tasks.size());
    m_out.flush();
}

void CliRunner::noteSettled(const WatchedTask &task)
{
    // One task at a time: walking all 10,000 on every change made a round cost minutes of CPU.
    if (isSettled(task))
        m_unsettled.remove(task.id);
    else
        m_unsettled.insert(task.id);
    if (m_unsettled.isEmpty())
        finishGetOrWait(false);
}

void CliRunner::finishGetOrWait(bool timedOut)
{
    if (m_done)
        return;
    const QList<WatchedTask> tasks = m_monitor->tasks();
    if (m_options.command == CliCommand::Get) {
        QList<TaskStatus> found;
        QList<WatchedTask> shown;
        for (const WatchedTask &task : tasks) {
            if (task.status && task.problem.isNone()) {
                found.append(*task.status);
                shown.append(task);
            }
        }
        if (m_options.json)
            m_out << QString::fromUtf8(CliOutput::jsonArray(found));
        else if (!shown.isEmpty())
            m_out << CliOutput::taskTable(shown);
        m_out.flush();
    }
    const ConnectionState state = m_monitor->connectionState();
    if (state.kind != ConnectionState::Kind::AuthFailed && state.kind != ConnectionState::Kind::Misconfigured) {
        for (const WatchedTask &task : tasks) {
            if (!task.problem.isNone())
                m_err << "taskwatch-cli: " << CliOutput::problemLine(task) << Qt::endl;
        }
    }
    if (timedOut)
        m_err << "taskwatch-cli: "
              << QCoreApplication::translate("CliRunner", "timed out after %1 s").arg(m_options.timeout->count())
              << Qt::endl;
    finish(CliOutput::exitCode(m_options.command, tasks, state, timedOut));
}

void CliRunner::interrupt()
{
    if (m_done)
        return;
    // The live lines as they stand, then the word on a line of its own: the terminal is left tidy.
    if (m_redraw.isActive()) {
        m_redraw.stop();
        drawLive();
    }
    m_err << "taskwatch-cli: " << QCoreApplication::translate("CliRunner", "interrupted") << Qt::endl;
    if (m_options.command == CliCommand::Clear && m_monitor->clearer()->inProgress() > 0)
        m_err << "taskwatch-cli: "
              << QCoreApplication::translate("CliRunner",
                                             "a task was being marked as finished: the tenant may have done it; "
                                             "check with get before trying again")
              << Qt::endl;
    finish(CliExit::Interrupted);
}

void CliRunner::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    if (m_redraw.isActive()) { // the last state on screen is the one the exit code speaks of
        m_redraw.stop();
        drawLive();
    }
    m_monitor->setPaused(true);
    Q_EMIT finished(code);
}

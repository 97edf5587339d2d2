#include "CliClear.h"

#include "CliClearOutput.h"
#include "client/TaskClearer.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "models/TenantUrl.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSet>

CliClear::CliClear(TaskMonitor *monitor, const CliOptions &options, Ask ask, QTextStream &out, QTextStream &err,
                   QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_options(options)
    , m_mark(options.mark.value_or(TaskClearing::Mark::Error))
    , m_ask(std::move(ask))
    , m_out(out)
    , m_err(err)
{
    connect(m_monitor, &TaskMonitor::taskCleared, this, [this](const ClearResult &result) {
        if (m_done)
            return;
        report(result);
        if (--m_clearsLeft == 0)
            finish(CliClearOutput::exitCode(m_results));
    });
}

void CliClear::start()
{
    // One clear per task: ids are told apart as the tenant tells them, whatever their case.
    QStringList unique;
    QSet<QString> seen;
    for (const QString &id : std::as_const(m_options.ids))
        if (!seen.contains(id.toLower())) {
            seen.insert(id.toLower());
            unique.append(id);
        }
    m_options.ids = unique;
    if (!m_ask) {
        clearAll(m_options.ids);
        return;
    }
    // Read first, so that the question names the tasks and skips the finished ones; TaskClearer reads each
    // again right before its PATCH (a person may take a while to answer).
    m_checksLeft = int(m_options.ids.size());
    for (const QString &id : std::as_const(m_options.ids)) {
        m_monitor->client()->fetchTask(id, this, [this, id](const FetchOutcome &outcome) {
            ClearResult base;
            base.id = id;
            base.mark = m_mark;
            bool clearable = false;
            const ClearResult result = TaskClearer::afterCheck(base, outcome, clearable);
            checked(result, clearable, result.status ? &*result.status : nullptr);
        });
    }
}

void CliClear::checked(const ClearResult &result, bool clearable, const TaskStatus *status)
{
    if (clearable && status)
        m_clearable.append(*status);
    else
        report(result);
    if (--m_checksLeft == 0)
        askThenClear();
}

void CliClear::askThenClear()
{
    if (m_clearable.isEmpty()) {
        finish(CliClearOutput::exitCode(m_results));
        return;
    }
    const QString tenant = TenantUrl::normalized(m_monitor->profile().baseUrl);
    const QString answer =
            m_ask(CliClearOutput::question(m_clearable, m_mark, tenant, QDateTime::currentDateTimeUtc()));
    if (!CliClearOutput::isYes(answer)) {
        m_err << "taskwatch-cli: " << QCoreApplication::translate("CliClear", "nothing was changed.") << Qt::endl;
        const int code = CliClearOutput::exitCode(m_results);
        finish(code == CliExit::Ok ? CliExit::TaskFailed : code);
        return;
    }
    QStringList ids;
    for (const TaskStatus &status : std::as_const(m_clearable))
        ids.append(status.id);
    clearAll(ids);
}

void CliClear::clearAll(const QStringList &ids)
{
    m_clearsLeft = int(ids.size());
    for (const QString &id : ids)
        m_monitor->clearTask(id, m_mark);
}

void CliClear::report(const ClearResult &result)
{
    m_results.append(result);
    if (result.kind == ClearResult::Kind::Cleared || result.kind == ClearResult::Kind::AlreadyFinished)
        m_out << CliClearOutput::resultLine(result) << Qt::endl;
    else
        m_err << "taskwatch-cli: " << CliClearOutput::resultLine(result) << Qt::endl;
}

void CliClear::finish(int code)
{
    if (m_done)
        return;
    m_done = true;
    m_out.flush();
    Q_EMIT finished(code);
}

#include "CliFollow.h"

#include "CliOutput.h"
#include "client/TaskFollower.h"
#include "client/TaskMonitor.h"

#include <QDateTime>

CliFollow::CliFollow(TaskMonitor *monitor, const CliOptions &options, QTextStream &out, QTextStream &err,
                     QObject *parent)
    : QObject(parent)
    , m_monitor(monitor)
    , m_options(options)
    , m_out(out)
    , m_err(err)
    , m_follower(new TaskFollower(monitor->client(), options.followRules, this))
{
    connect(m_follower, &TaskFollower::appeared, this, [this](const TaskStatus &status, const FollowRule &rule) {
        WatchedTask task;
        task.id = status.id;
        task.label = rule.label();
        task.status = status;
        print(TaskEvent::Kind::Appeared, task);
        for (const TaskEvent::Kind kind : TaskEvent::between(WatchedTask {}, task))
            print(kind, task);
        if (isFinished(status.state()))
            return; // it has told all it will
        m_last.insert(task.id, task);
        m_monitor->addTasks({status.id}, rule.label()); // watched from here on, at the engine's pace
    });
    connect(m_follower, &TaskFollower::failed, this, [this](const QString &message, bool stops, bool credentials) {
        m_err << "taskwatch-cli: " << message << Qt::endl;
        if (stops) // refused credentials: 3; what cannot be sent, or a filter the tenant refuses: 2
            Q_EMIT finished(credentials ? CliExit::Auth : CliExit::Usage);
    });
    connect(m_monitor, &TaskMonitor::taskChanged, this, [this](const WatchedTask &task) {
        const auto last = m_last.find(task.id);
        if (last == m_last.end() || !task.status)
            return;
        const QList<TaskEvent::Kind> events = TaskEvent::between(*last, task);
        for (const TaskEvent::Kind kind : events)
            print(kind, task);
        if (!events.isEmpty() || task.stalled != last->stalled || task.overdue != last->overdue)
            *last = task;
        if (isFinished(task.status->state())) {
            m_monitor->removeTasks({task.id}); // nothing more to tell about it
            m_last.erase(last);
        }
    });
}

void CliFollow::start()
{
    if (!followIsSupported(m_monitor->profile().apiVersion)) {
        m_err << "taskwatch-cli: "
              << QCoreApplication::translate("CliFollow",
                                             "follow needs API version v2025, v2026 or v1: the task lists of beta "
                                             "and v2024 hold completed tasks only, so a new task would be seen only "
                                             "once it has ended")
              << Qt::endl;
        Q_EMIT finished(CliExit::Usage);
        return;
    }
    m_follower->start();
}

void CliFollow::print(TaskEvent::Kind kind, const WatchedTask &task)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_options.json)
        m_out << QString::fromUtf8(TaskEvent::jsonLine(kind, task.id, now, *task.status));
    else
        m_out << TaskEvent::name(kind).leftJustified(10) << u' ' << CliOutput::changeLine(task, now.toLocalTime());
    m_out << Qt::endl; // flushed: a script reads each event as it happens
}

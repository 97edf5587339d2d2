#pragma once

#include "CliOptions.h"
#include "models/TaskEvent.h"

#include <QHash>
#include <QObject>
#include <QTextStream>

class TaskFollower;
class TaskMonitor;

// `taskwatch-cli follow [--type T]... [--source ID]... [--all] [--json]`: finds new tasks with a TaskFollower
// (rounds of at most 2 s) and watches each one it found on the same engine (its budget share, token and pace),
// printing one line per event, flushed as written, until interrupted. It never touches the app's watch list.
class CliFollow : public QObject
{
    Q_OBJECT
public:
    CliFollow(TaskMonitor *monitor, const CliOptions &options, QTextStream &out, QTextStream &err,
              QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode); // only when it cannot go on (credentials refused, a profile that cannot work)

private:
    void print(TaskEvent::Kind kind, const WatchedTask &task);

    TaskMonitor *m_monitor;
    CliOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
    TaskFollower *m_follower;
    QHash<QString, WatchedTask> m_last; // what the previous event of each followed task was about
};

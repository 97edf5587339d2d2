#pragma once

#include "CliOptions.h"
#include "models/TaskClearing.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QTextStream>

#include <functional>

class TaskMonitor;

// `taskwatch-cli clear ID... --status error|terminated [--yes]` on a TaskMonitor (its TaskClearer: a GET
// first, then the PATCH). Without --yes it reads every task first, prints what it would mark (finished tasks
// are left as they are and said so) and asks; only a yes sends anything that changes the tenant. Results go
// to `out` (cleared, already finished) and `err` (failed, unconfirmed), one line each.
class CliClear : public QObject
{
    Q_OBJECT
public:
    // Shows the question and returns the answer typed (empty at the end of input).
    using Ask = std::function<QString(const QString &question)>;

    // `ask` empty: consent was given (--yes); the tasks are cleared without a question.
    CliClear(TaskMonitor *monitor, const CliOptions &options, Ask ask, QTextStream &out, QTextStream &err,
             QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void checked(const ClearResult &result, bool clearable, const TaskStatus *status);
    void askThenClear();
    void clearAll(const QStringList &ids);
    void report(const ClearResult &result);
    void finish(int code);

    TaskMonitor *m_monitor;
    CliOptions m_options;
    TaskClearing::Mark m_mark;
    Ask m_ask;
    QTextStream &m_out;
    QTextStream &m_err;
    QList<ClearResult> m_results; // final ones, in the order they came
    QList<TaskStatus> m_clearable; // asked-for tasks the GET found unfinished
    int m_checksLeft = 0;
    int m_clearsLeft = 0;
    bool m_done = false;
};

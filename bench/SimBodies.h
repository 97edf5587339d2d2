#pragma once

#include "sim/SimTask.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

// Task-status bodies exactly as taskwatch-sim sends them (sim/SimTask), made in-process: realistic input for
// the parsing and model benchmarks without a network in the measured path.
class SimBodies
{
public:
    enum class Mix {
        Running, // every task running for an hour, created ten minutes before `createdMs` + 600 s
        Seeded, // the sim's realistic mix of finished, running and queued tasks (--tasks N)
    };

    SimBodies(int count, Mix mix, qint64 nowMs, quint64 seed = 1);

    int size() const { return int(m_tasks.size()); }
    QString id(int index) const { return m_tasks.at(size_t(index)).id(); }
    QByteArray body(int index, qint64 atMs) const { return m_tasks.at(size_t(index)).json(atMs); }
    // A list answer (a JSON array) of the tasks at these indexes, each at its own time.
    QByteArray listBody(const QList<std::pair<int, qint64>> &tasksAt) const;

private:
    std::vector<SimTask> m_tasks;
};

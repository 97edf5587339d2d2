#include "SimBodies.h"

#include "sim/TaskCatalog.h"

#include <QRandomGenerator>

SimBodies::SimBodies(int count, Mix mix, qint64 nowMs, quint64 seed)
{
    QRandomGenerator random(static_cast<quint32>(seed));
    QList<ScenarioTask> scenarios;
    if (mix == Mix::Seeded) {
        scenarios = TaskCatalog::seededTasks(count, random);
    } else {
        const QList<TaskKind> &kinds = TaskCatalog::kinds();
        for (int i = 0; i < count; ++i) {
            ScenarioTask task;
            task.typeCode = kinds.at(i % kinds.size()).code;
            task.createdAgo = 600;
            task.duration = 3600;
            scenarios.append(task);
        }
    }
    m_tasks.reserve(size_t(scenarios.size()));
    quint64 order = 0;
    for (const ScenarioTask &scenario : std::as_const(scenarios)) {
        ScenarioTask resolved = TaskCatalog::resolve(scenario, random);
        const qint64 created = nowMs - static_cast<qint64>(resolved.createdAgo * 1000.0);
        m_tasks.emplace_back(std::move(resolved), created, order++);
    }
}

QByteArray SimBodies::listBody(const QList<std::pair<int, qint64>> &tasksAt) const
{
    QByteArray out;
    out.reserve(tasksAt.size() * 2048);
    out.append('[');
    bool first = true;
    for (const auto &[index, atMs] : tasksAt) {
        if (!first)
            out.append(',');
        first = false;
        const SimTask &task = m_tasks.at(size_t(index));
        task.appendJson(out, task.momentAt(atMs));
    }
    out.append(']');
    return out;
}

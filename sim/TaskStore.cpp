#include "TaskStore.h"

#include <algorithm>

bool createdBefore(const SimTask *a, const SimTask *b)
{
    if (a->timing().createdMs != b->timing().createdMs)
        return a->timing().createdMs < b->timing().createdMs;
    return a->order() < b->order();
}

void TaskStore::add(std::vector<SimTask> tasks)
{
    const size_t before = m_byCreated.size();
    for (SimTask &task : tasks) {
        m_tasks.push_back(std::make_unique<SimTask>(std::move(task)));
        SimTask *added = m_tasks.back().get();
        m_byId.insert(added->id(), added);
        m_byCreated.push_back(added);
    }
    // One sort of the new tail and one merge: adding 10,000 seeded tasks stays cheap.
    std::sort(m_byCreated.begin() + static_cast<std::ptrdiff_t>(before), m_byCreated.end(), createdBefore);
    std::inplace_merge(m_byCreated.begin(), m_byCreated.begin() + static_cast<std::ptrdiff_t>(before),
                       m_byCreated.end(), createdBefore);
}

QStringList TaskStore::ids() const
{
    QStringList ids;
    ids.reserve(size());
    for (const SimTask *task : m_byCreated)
        ids.append(task->id());
    return ids;
}

void TaskStore::clear()
{
    m_byCreated.clear();
    m_byId.clear();
    m_tasks.clear();
}

#pragma once

#include "SimTask.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

// The tasks of a simulated tenant: looked up by id in a hash, listed in order of creation.
class TaskStore
{
public:
    const SimTask *find(const QString &id) const { return m_byId.value(id); }
    SimTask *find(const QString &id) { return m_byId.value(id); } // to patch it
    bool contains(const QString &id) const { return m_byId.contains(id); }
    qsizetype size() const { return static_cast<qsizetype>(m_tasks.size()); }

    // Adds tasks whose ids are not taken yet (the caller checks); keeps the creation order.
    void add(std::vector<SimTask> tasks);
    // By created time, ties in insertion order.
    const std::vector<const SimTask *> &byCreated() const { return m_byCreated; }
    QStringList ids() const; // in creation order
    void clear();

private:
    std::vector<std::unique_ptr<SimTask>> m_tasks;
    QHash<QString, SimTask *> m_byId;
    std::vector<const SimTask *> m_byCreated;
};

bool createdBefore(const SimTask *a, const SimTask *b);

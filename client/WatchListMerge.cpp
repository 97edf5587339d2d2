#include "WatchListMerge.h"

#include <QSet>

namespace WatchListMerge {

void record(Journal &journal, const Key &key, bool upsert, bool wasListed)
{
    if (!upsert) {
        journal.insert(key, Change::Removed);
        return;
    }
    // An update of an id this process added since the last save is still an addition.
    const auto it = journal.constFind(key);
    const bool addedHere = it != journal.cend() && *it == Change::Added;
    journal.insert(key, !wasListed || addedHere ? Change::Added : Change::Updated);
}

Result merge(const QList<WatchedTask> &disk, const QList<WatchedTask> &memory, const Journal &journal)
{
    QHash<Key, qsizetype> inMemory;
    inMemory.reserve(memory.size());
    for (qsizetype i = 0; i < memory.size(); ++i)
        inMemory.insert({memory.at(i).profile, memory.at(i).id}, i);

    Result result;
    result.tasks.reserve(std::max(disk.size(), memory.size()));
    QSet<Key> onDisk;
    onDisk.reserve(disk.size());
    for (const WatchedTask &task : disk) {
        const Key key {task.profile, task.id};
        if (onDisk.contains(key)) // a duplicate: the first counts, as a look-up finds
            continue;
        onDisk.insert(key);
        const auto change = journal.constFind(key);
        const auto mine = inMemory.constFind(key);
        if (change == journal.cend()) {
            // Not touched here since the last save: the file is the newer word.
            result.tasks.append(task);
            if (mine == inMemory.cend())
                result.addedElsewhere.append(task);
        } else if (*change != Change::Removed && mine != inMemory.cend()) {
            result.tasks.append(memory.at(*mine));
        }
    }
    for (const WatchedTask &task : memory) {
        const Key key {task.profile, task.id};
        if (onDisk.contains(key))
            continue;
        onDisk.insert(key); // a duplicate in memory counts once
        // Only an addition made here puts an id in the file; an id this process merely updated, or did not
        // touch, is absent because another writer removed it.
        if (journal.value(key, Change::Updated) == Change::Added)
            result.tasks.append(task);
        else
            result.removedElsewhere.append(task);
    }
    return result;
}

} // namespace WatchListMerge

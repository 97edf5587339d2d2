#pragma once

#include "models/WatchedTask.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

// Several processes may write one watch-list file (two app instances sharing --watch-list, a script). Each
// keeps a journal of its own changes since its last save and applies only those on top of the file as it
// is on disk, so an id another writer added is kept and one it removed is not brought back by this
// process's stale memory.
namespace WatchListMerge {

using Key = std::pair<QString, QString>; // (profile, id)

// The last change this process made to a (profile, id) since its last save.
enum class Change {
    Added, // not in this process's list before: present after the merge, whatever the file says
    Updated, // changed while in the list: replaces the file's entry, but does not bring back a removed one
    Removed, // absent after the merge
};
using Journal = QHash<Key, Change>;

// Records a change: `upsert` false is a removal; `wasListed` whether the key was in the list before.
void record(Journal &journal, const Key &key, bool upsert, bool wasListed);

struct Result
{
    QList<WatchedTask> tasks; // the file's order, then this process's additions in its order
    QList<WatchedTask> addedElsewhere; // in the result, not in `memory` before
    QList<WatchedTask> removedElsewhere; // in `memory` before, not in the result
    QSet<QString> rulesChangedElsewhere; // profiles whose follow rules were taken from the file (WatchList decides)
};

// `disk`: the file as read; `memory`: this process's list (its journal applied); `journal`: its changes
// since it last saved or loaded.
Result merge(const QList<WatchedTask> &disk, const QList<WatchedTask> &memory, const Journal &journal);

} // namespace WatchListMerge

#pragma once

#include "models/WatchedTask.h"

// How a task as the engine now knows it differs from what listeners and the watch list last got: whether it
// is one taskChanged, whether the watch list should save it, and how soon.
struct TaskChange
{
    bool visible = false; // something listeners see changed (status, label, times, pause, problem)
    // Something a restart should show changed (label, pause, status); a new check time alone is not worth a
    // write, and problems are of the moment.
    bool persist = false;
    // Only a running task's progress moved (same label, pause and state): the save may wait.
    bool progressOnly = false;

    static TaskChange between(const WatchedTask &before, const WatchedTask &after);
};

#pragma once

#include "models/WatchedTask.h"

#include <QCryptographicHash>
#include <QList>

#include <algorithm>

// What a save of the watch list holds, in a few bytes: every task's id, label, paused flag and last outcome (in
// id order). engine_saver prints it beside each save; tst_crashsafety computes it from the file after a kill
// and so knows which save the file holds, not only which ids.
inline QByteArray savedState(QList<WatchedTask> tasks)
{
    std::sort(tasks.begin(), tasks.end(), [](const WatchedTask &a, const WatchedTask &b) { return a.id < b.id; });
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const WatchedTask &task : tasks) {
        QByteArray entry = task.id.toUtf8();
        entry += '\x1f';
        entry += task.label.toUtf8();
        entry += task.paused ? "\x1fp\x1f" : "\x1f-\x1f";
        entry += task.status ? QByteArray::number(int(task.status->state())) : QByteArray("none");
        entry += '\x1e';
        hash.addData(entry);
    }
    return hash.result().toHex().left(16);
}

#pragma once

#include "WatchedTask.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

// What happened to a followed task between two sightings, as `taskwatch-cli follow` reports it to people and,
// one JSON object per line, to scripts and log shippers:
//   {"event": "appeared|started|progressed|finished|stalled|overdue|recovered", "id": "…",
//    "at": "2026-12-05T04:51:12.345Z", "status": {the task-status object as received}}
namespace TaskEvent {

enum class Kind { Appeared, Started, Progressed, Finished, Stalled, Overdue, Recovered };

QString name(Kind kind); // "appeared", … (the JSON's words, never translated)

// The events from `before` to `after` (one task, two answers), in that order. Appearing is not among them:
// the one who found the task says so. From no status to a finished one is Finished (a task that lived only
// seconds); Recovered is a stall that ended (moving again, or finished).
QList<Kind> between(const WatchedTask &before, const WatchedTask &after);

// One JSON line, without the line end; `status` is the raw task-status object as the tenant sent it.
QByteArray jsonLine(Kind kind, const QString &id, const QDateTime &at, const TaskStatus &status);

} // namespace TaskEvent

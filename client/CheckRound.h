#pragma once

#include "Batching.h"
#include "models/TaskStatus.h"

#include <QList>
#include <QStringList>

#include <functional>

struct FetchOutcome;
class QObject;
class TaskStatusClient;

// One round of checks of due tasks: list calls for those a list can answer (split to keep each URL short, and
// halved again while a gateway still answers 414), single GETs for the rest and for ids a list did not return
// (running on beta/v2024, or gone: the GET tells which). Each answer goes to its callback as it comes; `done`
// runs once, after every request of the round has been answered. Answers for `context` stop with it.
namespace CheckRound {

struct Answers
{
    std::function<void(const QString &id, const TaskStatus &status)> status;
    std::function<void(const QString &id, const FetchOutcome &outcome)> notFound;
    std::function<void(const QStringList &ids, const FetchOutcome &outcome)> failure;
    std::function<bool(const QString &id)> stillWatched; // a task removed meanwhile gets no follow-up GET
    std::function<void()> done;
};

void run(TaskStatusClient *client, QObject *context, const QList<Batching::DueTask> &due, Batching::FetchMode mode,
         Answers answers);

} // namespace CheckRound

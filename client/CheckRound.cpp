#include "CheckRound.h"

#include "ApiRoutes.h"
#include "Logging.h"
#include "TaskStatusClient.h"

#include <QHash>

#include <memory>

namespace CheckRound {

namespace {

struct Round
{
    TaskStatusClient *client = nullptr;
    QObject *context = nullptr;
    Answers answers;
    int pending = 0; // requests not yet answered, plus one while the round is being sent
};

void step(const std::shared_ptr<Round> &round, int delta)
{
    round->pending += delta;
    if (round->pending == 0 && round->answers.done)
        round->answers.done();
}

void fetchSingle(const std::shared_ptr<Round> &round, const QString &id)
{
    step(round, +1);
    round->client->fetchTask(id, round->context, [round, id](const FetchOutcome &outcome) {
        if (outcome.ok() && !outcome.statuses.isEmpty())
            round->answers.status(id, outcome.statuses.first());
        else if (outcome.kind == FetchOutcome::Kind::NotFound)
            round->answers.notFound(id, outcome);
        else
            round->answers.failure({id}, outcome);
        step(round, -1);
    });
}

void fetchList(const std::shared_ptr<Round> &round, const QStringList &ids)
{
    step(round, +1);
    ApiRoutes::ListQuery query;
    query.filters = ApiRoutes::idInFilter(ids);
    round->client->fetchList(query, round->context, [round, ids](const FetchOutcome &outcome) {
        if (outcome.ok()) {
            QHash<QString, const TaskStatus *> byId;
            for (const TaskStatus &status : outcome.statuses)
                byId.insert(status.id, &status);
            for (const QString &id : ids) {
                if (const TaskStatus *status = byId.value(id))
                    round->answers.status(id, *status);
                else if (round->answers.stillWatched(id))
                    fetchSingle(round, id); // running on beta/v2024, or gone: a single GET tells which
            }
        } else if (outcome.problem.httpStatus == 414 && ids.size() > 1) {
            // A gateway with a shorter limit than ours: halve until it passes.
            fetchList(round, ids.mid(0, ids.size() / 2));
            fetchList(round, ids.mid(ids.size() / 2));
        } else {
            round->answers.failure(ids, outcome);
        }
        step(round, -1);
    });
}

} // namespace

void run(TaskStatusClient *client, QObject *context, const QList<Batching::DueTask> &due, Batching::FetchMode mode,
         Answers answers)
{
    const ConnectionProfile &profile = client->profile();
    const Batching::FetchPlan plan = Batching::planFetch(due, profile.apiVersion, mode);
    const QList<QStringList> batches = Batching::splitForList(plan.listIds, profile.baseUrl, profile.apiVersion);
    qCDebug(lcPoll) << "checking" << due.size() << "task(s):" << batches.size() << "list call(s),"
                    << plan.singleIds.size() << "single GET(s)";
    auto round = std::make_shared<Round>(Round {client, context, std::move(answers)});
    round->pending = 1; // held until every request of the round is under way
    for (const QStringList &batch : batches)
        fetchList(round, batch);
    for (const QString &id : plan.singleIds)
        fetchSingle(round, id);
    step(round, -1);
}

} // namespace CheckRound

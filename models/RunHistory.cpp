#include "RunHistory.h"

#include "JsonRead.h"
#include "TaskStatus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace std::chrono;

namespace {

constexpr int FormatVersion = 1;
const QChar KindSeparator(0x1f); // a unit separator: in neither an id nor a name
constexpr double MaxMs = 1e13; // about 300 years: anything longer is damage, and would not fit a qint64 cast

// The nearest-rank percentile of sorted values: the smallest one at or above `part` of them.
milliseconds percentile(const QList<milliseconds> &sorted, double part)
{
    const auto rank = static_cast<qsizetype>(std::ceil(part * static_cast<double>(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

} // namespace

QString RunHistory::kindOf(const TaskStatus &status, const QString &scope)
{
    QString definition = status.taskDefinitionSummary ? status.taskDefinitionSummary->id : QString();
    if (definition.isEmpty())
        definition = status.uniqueName;
    if (definition.isEmpty())
        return {};
    QString target;
    if (status.target)
        target = status.target->id.isEmpty() ? status.target->name : status.target->id;
    const QString kind = definition + KindSeparator + target;
    return scope.isEmpty() ? kind : scope + KindSeparator + kind;
}

bool RunHistory::record(const TaskStatus &status, milliseconds longestStill, const QString &scope)
{
    const TaskState state = status.state();
    if (state != TaskState::Success && state != TaskState::Warning)
        return false;
    if (!status.launched.isValid() || !status.completed.isValid() || status.completed < status.launched)
        return false;
    const QString kind = kindOf(status, scope);
    if (kind.isEmpty())
        return false;
    return record(kind,
                  {status.id, milliseconds(status.launched.msecsTo(status.completed)), status.completed, longestStill});
}

bool RunHistory::record(const QString &kind, const Run &run)
{
    QList<Run> &runs = m_runs[kind];
    if (std::any_of(runs.cbegin(), runs.cend(), [&](const Run &known) { return known.taskId == run.taskId; }))
        return false;
    const auto at =
            std::upper_bound(runs.begin(), runs.end(), run.finishedAt,
                             [](const QDateTime &finished, const Run &known) { return finished < known.finishedAt; });
    runs.insert(at, run);
    if (runs.size() > RunsPerKind)
        runs.remove(0, runs.size() - RunsPerKind);
    trimKinds();
    return true;
}

void RunHistory::merge(const RunHistory &other)
{
    for (auto kind = other.m_runs.cbegin(); kind != other.m_runs.cend(); ++kind)
        for (const Run &run : kind.value())
            record(kind.key(), run);
}

void RunHistory::trimKinds()
{
    while (m_runs.size() > MaxKinds) {
        auto oldest = m_runs.begin();
        for (auto kind = m_runs.begin(); kind != m_runs.end(); ++kind)
            if (kind->isEmpty() || (!oldest->isEmpty() && kind->last().finishedAt < oldest->last().finishedAt))
                oldest = kind;
        m_runs.erase(oldest);
    }
}

std::optional<UsualDuration> RunHistory::usual(const QString &kind) const
{
    const QList<Run> runs = m_runs.value(kind);
    if (runs.size() < MinRuns)
        return std::nullopt;
    QList<milliseconds> durations;
    durations.reserve(runs.size());
    for (const Run &run : runs)
        durations.append(run.duration);
    std::sort(durations.begin(), durations.end());
    UsualDuration usual {percentile(durations, 0.5), percentile(durations, 0.95), static_cast<int>(runs.size())};
    QList<milliseconds> stills;
    for (const Run &run : runs)
        if (run.longestStill.count() >= 0)
            stills.append(run.longestStill);
    if (stills.size() >= MinRuns) {
        std::sort(stills.begin(), stills.end());
        usual.usualStill = percentile(stills, 0.5);
    }
    return usual;
}

QByteArray RunHistory::toJson() const
{
    QJsonObject kinds;
    for (auto kind = m_runs.cbegin(); kind != m_runs.cend(); ++kind) {
        QJsonArray runs;
        for (const Run &run : kind.value()) {
            QJsonObject entry {{QStringLiteral("task"), run.taskId},
                               {QStringLiteral("ms"), static_cast<double>(run.duration.count())},
                               {QStringLiteral("finished"), run.finishedAt.toUTC().toString(Qt::ISODateWithMs)}};
            if (run.longestStill.count() >= 0)
                entry.insert(QStringLiteral("still"), static_cast<double>(run.longestStill.count()));
            runs.append(entry);
        }
        kinds.insert(kind.key(), runs);
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("version"), FormatVersion}, {QStringLiteral("kinds"), kinds}})
            .toJson(QJsonDocument::Compact);
}

Parsed<RunHistory> RunHistory::fromJson(const QByteArray &json)
{
    const Parsed<QJsonValue> document = parseJsonDocument(json);
    if (!document)
        return document.error();
    if (!document->isObject())
        return ParseError {{}, QStringLiteral("expected an object")};
    const QJsonObject root = document->toObject();
    try {
        const std::optional<double> version = JsonRead::optNumber(root, QStringLiteral("version"), {});
        if (version != FormatVersion)
            JsonRead::fail(QStringLiteral("version"), QStringLiteral("expected %1").arg(FormatVersion));
        const QJsonObject kinds = JsonRead::optObject(root, QStringLiteral("kinds"), {}).value_or(QJsonObject());
        RunHistory history;
        for (auto kind = kinds.begin(); kind != kinds.end(); ++kind) {
            const QString path = JsonRead::join(QStringLiteral("kinds"), kind.key());
            if (!kind->isArray())
                JsonRead::fail(path, QStringLiteral("expected an array, got %1").arg(JsonRead::typeName(*kind)));
            const QJsonArray runs = kind->toArray();
            for (qsizetype i = 0; i < runs.size(); ++i) {
                const QJsonObject entry = JsonRead::objectAt(runs, i, path);
                const QString at = JsonRead::join(path, i);
                const double ms = JsonRead::optNumber(entry, QStringLiteral("ms"), at).value_or(-1);
                const QDateTime finished =
                        JsonRead::optDateTime(entry, QStringLiteral("finished"), at).value_or(QDateTime());
                const QString task = JsonRead::string(entry, QStringLiteral("task"), at);
                if (task.isEmpty() || !(ms >= 0 && ms <= MaxMs) || !finished.isValid())
                    JsonRead::fail(at, QStringLiteral("expected a task id, a duration ms ≥ 0 and a finished date"));
                const double still = JsonRead::optNumber(entry, QStringLiteral("still"), at).value_or(-1);
                if (!(still >= -1 && still <= MaxMs))
                    JsonRead::fail(JsonRead::join(at, QStringLiteral("still")), QStringLiteral("expected ms ≥ 0"));
                history.record(kind.key(),
                               {task, milliseconds(static_cast<qint64>(ms)), finished,
                                milliseconds(static_cast<qint64>(still))});
            }
        }
        return history;
    } catch (const JsonRead::Failure &failure) {
        return failure.error;
    }
}

bool isOverdue(milliseconds elapsed, const std::optional<UsualDuration> &usual)
{
    return usual && usual->runs >= RunHistory::MinRuns && elapsed > usual->p95;
}

#pragma once

#include "models/ApiVersion.h"
#include "models/Parsed.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// The `filters` query parameter of the task-status list, in SailPoint's standard collection syntax,
// restricted to what each version's spec documents:
//   beta, v2024: id eq|in, sourceId eq|in, completionStatus eq|in, type eq|in
//   v2025:       the same, plus completionStatus isnull
//   v2026, v1:   the same as v2025, plus launcher eq|in
// Conditions combine with `and`; strings are double-quoted (\" and \\ escape); `in` takes a
// parenthesised comma list. Anything else is an error that names the problem.
enum class FilterField { Id, SourceId, CompletionStatus, Type, Launcher };
enum class FilterOperator { Eq, In, IsNull };

struct FilterCondition
{
    FilterField field = FilterField::Id;
    FilterOperator op = FilterOperator::Eq;
    QStringList values; // one for eq, one or more for in, none for isnull

    friend bool operator==(const FilterCondition &, const FilterCondition &) = default;
};

// What a condition is matched against: one task as it is at the moment of the request. Views, so that
// scanning 10,000 tasks copies no strings; they must outlive the match.
struct FilterSubject
{
    QStringView id;
    QStringView sourceId;
    QStringView completionStatus; // empty while the task runs (null in the body)
    QStringView typeCode; // the task definition's type, e.g. CLOUD_ACCOUNT_AGGREGATION
    QStringView statusType; // the body's type: QUARTZ | QPOC | QUEUED_TASK
    QStringView launcher;
};

class TaskListFilter
{
public:
    QList<FilterCondition> conditions; // all must hold

    // An empty or blank text is no filter. Errors name the parameter "filters" and the problem.
    static Parsed<TaskListFilter> parse(QStringView text, ApiVersion version);

    bool matches(const FilterSubject &subject) const;
    // When the filter pins the id (id eq / id in), the ids that can match: a lookup instead of a scan.
    std::optional<QStringList> candidateIds() const;
};

bool isFilterSupported(ApiVersion version, FilterField field, FilterOperator op);
QString filterFieldName(FilterField field);
QString filterOperatorName(FilterOperator op);
// "id eq|in, sourceId eq|in, completionStatus eq|in|isnull, type eq|in" for error messages.
QString supportedFiltersText(ApiVersion version);

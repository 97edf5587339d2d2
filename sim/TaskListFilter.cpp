#include "TaskListFilter.h"

#include <QSet>

namespace {

constexpr FilterField allFields[] = {FilterField::Id, FilterField::SourceId, FilterField::CompletionStatus,
                                     FilterField::Type, FilterField::Launcher};
constexpr FilterOperator allOperators[] = {FilterOperator::Eq, FilterOperator::In, FilterOperator::IsNull};

// Operators of the standard collection syntax that no task-status version supports: named, so the error
// can say "not supported" rather than "unknown".
const QStringList &otherStandardOperators()
{
    static const QStringList operators = {QStringLiteral("ne"), QStringLiteral("gt"), QStringLiteral("ge"),
                                          QStringLiteral("lt"), QStringLiteral("le"), QStringLiteral("co"),
                                          QStringLiteral("sw"), QStringLiteral("pr"), QStringLiteral("ca")};
    return operators;
}

std::optional<FilterField> fieldFromName(QStringView name)
{
    for (FilterField field : allFields) {
        if (name == filterFieldName(field))
            return field;
    }
    return std::nullopt;
}

std::optional<FilterOperator> operatorFromName(QStringView name)
{
    for (FilterOperator op : allOperators) {
        if (name == filterOperatorName(op))
            return op;
    }
    return std::nullopt;
}

struct Failure
{
    QString reason;
};

// A small recursive-descent reader over the filter text. Positions in errors are 1-based characters.
class Reader
{
public:
    Reader(QStringView text, ApiVersion version)
        : m_text(text)
        , m_version(version)
    { }

    TaskListFilter read()
    {
        TaskListFilter filter;
        filter.conditions.append(readCondition());
        while (true) {
            skipSpace();
            if (atEnd())
                break;
            const qsizetype at = m_pos;
            const QString word = readWord();
            if (word == u"and") {
                filter.conditions.append(readCondition());
            } else if (word == u"or" || word == u"not") {
                fail(QStringLiteral("\"%1\" at position %2 is not supported; task-status filters combine with "
                                    "\"and\" only")
                             .arg(word)
                             .arg(at + 1));
            } else {
                fail(QStringLiteral("expected \"and\" at position %1, found %2").arg(at + 1).arg(describeAt(at)));
            }
        }
        return filter;
    }

private:
    FilterCondition readCondition()
    {
        skipSpace();
        if (atEnd())
            fail(QStringLiteral("expected a field name at the end of the filter"));
        const qsizetype fieldAt = m_pos;
        if (peek() == u'(')
            fail(QStringLiteral("parentheses for grouping (position %1) are not supported").arg(fieldAt + 1));
        const QString fieldName = readWord();
        if (fieldName.isEmpty())
            fail(QStringLiteral("expected a field name at position %1, found %2")
                         .arg(fieldAt + 1)
                         .arg(describeAt(fieldAt)));
        const std::optional<FilterField> field = fieldFromName(fieldName);
        if (!field || !isFieldSupported(*field))
            fail(QStringLiteral("filtering on \"%1\" is not supported in %2; supported: %3")
                         .arg(fieldName, ApiVersions::name(m_version), supportedFiltersText(m_version)));

        skipSpace();
        const qsizetype opAt = m_pos;
        const QString opName = readWord();
        if (opName.isEmpty())
            fail(QStringLiteral("expected an operator after \"%1\" at position %2, found %3")
                         .arg(fieldName)
                         .arg(opAt + 1)
                         .arg(describeAt(opAt)));
        const std::optional<FilterOperator> op = operatorFromName(opName);
        if (!op && !otherStandardOperators().contains(opName))
            fail(QStringLiteral("unknown operator \"%1\" at position %2 (operators are lower case)")
                         .arg(opName)
                         .arg(opAt + 1));
        if (!op || !isFilterSupported(m_version, *field, *op))
            fail(QStringLiteral("operator \"%1\" is not supported for \"%2\" in %3; supported: %4")
                         .arg(opName, fieldName, ApiVersions::name(m_version), supportedFiltersText(m_version)));

        FilterCondition condition {*field, *op, {}};
        if (*op == FilterOperator::Eq) {
            condition.values.append(readString());
        } else if (*op == FilterOperator::In) {
            skipSpace();
            expect(u'(', QStringLiteral("\"(\" after \"in\""));
            do {
                condition.values.append(readString());
                skipSpace();
            } while (consume(u','));
            expect(u')', QStringLiteral("\",\" or \")\" in the \"in\" list"));
        }
        return condition;
    }

    bool isFieldSupported(FilterField field) const
    {
        for (FilterOperator op : allOperators) {
            if (isFilterSupported(m_version, field, op))
                return true;
        }
        return false;
    }

    QString readString()
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (atEnd() || peek() != u'"')
            fail(QStringLiteral("expected a double-quoted string at position %1, found %2")
                         .arg(start + 1)
                         .arg(describeAt(start)));
        ++m_pos;
        QString value;
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos++);
            if (c == u'"')
                return value;
            if (c == u'\\') {
                if (atEnd())
                    break;
                const QChar escaped = m_text.at(m_pos++);
                if (escaped != u'"' && escaped != u'\\')
                    fail(QStringLiteral("unknown escape \"\\%1\" at position %2").arg(escaped).arg(m_pos - 1));
                value.append(escaped);
            } else {
                value.append(c);
            }
        }
        fail(QStringLiteral("the string starting at position %1 is not closed").arg(start + 1));
    }

    QString readWord()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_' || peek() == u'.'))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toString();
    }

    void expect(QChar c, const QString &what)
    {
        skipSpace();
        const qsizetype at = m_pos;
        if (!consume(c))
            fail(QStringLiteral("expected %1 at position %2, found %3").arg(what).arg(at + 1).arg(describeAt(at)));
    }

    bool consume(QChar c)
    {
        skipSpace();
        if (!atEnd() && peek() == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    QString describeAt(qsizetype at) const
    {
        if (at >= m_text.size())
            return QStringLiteral("the end of the filter");
        return QStringLiteral("\"%1\"").arg(m_text.mid(at, 12).toString());
    }

    void skipSpace()
    {
        while (!atEnd() && peek().isSpace())
            ++m_pos;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return m_text.at(m_pos); }
    [[noreturn]] void fail(const QString &reason) const { throw Failure {reason}; }

    QStringView m_text;
    ApiVersion m_version;
    qsizetype m_pos = 0;
};

bool matchesValue(FilterField field, QStringView actual, const QString &wanted)
{
    // Enum-like fields compare case-insensitively: the spec's own example is completionStatus eq "Success".
    if (field == FilterField::CompletionStatus || field == FilterField::Type)
        return actual.compare(wanted, Qt::CaseInsensitive) == 0;
    return actual == wanted;
}

bool anyMatches(const FilterCondition &condition, QStringView actual)
{
    if (actual.isEmpty())
        return false;
    for (const QString &wanted : condition.values) {
        if (matchesValue(condition.field, actual, wanted))
            return true;
    }
    return false;
}

bool conditionHolds(const FilterCondition &condition, const FilterSubject &subject)
{
    if (condition.op == FilterOperator::IsNull) {
        // Only completionStatus supports isnull: null means the task has not finished.
        return subject.completionStatus.isEmpty();
    }
    switch (condition.field) {
    case FilterField::Id:
        return anyMatches(condition, subject.id);
    case FilterField::SourceId:
        return anyMatches(condition, subject.sourceId);
    case FilterField::CompletionStatus:
        return anyMatches(condition, subject.completionStatus);
    case FilterField::Type:
        // The spec lists definition types (CLOUD_ACCOUNT_AGGREGATION, …) as type values; accept the body's
        // own type (QUARTZ, …) too.
        return anyMatches(condition, subject.typeCode) || anyMatches(condition, subject.statusType);
    case FilterField::Launcher:
        return anyMatches(condition, subject.launcher);
    }
    return false;
}

} // namespace

Parsed<TaskListFilter> TaskListFilter::parse(QStringView text, ApiVersion version)
{
    if (text.trimmed().isEmpty())
        return TaskListFilter();
    try {
        return Reader(text, version).read();
    } catch (const Failure &failure) {
        return ParseError {QStringLiteral("filters"), failure.reason};
    }
}

bool TaskListFilter::matches(const FilterSubject &subject) const
{
    for (const FilterCondition &condition : conditions) {
        if (!conditionHolds(condition, subject))
            return false;
    }
    return true;
}

std::optional<QStringList> TaskListFilter::candidateIds() const
{
    std::optional<QSet<QString>> ids;
    for (const FilterCondition &condition : conditions) {
        if (condition.field != FilterField::Id)
            continue;
        const QSet<QString> values(condition.values.begin(), condition.values.end());
        ids = ids ? ids->intersect(values) : values;
    }
    if (!ids)
        return std::nullopt;
    return QStringList(ids->begin(), ids->end());
}

bool isFilterSupported(ApiVersion version, FilterField field, FilterOperator op)
{
    const bool from2025 = version == ApiVersion::V2025 || version == ApiVersion::V2026 || version == ApiVersion::V1;
    const bool from2026 = version == ApiVersion::V2026 || version == ApiVersion::V1;
    switch (field) {
    case FilterField::Id:
    case FilterField::SourceId:
    case FilterField::Type:
        return op == FilterOperator::Eq || op == FilterOperator::In;
    case FilterField::CompletionStatus:
        return op == FilterOperator::Eq || op == FilterOperator::In || (op == FilterOperator::IsNull && from2025);
    case FilterField::Launcher:
        return from2026 && (op == FilterOperator::Eq || op == FilterOperator::In);
    }
    return false;
}

QString filterFieldName(FilterField field)
{
    switch (field) {
    case FilterField::Id:
        return QStringLiteral("id");
    case FilterField::SourceId:
        return QStringLiteral("sourceId");
    case FilterField::CompletionStatus:
        return QStringLiteral("completionStatus");
    case FilterField::Type:
        return QStringLiteral("type");
    case FilterField::Launcher:
        return QStringLiteral("launcher");
    }
    return {};
}

QString filterOperatorName(FilterOperator op)
{
    switch (op) {
    case FilterOperator::Eq:
        return QStringLiteral("eq");
    case FilterOperator::In:
        return QStringLiteral("in");
    case FilterOperator::IsNull:
        return QStringLiteral("isnull");
    }
    return {};
}

QString supportedFiltersText(ApiVersion version)
{
    QStringList parts;
    for (FilterField field : allFields) {
        QStringList ops;
        for (FilterOperator op : allOperators) {
            if (isFilterSupported(version, field, op))
                ops.append(filterOperatorName(op));
        }
        if (!ops.isEmpty())
            parts.append(filterFieldName(field) + u' ' + ops.join(u'|'));
    }
    return parts.join(QStringLiteral(", "));
}

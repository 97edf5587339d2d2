#include "TaskPatch.h"

#include "models/JsonRead.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>

namespace {

constexpr char mediaType[] = "application/json-patch+json";

QString described(const QJsonValue &value)
{
    if (value.isString())
        return QStringLiteral("\"%1\"").arg(value.toString().left(100));
    return JsonRead::typeName(value);
}

// RFC 3339 (a space for the 'T' as its section 5.6 allows, which the spec's example uses): an offset is required,
// with its colon. The client's reader is more forgiving; a tenant is not.
const QRegularExpression &strictDateTime()
{
    static const QRegularExpression pattern(
            QStringLiteral(R"(^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:[Zz]|[+-]\d{2}:\d{2})$)"));
    return pattern;
}

} // namespace

Parsed<TaskPatch> TaskPatch::parse(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray media = contentType.split(';').first().trimmed().toLower();
    if (media != mediaType)
        return ParseError {{},
                           QStringLiteral("the Content-Type must be %1, got \"%2\"")
                                   .arg(QLatin1String(mediaType),
                                        contentType.isEmpty() ? QStringLiteral("none")
                                                              : QString::fromLatin1(contentType.left(100)))};

    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &jsonError);
    if (jsonError.error != QJsonParseError::NoError)
        return ParseError {{},
                           QStringLiteral("the body is not JSON: %1 at offset %2")
                                   .arg(jsonError.errorString())
                                   .arg(jsonError.offset)};
    if (!document.isArray())
        return ParseError {{}, QStringLiteral("a JSON Patch is an array of operations, got an object")};
    const QJsonArray operations = document.array();
    if (operations.isEmpty())
        return ParseError {{}, QStringLiteral("the patch is empty: replace /completionStatus and/or /completed")};

    TaskPatch patch;
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        if (!operations.at(i).isObject())
            return ParseError {
                    at,
                    QStringLiteral("expected an operation object, got %1").arg(JsonRead::typeName(operations.at(i)))};
        // Members an operation does not define are ignored, as RFC 6902 section 4 asks.
        const QJsonObject operation = operations.at(i).toObject();
        const QJsonValue op = operation.value(QStringLiteral("op"));
        if (op != QJsonValue(QStringLiteral("replace")))
            return ParseError {at + QStringLiteral(".op"),
                               QStringLiteral("only \"replace\" is supported on a task status, got %1")
                                       .arg(op.isUndefined() ? QStringLiteral("nothing") : described(op))};
        const QJsonValue path = operation.value(QStringLiteral("path"));
        const QJsonValue value = operation.value(QStringLiteral("value"));
        const bool status = path == QJsonValue(QStringLiteral("/completionStatus"));
        const bool completed = path == QJsonValue(QStringLiteral("/completed"));
        if (!status && !completed)
            return ParseError {at + QStringLiteral(".path"),
                               QStringLiteral("only /completionStatus and /completed can be replaced, got %1")
                                       .arg(path.isUndefined() ? QStringLiteral("nothing") : described(path))};
        if (value.isUndefined())
            return ParseError {at + QStringLiteral(".value"), QStringLiteral("replace needs a value")};
        if (status) {
            const CompletionStatus parsed =
                    value.isString() ? completionStatusFromString(value.toString()) : CompletionStatus::Unknown;
            if (parsed == CompletionStatus::Unknown || parsed == CompletionStatus::None)
                return ParseError {at + QStringLiteral(".value"),
                                   QStringLiteral("expected SUCCESS, WARNING, ERROR, TERMINATED or TEMPERROR (any "
                                                  "case), got %1")
                                           .arg(described(value))};
            patch.completionStatus = parsed;
        } else {
            const QDateTime date = value.isString() && strictDateTime().match(value.toString()).hasMatch()
                    ? JsonRead::parseDateTime(value.toString())
                    : QDateTime();
            if (!date.isValid())
                return ParseError {at + QStringLiteral(".value"),
                                   QStringLiteral("expected a date-time such as \"2024-05-17T19:33:16.470Z\" or "
                                                  "\"2024-05-17 19:33:16.470000+00:00\", got %1")
                                           .arg(described(value))};
            patch.completedMs = date.toMSecsSinceEpoch();
        }
    }
    return patch;
}

#include "FollowRule.h"

#include "TaskId.h"

#include <QCoreApplication>
#include <QRegularExpression>

QString FollowRule::problem(Kind kind, const QString &value)
{
    switch (kind) {
    case Kind::Every:
        return value.isEmpty() ? QString()
                               : QCoreApplication::translate("FollowRule", "following every task takes no value");
    case Kind::Type: {
        static const QRegularExpression code(
                QRegularExpression::anchoredPattern(QStringLiteral("[A-Z][A-Z0-9_]{0,63}")));
        return code.match(value).hasMatch()
                ? QString()
                : QCoreApplication::translate("FollowRule",
                                              "a task type is an upper-case code such as CLOUD_ACCOUNT_AGGREGATION");
    }
    case Kind::Source: {
        const QString reason = TaskId::invalidReason(value);
        return reason.isEmpty() ? QString() : QCoreApplication::translate("FollowRule", "a source id %1").arg(reason);
    }
    }
    return {};
}

std::optional<QString> FollowRule::filter() const
{
    if (!problem(kind, value).isEmpty())
        return std::nullopt;
    switch (kind) {
    case Kind::Type:
        return QStringLiteral("type eq \"%1\"").arg(value);
    case Kind::Source:
        return QStringLiteral("sourceId eq \"%1\"").arg(value);
    case Kind::Every:
        break;
    }
    return QString();
}

QString FollowRule::label() const
{
    switch (kind) {
    case Kind::Type:
        return QStringLiteral("type ") + value;
    case Kind::Source:
        return QStringLiteral("source ") + value;
    case Kind::Every:
        break;
    }
    return QStringLiteral("every task");
}

QString FollowRule::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Type:
        return QStringLiteral("type");
    case Kind::Source:
        return QStringLiteral("source");
    case Kind::Every:
        break;
    }
    return QStringLiteral("every");
}

std::optional<FollowRule::Kind> FollowRule::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Type, Kind::Source, Kind::Every})
        if (name == kindName(kind))
            return kind;
    return std::nullopt;
}

bool followIsSupported(ApiVersion version)
{
    return version == ApiVersion::V2025 || version == ApiVersion::V2026 || version == ApiVersion::V1;
}

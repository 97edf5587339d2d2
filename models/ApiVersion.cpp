#include "ApiVersion.h"

namespace ApiVersions {

const QList<ApiVersion> &all()
{
    static const QList<ApiVersion> versions = {ApiVersion::Beta, ApiVersion::V2024, ApiVersion::V2025,
                                               ApiVersion::V2026, ApiVersion::V1};
    return versions;
}

QString name(ApiVersion version)
{
    switch (version) {
    case ApiVersion::Beta:
        return QStringLiteral("beta");
    case ApiVersion::V2024:
        return QStringLiteral("v2024");
    case ApiVersion::V2025:
        return QStringLiteral("v2025");
    case ApiVersion::V2026:
        return QStringLiteral("v2026");
    case ApiVersion::V1:
        return QStringLiteral("v1");
    }
    return {};
}

std::optional<ApiVersion> fromName(QStringView text)
{
    for (ApiVersion version : all()) {
        if (text == name(version))
            return version;
    }
    return std::nullopt;
}

bool listsCompletedOnly(ApiVersion version)
{
    return version == ApiVersion::Beta || version == ApiVersion::V2024;
}

bool isExperimental(ApiVersion version)
{
    return version == ApiVersion::V2024 || version == ApiVersion::V2025 || version == ApiVersion::V2026;
}

QString taskPath(ApiVersion version, const QString &id)
{
    return QString(listPath(version) + u'/' + id);
}

QString listPath(ApiVersion version)
{
    if (version == ApiVersion::V1)
        return QStringLiteral("/task-status/v1");
    return QString(u'/' + name(version) + QStringLiteral("/task-status"));
}

bool hasPendingTasks(ApiVersion version)
{
    return version == ApiVersion::Beta || version == ApiVersion::V2024 || version == ApiVersion::V2025;
}

QString pendingPath(ApiVersion version)
{
    return hasPendingTasks(version) ? QString(listPath(version) + QStringLiteral("/pending-tasks")) : QString();
}

} // namespace ApiVersions

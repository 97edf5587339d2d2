#include "ConnectionProfile.h"

#include "UrlPolicy.h"

#include <QCoreApplication>

QString ConnectionProfile::problem() const
{
    const QString urlProblem = UrlPolicy::baseUrlProblem(baseUrl);
    if (!urlProblem.isEmpty())
        return urlProblem;
    if (clientId.trimmed().isEmpty())
        return QCoreApplication::translate("ConnectionProfile", "No client id is set.");
    return {};
}

bool supportsRunningFilter(ApiVersion version)
{
    return version == ApiVersion::V2025 || version == ApiVersion::V2026 || version == ApiVersion::V1;
}

#include "ConnectionProfile.h"

#include "UrlPolicy.h"

Sentence ConnectionProfile::problem() const
{
    Sentence urlProblem = UrlPolicy::baseUrlIssue(baseUrl);
    if (!urlProblem.isEmpty())
        return urlProblem;
    if (clientId.trimmed().isEmpty())
        return Sentence::translate("ConnectionProfile", "No client id is set.");
    return {};
}

bool supportsRunningFilter(ApiVersion version)
{
    return version == ApiVersion::V2025 || version == ApiVersion::V2026 || version == ApiVersion::V1;
}

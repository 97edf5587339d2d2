#include "ConnectionProfile.h"

#include "models/UrlPolicy.h"

#include <QSettings>

namespace {

QString groupOf(const QString &name)
{
    return QStringLiteral("profiles/") + name;
}

} // namespace

QString ConnectionProfile::problem() const
{
    const QString urlProblem = UrlPolicy::baseUrlProblem(baseUrl);
    if (!urlProblem.isEmpty())
        return urlProblem;
    if (clientId.trimmed().isEmpty())
        return QStringLiteral("No client id is set.");
    return {};
}

ConnectionProfile ConnectionProfile::read(const QSettings &settings, const QString &name)
{
    const QString group = groupOf(name);
    auto value = [&](const char *key) { return settings.value(QString(group + u'/' + QLatin1String(key))).toString(); };
    ConnectionProfile profile;
    profile.name = name;
    profile.baseUrl = QUrl(value("baseUrl"));
    profile.apiVersion = ApiVersions::fromName(value("apiVersion").toLower()).value_or(ApiVersion::V2025);
    profile.clientId = value("clientId");
    profile.caFile = value("caFile");
    return profile;
}

void ConnectionProfile::write(QSettings &settings) const
{
    settings.beginGroup(groupOf(name));
    settings.setValue(QStringLiteral("baseUrl"), baseUrl.toString());
    settings.setValue(QStringLiteral("apiVersion"), ApiVersions::name(apiVersion));
    settings.setValue(QStringLiteral("clientId"), clientId);
    settings.setValue(QStringLiteral("caFile"), caFile);
    settings.endGroup();
}

bool ConnectionProfile::exists(const QSettings &settings, const QString &name)
{
    const QString group = groupOf(name);
    return settings.contains(group + QStringLiteral("/baseUrl"))
            || settings.contains(group + QStringLiteral("/clientId"));
}

void ConnectionProfile::remove(QSettings &settings, const QString &name)
{
    settings.remove(groupOf(name));
}

bool supportsRunningFilter(ApiVersion version)
{
    return version == ApiVersion::V2025 || version == ApiVersion::V2026 || version == ApiVersion::V1;
}

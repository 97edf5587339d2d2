#include "ProfileStore.h"

#include <QSettings>

namespace {

const QString Group = QStringLiteral("profiles");

QString groupOf(const QString &name)
{
    return Group + u'/' + name;
}

} // namespace

namespace ProfileStore {

QStringList names(QSettings &settings)
{
    settings.beginGroup(Group);
    const QStringList result = settings.childGroups();
    settings.endGroup();
    return result;
}

ConnectionProfile read(const QSettings &settings, const QString &name)
{
    const QString group = groupOf(name);
    auto value = [&](const char *key) { return settings.value(QString(group + u'/' + QLatin1String(key))).toString(); };
    ConnectionProfile profile;
    profile.name = name;
    profile.baseUrl = QUrl(value("baseUrl"));
    profile.apiVersion = ApiVersions::fromName(value("apiVersion").toLower()).value_or(ApiVersion::V2025);
    profile.clientId = value("clientId");
    profile.caFile = value("caFile");
    profile.watchAlongside = settings.value(QString(group + QStringLiteral("/watchAlongside")), false).toBool();
    return profile;
}

void write(QSettings &settings, const ConnectionProfile &profile)
{
    settings.beginGroup(groupOf(profile.name));
    settings.setValue(QStringLiteral("baseUrl"), profile.baseUrl.toString());
    settings.setValue(QStringLiteral("apiVersion"), ApiVersions::name(profile.apiVersion));
    settings.setValue(QStringLiteral("clientId"), profile.clientId);
    settings.setValue(QStringLiteral("caFile"), profile.caFile);
    settings.setValue(QStringLiteral("watchAlongside"), profile.watchAlongside);
    settings.endGroup();
}

bool exists(const QSettings &settings, const QString &name)
{
    const QString group = groupOf(name);
    return settings.contains(group + QStringLiteral("/baseUrl"))
            || settings.contains(group + QStringLiteral("/clientId"));
}

bool hasGroup(QSettings &settings, const QString &name)
{
    return names(settings).contains(name);
}

void remove(QSettings &settings, const QString &name)
{
    settings.remove(groupOf(name));
}

void removeAll(QSettings &settings)
{
    settings.remove(Group);
}

} // namespace ProfileStore

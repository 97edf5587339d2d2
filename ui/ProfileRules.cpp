#include "ProfileRules.h"

#include "models/UrlPolicy.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

// The context lupdate files these texts under.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProfileRules)
};

} // namespace

QString ProfileProblems::first() const
{
    for (const QString *problem : {&name, &baseUrl, &clientId, &caFile}) {
        if (!problem->isEmpty())
            return *problem;
    }
    return {};
}

namespace ProfileRules {

QString apiAddress(const QString &text)
{
    static const QString apiDomain = QStringLiteral(".api.identitynow.com");
    static const QString webDomain = QStringLiteral(".identitynow.com");
    // A DNS label, as SailPoint's tenant names are.
    static const QRegularExpression tenantName(QStringLiteral("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"),
                                               QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = text.trimmed();
    if (tenantName.match(trimmed).hasMatch()) {
        const QString tenant = trimmed.toLower();
        return tenant == u"localhost" ? trimmed : QStringLiteral("https://") + tenant + apiDomain;
    }
    // The web UI's address, also without its scheme; its path (/ui/d/…) and fragment are the UI's own.
    const bool hasScheme = trimmed.contains(QStringLiteral("://"));
    const QUrl url(hasScheme ? trimmed : QStringLiteral("https://") + trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https" && scheme != u"http") || !url.userInfo().isEmpty() || url.port() != -1)
        return trimmed;
    QString host = url.host().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    if (!host.endsWith(webDomain))
        return trimmed;
    const QString tenant = host.chopped(webDomain.size());
    if (!tenantName.match(tenant).hasMatch() || tenant == u"api")
        return trimmed; // an API address already (acme.api.…), or something else under the domain
    return QStringLiteral("https://") + tenant + apiDomain;
}

QUrl parseBaseUrl(const QString &text)
{
    const QString trimmed = apiAddress(text);
    if (trimmed.isEmpty())
        return {};
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return url;
    url = url.adjusted(QUrl::StripTrailingSlash);
    if (url.path() == u"/") // StripTrailingSlash keeps a lone "/"
        url.setPath(QString());
    return url;
}

QString baseUrlProblem(const QUrl &url)
{
    if (url.isEmpty())
        return Text::tr("Enter the tenant's API address, e.g. https://acme.api.identitynow.com, or its name (acme)");
    // Before anything else, also for an address that is wrong in other ways: nothing may echo a password.
    if (UrlPolicy::hasUserInfo(url))
        return Text::tr("Leave out the user name and password: the client id and secret have their own fields.");
    if (!url.isValid())
        return Text::tr("This is not a valid address: look for spaces or stray characters.");
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return Text::tr("Start the address with https://, e.g. https://acme.api.identitynow.com");
    if (url.host().isEmpty())
        return Text::tr("The address has no host name.");
    if (url.hasQuery() || url.hasFragment())
        return Text::tr("Leave out everything from the ? or # on.");
    if (scheme == u"http" && !UrlPolicy::isLoopbackHost(url.host()))
        return Text::tr("Use https://. Plain http:// would send the secret unencrypted; it is allowed only to this "
                        "computer (127.0.0.1, ::1, localhost).");
    // A version path pasted from the API documentation would be doubled: the version is chosen below.
    const QString lastSegment = url.path().section(u'/', -1).toLower();
    if (lastSegment == u"v3" || ApiVersions::fromName(lastSegment))
        return Text::tr("Leave out the version path (/%1): choose the API version below.").arg(lastSegment);
    return {};
}

QString nameProblem(const QString &name, const QStringList &otherNames)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Text::tr("Give the profile a name.");
    if (trimmed.contains(u'/') || trimmed.contains(u'\\'))
        return Text::tr("A name cannot contain / or \\.");
    if (trimmed.size() > MaxNameLength)
        return Text::tr("Use at most %1 characters.").arg(MaxNameLength);
    for (const QString &other : otherNames) {
        if (other.trimmed().compare(trimmed, Qt::CaseInsensitive) == 0)
            return Text::tr("Another profile already has this name.");
    }
    return {};
}

QString clientIdProblem(const QString &clientId)
{
    if (clientId.trimmed().isEmpty())
        return Text::tr("Enter the client id of the API client or personal access token.");
    return {};
}

QString caFileProblem(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!QDir::isAbsolutePath(trimmed))
        return Text::tr("Give the full path of the certificate file.");
    const QFileInfo info(trimmed);
    if (!info.exists())
        return Text::tr("There is no file at this path.");
    if (!info.isFile() || !info.isReadable())
        return Text::tr("This is not a readable file.");
    return {};
}

ProfileProblems problemsOf(const ConnectionProfile &profile, const QStringList &otherNames)
{
    return {nameProblem(profile.name, otherNames), baseUrlProblem(profile.baseUrl), clientIdProblem(profile.clientId),
            caFileProblem(profile.caFile)};
}

} // namespace ProfileRules

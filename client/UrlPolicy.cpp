#include "UrlPolicy.h"

#include <QHostAddress>

namespace UrlPolicy {

bool isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.')) // "localhost." is the same name, fully qualified
        name.chop(1);
    if (name == u"localhost")
        return true;
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    const QHostAddress address(name);
    if (address.isNull())
        return false;
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped)
        return QHostAddress(ipv4).isLoopback();
    return address.isLoopback();
}

static QString urlProblem(const QUrl &url, bool allowQuery)
{
    if (url.isEmpty())
        return QStringLiteral("No tenant URL is set.");
    if (!url.isValid())
        return QStringLiteral("The tenant URL is not a valid URL: %1").arg(url.errorString());
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return QStringLiteral("The tenant URL must start with https:// (got \"%1:\").").arg(url.scheme());
    if (url.host().isEmpty())
        return QStringLiteral("The tenant URL has no host name.");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("The tenant URL must not contain a user name or password.");
    if (!allowQuery && (url.hasQuery() || url.hasFragment()))
        return QStringLiteral(
                "The tenant URL must not have a query or fragment (use e.g. https://acme.api.identitynow.com).");
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return QStringLiteral("Refusing plain http:// to %1: secrets and tokens would travel unencrypted. "
                              "Use https:// (http:// is allowed only to this computer, e.g. 127.0.0.1).")
                .arg(url.host());
    return {};
}

QString baseUrlProblem(const QUrl &url)
{
    return urlProblem(url, false);
}

QString requestUrlProblem(const QUrl &url)
{
    return urlProblem(url, true);
}

} // namespace UrlPolicy

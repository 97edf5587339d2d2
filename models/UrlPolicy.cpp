#include "UrlPolicy.h"

#include <QStringList>

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
    if (name.isEmpty())
        return false;
    // QUrl writes IP addresses in their canonical form (IPv6 compressed, IPv4-mapped ones as ::ffff:a.b.c.d),
    // which keeps Qt Network (QHostAddress) out of this library.
    QUrl url;
    url.setHost(name, QUrl::StrictMode);
    if (!url.isValid())
        return false;
    QString canonical = url.host();
    if (canonical == u"::1")
        return true;
    if (canonical.startsWith(u"::ffff:"))
        canonical = canonical.mid(7);
    const QStringList octets = canonical.split(u'.');
    if (octets.size() != 4)
        return false;
    for (const QString &octet : octets) {
        bool ok = false;
        const int value = octet.toInt(&ok);
        if (!ok || octet.size() > 3 || value < 0 || value > 255 || !octet.at(0).isDigit())
            return false;
    }
    return octets.constFirst().toInt() == 127;
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

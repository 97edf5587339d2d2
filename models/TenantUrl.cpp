#include "TenantUrl.h"

namespace TenantUrl {

QString normalized(const QUrl &url)
{
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    int defaultPort = -1;
    if (scheme == u"https")
        defaultPort = 443;
    else if (scheme == u"http")
        defaultPort = 80;
    else
        return {};
    // QUrl already lower-cases registered names and writes IP addresses canonically; toLower() is for the
    // percent-decoded odd case. "acme.example.com." names the same host as "acme.example.com".
    QString host = url.host(QUrl::FullyDecoded).toLower();
    while (host.endsWith(u'.'))
        host.chop(1);
    if (host.isEmpty())
        return {};
    if (host.contains(u':')) // IPv6
        host = u'[' + host + u']';
    return scheme + QStringLiteral("://") + host + u':' + QString::number(url.port(defaultPort));
}

} // namespace TenantUrl

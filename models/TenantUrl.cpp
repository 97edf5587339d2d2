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
    // EncodeUnicode: an internationalised name and its punycode spelling are one host.
    QString host = url.host(QUrl::EncodeUnicode).toLower();
    while (host.endsWith(u'.')) // the fully qualified spelling of the same name
        host.chop(1);
    if (host.isEmpty())
        return {};
    if (host.contains(u':'))
        host = u'[' + host + u']'; // IPv6
    return scheme + QStringLiteral("://") + host + u':' + QString::number(url.port(defaultPort));
}

} // namespace TenantUrl

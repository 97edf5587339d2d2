#include "TenantUrl.h"

namespace TenantUrl {

QString normalized(const QUrl &url)
{
    if (!url.isValid())
        return {};
    // EncodeUnicode: an internationalised name and its punycode spelling are one host.
    QString host = url.host(QUrl::EncodeUnicode).toLower();
    if (host.endsWith(u'.')) // the fully qualified spelling of the same name
        host.chop(1);
    if (host.isEmpty())
        return {};
    if (host.contains(u':'))
        host = u'[' + host + u']'; // IPv6
    const QString scheme = url.scheme().toLower();
    int port = url.port(-1);
    if (port < 0 && scheme == u"https")
        port = 443;
    else if (port < 0 && scheme == u"http")
        port = 80;
    QString result = scheme + QStringLiteral("://") + host;
    if (port >= 0)
        result += u':' + QString::number(port);
    return result;
}

} // namespace TenantUrl

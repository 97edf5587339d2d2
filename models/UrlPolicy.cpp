#include "UrlPolicy.h"

#include "Sentence.h"

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

namespace {

// The text an invalid QUrl was parsed from, and what follows it: Qt keeps the text only in errorString(), as
// `...; source was "<text>"; scheme = "...", ...`. Its end is not reliable (the text may hold quotes), so the
// rest comes along; the authority check below stops at the first '/', '?' or '#' and Qt's component list after
// the text holds an '@' only when the text did.
QString invalidUrlSource(const QUrl &url)
{
    const QString error = url.errorString();
    const QLatin1String marker("source was \"");
    const qsizetype start = error.indexOf(marker);
    return start < 0 ? error : error.mid(start + marker.size());
}

// Whether the authority part of a URL's text (after "//", up to the first '/', '?' or '#') has an '@'.
bool textHasUserInfo(const QString &text)
{
    const qsizetype slashes = text.indexOf(QLatin1String("//"));
    if (slashes < 0)
        return text.contains(u'@'); // unparseable anyway: err on the side of silence
    const qsizetype from = slashes + 2;
    qsizetype end = text.size();
    for (const QChar stop : {u'/', u'?', u'#'}) {
        const qsizetype at = text.indexOf(stop, from);
        if (at >= 0 && at < end)
            end = at;
    }
    return text.mid(from, end - from).contains(u'@');
}

// Qt's description of what is wrong, without the text it quotes after the first ';' (the source and its
// components). Only used for URLs without user info: Qt's descriptions of a bad user name or password quote
// one of its characters.
QString invalidUrlReason(const QUrl &url)
{
    return url.errorString().section(u';', 0, 0).trimmed();
}

} // namespace

bool hasUserInfo(const QUrl &url)
{
    if (!url.userInfo().isEmpty())
        return true;
    return !url.isValid() && textHasUserInfo(invalidUrlSource(url));
}

QString forDisplay(const QUrl &url)
{
    if (url.isEmpty())
        return {};
    if (!url.isValid())
        return QStringLiteral("(an invalid URL)");
    return url.toString(QUrl::RemoveUserInfo);
}

static Sentence urlIssue(const QUrl &url, bool allowQuery)
{
    if (url.isEmpty())
        return Sentence::translate("UrlPolicy", "No tenant URL is set.");
    // First: every other message may quote the URL or a part of it.
    if (hasUserInfo(url))
        return Sentence::translate("UrlPolicy", "The tenant URL must not contain a user name or password.");
    if (!url.isValid())
        return Sentence::translate("UrlPolicy", "The tenant URL is not a valid URL: %1.").arg(invalidUrlReason(url));
    const QString scheme = url.scheme().toLower();
    if (scheme != u"https" && scheme != u"http")
        return Sentence::translate("UrlPolicy", "The tenant URL must start with https:// (got \"%1:\").")
                .arg(url.scheme());
    if (url.host().isEmpty())
        return Sentence::translate("UrlPolicy", "The tenant URL has no host name.");
    if (!allowQuery && (url.hasQuery() || url.hasFragment()))
        return Sentence::translate(
                "UrlPolicy",
                "The tenant URL must not have a query or fragment (use e.g. https://acme.api.identitynow.com).");
    if (scheme == u"http" && !isLoopbackHost(url.host()))
        return Sentence::translate("UrlPolicy",
                                   "Refusing plain http:// to %1: secrets and tokens would travel unencrypted. "
                                   "Use https:// (http:// is allowed only to this computer, e.g. 127.0.0.1).")
                .arg(url.host());
    return {};
}

Sentence baseUrlIssue(const QUrl &url)
{
    return urlIssue(url, false);
}

Sentence requestUrlIssue(const QUrl &url)
{
    return urlIssue(url, true);
}

QString baseUrlProblem(const QUrl &url)
{
    return baseUrlIssue(url).translated();
}

QString requestUrlProblem(const QUrl &url)
{
    return requestUrlIssue(url).translated();
}

} // namespace UrlPolicy

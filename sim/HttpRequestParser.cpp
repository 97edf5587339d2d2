#include "HttpRequestParser.h"

namespace {

using Status = HttpParseResult::Status;

HttpParseResult error(int status, const QString &reason, const QByteArray &method = {})
{
    HttpParseResult result;
    result.status = Status::Error;
    result.errorStatus = status;
    result.errorReason = reason;
    result.method = method;
    return result;
}

bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// The end of the line starting at `from`: the index of its '\n', or -1.
qsizetype lineEnd(const QByteArray &buffer, qsizetype from)
{
    return buffer.indexOf('\n', from);
}

QByteArray lineAt(const QByteArray &buffer, qsizetype from, qsizetype newline)
{
    qsizetype end = newline;
    if (end > from && buffer.at(end - 1) == '\r')
        --end;
    return buffer.mid(from, end - from);
}

bool containsToken(const QByteArray &headerValue, const QByteArray &token)
{
    for (const QByteArray &part : headerValue.split(',')) {
        if (part.trimmed().toLower() == token)
            return true;
    }
    return false;
}

} // namespace

HttpParseResult parseHttpRequest(const QByteArray &buffer, const HttpLimits &limits)
{
    // Blank lines before a request are allowed (RFC 9112 2.2); skip them.
    qsizetype start = 0;
    while (start < buffer.size() && (buffer.at(start) == '\r' || buffer.at(start) == '\n'))
        ++start;

    const qsizetype requestLineEnd = lineEnd(buffer, start);
    if (requestLineEnd < 0) {
        if (buffer.size() - start > limits.maxRequestLine) {
            const qsizetype space = buffer.indexOf(' ', start);
            const QByteArray method = space < 0 ? QByteArray() : buffer.mid(start, qMin<qsizetype>(space - start, 16));
            return error(414, QStringLiteral("the request line is longer than %1 bytes").arg(limits.maxRequestLine),
                         method);
        }
        HttpParseResult more;
        more.consumed = start;
        return more;
    }
    const QByteArray requestLine = lineAt(buffer, start, requestLineEnd);
    const QList<QByteArray> parts = requestLine.split(' ');
    const QByteArray method = parts.isEmpty() ? QByteArray() : parts.first();
    if (requestLine.size() > limits.maxRequestLine)
        return error(414, QStringLiteral("the request line is longer than %1 bytes").arg(limits.maxRequestLine),
                     method);
    if (parts.size() != 3 || !isToken(method) || parts.at(1).isEmpty())
        return error(400, QStringLiteral("malformed request line"), method);
    const QByteArray &version = parts.at(2);
    if (!version.startsWith("HTTP/"))
        return error(400, QStringLiteral("malformed HTTP version"), method);
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return error(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"), method);

    HttpRequest request;
    request.method = method;
    request.minorVersion = version == "HTTP/1.1" ? 1 : 0;
    request.target = parts.at(1);
    QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) { // absolute-form
        const qsizetype pathStart = target.indexOf('/', target.indexOf("//") + 2);
        target = pathStart < 0 ? QByteArrayLiteral("/") : target.mid(pathStart);
    }
    if (!target.startsWith('/'))
        return error(400, QStringLiteral("the request target must be an absolute path"), method);
    const qsizetype fragment = target.indexOf('#');
    if (fragment >= 0)
        target.truncate(fragment);
    const qsizetype question = target.indexOf('?');
    request.rawPath = question < 0 ? target : target.left(question);
    request.rawQuery = question < 0 ? QByteArray() : target.mid(question + 1);

    // Header fields up to the empty line.
    qsizetype position = requestLineEnd + 1;
    qsizetype contentLength = 0;
    bool haveLength = false;
    while (true) {
        const qsizetype newline = lineEnd(buffer, position);
        if (newline < 0) {
            if (buffer.size() - requestLineEnd > limits.maxHeaderBytes)
                return error(431,
                             QStringLiteral("the header section is longer than %1 bytes").arg(limits.maxHeaderBytes),
                             method);
            HttpParseResult more;
            more.consumed = start;
            return more;
        }
        if (newline - requestLineEnd > limits.maxHeaderBytes)
            return error(431, QStringLiteral("the header section is longer than %1 bytes").arg(limits.maxHeaderBytes),
                         method);
        const QByteArray line = lineAt(buffer, position, newline);
        position = newline + 1;
        if (line.isEmpty())
            break;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return error(400, QStringLiteral("folded header lines are not allowed"), method);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : line.left(colon).toLower();
        if (!isToken(name))
            return error(400, QStringLiteral("malformed header line"), method);
        if (request.headers.size() >= limits.maxHeaders)
            return error(431, QStringLiteral("more than %1 header fields").arg(limits.maxHeaders), method);
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name == "content-length") {
            bool ok = false;
            const qsizetype length = value.toLongLong(&ok);
            if (!ok || length < 0 || value.startsWith('+') || (haveLength && length != contentLength))
                return error(400, QStringLiteral("invalid Content-Length"), method);
            contentLength = length;
            haveLength = true;
        }
    }

    if (request.hasHeader("transfer-encoding"))
        return error(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"), method);
    if (contentLength > limits.maxBody)
        return error(413, QStringLiteral("the body is larger than %1 bytes").arg(limits.maxBody), method);

    const QByteArray connection = request.header("connection");
    request.keepAlive =
            request.minorVersion == 1 ? !containsToken(connection, "close") : containsToken(connection, "keep-alive");

    if (buffer.size() - position < contentLength) {
        HttpParseResult more;
        more.consumed = start;
        more.expectsContinue = containsToken(request.header("expect"), "100-continue");
        return more;
    }
    request.body = buffer.mid(position, contentLength);

    HttpParseResult complete;
    complete.status = Status::Complete;
    complete.request = std::move(request);
    complete.consumed = position + contentLength;
    complete.method = method;
    return complete;
}

#include "HttpResponse.h"

#include <QDateTime>
#include <QLocale>

namespace {

// The Date header, formatted once per second rather than once per response.
QByteArray httpDate()
{
    static qint64 cachedSecond = -1;
    static QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cached = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        cachedSecond = second;
    }
    return cached;
}

} // namespace

HttpResponse HttpResponse::json(int status, QByteArray body)
{
    HttpResponse response;
    response.status = status;
    response.body = std::move(body);
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8")});
    return response;
}

HttpResponse &HttpResponse::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QByteArray HttpResponse::serializedHead(bool keepAlive) const
{
    QByteArray head;
    head.reserve(256);
    head.append("HTTP/1.1 ");
    head.append(QByteArray::number(status));
    head.append(' ');
    head.append(reasonPhrase(status));
    head.append("\r\nDate: ");
    head.append(httpDate());
    head.append("\r\nServer: taskwatch-sim");
    for (const auto &header : headers) {
        head.append("\r\n");
        head.append(header.first);
        head.append(": ");
        head.append(header.second);
    }
    head.append("\r\nContent-Length: ");
    head.append(QByteArray::number(body.size()));
    head.append(keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
    return head;
}

QByteArray HttpResponse::serialized(bool keepAlive) const
{
    return serializedHead(keepAlive) + body;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

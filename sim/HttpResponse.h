#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

// One HTTP response: status, extra headers and body. Date, Content-Length and Connection are added when
// it is serialised.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // beyond Date, Content-Length, Connection
    QByteArray body;

    static HttpResponse json(int status, QByteArray body);
    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const; // case-insensitive, first value

    QByteArray serializedHead(bool keepAlive) const; // status line and headers, ending with the blank line
    QByteArray serialized(bool keepAlive) const;
};

QByteArray reasonPhrase(int status);

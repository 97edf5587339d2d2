#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// One HTTP/1.x request as it came off the wire.
struct HttpRequest
{
    QByteArray method; // upper case, e.g. GET
    QByteArray target; // the request-target as sent, e.g. /v2025/task-status?limit=5
    QByteArray rawPath; // target up to '?', still percent-encoded
    QByteArray rawQuery; // after '?', still encoded
    int minorVersion = 1; // HTTP/1.0 or HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case, values trimmed
    QByteArray body;
    bool keepAlive = true;

    QByteArray header(const QByteArray &lowerCaseName) const; // first value, empty when absent
    bool hasHeader(const QByteArray &lowerCaseName) const;
};

// Query strings and form bodies as servlet containers decode them: '+' is a space, %XX a byte (UTF-8).
// Keeps the order; a name given twice appears twice.
QList<QPair<QString, QString>> decodeFormEncoded(const QByteArray &encoded);
QString firstValue(const QList<QPair<QString, QString>> &items, const QString &name, bool *found = nullptr);

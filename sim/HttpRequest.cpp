#include "HttpRequest.h"

QByteArray HttpRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerCaseName)
            return header.second;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &lowerCaseName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerCaseName)
            return true;
    }
    return false;
}

QList<QPair<QString, QString>> decodeFormEncoded(const QByteArray &encoded)
{
    QList<QPair<QString, QString>> items;
    for (QByteArray part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const qsizetype equals = part.indexOf('=');
        const QByteArray name = equals < 0 ? part : part.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : part.mid(equals + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

QString firstValue(const QList<QPair<QString, QString>> &items, const QString &name, bool *found)
{
    for (const auto &item : items) {
        if (item.first == name) {
            if (found)
                *found = true;
            return item.second;
        }
    }
    if (found)
        *found = false;
    return {};
}

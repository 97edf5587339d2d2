#include "MultipartForm.h"

namespace MultipartForm {

namespace {

constexpr qsizetype maxBoundary = 70; // RFC 2046 section 5.1.1

struct Parameter
{
    QByteArray name; // lower case
    QByteArray value; // unquoted
};

// The `; name=value` parameters after a header's first item; values are tokens or quoted strings with
// backslash escapes. Stops at the first malformed parameter.
QList<Parameter> parameters(const QByteArray &header)
{
    QList<Parameter> result;
    qsizetype i = header.indexOf(';');
    while (i >= 0 && i < header.size()) {
        ++i; // past ';'
        const qsizetype equals = header.indexOf('=', i);
        if (equals < 0)
            break;
        Parameter parameter {header.mid(i, equals - i).trimmed().toLower(), {}};
        i = equals + 1;
        while (i < header.size() && (header.at(i) == ' ' || header.at(i) == '\t'))
            ++i;
        if (i < header.size() && header.at(i) == '"') {
            ++i;
            bool closed = false;
            while (i < header.size()) {
                const char c = header.at(i++);
                if (c == '\\' && i < header.size()) {
                    parameter.value.append(header.at(i++));
                } else if (c == '"') {
                    closed = true;
                    break;
                } else {
                    parameter.value.append(c);
                }
            }
            if (!closed)
                break;
            i = header.indexOf(';', i);
        } else {
            const qsizetype end = header.indexOf(';', i);
            parameter.value = header.mid(i, end < 0 ? -1 : end - i).trimmed();
            i = end;
        }
        result.append(parameter);
    }
    return result;
}

QByteArray parameter(const QByteArray &header, const QByteArray &name)
{
    for (const Parameter &item : parameters(header)) {
        if (item.name == name)
            return item.value;
    }
    return {};
}

ParseError partError(int index, const QString &reason)
{
    return ParseError {QStringLiteral("part %1").arg(index + 1), reason};
}

} // namespace

bool isMultipartFormData(const QByteArray &contentType)
{
    return contentType.split(';').first().trimmed().toLower() == "multipart/form-data";
}

QByteArray boundary(const QByteArray &contentType)
{
    return parameter(contentType, "boundary");
}

Parsed<QList<QPair<QString, QString>>> parse(const QByteArray &contentType, const QByteArray &body)
{
    if (!isMultipartFormData(contentType))
        return ParseError {{}, QStringLiteral("the Content-Type is not multipart/form-data")};
    const QByteArray separator = boundary(contentType);
    if (separator.isEmpty())
        return ParseError {{}, QStringLiteral("the Content-Type has no boundary parameter")};
    if (separator.size() > maxBoundary || separator.endsWith(' '))
        return ParseError {{}, QStringLiteral("the boundary must be 1 to 70 characters, not ending in a space")};

    const QByteArray delimiter = "--" + separator;
    const QByteArray nextDelimiter = "\r\n" + delimiter;
    // The first boundary line opens the body, or follows a preamble that ends in CRLF.
    qsizetype position = body.startsWith(delimiter) ? 0 : body.indexOf(nextDelimiter);
    if (position < 0)
        return ParseError {{},
                           QStringLiteral("the opening boundary line \"%1\" is missing")
                                   .arg(QString::fromLatin1(delimiter.left(80)))};
    position += body.startsWith(delimiter) ? delimiter.size() : nextDelimiter.size();

    QList<QPair<QString, QString>> fields;
    for (int index = 0;; ++index) {
        if (body.mid(position, 2) == "--")
            return fields; // the closing boundary; an epilogue after it is ignored
        // Transport padding (spaces, tabs) may follow a boundary before its CRLF.
        while (position < body.size() && (body.at(position) == ' ' || body.at(position) == '\t'))
            ++position;
        if (body.mid(position, 2) != "\r\n")
            return partError(index, QStringLiteral("a boundary line must end in CRLF"));
        position += 2;

        const qsizetype headersEnd = body.indexOf("\r\n\r\n", position);
        const qsizetype contentEnd = body.indexOf(nextDelimiter, position);
        if (contentEnd < 0)
            return partError(index,
                             QStringLiteral("the closing boundary line \"%1--\" is missing")
                                     .arg(QString::fromLatin1(delimiter.left(80))));
        if (headersEnd < 0 || headersEnd + 2 > contentEnd)
            return partError(index, QStringLiteral("the part's headers do not end in an empty line"));

        QByteArray disposition;
        for (const QByteArray &line : body.mid(position, headersEnd - position).split('\n')) {
            const QByteArray trimmed = line.trimmed();
            const qsizetype colon = trimmed.indexOf(':');
            if (colon > 0 && trimmed.left(colon).trimmed().toLower() == "content-disposition")
                disposition = trimmed.mid(colon + 1).trimmed();
        }
        if (disposition.split(';').first().trimmed().toLower() != "form-data")
            return partError(index, QStringLiteral("the part has no \"Content-Disposition: form-data\" header"));
        const QByteArray name = parameter(disposition, "name");
        if (name.isEmpty())
            return partError(index, QStringLiteral("the part's Content-Disposition has no name"));

        const qsizetype contentStart = headersEnd + 4;
        const QByteArray content =
                contentStart <= contentEnd ? body.mid(contentStart, contentEnd - contentStart) : QByteArray();
        fields.append({QString::fromUtf8(name), QString::fromUtf8(content)});
        position = contentEnd + nextDelimiter.size();
    }
}

} // namespace MultipartForm

#pragma once

#include "models/Parsed.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// multipart/form-data bodies (RFC 7578 on RFC 2046's multipart syntax), as some OAuth clients send a token
// request: one part per field, `Content-Disposition: form-data; name="…"`, separated by `--boundary` lines
// ending in CRLF, closed by `--boundary--`. Pure, so that every form is tested without a server.
namespace MultipartForm {

// Whether a Content-Type header's media type is multipart/form-data (case-insensitive).
bool isMultipartFormData(const QByteArray &contentType);

// The Content-Type's boundary parameter (token or quoted string), empty when missing.
QByteArray boundary(const QByteArray &contentType);

// The fields in order (values as UTF-8 text; a file part's content counts as its field's value), or what
// is wrong: no or bad boundary, no opening or closing boundary line, a part without a form-data name.
Parsed<QList<QPair<QString, QString>>> parse(const QByteArray &contentType, const QByteArray &body);

} // namespace MultipartForm

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// The elements of a JSON array as the bytes they came in, less the whitespace between tokens: what a parsed
// tree would write compact, without building that text again (QJsonDocument::toJson was 40 % of the time to read
// a list of task statuses). Keys keep the order they came in. It does not validate: use it beside a real parse
// of the same bytes. nullopt when `json` is not an array.
namespace JsonSlices {

std::optional<QList<QByteArray>> arrayElements(const QByteArray &json);

// Whether a slice can be kept as an object's compact JSON, on a line of its own: it is an object ({ to }) and
// its strings hold no control byte and no escape that JSON does not define. Qt's reader lets both through (and a
// byte-order mark before the object), its writer never writes them; kept as they came, a raw line break would
// split the watch list's one task per line. When false, keep what the parsed tree writes instead.
bool isKeepableObject(QByteArrayView slice);

} // namespace JsonSlices

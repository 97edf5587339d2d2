#pragma once

#include <QByteArray>
#include <QList>

#include <optional>

// The elements of a JSON array as the bytes they came in, less the whitespace between tokens: what a parsed
// tree would write compact, without building that text again (QJsonDocument::toJson was 40 % of the time to read
// a list of task statuses). Keys keep the order they came in. It does not validate: use it beside a real parse
// of the same bytes. nullopt when `json` is not an array.
namespace JsonSlices {

std::optional<QList<QByteArray>> arrayElements(const QByteArray &json);

} // namespace JsonSlices

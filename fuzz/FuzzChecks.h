#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// The properties the fuzz targets check, as plain functions: the libFuzzer programs in fuzz/ call them on
// generated inputs, and tests/hardening/tst_fuzzregressions replays every saved input through them in
// the normal (and sanitizer) test suite. Each returns an empty string when every property holds, or what
// broke; a crash or a sanitizer report is a failure too.
namespace FuzzChecks {

// TaskStatus::fromJson / listFromJson: no crash; accepted statuses have an id and a percentComplete in
// 0..100, and their `raw` object, written out and read again, gives the same status.
QString taskStatus(const QByteArray &data);
// ApiError::fromResponse (first two bytes: the HTTP status): summary() and text() are one non-empty line
// that starts with the status, and a runaway body does not make them huge.
QString apiError(const QByteArray &data);
// TaskId::parsePasted (first byte: the limit; the rest: UTF-8 text): only valid, new, distinct ids, at most
// `limit` of them, every rejection has a reason, and pasting the result again gives the same ids.
QString pastedIds(const QByteArray &data);
// ApiRoutes::idInFilter / listUrl and Batching::splitForList on candidate ids (UTF-8 lines; first byte: the
// API version): the filter, also as read back from the URL, parses (parseIdInFilter) to exactly the valid
// candidates, in order; batches keep every valid id once, in order, within 250 ids and 8 KiB URLs.
QString idFilter(const QByteArray &data);

// An independent reader of `id in ("a","b")` as SailPoint documents it (strings in double quotes with \"
// and \\ escapes, items separated by commas, optional spaces); nullopt for anything else.
std::optional<QStringList> parseIdInFilter(QStringView filter);

} // namespace FuzzChecks

#pragma once

#include "models/FollowRule.h"
#include "models/Parsed.h"
#include "models/WatchedTask.h"

#include <QByteArray>

class QIODevice;
#include <QList>

// The watch-list file and its export: versioned JSON, one entry per watched task with the last known
// status as received (raw), so a restart shows it at once.
//   {"format": "taskwatch-watchlist", "version": 1, "saveId": "..." (optional), "tasks": [
//     {"id", "profile", "label", "addedAt", "checkedAt", "paused", "status": {...} | null}, ...],
//   "follow": [{"profile", "kind": "type|source|every", "value"}, ...] (optional: the desktop's follow rules)}
// Written compact, one task per line. "follow" came after version 1 without a new version: older readers
// ignore it (and drop it when they save), and files without it have no rules.
namespace WatchListFormat {

constexpr int Version = 1;
QString formatName(); // "taskwatch-watchlist"

// `saveId` (optional, on the first line): a token of this one save, so that a writer can tell from the
// first line alone whether the file is still the one it wrote (WatchList). Readers ignore it.
QByteArray toJson(const QList<WatchedTask> &tasks, const QByteArray &saveId = {},
                  const QList<FollowedRule> &rules = {});
// The same, written to `device` a few kilobytes at a time (the watch list's save); false when a write failed.
bool write(QIODevice &device, const QList<WatchedTask> &tasks, const QByteArray &saveId = {},
           const QList<FollowedRule> &rules = {});
// Strict about structure (a damaged file is set aside rather than half read), lenient about the cached
// status: one that no longer parses is dropped and fetched again.
// With `rules`, the follow rules go there: a rule whose value could not go into a filter is left out.
Parsed<QList<WatchedTask>> fromJson(const QByteArray &json, QList<FollowedRule> *rules = nullptr);

} // namespace WatchListFormat

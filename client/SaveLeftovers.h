#pragma once

#include <QString>
#include <QStringList>

// QSaveFile writes a temporary copy, links it as "<file>.XXXXXX" and renames it over the file; a kill
// between link and rename leaves that copy behind, and nothing else would ever remove it. But a user's
// "watchlist.json.backup" has such a name too. So before each save the writer (holding the watch-list
// lock) notes which such names exist in a small journal beside the file, and removes the journal after the
// commit: a journal found at start-up (again under the lock, so no save is running) means a save was
// interrupted, and exactly the names it does not list are that save's leftovers.
namespace SaveLeftovers {

QString journalPath(const QString &filePath); // "<file>.save-journal"
// The names in the file's folder that a QSaveFile of `filePath` could leave: "<name>." + 6 letters/digits.
QStringList candidates(const QString &filePath);
// Before a save. False when the journal could not be written (the save goes ahead: without a journal a
// leftover is merely kept).
bool begin(const QString &filePath);
void end(const QString &filePath); // after the save, committed or not
// At start-up, with the lock held: removes what an interrupted save left, and its journal. Returns the
// names removed.
QStringList removeInterrupted(const QString &filePath);

} // namespace SaveLeftovers

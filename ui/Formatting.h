#pragma once

#include <QDateTime>
#include <QString>

// How times and durations read in the table, the detail view and the status bar. Local time is what
// people see; UTC is what they compare with SailPoint's logs, so it goes in tooltips and reports.
namespace Formatting {

QString quoted(const QString &text); // “acme”, in the quotation marks of the user's language
QString duration(qint64 seconds); // "45 s", "3 min 05 s", "2 h 03 min", "3 d 4 h"; negative → 0 s
QString roughDuration(qint64 seconds); // to the minute from a minute on: "45 s", "12 min", "2 h 03 min"
QString localTime(const QDateTime &time); // "2024-05-17 21:33:16"; empty when invalid
QString utcTime(const QDateTime &time); // "2024-05-17 19:33:16 UTC"; empty when invalid
QString isoUtc(const QDateTime &time); // "2024-05-17T19:33:16.470Z"; empty when invalid
QString isoLocal(const QDateTime &time); // "2024-05-17T21:33:16+02:00"; empty when invalid

} // namespace Formatting

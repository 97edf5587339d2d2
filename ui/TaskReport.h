#pragma once

#include "HistoryLog.h"
#include "models/WatchedTask.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

// What support staff paste into a ticket: every field of one task, its messages, returns with values,
// times in UTC and local time, durations, the history seen and the tracking ids of API errors.
//
// Built only from WatchedTask, TaskStatus and the history: never from requests, headers or settings, so
// no credential can reach it. As a second line of defence every string is passed through redactSecrets(),
// which blanks values under secret-looking keys and bearer tokens or JWTs inside text (a task's own
// attributes or messages could echo one).
//
// The report is deliberately not translated: it goes to SailPoint support, whose language is English.
class TaskReport
{
public:
    TaskReport(const WatchedTask &task, const QList<HistoryEntry> &history, const QDateTime &generatedAt,
               std::optional<qint64> etaSeconds = std::nullopt);

    QJsonObject toJson() const { return m_document; }
    QByteArray toJsonBytes() const;
    QString toMarkdown() const;
    QString toPlainText() const; // "Copy details": the fields, messages, returns and tracking ids

    QStringList trackingIds() const;

    // Suggested file name: "taskwatch-<name>-<id>.md" with unsafe characters replaced.
    static QString suggestedFileName(const WatchedTask &task, const QString &suffix);

    static QJsonValue redactSecrets(const QJsonValue &value);
    static QString redactText(const QString &text);
    static bool isSecretKey(const QString &key);

private:
    QJsonObject m_document;
};

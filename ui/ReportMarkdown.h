#pragma once

#include <QJsonObject>
#include <QString>

// A TaskReport document as Markdown for a support ticket, section by section. English only (no tr()):
// the report goes to SailPoint support.
class ReportMarkdown
{
public:
    explicit ReportMarkdown(const QJsonObject &document);

    QString text() const { return m_md; }

private:
    void title();
    void taskTable();
    void times();
    void durations();
    void messages();
    void returns();
    void apiErrors();
    void history();
    void definition();
    void notes();
    void jsonSection(const QString &heading, const QString &key); // attributes, raw status

    void row(const QString &label, const QString &value); // a two-column row, left out when empty

    const QJsonObject m_document;
    QString m_md;
};

#pragma once

#include <QJsonObject>
#include <QString>

// A TaskReport document as the plain text "Copy details" puts on the clipboard: the fields, messages,
// returns and tracking ids, one per line. English only, like the rest of the report.
class ReportPlainText
{
public:
    explicit ReportPlainText(const QJsonObject &document);

    QString text() const { return m_text; }

private:
    void fields();
    void messages();
    void returns();
    void problems();

    void line(const QString &label, const QString &value); // "Label: value", left out when empty

    const QJsonObject m_document;
    QString m_text;
};

#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTranslator>

// A translation given as a table (context, English source → text), for tests that check a formatter
// asks Qt's translation system in the user's language and leaves English texts alone. Stands in for a
// .qm file, which a unit test cannot produce on demand; installed for the life of the object.
class TableTranslator : public QTranslator
{
public:
    explicit TableTranslator(QHash<QString, QString> table)
        : m_table(std::move(table))
    {
        QCoreApplication::installTranslator(this);
    }
    ~TableTranslator() override { QCoreApplication::removeTranslator(this); }

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        return m_table.value(QLatin1String(context) + u'|' + QString::fromUtf8(sourceText));
    }

private:
    QHash<QString, QString> m_table; // "Context|source" → text
};

#pragma once

#include "models/TaskStatus.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QTreeWidget;
class WholeText;

// The detail view's Messages tab: a task's messages as a table (type, message, key, parameters) with
// errors in bold, a choice of which types to show (or all with the errors first), and below it the selected
// message whole (WholeText). Showing a task selects its first error, so the key message is read at once.
class MessageTable : public QWidget
{
    Q_OBJECT

public:
    explicit MessageTable(QWidget *parent = nullptr);

    void setMessages(const QList<TaskMessage> &messages);
    int errorCount() const { return m_errors; }
    QString title() const; // "Messages (3, 1 error)", for the tab
    WholeText *wholeText() const { return m_whole; }

private:
    void filterMessages();
    void selectFirst();

    QComboBox *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    WholeText *m_whole = nullptr;
    qsizetype m_count = 0;
    int m_errors = 0;
};

#pragma once

#include "models/TaskStatus.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QTreeWidget;

// The detail view's Messages tab: a task's messages as a table (type, message, key, parameters) with
// errors in bold, and a choice of which types to show.
class MessageTable : public QWidget
{
    Q_OBJECT

public:
    explicit MessageTable(QWidget *parent = nullptr);

    void setMessages(const QList<TaskMessage> &messages);
    int errorCount() const { return m_errors; }
    QString title() const; // "Messages (3, 1 error)", for the tab

private:
    void filterMessages();

    QComboBox *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
    qsizetype m_count = 0;
    int m_errors = 0;
};

#pragma once

#include "models/TaskId.h"

#include <QDialog>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTreeWidget;

// Takes one or many task ids pasted in any mix of lines, commas and spaces (TaskId::parsePasted), shows
// live which ones are invalid and why, which are already watched or repeated, and which are valid but do
// not look like a SailPoint task id (added all the same), and an optional label for the new ones. The caller reads
// ids() and label() once accepted.
class AddTasksDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AddTasksDialog(QWidget *parent = nullptr);

    void setKnownIds(const QStringList &ids);
    void setText(const QString &text);

    QStringList ids() const { return m_parsed.ids; } // valid and new, in pasted order
    QString label() const;
    const TaskId::PastedIds &parsed() const { return m_parsed; }

private:
    void reparse();

    QPlainTextEdit *m_idsEdit;
    QLineEdit *m_labelEdit;
    QLabel *m_summary;
    QLabel *m_unusual; // valid ids that do not look like SailPoint's (TaskId::looksLikeSailPointId)
    QTreeWidget *m_problems;
    QDialogButtonBox *m_buttons;
    QStringList m_known;
    QSet<QString> m_knownSet;
    TaskId::PastedIds m_parsed;
};

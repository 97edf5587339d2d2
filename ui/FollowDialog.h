#pragma once

#include "models/FollowRule.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// "Follow…": the rules by which new tasks join the watch list by themselves (every task, tasks of a type, tasks
// on a source), seen and edited in one place. A value is checked as it is typed (FollowRule::problem), so nothing
// that could not go into a filter is ever added. Where the tenant's API version cannot follow (beta, v2024), the
// dialog says why and adds nothing.
class FollowDialog : public QDialog
{
    Q_OBJECT

public:
    FollowDialog(const QList<FollowRule> &rules, bool supported, QWidget *parent = nullptr);

    QList<FollowRule> rules() const { return m_rules; }
    // How a rule reads for people: "Every new task", "Tasks of type X", "Tasks on source X".
    static QString describe(const FollowRule &rule);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addRule();
    void removeSelected();
    void showRules();
    void checkValue();
    FollowRule::Kind chosenKind() const;

    QList<FollowRule> m_rules;
    QListWidget *m_list;
    QComboBox *m_kind;
    QLineEdit *m_value;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_problem;
};

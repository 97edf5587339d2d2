#pragma once

#include "models/TaskStatus.h"

#include <QDialog>
#include <QSet>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;

// Lists the tenant's recent or running tasks (fed by setTasks from the engine's discover answer) so that
// people pick what to watch instead of copying ids. Tasks already watched are shown but cannot be picked.
class DiscoverDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int DefaultLimit = 100;

    explicit DiscoverDialog(QWidget *parent = nullptr);

    void setKnownIds(const QStringList &ids);
    QStringList selectedIds() const;
    bool runningOnly() const;
    int limit() const;

public Q_SLOTS:
    void setTasks(const QList<TaskStatus> &tasks);
    void setError(const QString &message);
    // Asks the engine for a fresh list with the current options.
    void requestRefresh();

Q_SIGNALS:
    void discoverRequested(bool runningOnly, int limit);

private:
    void updateButtons();
    void showTasks();

    QCheckBox *m_runningOnly;
    QSpinBox *m_limit;
    QPushButton *m_refresh;
    QLabel *m_status;
    QTreeWidget *m_list;
    QDialogButtonBox *m_buttons;
    QList<TaskStatus> m_tasks;
    QSet<QString> m_known;
};

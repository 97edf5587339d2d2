#pragma once

#include <QTableView>

class QMenu;
class TaskFilterProxy;
class WatchListModel;

// The watch-list table of the main window: the filtered, sortable view of WatchListModel with its progress
// column, column widths from the font, the columns menu (header context menu and View menu), and selection by
// task id, so that nobody outside needs to know about the proxy or the header.
class TaskTable : public QTableView
{
    Q_OBJECT

public:
    // Shows `model` through `proxy` (which it connects to the model).
    TaskTable(WatchListModel *model, TaskFilterProxy *proxy, QWidget *parent = nullptr);

    // The selected tasks' ids, in the table's order.
    QStringList selectedIds() const;
    // The current task's id (the one the detail view follows), empty without one.
    QString currentId() const;
    // Makes the task the current, only selected row and scrolls to it; false if it is not watched.
    bool selectTask(const QString &id);
    // Selects the rows of these tasks (those still watched and not filtered out) and makes the first current
    // without scrolling; returns that first one's id, empty when none is in view.
    QString selectTasks(const QStringList &ids);

    // The context menu's entries, a null for each separator.
    void setContextActions(const QList<QAction *> &actions);
    // One checkable entry per column; the last visible column cannot be hidden.
    void fillColumnsMenu(QMenu *menu);
    // Each shown column as wide as its content (and title) within bounds; the id and percentage keep theirs.
    void fitColumnsToContents();

private:
    void showColumnsMenu(const QPoint &globalPos);
    void showContextMenu(const QPoint &pos);

    WatchListModel *m_model;
    TaskFilterProxy *m_proxy;
    QList<QAction *> m_contextActions;
};

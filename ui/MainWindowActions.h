#pragma once

#include <QCoreApplication>
#include <QList>

class QAction;
class QMainWindow;
class QMenu;
class QWidget;

// The main window's actions with their texts, icons, shortcuts and tooltips, and where each stands (menu bar,
// toolbar, the table's context menu). MainWindow connects them to what they do. The texts keep the window's
// translation context: they are its words.
struct MainWindowActions
{
    Q_DECLARE_TR_FUNCTIONS(MainWindow)

public:
    QAction *add = nullptr;
    QAction *discover = nullptr;
    QAction *follow = nullptr; // the follow rules (MainWindow::followRequested)
    QAction *remove = nullptr;
    QAction *undo = nullptr;
    QAction *refresh = nullptr;
    QAction *refreshSelected = nullptr;
    QAction *pause = nullptr;
    QAction *find = nullptr;
    QAction *copyId = nullptr;
    QAction *paste = nullptr;
    QAction *copyDetails = nullptr;
    QAction *exportReport = nullptr;
    QAction *pauseTask = nullptr;
    QAction *resumeTask = nullptr;
    QAction *clearTask = nullptr; // "Mark as finished…": a queued or running task's outcome set in the tenant
    QAction *settings = nullptr;
    QMenu *columnsMenu = nullptr; // in the View menu; filled when it opens

    // Creates the actions as children of `window` (window-wide shortcuts, which work even when the menu bar is
    // hidden) and moves those whose shortcuts mean something else in text fields onto `table`.
    static MainWindowActions create(QMainWindow *window, QWidget *table);
    // The menu bar (with the columns menu) and the toolbar.
    void addMenusAndToolBar(QMainWindow *window);
    // The table's context menu, a null for each separator.
    QList<QAction *> tableMenuActions() const;
};

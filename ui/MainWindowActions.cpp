#include "MainWindowActions.h"

#include "HelpMenu.h"
#include "StateIcons.h"

#include <QAction>
#include <QIcon>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStyle>
#include <QToolBar>

MainWindowActions MainWindowActions::create(QMainWindow *window, QWidget *table)
{
    const auto make = [window](const QString &text, const char *name, const QIcon &icon, const QKeySequence &shortcut,
                               const QString &toolTip) {
        auto *action = new QAction(icon, text, window);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        action->setToolTip(
                shortcut.isEmpty() ? toolTip : tr("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(toolTip);
        window->addAction(action); // window-wide shortcuts work even when the menu bar is hidden
        return action;
    };
    // Shortcuts that mean something else in text fields stay with the table (Delete, Ctrl+C, Ctrl+V).
    const auto tableScoped = [window, table](QAction *action) {
        window->removeAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        table->addAction(action);
        return action;
    };
    QStyle *style = window->style();
    const auto themed = [style](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), style->standardIcon(fallback));
    };
    const QColor accent = window->palette().color(QPalette::Highlight);

    MainWindowActions a;
    a.add = make(tr("&Add tasks…"), "actionAdd",
                 QIcon::fromTheme(QStringLiteral("list-add"), StateIcons::dotIcon(accent, StateIcons::Glyph::Plus)),
                 QKeySequence(Qt::CTRL | Qt::Key_N), tr("Watch tasks by id"));
    a.discover = make(tr("&Discover…"), "actionDiscover", themed("edit-find", QStyle::SP_FileDialogContentsView),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), tr("Pick tasks from the tenant's recent ones"));
    a.follow = make(tr("F&ollow…"), "actionFollow", themed("bookmark-new", QStyle::SP_FileDialogDetailedView),
                    QKeySequence(), tr("Let new tasks of a type, on a source, or all of them join by themselves"));
    a.remove = tableScoped(make(tr("&Remove"), "actionRemove", themed("list-remove", QStyle::SP_TrashIcon),
                                QKeySequence(Qt::Key_Delete), tr("Stop watching the selected tasks")));
    a.undo = make(tr("&Undo remove"), "actionUndo", themed("edit-undo", QStyle::SP_ArrowBack),
                  QKeySequence(Qt::CTRL | Qt::Key_Z), tr("Bring back the tasks removed last"));
    a.refresh = make(tr("Refresh &now"), "actionRefresh", themed("view-refresh", QStyle::SP_BrowserReload),
                     QKeySequence(Qt::Key_F5), tr("Ask for every task's status now"));
    a.refreshSelected = make(tr("Refresh &selected"), "actionRefreshSelected", QIcon(),
                             QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Ask for the selected tasks' status now"));
    a.pause = make(tr("&Pause"), "actionPause", style->standardIcon(QStyle::SP_MediaPause),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("Pause or resume watching"));
    a.pause->setCheckable(true);
    a.find = make(tr("&Find"), "actionFind", themed("edit-find", QStyle::SP_FileDialogContentsView),
                  QKeySequence(Qt::CTRL | Qt::Key_F), tr("Search the watched tasks"));
    a.copyId = tableScoped(make(tr("&Copy id"), "actionCopyId", themed("edit-copy", QStyle::SP_FileLinkIcon),
                                QKeySequence(Qt::CTRL | Qt::Key_C), tr("Copy the selected tasks' ids")));
    a.paste = tableScoped(make(tr("&Paste ids"), "actionPaste", themed("edit-paste", QStyle::SP_FileIcon),
                               QKeySequence(Qt::CTRL | Qt::Key_V), tr("Watch the task ids on the clipboard")));
    a.copyDetails = make(tr("Copy &details"), "actionCopyDetails", QIcon(),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), tr("Copy the selected task's details"));
    a.exportReport =
            make(tr("&Export report…"), "actionExport", themed("document-save-as", QStyle::SP_DialogSaveButton),
                 QKeySequence(Qt::CTRL | Qt::Key_E), tr("Save a report of the selected task"));
    a.pauseTask = make(tr("Pause &watching selected"), "actionPauseTask", QIcon(), QKeySequence(),
                       tr("Stop polling the selected tasks for now"));
    a.resumeTask = make(tr("Resume watching selected"), "actionResumeTask", QIcon(), QKeySequence(),
                        tr("Poll the selected tasks again"));
    a.clearTask = make(tr("Mark as &finished…"), "actionClearTask", themed("process-stop", QStyle::SP_BrowserStop),
                       QKeySequence(), tr("Set a stuck task's outcome in the tenant (Error or Terminated)"));
    a.settings = make(tr("S&ettings…"), "actionSettings", themed("preferences-system", QStyle::SP_ComputerIcon),
                      QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Connection, polling and notifications"));
    return a;
}

void MainWindowActions::addMenusAndToolBar(QMainWindow *window)
{
    QMenu *tasks = window->menuBar()->addMenu(tr("&Tasks"));
    tasks->addActions({add, discover, follow, paste});
    tasks->addSeparator();
    tasks->addActions({remove, undo});
    tasks->addSeparator();
    tasks->addActions({copyId, copyDetails, exportReport});
    tasks->addSeparator();
    tasks->addActions({pauseTask, resumeTask});
    tasks->addSeparator();
    tasks->addAction(clearTask);

    QMenu *view = window->menuBar()->addMenu(tr("&View"));
    view->addActions({refresh, refreshSelected, pause});
    view->addSeparator();
    view->addAction(find);
    columnsMenu = view->addMenu(tr("&Columns"));
    columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    view->addSeparator();
    view->addAction(settings);
    HelpMenu::addTo(window);

    QToolBar *toolBar = window->addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({add, discover, follow, remove});
    toolBar->addSeparator();
    toolBar->addActions({refresh, pause});
    toolBar->addSeparator();
    toolBar->addActions({copyId, exportReport});
    toolBar->addSeparator();
    toolBar->addAction(settings);
}

QList<QAction *> MainWindowActions::tableMenuActions() const
{
    return {copyId,     copyDetails, exportReport, nullptr, refreshSelected, pauseTask,
            resumeTask, nullptr,     clearTask,    nullptr, remove};
}

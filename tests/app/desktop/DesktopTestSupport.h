#pragma once

// Helpers shared by the end-to-end tests of the desktop app: private settings, finding widgets by object
// name, reading the table as a person sees it, and typing into the window.

#include "app/desktop/DesktopApp.h"
#include "ui/AddTasksDialog.h"
#include "ui/MainWindow.h"
#include "ui/TaskFilterProxy.h"
#include "ui/WatchListModel.h"
#include "ui/WatchStatusBar.h"

#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace DesktopTest {

// Every default-constructed QSettings of the test process (the app's own included) goes to `dir`.
inline void isolateSettings(const QString &dir, const QString &application)
{
    QCoreApplication::setOrganizationName(QStringLiteral("TaskwatchTest"));
    QCoreApplication::setApplicationName(application);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QSettings().clear();
}

// A DesktopApp for a test, not started yet: its watch list (unless `options` names one) and its autostart
// entry in `dir`, and no system tray unless asked for.
inline std::unique_ptr<DesktopApp> makeApp(const QTemporaryDir &dir, DesktopOptions options, bool tray = false)
{
    if (options.watchListPath.isEmpty())
        options.watchListPath = dir.filePath(QStringLiteral("watchlist.json"));
    DesktopEnvironment environment;
    environment.trayAvailable = tray;
    environment.autostartPath = dir.filePath(QStringLiteral("autostart/taskwatch.desktop"));
    return std::make_unique<DesktopApp>(options, environment);
}

template<typename T>
T *child(const QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child named %s", name);
    return found;
}

inline bool showAndActivate(QWidget *window)
{
    window->show();
    if (!QTest::qWaitForWindowExposed(window))
        return false;
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

inline QModelIndex viewIndex(const MainWindow *window, const QString &id, int column = WatchListModel::NameColumn)
{
    const WatchListModel *model = window->model();
    return window->proxy()->mapFromSource(model->index(model->rowOf(id), column));
}

inline QString cell(const MainWindow *window, const QString &id, int column)
{
    const WatchListModel *model = window->model();
    return model->index(model->rowOf(id), column).data().toString();
}

inline DisplayState stateOf(const MainWindow *window, const QString &id)
{
    const WatchListModel *model = window->model();
    const int row = model->rowOf(id);
    return row < 0 ? DisplayState::Pending : model->displayStateAt(row);
}

// -1 while unknown.
inline int percentOf(const MainWindow *window, const QString &id)
{
    const WatchListModel *model = window->model();
    const QVariant percent =
            model->index(model->rowOf(id), WatchListModel::PercentColumn).data(WatchListModel::PercentRole);
    return percent.isValid() ? percent.toInt() : -1;
}

inline QStringList visibleIds(const MainWindow *window)
{
    QStringList ids;
    const TaskFilterProxy *proxy = window->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row)
        ids.append(proxy->index(row, 0).data(WatchListModel::TaskIdRole).toString());
    ids.sort();
    return ids;
}

inline void clickRow(MainWindow *window, const QString &id)
{
    QTableView *table = window->tableView();
    const QModelIndex index = viewIndex(window, id);
    table->scrollTo(index);
    const QRect rect = table->visualRect(index);
    QVERIFY2(rect.isValid(), qPrintable(id));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(window->selectedIds(), QStringList {id});
}

inline QString connectionText(const MainWindow *window)
{
    return window->watchStatusBar()->connectionText();
}

// Gives `window` the keyboard again (after a dialog closed, nothing is active on the offscreen platform).
inline bool activate(QWidget *window)
{
    QApplication::setActiveWindow(window);
    window->activateWindow();
    return QTest::qWaitForWindowActive(window);
}

// Ctrl+N, as a person opens the Add dialog.
inline AddTasksDialog *openAddDialog(MainWindow *window)
{
    if (!activate(window))
        return nullptr;
    QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier);
    AddTasksDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = window->findChild<AddTasksDialog *>()) && dialog->isVisible(); },
                         10000))
        return nullptr;
    return dialog;
}

} // namespace DesktopTest

#include "TaskFixtures.h"
#include "ui/AddTasksDialog.h"
#include "ui/DiscoverDialog.h"
#include "ui/FilterBar.h"
#include "ui/MainWindow.h"
#include "ui/NoticeBar.h"
#include "ui/StateColorPalette.h"
#include "ui/TaskDetailView.h"
#include "ui/TaskFilterProxy.h"
#include "ui/TaskTable.h"
#include "ui/WatchListModel.h"
#include "ui/WatchStatusBar.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace Fixtures;
using M = WatchListModel;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> m_window;
    // Both stay attached for the whole test: every change the window makes is checked.
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    QDateTime m_now;

    QTableView *table() const { return m_window->tableView(); }
    M *model() const { return m_window->model(); }

    QModelIndex viewIndex(const QString &id, int column = M::NameColumn) const
    {
        return m_window->proxy()->mapFromSource(model()->index(model()->rowOf(id), column));
    }
    QString cell(const QString &id, int column) const { return viewIndex(id, column).data().toString(); }

    void click(const QString &id, Qt::KeyboardModifiers modifiers = {})
    {
        const QRect rect = table()->visualRect(viewIndex(id));
        QVERIFY(rect.isValid());
        QTest::mouseClick(table()->viewport(), Qt::LeftButton, modifiers, rect.center());
    }

    template<typename T>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QLatin1String(name));
    }

    static WatchedTask running(int n, int percent, const QString &label = {})
    {
        return watched(runningJson(taskId(n), QStringLiteral("Task %1").arg(n), percent), T0, label);
    }

    std::unique_ptr<MainWindow> newWindow()
    {
        auto window = std::make_unique<MainWindow>();
        window->setClock([this] { return m_now; });
        return window;
    }

    void showWindow()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        table()->setFocus();
        QTRY_VERIFY(table()->hasFocus());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("TaskwatchTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        QSettings().clear();
        m_now = T0.addSecs(300);
        m_window = newWindow();
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        m_modelTester = std::make_unique<QAbstractItemModelTester>(model(), Mode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_window->proxy(), Mode::QtTest);
        showWindow();
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_window.reset();
    }

    void addTasksThroughTheDialog()
    {
        m_window->addTask(running(1, 10));
        QSignalSpy requested(m_window.get(), &MainWindow::addRequested);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
        AddTasksDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<AddTasksDialog *>()) && dialog->isVisible());

        auto *ids = dialog->findChild<QPlainTextEdit *>(QStringLiteral("ids"));
        QTRY_VERIFY(ids->hasFocus());
        QTest::keyClicks(ids, taskId(2));
        QTest::keyClick(ids, Qt::Key_Return);
        QTest::keyClicks(ids, taskId(1) + QStringLiteral(", bad/id, ") + taskId(3));
        auto *problems = dialog->findChild<QTreeWidget *>(QStringLiteral("problems"));
        QCOMPARE(problems->findItems(taskId(1), Qt::MatchExactly).first()->text(1), QStringLiteral("already watched"));
        QVERIFY(problems->findItems(QStringLiteral("bad/id"), Qt::MatchExactly)
                        .first()
                        ->text(1)
                        .contains(QStringLiteral("'/'")));
        dialog->findChild<QLineEdit *>(QStringLiteral("label"))->setText(QStringLiteral("Payroll"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toStringList(), (QStringList {taskId(2), taskId(3)}));
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("Payroll"));
        // The engine answers with taskAdded; the rows come from there, not from the dialog.
        QCOMPARE(model()->rowCount(), 1);
        QTRY_VERIFY(!m_window->findChild<AddTasksDialog *>());
    }

    void tableAndDetailFollowTheTask()
    {
        const QString id = taskId(1);
        m_window->addTasks({pending(id), running(2, 5)});
        QCOMPARE(cell(id, M::StateColumn), QStringLiteral("Pending"));
        click(id);
        auto *detail = m_window->detailView();
        QTRY_COMPARE(detail->taskId(), id);
        auto *bar = detail->findChild<QProgressBar *>(QStringLiteral("progressBar"));

        m_window->updateTask(watched(runningJson(id, QStringLiteral("Aggregation"), 10), T0.addSecs(10)));
        QCOMPARE(cell(id, M::StateColumn), QStringLiteral("Running"));
        QCOMPARE(cell(id, M::PercentColumn), QStringLiteral("10 %"));
        QCOMPARE(bar->value(), 10);
        QVERIFY(bar->isEnabled());

        m_now = T0.addSecs(70);
        m_window->updateTask(watched(runningJson(id, QStringLiteral("Aggregation"), 55), T0.addSecs(70)));
        QCOMPARE(cell(id, M::PercentColumn), QStringLiteral("55 %"));
        QCOMPARE(bar->value(), 55);
        QVERIFY(!cell(id, M::EtaColumn).isEmpty());
        QVERIFY(detail->findChild<QLabel *>(QStringLiteral("progressText"))->text().contains(QStringLiteral("left")));

        m_window->updateTask(watched(failedJson(id), T0.addSecs(130)));
        QCOMPARE(cell(id, M::StateColumn), QStringLiteral("Error"));
        QCOMPARE(cell(id, M::PercentColumn), QStringLiteral("60 %"));
        QCOMPARE(cell(id, M::EtaColumn), QString());
        QCOMPARE(bar->value(), 60);
        QVERIFY(!bar->isEnabled());
        auto *tabs = detail->findChild<QTabWidget *>(QStringLiteral("tabs"));
        QCOMPARE(tabs->tabText(0), QStringLiteral("Messages (3, 1 error)"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Returns (3)"));
        QCOMPARE(tabs->tabText(5), QStringLiteral("History (3)")); // first seen running, progress, finished
        // The other row was never touched.
        QCOMPARE(cell(taskId(2), M::PercentColumn), QStringLiteral("5 %"));
    }

    void aRefreshAnnouncesOnlyTheChangedRow()
    {
        m_window->addTasks({running(1, 10), running(2, 10), running(3, 10)});
        QSignalSpy changed(model(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(model(), &QAbstractItemModel::modelReset);
        // One engine refresh cycle: every task answered, only the second one moved.
        m_window->updateTask(running(1, 10));
        m_window->updateTask(running(2, 20));
        m_window->updateTask(running(3, 10));
        QCOMPARE(changed.count(), 1);
        const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), model()->rowOf(taskId(2)));
        QCOMPARE(bottomRight.row(), topLeft.row());
        QCOMPARE(topLeft.column(), int(M::PercentColumn));
        QCOMPARE(bottomRight.column(), int(M::PercentColumn));
        QCOMPARE(reset.count(), 0);
    }

    void filterButtonsAndSearch()
    {
        m_window->addTasks({running(1, 10), watched(queuedJson(taskId(2), QStringLiteral("Queued"))),
                            watched(finishedJson(taskId(3), QStringLiteral("Fine"), QStringLiteral("SUCCESS"))),
                            watched(finishedJson(taskId(4), QStringLiteral("Bad"), QStringLiteral("ERROR"))),
                            watched(finishedJson(taskId(5), QStringLiteral("Stopped"), QStringLiteral("TERMINATED"))),
                            watched(failedJson(taskId(6)))});
        const auto rows = [this] { return m_window->proxy()->rowCount(); };
        QCOMPARE(rows(), 6);
        QTest::mouseClick(child<QToolButton>("filterRunning"), Qt::LeftButton);
        QCOMPARE(rows(), 2);
        QTest::mouseClick(child<QToolButton>("filterFailed"), Qt::LeftButton);
        QCOMPARE(rows(), 3);
        QCOMPARE(child<QToolButton>("filterFailed")->text(), QStringLiteral("&Failed (3)"));
        QTest::mouseClick(child<QToolButton>("filterSucceeded"), Qt::LeftButton);
        QCOMPARE(rows(), 1);
        QTest::mouseClick(child<QToolButton>("filterAll"), Qt::LeftButton);
        QCOMPARE(rows(), 6);

        // Ctrl+F goes to the search; the text narrows the rows; Escape clears it and returns to the table.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        auto *search = child<QLineEdit>("search");
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("timed out"));
        QCOMPARE(rows(), 1);
        QCOMPARE(m_window->proxy()->index(0, M::IdColumn).data().toString(), taskId(6));
        QTest::keyClicks(search, QStringLiteral(" nothing-like-this"));
        QCOMPARE(rows(), 0);
        QTest::keyClick(search, Qt::Key_Escape);
        QCOMPARE(rows(), 6);
        QTRY_VERIFY(table()->hasFocus());
    }

    void removeWithDeleteAndUndo()
    {
        m_window->addTasks(
                {running(1, 10, QStringLiteral("AD")), running(2, 20, QStringLiteral("AD")), running(3, 30)});
        m_window->updateTask(running(2, 25, QStringLiteral("AD")));
        const qsizetype historyOf2 = m_window->history().entries(taskId(2)).size();
        QSignalSpy removed(m_window.get(), &MainWindow::removeRequested);
        QSignalSpy added(m_window.get(), &MainWindow::addRequested);

        click(taskId(2));
        click(taskId(3), Qt::ControlModifier);
        QCOMPARE(m_window->selectedIds(), (QStringList {taskId(2), taskId(3)}));
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(0).toStringList(), (QStringList {taskId(2), taskId(3)}));
        QCOMPARE(model()->ids(), QStringList {taskId(1)});
        auto *bar = m_window->messageBar();
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), QStringLiteral("Removed 2 tasks."));
        QCOMPARE(bar->actionText(), QStringLiteral("&Undo"));

        // The Undo button brings them back, with their status and history, and asks the engine again.
        QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("noticeAction")), Qt::LeftButton);
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(cell(taskId(2), M::PercentColumn), QStringLiteral("25 %"));
        QCOMPARE(m_window->history().entries(taskId(2)).size(), historyOf2);
        QCOMPARE(added.count(), 2); // one request per label
        QCOMPARE(added.at(0).at(0).toStringList(), QStringList {taskId(2)});
        QCOMPARE(added.at(0).at(1).toString(), QStringLiteral("AD"));
        QCOMPARE(added.at(1).at(0).toStringList(), QStringList {taskId(3)});
        QCOMPARE(added.at(1).at(1).toString(), QString());
        QCOMPARE(m_window->selectedIds(), (QStringList {taskId(2), taskId(3)}));
        QVERIFY(!m_window->canUndoRemove());

        // The engine confirms with taskAdded: nothing doubles.
        m_window->addTask(running(2, 25, QStringLiteral("AD")));
        QCOMPARE(model()->rowCount(), 3);

        // Ctrl+Z does the same from the keyboard.
        click(taskId(1));
        QTest::keyClick(table(), Qt::Key_Delete);
        QCOMPARE(model()->rowCount(), 2);
        QVERIFY(m_window->canUndoRemove());
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model()->rowCount(), 3);
        QCOMPARE(added.count(), 3);
        QCOMPARE(added.last().at(1).toString(), QStringLiteral("AD"));
    }

    void deleteInTheSearchFieldEditsText()
    {
        m_window->addTask(running(1, 10));
        click(taskId(1));
        QSignalSpy removed(m_window.get(), &MainWindow::removeRequested);
        auto *search = child<QLineEdit>("search");
        search->setFocus();
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("ab"));
        QTest::keyClick(search, Qt::Key_Home);
        QTest::keyClick(search, Qt::Key_Delete);
        QCOMPARE(search->text(), QStringLiteral("b"));
        QCOMPARE(removed.count(), 0);
        QCOMPARE(model()->rowCount(), 1);
    }

    void keyboardShortcuts()
    {
        m_window->addTasks({running(1, 10), running(2, 20)});
        QSignalSpy refresh(m_window.get(), &MainWindow::refreshRequested);
        QSignalSpy pause(m_window.get(), &MainWindow::pauseRequested);
        QSignalSpy settings(m_window.get(), &MainWindow::settingsRequested);
        QSignalSpy added(m_window.get(), &MainWindow::addRequested);

        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QCOMPARE(refresh.count(), 1);
        QVERIFY(refresh.at(0).at(0).toStringList().isEmpty()); // everything

        click(taskId(2));
        QTest::keyClick(m_window.get(), Qt::Key_F5, Qt::ShiftModifier);
        QCOMPARE(refresh.count(), 2);
        QCOMPARE(refresh.at(1).at(0).toStringList(), QStringList {taskId(2)});

        QTest::keyClick(table(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), taskId(2));

        // Ctrl+V in the table watches the ids on the clipboard…
        QGuiApplication::clipboard()->setText(taskId(7) + QStringLiteral(", ") + taskId(2) + u'\n' + taskId(8));
        QTest::keyClick(table(), Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toStringList(), (QStringList {taskId(7), taskId(8)}));
        QCOMPARE(m_window->messageBar()->text(), QStringLiteral("Adding 2 tasks. 1 already watched."));
        // …and shows the add dialog first when something on it is not an id.
        QGuiApplication::clipboard()->setText(taskId(9) + QStringLiteral(" not-an-id!"));
        QTest::keyClick(table(), Qt::Key_V, Qt::ControlModifier);
        AddTasksDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<AddTasksDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->ids(), QStringList {taskId(9)});
        QCOMPARE(dialog->parsed().rejected.size(), 1);
        QCOMPARE(added.count(), 1);
        dialog->reject();
        QTRY_VERIFY(m_window->isActiveWindow());
        table()->setFocus();

        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(pause.count(), 2);
        QCOMPARE(pause.at(0).at(0).toBool(), true);
        QCOMPARE(pause.at(1).at(0).toBool(), false);

        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QCOMPARE(settings.count(), 1);
    }

    void discoverAndPick()
    {
        m_window->addTask(running(3, 50));
        QSignalSpy discover(m_window.get(), &MainWindow::discoverRequested);
        QSignalSpy added(m_window.get(), &MainWindow::addRequested);
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        DiscoverDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<DiscoverDialog *>()) && dialog->isVisible());
        QCOMPARE(discover.count(), 1);
        QCOMPARE(discover.at(0).at(0).toBool(), false);
        QCOMPARE(discover.at(0).at(1).toInt(), DiscoverDialog::DefaultLimit);

        m_window->setDiscovered({status(runningJson(taskId(1), QStringLiteral("One"), 5)),
                                 status(runningJson(taskId(3), QStringLiteral("Watched"), 50))});
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("tasks"));
        QCOMPARE(list->topLevelItemCount(), 2);
        list->findItems(taskId(1), Qt::MatchExactly, 5).first()->setSelected(true);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toStringList(), QStringList {taskId(1)});

        m_window->setDiscoverFailed(QStringLiteral("HTTP 403"));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("status"))->text().contains(QStringLiteral("HTTP 403")));
    }

    void statusBarAndTitle()
    {
        auto *bar = m_window->watchStatusBar();
        m_window->setConnectionState({ConnectionState {ConnectionState::Kind::RateLimited, {}, m_now.addSecs(7)}});
        QCOMPARE(bar->connectionText(), QStringLiteral("Rate limited, resuming in 7 s"));
        m_now = m_now.addSecs(2);
        bar->tick();
        QCOMPARE(bar->connectionText(), QStringLiteral("Rate limited, resuming in 5 s"));

        m_window->addTasks(
                {running(1, 10), watched(finishedJson(taskId(2), QStringLiteral("X"), QStringLiteral("ERROR")))});
        QCOMPARE(bar->countsText(), QStringLiteral("1 Running, 1 Error"));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Taskwatch — 1 failed, 1 running of 2 tasks"));
        m_window->setRefreshed(utc("2024-05-17T09:04:00.000Z"));
        QVERIFY(bar->lastRefreshText().startsWith(QStringLiteral("Last refresh ")));
    }

    void bannerForTheApp()
    {
        auto *banner = m_window->banner();
        QVERIFY(!banner->isVisible());
        QSignalSpy settings(m_window.get(), &MainWindow::settingsRequested);
        m_window->showBanner(QStringLiteral("Demo tenant: connect your own in Settings"),
                             MainWindow::BannerAction::OpenSettings);
        QVERIFY(banner->isVisible());
        QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("noticeAction")), Qt::LeftButton);
        QCOMPARE(settings.count(), 1);
        m_window->showBanner(QStringLiteral("Your watch list was unreadable and was moved aside to /tmp/x"));
        QCOMPARE(banner->actionText(), QString());
        m_window->hideBanner();
        QVERIFY(!banner->isVisible());
    }

    void failuresNotifyAndTheOverallStateFollows()
    {
        QSignalSpy notifications(m_window.get(), &MainWindow::notificationReady);
        QSignalSpy overall(m_window.get(), &MainWindow::overallStateChanged);
        m_window->addTasks({running(1, 10), running(2, 10)});
        QCOMPARE(overall.count(), 1);
        QCOMPARE(overall.last().at(0).value<OverallState>(), OverallState::Running);

        m_window->updateTask(watched(failedJson(taskId(1))));
        m_window->updateTask(watched(finishedJson(taskId(2), QStringLiteral("Task 2"), QStringLiteral("SUCCESS"))));
        QCOMPARE(overall.last().at(0).value<OverallState>(), OverallState::Failed);
        QVERIFY(notifications.wait(5000));
        QCOMPARE(notifications.count(), 1); // failures only by default
        const auto notification = notifications.at(0).at(0).value<Notification>();
        QCOMPARE(notification.title, QStringLiteral("Task failed: Cloud Account Aggregation"));
        QCOMPARE(notification.severity, Notification::Severity::Critical);

        m_window->removeTask(taskId(1));
        QCOMPARE(overall.last().at(0).value<OverallState>(), OverallState::Idle);
    }

    void removedByTheEngine()
    {
        m_window->addTasks({running(1, 10), running(2, 10)});
        click(taskId(1));
        QTRY_COMPARE(m_window->detailView()->taskId(), taskId(1));
        m_window->removeTask(taskId(1));
        QCOMPARE(model()->ids(), QStringList {taskId(2)});
        QVERIFY(m_window->history().entries(taskId(1)).isEmpty());
        // The table's current row moved on to the next task, and the details with it.
        QCOMPARE(m_window->detailView()->taskId(), taskId(2));
        m_window->removeTask(taskId(2));
        QVERIFY(!m_window->detailView()->hasTask());
    }

    // First run (nothing saved): the columns fit their content, the table is as tall as its rows, the details
    // get the rest, and before a task is selected they say what they will show and how to add tasks.
    void theFirstRunFitsTheLayout()
    {
        cleanup();
        m_window = newWindow();
        m_window->resize(1800, 960); // wide: nothing needs to give way
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *placeholder = m_window->detailView()->findChild<QLabel *>(QStringLiteral("placeholder"));
        QVERIFY(placeholder->isVisible());
        QVERIFY(placeholder->text().contains(QStringLiteral("Select a task")));
        QVERIFY(placeholder->text().contains(QStringLiteral("paste ids")));

        QList<WatchedTask> tasks;
        for (int n = 1; n <= 6; ++n)
            tasks.append(running(n, 10 * n));
        tasks.append(watched(runningJson(taskId(7), QStringLiteral("Cloud Process Uncorrelated Accounts"), 5,
                                         QStringLiteral("Correlating accounts")),
                             T0));
        // As at a start: the watched ids first, their statuses with the first refresh.
        QList<WatchedTask> pendingTasks;
        for (const WatchedTask &task : std::as_const(tasks))
            pendingTasks.append(pending(task.id));
        m_window->addTasks(pendingTasks);
        for (const WatchedTask &task : std::as_const(tasks))
            m_window->updateTask(task);
        m_window->setRefreshed(m_now);

        // Nothing elided: each cell's text fits its column (the defaults cut "Active Directory [source]").
        QHeaderView *header = table()->horizontalHeader();
        const auto allFit = [&](int column) {
            for (const WatchedTask &task : std::as_const(tasks)) {
                if (table()->fontMetrics().horizontalAdvance(cell(task.id, column)) >= header->sectionSize(column))
                    return false;
            }
            return true;
        };
        for (const int column : {M::NameColumn, M::TargetColumn, M::ProgressTextColumn, M::LaunchedColumn})
            QVERIFY2(allFit(column), qPrintable(M::columnTitle(column)));
        QVERIFY(header->isSectionHidden(M::LastCheckedColumn)); // the status bar has the last refresh

        // The table as tall as its rows: every row in view, and not much more; the details get the rest.
        QTRY_COMPARE(table()->verticalScrollBar()->maximum(), 0);
        const int rowsHeight = int(tasks.size()) * table()->rowHeight(0);
        QVERIFY2(table()->viewport()->height() >= rowsHeight
                         && table()->viewport()->height() < rowsHeight + 2 * table()->rowHeight(0),
                 qPrintable(QStringLiteral("rows %1, viewport %2").arg(rowsHeight).arg(table()->viewport()->height())));

        // In a narrower window every column stays in view: names, targets and progress texts give way, down to
        // a floor; the times keep their width.
        m_window->resize(1100, 720);
        QTRY_COMPARE(m_window->width(), 1100);
        qobject_cast<TaskTable *>(table())->fitColumnsToContents();
        QTRY_COMPARE(table()->horizontalScrollBar()->maximum(), 0);
        QVERIFY(allFit(M::LaunchedColumn));
        QVERIFY(!allFit(M::NameColumn));
        QVERIFY(header->sectionSize(M::NameColumn) >= table()->fontMetrics().averageCharWidth() * 14);

        // A person's widths are theirs: later tasks do not fit the columns again.
        header->resizeSection(M::NameColumn, 77);
        m_window->addTask(running(8, 1));
        m_window->setRefreshed(m_now);
        QCOMPARE(header->sectionSize(M::NameColumn), 77);
    }

    void theLayoutIsRemembered()
    {
        QHeaderView *header = table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(M::TypeColumn)); // hidden at first
        QVERIFY(!header->isSectionHidden(M::TargetColumn));

        // Hide a column from the header's context menu, show another, move one, sort.
        Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = m_window->findChild<QMenu *>(QStringLiteral("headerMenu"))) && menu->isVisible());
        menu->findChild<QAction *>(QStringLiteral("column%1").arg(M::TargetColumn))->trigger();
        menu->findChild<QAction *>(QStringLiteral("column%1").arg(M::TypeColumn))->trigger();
        menu->close();
        QVERIFY(header->isSectionHidden(M::TargetColumn));
        QVERIFY(!header->isSectionHidden(M::TypeColumn));
        header->moveSection(header->visualIndex(M::EtaColumn), 0);
        header->setSortIndicator(M::PercentColumn, Qt::DescendingOrder);
        auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("splitter"));
        splitter->setSizes({400, 100});
        const QList<int> sizes = splitter->sizes();
        m_window->close(); // saves

        cleanup();
        m_window = newWindow();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QHeaderView *restored = table()->horizontalHeader();
        QVERIFY(restored->isSectionHidden(M::TargetColumn));
        QVERIFY(!restored->isSectionHidden(M::TypeColumn));
        QCOMPARE(restored->logicalIndex(0), int(M::EtaColumn));
        QCOMPARE(restored->sortIndicatorSection(), int(M::PercentColumn));
        QCOMPARE(restored->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("splitter"))->sizes(), sizes);
    }

    void stateIconsFollowADarkPalette()
    {
        m_window->addTask(running(1, 10));
        const auto iconTop = [this] {
            const QIcon icon = viewIndex(taskId(1), M::StateColumn).data(Qt::DecorationRole).value<QIcon>();
            const QImage image = icon.pixmap(QSize(16, 16), 1.0).toImage();
            return image.pixelColor(8, 2).rgb();
        };
        QPalette light(QColor(0xef, 0xef, 0xef));
        m_window->setPalette(light);
        QCOMPARE(iconTop(), StateColorPalette(light).color(DisplayState::Running).rgb());
        QPalette dark(QColor(0x30, 0x30, 0x30));
        m_window->setPalette(dark);
        QCOMPARE(iconTop(), StateColorPalette(dark).color(DisplayState::Running).rgb());
        QVERIFY(StateColorPalette(light).color(DisplayState::Running)
                != StateColorPalette(dark).color(DisplayState::Running));
    }

    void theLastVisibleColumnStays()
    {
        QHeaderView *header = table()->horizontalHeader();
        for (int column = 1; column < M::ColumnCount; ++column)
            header->setSectionHidden(column, true);
        Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = m_window->findChild<QMenu *>(QStringLiteral("headerMenu"))) && menu->isVisible());
        QAction *last = menu->findChild<QAction *>(QStringLiteral("column0"));
        QVERIFY(!last->isEnabled());
        menu->close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

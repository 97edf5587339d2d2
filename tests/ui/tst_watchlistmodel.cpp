#include "TaskFixtures.h"
#include "ui/WatchListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Fixtures;
using M = WatchListModel;

class TestWatchListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WatchListModel> m_model;
    // Alive for the whole test: it checks every change the model announces.
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QDateTime m_now;

    QString text(int row, int column) const { return m_model->index(row, column).data().toString(); }
    static WatchedTask running(int n, int percent, const QDateTime &checkedAt = T0)
    {
        return watched(runningJson(taskId(n), QStringLiteral("Task %1").arg(n), percent), checkedAt);
    }

    // Asserts one dataChanged for exactly `row` and columns first..last.
    static void verifyOneChange(const QSignalSpy &spy, int row, int first, int last)
    {
        QCOMPARE(spy.count(), 1);
        const auto topLeft = spy.at(0).at(0).value<QModelIndex>();
        const auto bottomRight = spy.at(0).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), row);
        QCOMPARE(bottomRight.row(), row);
        QCOMPARE(topLeft.column(), first);
        QCOMPARE(bottomRight.column(), last);
    }

private Q_SLOTS:
    void init()
    {
        m_now = T0.addSecs(300);
        m_model = std::make_unique<WatchListModel>();
        m_model->setClock([this] { return m_now; });
        m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void columnsEndInACount()
    {
        QCOMPARE(m_model->columnCount(), int(M::ColumnCount));
        for (int column = 0; column < M::ColumnCount; ++column)
            QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        QCOMPARE(m_model->headerData(M::EtaColumn, Qt::Horizontal).toString(), QStringLiteral("ETA"));
    }

    void showsEveryColumnOfAFailedTask()
    {
        WatchedTask task = watched(failedJson(), utc("2024-05-17T09:15:00.000Z"), QStringLiteral("Nightly AD"));
        task.problem = fetchProblem(QStringLiteral("trk-7"));
        m_model->addTask(task);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Error")); // a finished outcome survives a failed refresh
        QVERIFY(!m_model->index(0, M::StateColumn).data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(text(0, M::NameColumn), QStringLiteral("Nightly AD"));
        QCOMPARE(m_model->index(0, M::NameColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Aggregates from the specified application."));
        QCOMPARE(text(0, M::IdColumn), QStringLiteral("00eebcf881994e419d72e757fd30dc0e"));
        QCOMPARE(text(0, M::TypeColumn), QStringLiteral("QUARTZ"));
        QCOMPARE(text(0, M::TargetColumn), QStringLiteral("Active Directory [source]"));
        QCOMPARE(text(0, M::LauncherColumn), QStringLiteral("support"));
        QCOMPARE(text(0, M::ProgressTextColumn), QStringLiteral("Aggregation failed"));
        QCOMPARE(text(0, M::PercentColumn), QStringLiteral("60 %"));
        QCOMPARE(m_model->index(0, M::PercentColumn).data(M::PercentRole).toInt(), 60);
        QCOMPARE(text(0, M::LaunchedColumn),
                 utc("2024-05-17T09:00:00.000Z").toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(m_model->index(0, M::LaunchedColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("2024-05-17 09:00:00 UTC"));
        QCOMPARE(text(0, M::ElapsedColumn), QStringLiteral("12 min 30 s")); // the run's duration
        QCOMPARE(text(0, M::EtaColumn), QString());
        QCOMPARE(text(0, M::LastCheckedColumn),
                 utc("2024-05-17T09:15:00.000Z").toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(text(0, M::ErrorColumn), QStringLiteral("The server is unavailable (tracking id trk-7)"));
        QCOMPARE(m_model->index(0, 0).data(M::TaskIdRole).toString(), task.id);
        QCOMPARE(m_model->index(0, 0).data(M::DisplayStateRole).toInt(), int(DisplayState::Error));
    }

    void pendingAndFailingTasks()
    {
        WatchedTask neverSeen = pending(taskId(1));
        WatchedTask runningButUnreachable = running(2, 30);
        runningButUnreachable.problem = fetchProblem(QStringLiteral("trk"));
        WatchedTask paused = running(3, 30);
        paused.paused = true;
        m_model->addTasks({neverSeen, runningButUnreachable, paused});
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Pending"));
        QCOMPARE(text(0, M::NameColumn), taskId(1));
        QCOMPARE(m_model->index(0, M::PercentColumn).data(M::PercentRole), QVariant());
        QCOMPARE(text(1, M::StateColumn), QStringLiteral("Fetch error"));
        QCOMPARE(text(2, M::StateColumn), QStringLiteral("Running (paused)"));
    }

    void bulkAddIsOneInsert()
    {
        QList<WatchedTask> tasks;
        for (int n = 0; n < 10000; ++n)
            tasks.append(n % 2 ? running(n, n % 100) : pending(taskId(n)));
        tasks.append(running(5, 99)); // the same id twice in one batch: one row, the later status
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->addTasks(tasks);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(inserted.at(0).at(2).toInt(), 9999);
        QCOMPARE(m_model->rowCount(), 10000);
        QCOMPARE(m_model->rowOf(taskId(7777)), 7777);
        QCOMPARE(text(5, M::PercentColumn), QStringLiteral("99 %"));
        QCOMPARE(m_model->summary().count(DisplayState::Running), 5000);
        QCOMPARE(m_model->summary().count(DisplayState::Pending), 5000);
    }

    void aRefreshChangesOnlyTheChangedCells()
    {
        m_model->addTasks({running(1, 10), running(2, 10), running(3, 10)});
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

        // Same answer again: nothing to announce.
        m_model->updateTask(running(2, 10));
        QCOMPARE(changed.count(), 0);

        // The percentage moves, seen at the same moment: the percent cell alone.
        m_model->updateTask(running(2, 40));
        verifyOneChange(changed, 1, M::PercentColumn, M::PercentColumn);
        QCOMPARE(text(1, M::PercentColumn), QStringLiteral("40 %"));

        // Later and further: percent, ETA (now known) and last checked; nothing of the other rows.
        changed.clear();
        m_model->updateTask(running(2, 50, T0.addSecs(60)));
        verifyOneChange(changed, 1, M::PercentColumn, M::LastCheckedColumn);
        QVERIFY(!text(1, M::EtaColumn).isEmpty());

        // Only the progress text.
        changed.clear();
        WatchedTask task = running(3, 10);
        task.status.edit().progress = QStringLiteral("Correlating");
        m_model->updateTask(task);
        verifyOneChange(changed, 2, M::ProgressTextColumn, M::ProgressTextColumn);

        // A fetch problem: the state cell (its tooltip names it) through the error cell.
        changed.clear();
        task.problem = fetchProblem(QStringLiteral("trk"));
        m_model->updateTask(task);
        verifyOneChange(changed, 2, M::StateColumn, M::ErrorColumn);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(layout.count(), 0);
    }

    void finishingChangesStateAndTimes()
    {
        m_model->addTask(running(1, 10));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy summary(m_model.get(), &WatchListModel::summaryChanged);
        m_model->updateTask(watched(finishedJson(taskId(1), QStringLiteral("Task 1"), QStringLiteral("ERROR"), 10)));
        verifyOneChange(changed, 0, M::StateColumn, M::ElapsedColumn);
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Error"));
        QCOMPARE(summary.count(), 1);
        QCOMPARE(m_model->summary().count(DisplayState::Error), 1);
    }

    // A stall is an overlay on Running: the state cell says so (and since when, in its tooltip), the summary
    // counts it, and it goes when the task moves.
    void aStalledTaskIsShownAndCounted()
    {
        m_model->addTask(running(1, 40));
        m_model->addTask(running(2, 10));
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy summary(m_model.get(), &WatchListModel::summaryChanged);
        WatchedTask stalled = running(1, 40);
        stalled.stalled = true;
        stalled.lastMovedAt = QDateTime(QDate(2025, 6, 1), QTime(9, 0), QTimeZone::utc());
        m_model->updateTask(stalled);
        verifyOneChange(changed, 0, M::StateColumn, M::StateColumn);
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Running · stalled"));
        QVERIFY(m_model->index(0, M::StateColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .startsWith(QStringLiteral("Stalled: no progress since ")));
        QCOMPARE(m_model->index(0, M::StateColumn).data(WatchListModel::DisplayStateRole).toInt(),
                 int(DisplayState::Running));
        QCOMPARE(summary.count(), 1);
        QCOMPARE(m_model->summary().stalled(), 1);
        QCOMPARE(m_model->summary().count(DisplayState::Running), 2);
        QVERIFY(m_model->summary().toolTip().endsWith(QStringLiteral("; 1 stalled (no progress for a while)")));
        m_model->updateTask(running(1, 41)); // it moves: the flag is gone
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Running"));
        QCOMPARE(m_model->summary().stalled(), 0);
        QCOMPARE(summary.count(), 2);
    }

    // Overdue is an overlay on Running too: the state cell says so, its tooltip says how long such runs usually
    // take and how long this one has run; without a moving percentage, the usual run gives the ETA.
    void anOverdueTaskSaysWhatIsUsual()
    {
        WatchedTask late = running(1, 40, T0.addSecs(41 * 60)); // launched at T0
        m_model->addTask(late);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        late.overdue = true;
        late.usualDuration = std::chrono::minutes(12);
        m_model->updateTask(late);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Running · overdue"));
        QCOMPARE(m_model->index(0, M::StateColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Overdue: usually 12 min, now 41 min"));
        late.stalled = true;
        late.lastMovedAt = T0;
        m_model->updateTask(late);
        QCOMPARE(text(0, M::StateColumn), QStringLiteral("Running · stalled · overdue"));
        QCOMPARE(m_model->index(0, M::StateColumn).data(Qt::ToolTipRole).toString().count(u'\n'), 1);

        // No percentage yet, a usual run of 12 min, 5 min in (the model's clock): 7 min left.
        QJsonObject noPercent = runningJson(taskId(2), QStringLiteral("Task 2"), 0);
        noPercent.remove(QStringLiteral("percentComplete"));
        WatchedTask usual = watched(noPercent, T0.addSecs(300));
        m_model->addTask(usual);
        QCOMPARE(text(1, M::EtaColumn), QString());
        usual.usualDuration = std::chrono::minutes(12);
        m_model->updateTask(usual);
        QCOMPARE(text(1, M::EtaColumn), QStringLiteral("7 min 00 s"));
        m_now = T0.addSecs(13 * 60); // past the usual run: no guess
        QCOMPARE(text(1, M::EtaColumn), QString());
    }

    void addAndUpdateMeetInTheMiddle()
    {
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        m_model->updateTask(running(1, 10)); // unknown: added
        QCOMPARE(inserted.count(), 1);
        m_model->addTask(running(1, 20)); // known: updated
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(text(0, M::PercentColumn), QStringLiteral("20 %"));
    }

    void removalKeepsTheIndexRight()
    {
        for (int n = 0; n < 6; ++n)
            m_model->addTask(running(n, n));
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        m_model->removeTasks({taskId(1), taskId(4), taskId(2), QStringLiteral("not-watched")});
        QCOMPARE(removed.count(), 2); // two contiguous runs, bottom up
        QCOMPARE(removed.at(0).at(1).toInt(), 4);
        QCOMPARE(removed.at(1).at(1).toInt(), 1);
        QCOMPARE(removed.at(1).at(2).toInt(), 2);
        QCOMPARE(m_model->ids(), (QStringList {taskId(0), taskId(3), taskId(5)}));
        QCOMPARE(m_model->rowOf(taskId(5)), 2);
        QCOMPARE(m_model->rowOf(taskId(4)), -1);
        QCOMPARE(m_model->task(taskId(3))->id, taskId(3));

        // Updates still land on the right row.
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->updateTask(running(5, 77));
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 2);
        QCOMPARE(text(2, M::PercentColumn), QStringLiteral("77 %"));
        m_model->removeTask(taskId(0));
        QCOMPARE(m_model->rowOf(taskId(5)), 1);
        QCOMPARE(m_model->summary().total(), 2);
    }

    void elapsedAndEtaFollowTheClock()
    {
        m_model->addTasks({running(0, 10, T0.addSecs(240)),
                           watched(finishedJson(taskId(1), QStringLiteral("Done"), QStringLiteral("SUCCESS"))),
                           running(2, 10, T0.addSecs(240)), running(3, 50, T0.addSecs(240)),
                           watched(queuedJson(taskId(4), QStringLiteral("Waiting")))});
        m_model->updateTask(running(0, 20, T0.addSecs(300))); // 10 % a minute
        QCOMPARE(text(0, M::ElapsedColumn), QStringLiteral("5 min 00 s"));
        QCOMPARE(text(0, M::EtaColumn), QStringLiteral("8 min 00 s"));
        QCOMPARE(text(4, M::ElapsedColumn), QString());

        m_now = m_now.addSecs(60);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        m_model->refreshTimeColumns();
        // Running rows only, in contiguous runs, the two time columns only.
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), m_model->index(0, M::ElapsedColumn));
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>(), m_model->index(0, M::EtaColumn));
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), m_model->index(2, M::ElapsedColumn));
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), m_model->index(3, M::EtaColumn));
        QCOMPARE(text(0, M::ElapsedColumn), QStringLiteral("6 min 00 s"));
        QCOMPARE(text(0, M::EtaColumn), QStringLiteral("7 min 00 s"));
        QCOMPARE(m_model->etaSeconds(taskId(0)), 7 * 60);
        QCOMPARE(m_model->etaSeconds(taskId(2)), std::nullopt);
    }

    void theTimeTickerRunsOnlyWithRunningRows()
    {
        QVERIFY(!m_model->timeTickerActive());
        m_model->addTask(watched(finishedJson(taskId(1), QStringLiteral("Done"), QStringLiteral("SUCCESS"))));
        QVERIFY(!m_model->timeTickerActive());
        m_model->addTask(running(2, 10));
        QVERIFY(m_model->timeTickerActive());
        m_model->updateTask(watched(finishedJson(taskId(2), QStringLiteral("Task 2"), QStringLiteral("SUCCESS"))));
        QVERIFY(!m_model->timeTickerActive());
        m_model->updateTask(running(2, 10));
        QVERIFY(m_model->timeTickerActive());
        m_model->removeTask(taskId(2));
        QVERIFY(!m_model->timeTickerActive());
    }

    void sortRoleHoldsRawValues()
    {
        m_model->addTasks({running(1, 30), pending(taskId(2)),
                           watched(finishedJson(taskId(3), QStringLiteral("Done"), QStringLiteral("SUCCESS")))});
        const auto sortValue = [this](int row, int column) { return m_model->index(row, column).data(M::SortRole); };
        QCOMPARE(sortValue(0, M::PercentColumn).toInt(), 30);
        QCOMPARE(sortValue(1, M::PercentColumn).toInt(), -1);
        QCOMPARE(sortValue(2, M::PercentColumn).toInt(), 100);
        QCOMPARE(sortValue(0, M::LaunchedColumn).toLongLong(), utc("2024-05-17T09:00:00.000Z").toMSecsSinceEpoch());
        QVERIFY(sortValue(1, M::LaunchedColumn).toLongLong() < sortValue(0, M::LaunchedColumn).toLongLong());
        QCOMPARE(sortValue(2, M::ElapsedColumn).toLongLong(), 750);
        QCOMPARE(sortValue(1, M::EtaColumn).toLongLong(), std::numeric_limits<qint64>::max());
        QCOMPARE(sortValue(0, M::StateColumn).toInt(), int(DisplayState::Running));
        QCOMPARE(sortValue(2, M::NameColumn).toString(), QStringLiteral("done"));
    }

    void clearIsAReset()
    {
        m_model->addTasks({running(1, 1), running(2, 2)});
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->rowOf(taskId(1)), -1);
        QCOMPARE(m_model->summary().total(), 0);
    }
};

QTEST_MAIN(TestWatchListModel)
#include "tst_watchlistmodel.moc"

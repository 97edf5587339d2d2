// The desktop app end to end: the real DesktopApp (window, TaskMonitor, watch list) against a simulated
// tenant on loopback running 20 times as fast as real time. One story, in order: tasks are added through
// the Add dialog, run to their outcomes while the table and the detail view follow them, are filtered,
// taken apart, exported, refreshed one at a time, paused, removed and brought back. The table's model is
// checked by QAbstractItemModelTester from the first row to the last change.

#include "DesktopTestSupport.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "tests/client/SimFixture.h"
#include "ui/FilterBar.h"
#include "ui/TaskDetailView.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace DesktopTest;
using M = WatchListModel;

namespace {

const QString ClientId = QStringLiteral("e2e-client");
const QString Secret = QStringLiteral("e2e-Secret-7fQ2x");
constexpr double Speed = 20; // simulated seconds per real second

QJsonObject failedTask()
{
    QJsonObject task = scenarioTask(0, 40, QStringLiteral("ERROR"));
    task.insert(QStringLiteral("type"), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
    task.insert(QStringLiteral("target"), QStringLiteral("Workday [source]"));
    task.insert(QStringLiteral("finalPercent"), 62);
    task.insert(QStringLiteral("messages"),
                QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("INFO")},
                                         {QStringLiteral("key"), QStringLiteral("task_started")},
                                         {QStringLiteral("text"), QStringLiteral("Aggregation started.")}},
                            QJsonObject {{QStringLiteral("type"), QStringLiteral("WARN")},
                                         {QStringLiteral("key"), QStringLiteral("warn_slow")},
                                         {QStringLiteral("text"), QStringLiteral("The source answered slowly.")}},
                            QJsonObject {{QStringLiteral("type"), QStringLiteral("ERROR")},
                                         {QStringLiteral("key"), QStringLiteral("err_connector_exception")},
                                         {QStringLiteral("text"), QStringLiteral("Connection reset by Workday.")},
                                         {QStringLiteral("parameters"), QJsonArray {QStringLiteral("reset")}}}});
    task.insert(QStringLiteral("attributes"),
                QJsonObject {{QStringLiteral("total"), 1200}, {QStringLiteral("errors"), 3}});
    task.insert(QStringLiteral("returns"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Accounts Scanned")},
                                         {QStringLiteral("attributeName"), QStringLiteral("total")}},
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("Errors")},
                                         {QStringLiteral("attributeName"), QStringLiteral("errors")}}});
    return task;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList topLevelTexts(const QTreeWidget *tree, int column)
{
    QStringList texts;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        texts.append(tree->topLevelItem(i)->text(column));
    return texts;
}

} // namespace

class TestDesktopApp : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
    QString m_running, m_failed, m_terminated, m_warning, m_queued;

    MainWindow *window() const { return m_app->window(); }
    QStringList allIds() const
    {
        QStringList ids {m_running, m_failed, m_terminated, m_warning, m_queued};
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp"));
        SimConfig config;
        config.credentials = {{ClientId, Secret}};
        config.speed = Speed;
        m_sim = startSim(config);

        DesktopOptions options;
        options.baseUrl = m_sim->baseUrl();
        options.clientId = ClientId;
        options.clientSecret = Secret; // as from SAIL_CLIENT_SECRET
        options.pollIntervalSeconds = 1;
        m_app = makeApp(m_dir, options);
        m_app->start();
        QCOMPARE(m_app->mode(), DesktopApp::Mode::Profile);
        QVERIFY(!m_app->isSecretPending()); // the environment's secret, no keychain needed
        QCOMPARE(window()->model()->rowCount(), 0);

        using Mode = QAbstractItemModelTester::FailureReportingMode;
        m_modelTester = std::make_unique<QAbstractItemModelTester>(window()->model(), Mode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(window()->proxy(), Mode::QtTest);
        QVERIFY(showAndActivate(window()));
        QCOMPARE(connectionText(window()), QStringLiteral("Not connected: 127.0.0.1"));
    }

    void cleanupTestCase()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_app.reset();
        m_sim.reset();
    }

    void addTasksThroughTheDialog()
    {
        // Created on the tenant now; the app learns of them only through the dialog.
        m_running = m_sim->addTask(scenarioTask(0, 160)); // 8 s of real time
        m_failed = m_sim->addTask(failedTask());
        m_terminated = m_sim->addTask(scenarioTask(0, 30, QStringLiteral("TERMINATED")));
        m_warning = m_sim->addTask(scenarioTask(0, 30, QStringLiteral("WARNING")));
        m_queued = m_sim->addTask(scenarioTask(60, 40));
        for (const QString &id : {m_running, m_failed, m_terminated, m_warning, m_queued})
            QVERIFY2(!id.isEmpty(), qPrintable(m_sim->errorString()));

        AddTasksDialog *dialog = openAddDialog(window());
        QVERIFY(dialog);
        auto *ids = child<QPlainTextEdit>(dialog, "ids");
        QTRY_VERIFY(ids->hasFocus());
        QTest::keyClicks(ids, m_running + QStringLiteral(", bad/id ") + m_failed);
        QTest::keyClick(ids, Qt::Key_Return);
        QTest::keyClicks(ids, m_failed + u' ' + m_terminated + u' ' + m_warning + u' ' + m_queued);
        auto *problems = child<QTreeWidget>(dialog, "problems");
        QCOMPARE(problems->topLevelItemCount(), 2);
        QVERIFY(problems->findItems(QStringLiteral("bad/id"), Qt::MatchExactly).first()->text(1).contains(u'/'));
        QCOMPARE(problems->findItems(m_failed, Qt::MatchExactly).first()->text(1),
                 QStringLiteral("pasted more than once"));
        QCOMPARE(child<QLabel>(dialog, "summary")->text(),
                 QStringLiteral("5 new task ids; 1 already watched or repeated; 1 not valid"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        // The engine watches them and the table shows them, in the order typed.
        QTRY_COMPARE(m_app->monitor()->tasks().size(), 5);
        QCOMPARE(window()->model()->rowCount(), 5);
        QCOMPARE(window()->model()->ids(), (QStringList {m_running, m_failed, m_terminated, m_warning, m_queued}));
        QTRY_VERIFY(!window()->findChild<AddTasksDialog *>());

        // An id already watched is said so, and there is nothing to add.
        dialog = openAddDialog(window());
        QVERIFY(dialog);
        ids = child<QPlainTextEdit>(dialog, "ids");
        QTRY_VERIFY(ids->hasFocus());
        QTest::keyClicks(ids, m_running);
        QCOMPARE(child<QTreeWidget>(dialog, "problems")->topLevelItem(0)->text(1), QStringLiteral("already watched"));
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::keyClick(ids, Qt::Key_Escape);
        QTRY_VERIFY(!window()->findChild<AddTasksDialog *>());
        QCOMPARE(window()->model()->rowCount(), 5);
    }

    void tableAndDetailFollowARunningTask()
    {
        QVERIFY(activate(window()));
        QObject listening; // the connections below end with this test
        QList<int> tablePercents;
        connect(window()->model(), &QAbstractItemModel::dataChanged, &listening,
                [&] { tablePercents.append(percentOf(window(), m_running)); });
        QList<int> barValues;
        auto *bar = child<QProgressBar>(window()->detailView(), "progressBar");
        connect(bar, &QProgressBar::valueChanged, &listening, [&](int value) {
            if (window()->detailView()->taskId() == m_running)
                barValues.append(value);
        });
        clickRow(window(), m_running);
        QCOMPARE(window()->detailView()->taskId(), m_running);

        // Running: the state says so, and the percentage climbs in the table and the detail view alike.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_running), DisplayState::Running, 20000);
        const auto intermediate = [](int percent) { return percent > 0 && percent < 100; };
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(tablePercents.cbegin(), tablePercents.cend(), intermediate), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(barValues.cbegin(), barValues.cend(), intermediate), 20000);
        QCOMPARE(connectionText(window()), QStringLiteral("Connected: 127.0.0.1"));

        // Then the outcome: Success at 100 %.
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_running), DisplayState::Success, 30000);
        QCOMPARE(percentOf(window(), m_running), 100);
        QCOMPARE(cell(window(), m_running, M::StateColumn), QStringLiteral("Success"));
        QTRY_COMPARE(bar->value(), 100);
        // Never backwards on the way.
        QVERIFY(std::is_sorted(barValues.cbegin(), barValues.cend()));
    }

    void everyTaskReachesItsScenarioOutcome()
    {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_failed), DisplayState::Error, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_terminated), DisplayState::Terminated, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_warning), DisplayState::Warning, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_queued), DisplayState::Success, 30000);
        QCOMPARE(percentOf(window(), m_failed), 62);
        QCOMPARE(cell(window(), m_failed, M::StateColumn), QStringLiteral("Error"));
        QCOMPARE(cell(window(), m_terminated, M::StateColumn), QStringLiteral("Terminated"));
        QCOMPARE(cell(window(), m_failed, M::TargetColumn), QStringLiteral("Workday [source]"));
        const StatusSummary summary = window()->summary();
        QCOMPARE(summary.count(DisplayState::Success), 2);
        QCOMPARE(summary.count(DisplayState::Error), 1);
        QCOMPARE(summary.overall(), OverallState::Failed);
        QVERIFY(window()->windowTitle().contains(QLatin1String("1 failed")));
    }

    void filtersShowTheAskedGroups()
    {
        QVERIFY(activate(window()));
        FilterBar *bar = window()->filterBar();
        QTest::mouseClick(child<QToolButton>(bar, "filterFailed"), Qt::LeftButton);
        QCOMPARE(visibleIds(window()), sorted({m_failed, m_terminated}));
        QTest::mouseClick(child<QToolButton>(bar, "filterSucceeded"), Qt::LeftButton);
        QCOMPARE(visibleIds(window()), sorted({m_running, m_warning, m_queued}));
        QTest::mouseClick(child<QToolButton>(bar, "filterRunning"), Qt::LeftButton);
        QCOMPARE(visibleIds(window()), QStringList());
        QTest::mouseClick(child<QToolButton>(bar, "filterAll"), Qt::LeftButton);
        QCOMPARE(visibleIds(window()), allIds());

        // Search: Ctrl+F, type, Escape clears and returns to the table.
        window()->tableView()->setFocus();
        QTest::keyClick(window(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(bar->searchEdit()->hasFocus());
        QTest::keyClicks(bar->searchEdit(), QStringLiteral("workday reset"));
        QCOMPARE(visibleIds(window()), QStringList {m_failed});
        QTest::keyClick(bar->searchEdit(), Qt::Key_Escape);
        QCOMPARE(bar->searchText(), QString());
        QCOMPARE(visibleIds(window()), allIds());
        QTRY_VERIFY(window()->tableView()->hasFocus());
    }

    void detailTabsTakeAFailedTaskApart()
    {
        QVERIFY(activate(window()));
        clickRow(window(), m_failed);
        TaskDetailView *detail = window()->detailView();
        QCOMPARE(detail->taskId(), m_failed);
        QCOMPARE(child<QProgressBar>(detail, "progressBar")->value(), 62);

        auto *messages = child<QTreeWidget>(detail, "messages");
        QCOMPARE(topLevelTexts(messages, 1),
                 (QStringList {QStringLiteral("Aggregation started."), QStringLiteral("The source answered slowly."),
                               QStringLiteral("Connection reset by Workday.")}));
        QCOMPARE(topLevelTexts(messages, 2).last(), QStringLiteral("err_connector_exception"));
        auto *returns = child<QTreeWidget>(detail, "returns");
        QCOMPARE(topLevelTexts(returns, 0),
                 (QStringList {QStringLiteral("Accounts Scanned"), QStringLiteral("Errors")}));
        QCOMPARE(topLevelTexts(returns, 1), (QStringList {QStringLiteral("1200"), QStringLiteral("3")}));
        auto *attributes = child<QTreeWidget>(detail, "attributes");
        QVERIFY(topLevelTexts(attributes, 0).contains(QStringLiteral("total")));
        const QJsonDocument raw =
                QJsonDocument::fromJson(child<QPlainTextEdit>(detail, "rawJson")->toPlainText().toUtf8());
        QCOMPARE(raw.object().value(QStringLiteral("id")).toString(), m_failed);
        QCOMPARE(raw.object().value(QStringLiteral("completionStatus")).toString(), QStringLiteral("ERROR"));

        // The tabs, walked with the keyboard, say how much each holds.
        auto *tabs = child<QTabWidget>(detail, "tabs");
        QVERIFY(tabs->tabText(0).startsWith(QLatin1String("Messages (3")));
        QVERIFY(tabs->tabText(1).startsWith(QLatin1String("Returns (2")));
        tabs->tabBar()->setFocus();
        QTest::keyClick(tabs->tabBar(), Qt::Key_Right);
        QCOMPARE(tabs->currentWidget(), returns);
    }

    void exportWritesTheReport()
    {
        QVERIFY(activate(window()));
        clickRow(window(), m_failed);
        const QString markdown = m_dir.filePath(QStringLiteral("report.md"));
        QString suggested;
        window()->detailView()->setSaveFileChooser([&](const QString &path) {
            suggested = path;
            return markdown;
        });
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(markdown));
        QVERIFY(suggested.endsWith(QLatin1String(".md")));
        QFile file(markdown);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString report = QString::fromUtf8(file.readAll());
        for (const QString &expected :
             {m_failed, QStringLiteral("Connection reset by Workday."), QStringLiteral("err_connector_exception"),
              QStringLiteral("Accounts Scanned"), QStringLiteral("1200"), QStringLiteral("Workday [source]")})
            QVERIFY2(report.contains(expected), qPrintable(expected));
        QVERIFY(!report.contains(Secret));
        QVERIFY(!report.contains(ClientId)); // nothing about the connection at all

        const QString json = m_dir.filePath(QStringLiteral("report.json"));
        window()->detailView()->setSaveFileChooser([&](const QString &) { return json; });
        QTest::keyClick(window(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(QFile::exists(json));
        QFile jsonFile(json);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QByteArray bytes = jsonFile.readAll();
        QVERIFY(!bytes.contains(Secret.toUtf8()));
        QVERIFY(QJsonDocument::fromJson(bytes).isObject());
        QVERIFY(bytes.contains(m_failed.toUtf8()));
    }

    void refreshingOneTaskChangesOnlyItsRow()
    {
        QVERIFY(activate(window()));
        // Everything has finished: nothing is polled on a timer and no time column ticks.
        QVERIFY(!window()->model()->timeTickerActive());
        clickRow(window(), m_warning);
        const int row = window()->model()->rowOf(m_warning);
        const QDateTime checkedBefore = window()->model()->task(m_warning)->checkedAt;
        QSignalSpy changes(window()->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy refreshed(m_app->monitor(), &TaskMonitor::refreshed);

        QTest::keyClick(window()->tableView(), Qt::Key_F5, Qt::ShiftModifier); // refresh selected
        QVERIFY(refreshed.wait(20000));
        QTRY_VERIFY(window()->model()->task(m_warning)->checkedAt > checkedBefore);
        QVERIFY(!changes.isEmpty());
        for (const QList<QVariant> &change : std::as_const(changes)) {
            QCOMPARE(change.at(0).toModelIndex().row(), row);
            QCOMPARE(change.at(1).toModelIndex().row(), row);
        }
    }

    void pauseIsTheEnginesState()
    {
        QVERIFY(activate(window()));
        QTest::keyClick(window(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(m_app->monitor()->isPaused());
        QCOMPARE(connectionText(window()), QStringLiteral("Paused"));
        auto *pause = child<QAction>(window(), "actionPause");
        QVERIFY(pause->isChecked());
        QCOMPARE(pause->text(), QStringLiteral("&Resume"));
        QTest::keyClick(window(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!m_app->monitor()->isPaused());
        QVERIFY(!pause->isChecked());
        QCOMPARE(connectionText(window()), QStringLiteral("Connected: 127.0.0.1"));
    }

    void removeAndUndoReachTheEngineAndTheWatchList()
    {
        QVERIFY(activate(window()));
        clickRow(window(), m_terminated);
        window()->tableView()->setFocus();
        QTest::keyClick(window()->tableView(), Qt::Key_Delete);
        QCOMPARE(window()->model()->rowCount(), 4);
        QVERIFY(!m_app->monitor()->task(m_terminated));
        QVERIFY(!m_app->watchList()->task(m_app->profile().name, m_terminated));

        QTest::keyClick(window(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(window()->model()->rowCount(), 5);
        QVERIFY(m_app->monitor()->task(m_terminated));
        QVERIFY(m_app->watchList()->task(m_app->profile().name, m_terminated));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_terminated), DisplayState::Terminated, 20000);

        // Saved where --watch-list says, under the command line's profile.
        QVERIFY(m_app->watchList()->saveNow());
        QFile file(m_dir.filePath(QStringLiteral("watchlist.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        for (const QString &id : allIds())
            QVERIFY2(saved.contains(id.toUtf8()), qPrintable(id));
        QVERIFY(!saved.contains(Secret.toUtf8()));
    }
};

QTEST_MAIN(TestDesktopApp)
#include "tst_desktopapp.moc"

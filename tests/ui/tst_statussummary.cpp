#include "TaskFixtures.h"
#include "ui/StateColorPalette.h"
#include "ui/StateIcons.h"
#include "ui/StatusSummary.h"
#include "ui/WatchListModel.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QTest>

using namespace Fixtures;

class TestStatusSummary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overallState_data()
    {
        QTest::addColumn<QList<DisplayState>>("states");
        QTest::addColumn<OverallState>("overall");
        using S = DisplayState;
        QTest::newRow("nothing watched") << QList<S> {} << OverallState::Idle;
        QTest::newRow("all succeeded") << QList<S> {S::Success, S::Warning} << OverallState::Idle;
        QTest::newRow("terminated is not failed") << QList<S> {S::Terminated, S::Success} << OverallState::Idle;
        QTest::newRow("fetch trouble is not a task failure")
                << QList<S> {S::FetchError, S::AuthError, S::NotFound, S::Pending, S::Unknown} << OverallState::Idle;
        QTest::newRow("queued counts as running") << QList<S> {S::Queued, S::Success} << OverallState::Running;
        QTest::newRow("running") << QList<S> {S::Success, S::Running} << OverallState::Running;
        QTest::newRow("error wins over running") << QList<S> {S::Running, S::Error} << OverallState::Failed;
        QTest::newRow("temp error is a failure") << QList<S> {S::TempError} << OverallState::Failed;
    }

    void overallState()
    {
        QFETCH(QList<DisplayState>, states);
        QFETCH(OverallState, overall);
        QCOMPARE(StatusSummary::of(states).overall(), overall);
    }

    void countsPerState()
    {
        using S = DisplayState;
        const StatusSummary summary = StatusSummary::of({S::Running, S::Error, S::Running, S::Success});
        QCOMPARE(summary.count(S::Running), 2);
        QCOMPARE(summary.count(S::Error), 1);
        QCOMPARE(summary.count(S::Success), 1);
        QCOMPARE(summary.count(S::Queued), 0);
        QCOMPARE(summary.total(), 4);
        QCOMPARE(summary.countsText(), QStringLiteral("2 Running, 1 Success, 1 Error"));
        QCOMPARE(summary.toolTip(), QStringLiteral("Taskwatch — 1 failed, 2 running of 4 tasks"));
        QCOMPARE(StatusSummary().countsText(), QStringLiteral("No tasks watched"));
        const StatusSummary withStalls = StatusSummary::fromCounts(summary.counts(), 1);
        QCOMPARE(withStalls.countsText(), QStringLiteral("2 Running, 1 Success, 1 Error, 1 stalled"));
        QCOMPARE(withStalls.toolTip(),
                 QStringLiteral("Taskwatch — 1 failed, 2 running of 4 tasks; 1 stalled (no progress for a while)"));
    }

    void fromTheModel()
    {
        WatchListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addTasks({watched(runningJson(taskId(1), QStringLiteral("A"), 10)),
                        watched(finishedJson(taskId(2), QStringLiteral("B"), QStringLiteral("ERROR"))),
                        watched(finishedJson(taskId(3), QStringLiteral("C"), QStringLiteral("SUCCESS"))),
                        pending(taskId(4))});
        const StatusSummary summary = StatusSummary::fromModel(model, WatchListModel::DisplayStateRole);
        QCOMPARE(summary,
                 StatusSummary::of(
                         {DisplayState::Running, DisplayState::Error, DisplayState::Success, DisplayState::Pending}));
        // The model keeps the same counts incrementally, and follows changes.
        QCOMPARE(model.summary(), summary);
        model.updateTask(watched(finishedJson(taskId(1), QStringLiteral("A"), QStringLiteral("SUCCESS"))));
        model.removeTask(taskId(2));
        QCOMPARE(model.summary(), StatusSummary::fromModel(model, WatchListModel::DisplayStateRole));
        QCOMPARE(model.summary().overall(), OverallState::Idle);
        QCOMPARE(model.summary().count(DisplayState::Success), 2);
    }

    void trayIconPerOverallState()
    {
        const QList<OverallState> states {OverallState::Idle, OverallState::Running, OverallState::Failed};
        QList<QRgb> centres;
        for (const OverallState state : states) {
            const QIcon icon = StateIcons::overallIcon(state);
            const QImage image = icon.pixmap(QSize(32, 32), 2.0).toImage();
            QCOMPARE(image.size(), QSize(64, 64)); // drawn for the device pixel ratio, not scaled up
            // Just inside the dot's edge, away from the glyph: the state's colour.
            const QColor edge = image.pixelColor(32, 8);
            QCOMPARE(edge.rgb(), StateIcons::overallColor(state).rgb());
            centres.append(edge.rgb());
        }
        QCOMPARE(QSet<QRgb>(centres.begin(), centres.end()).size(), 3);
    }

    void trayLooksLikeTheTableInLightWindows()
    {
        // The tray's colour and glyph per overall state are the table's own for the state standing for it.
        const QPalette light(QColor(0xf0, 0xf0, 0xf0));
        const QList<std::pair<OverallState, DisplayState>> pairs {{OverallState::Idle, DisplayState::Success},
                                                                  {OverallState::Running, DisplayState::Running},
                                                                  {OverallState::Failed, DisplayState::Error}};
        for (const auto &[overall, state] : pairs) {
            QCOMPARE(StateIcons::overallColor(overall), StateColorPalette(light).color(state));
            QCOMPARE(StateColorPalette::lightColor(state), StateColorPalette(light).color(state));
            const QImage tray = StateIcons::overallIcon(overall).pixmap(QSize(32, 32), 1.0).toImage();
            const QImage table = StateIcons::stateIcon(state, light).pixmap(QSize(32, 32), 1.0).toImage();
            QCOMPARE(tray, table);
        }
    }
};

QTEST_MAIN(TestStatusSummary)
#include "tst_statussummary.moc"

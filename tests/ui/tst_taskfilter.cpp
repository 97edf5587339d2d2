#include "TaskFixtures.h"
#include "ui/TaskFilter.h"

#include <QTest>

using namespace Fixtures;

class TestTaskFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stateGroups_data()
    {
        QTest::addColumn<DisplayState>("state");
        QTest::addColumn<bool>("running");
        QTest::addColumn<bool>("failed");
        QTest::addColumn<bool>("succeeded");
        QTest::newRow("queued") << DisplayState::Queued << true << false << false;
        QTest::newRow("running") << DisplayState::Running << true << false << false;
        QTest::newRow("success") << DisplayState::Success << false << false << true;
        QTest::newRow("warning") << DisplayState::Warning << false << false << true;
        QTest::newRow("error") << DisplayState::Error << false << true << false;
        QTest::newRow("terminated") << DisplayState::Terminated << false << true << false;
        QTest::newRow("temp error") << DisplayState::TempError << false << true << false;
        QTest::newRow("unknown") << DisplayState::Unknown << false << false << false;
        QTest::newRow("not found") << DisplayState::NotFound << false << false << false;
        QTest::newRow("fetch error") << DisplayState::FetchError << false << false << false;
        QTest::newRow("auth error") << DisplayState::AuthError << false << false << false;
        QTest::newRow("pending") << DisplayState::Pending << false << false << false;
    }

    void stateGroups()
    {
        QFETCH(DisplayState, state);
        QFETCH(bool, running);
        QFETCH(bool, failed);
        QFETCH(bool, succeeded);
        QVERIFY(matchesStateFilter(state, StateFilter::All));
        QCOMPARE(matchesStateFilter(state, StateFilter::Running), running);
        QCOMPARE(matchesStateFilter(state, StateFilter::Failed), failed);
        QCOMPARE(matchesStateFilter(state, StateFilter::Succeeded), succeeded);
    }

    void everyStateIsListedOnce()
    {
        const QList<DisplayState> states = allDisplayStates();
        QCOMPARE(states.size(), DisplayStateCount);
        QCOMPARE(states.first(), DisplayState::Queued);
        QCOMPARE(states.last(), DisplayState::Pending);
    }

    void searchesNameIdTargetAndMessages_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("unique name, other case") << QStringLiteral("cloud ACCOUNT") << true;
        QTest::newRow("label") << QStringLiteral("nightly") << true;
        QTest::newRow("id fragment") << QStringLiteral("bcf8819") << true;
        QTest::newRow("target name") << QStringLiteral("active directory") << true;
        QTest::newRow("target id") << QStringLiteral("c6dc37bf5081") << true;
        QTest::newRow("message text") << QStringLiteral("timed out") << true;
        QTest::newRow("message key") << QStringLiteral("connector_timeout") << true;
        QTest::newRow("words in different fields") << QStringLiteral("nightly timed") << true;
        QTest::newRow("one word missing") << QStringLiteral("nightly workday-sync") << false;
        QTest::newRow("absent") << QStringLiteral("payroll") << false;
        QTest::newRow("launcher is not searched") << QStringLiteral("support") << false;
    }

    void searchesNameIdTargetAndMessages()
    {
        QFETCH(QString, needle);
        QFETCH(bool, matches);
        const WatchedTask task = watched(failedJson(), T0, QStringLiteral("Nightly AD"));
        QCOMPARE(matchesSearchText(task, needle), matches);
    }

    void searchWithoutStatusSeesIdAndLabel()
    {
        WatchedTask task = pending(taskId(7));
        task.label = QStringLiteral("Payroll");
        QVERIFY(matchesSearchText(task, QStringLiteral("payroll")));
        QVERIFY(matchesSearchText(task, QStringLiteral("0007")));
        QVERIFY(!matchesSearchText(task, QStringLiteral("aggregation")));
    }
};

QTEST_GUILESS_MAIN(TestTaskFilter)
#include "tst_taskfilter.moc"

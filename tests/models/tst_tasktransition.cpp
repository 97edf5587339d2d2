#include "models/TaskStatus.h"
#include "models/TaskTransition.h"

#include <QTest>

// classifyTransition is exhaustively checked: every (previous state or none) × (current state)
// pair, with and without a change in progress, against a table written out by hand.
class TestTaskTransition : public QObject
{
    Q_OBJECT

private:
    static constexpr TaskState AllStates[] = {TaskState::Queued,    TaskState::Running, TaskState::Success,
                                              TaskState::Warning,   TaskState::Error,   TaskState::Terminated,
                                              TaskState::TempError, TaskState::Unknown};

    // The rule, spelled out: what a person expects to be told.
    // beforeIndex -1 is the first sighting.
    static TaskTransition expected(int beforeIndex, TaskState now, bool progressChanged)
    {
        if (isFinished(now)) {
            if (beforeIndex >= 0 && AllStates[beforeIndex] == now)
                return {};
            return {TransitionKind::Finished, now};
        }
        if (beforeIndex < 0)
            return now == TaskState::Running ? TaskTransition {TransitionKind::Started, now} : TaskTransition {};
        const TaskState before = AllStates[beforeIndex];
        if (isFinished(before))
            return {TransitionKind::Reappeared, now};
        if (before == TaskState::Running && now == TaskState::Queued)
            return {TransitionKind::Reappeared, now};
        if (before == TaskState::Queued && now == TaskState::Running)
            return {TransitionKind::Started, now};
        return progressChanged ? TaskTransition {TransitionKind::Progressed, now} : TaskTransition {};
    }

private Q_SLOTS:
    void everyPair_data()
    {
        QTest::addColumn<int>("before"); // -1: first sighting
        QTest::addColumn<int>("now");
        QTest::addColumn<bool>("progressChanged");
        for (int before = -1; before < int(std::size(AllStates)); ++before) {
            for (int now = 0; now < int(std::size(AllStates)); ++now) {
                for (bool changed : {false, true}) {
                    const QString name = QStringLiteral("%1→%2%3").arg(
                            before < 0 ? QStringLiteral("none") : taskStateName(AllStates[before]),
                            taskStateName(AllStates[now]), changed ? QStringLiteral(" (+progress)") : QString());
                    QTest::newRow(name.toUtf8().constData()) << before << now << changed;
                }
            }
        }
    }

    void everyPair()
    {
        QFETCH(int, before);
        QFETCH(int, now);
        QFETCH(bool, progressChanged);
        std::optional<TaskSnapshot> previous;
        if (before >= 0)
            previous = TaskSnapshot {AllStates[before], 10, QStringLiteral("Reading accounts"), QStringLiteral("X")};
        const TaskSnapshot current {AllStates[now], progressChanged ? 20 : 10, QStringLiteral("Reading accounts"),
                                    QStringLiteral("X")};
        const TaskTransition actual = classifyTransition(previous, current);
        const TaskTransition want = expected(before, AllStates[now], progressChanged);
        QCOMPARE(transitionKindName(actual.kind), transitionKindName(want.kind));
        if (want.kind == TransitionKind::Finished)
            QCOMPARE(taskStateName(actual.outcome), taskStateName(want.outcome));
    }

    void progressTextAloneCountsAsProgress()
    {
        const TaskSnapshot before {TaskState::Running, 50, QStringLiteral("Phase 1"), {}};
        const TaskSnapshot after {TaskState::Running, 50, QStringLiteral("Phase 2"), {}};
        QCOMPARE(classifyTransition(before, after).kind, TransitionKind::Progressed);
        QCOMPARE(classifyTransition(before, before).kind, TransitionKind::NoChange);
    }

    void percentBecomingKnownCountsAsProgress()
    {
        const TaskSnapshot before {TaskState::Running, std::nullopt, {}, {}};
        const TaskSnapshot after {TaskState::Running, 0, {}, {}};
        QCOMPARE(classifyTransition(before, after).kind, TransitionKind::Progressed);
    }

    void anotherUnknownOutcomeIsANewFinish()
    {
        const TaskSnapshot before {TaskState::Unknown, 100, {}, QStringLiteral("CANCELLED")};
        const TaskSnapshot same {TaskState::Unknown, 100, {}, QStringLiteral("CANCELLED")};
        const TaskSnapshot other {TaskState::Unknown, 100, {}, QStringLiteral("PAUSED")};
        QCOMPARE(classifyTransition(before, same).kind, TransitionKind::NoChange);
        QCOMPARE(classifyTransition(before, other).kind, TransitionKind::Finished);
    }

    void terminatedIsItsOwnOutcome()
    {
        const TaskSnapshot running {TaskState::Running, 40, {}, {}};
        const TaskSnapshot terminated {TaskState::Terminated, 40, {}, QStringLiteral("TERMINATED")};
        const TaskTransition transition = classifyTransition(running, terminated);
        QCOMPARE(transition.kind, TransitionKind::Finished);
        QCOMPARE(transition.outcome, TaskState::Terminated);
        QVERIFY(!isFailure(TaskState::Terminated));
        QVERIFY(isFailure(TaskState::Error));
        QVERIFY(isFailure(TaskState::TempError));
    }

    void snapshotOfParsedStatus()
    {
        const auto status = TaskStatus::fromJson(QByteArrayLiteral(
                R"({"id":"abc","launched":"2024-01-01T00:00:00Z","completionStatus":null,"progress":"Step 2","percentComplete":42})"));
        QVERIFY2(status.ok(), qPrintable(status.error().message()));
        const TaskSnapshot snapshot = TaskSnapshot::of(*status);
        QCOMPARE(snapshot.state, TaskState::Running);
        QCOMPARE(snapshot.percentComplete, std::optional<int>(42));
        QCOMPARE(snapshot.progress, QStringLiteral("Step 2"));
    }
};

QTEST_GUILESS_MAIN(TestTaskTransition)
#include "tst_tasktransition.moc"

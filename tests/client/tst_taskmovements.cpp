#include "client/TaskMovements.h"
#include "models/TaskStatus.h"

#include <QTest>

using namespace std::chrono;

// A task's movement and the run history together: the stall threshold of a kind whose runs usually stand still
// longer than the setting, and what a finished run reports to the history.
class TestTaskMovements : public QObject
{
    Q_OBJECT
private:
    static SteadyTime at(qint64 minutes) { return SteadyTime::fromMSecs(1'000'000'000 + minutes * 60'000); }

    static TaskStatus status(int percent, const QString &outcome = {})
    {
        QJsonObject object {{QStringLiteral("id"), QStringLiteral("t1")},
                            {QStringLiteral("uniqueName"), QStringLiteral("Nightly refresh")},
                            {QStringLiteral("launched"), QStringLiteral("2026-12-05T08:00:00Z")},
                            {QStringLiteral("percentComplete"), percent}};
        if (!outcome.isEmpty()) {
            object.insert(QStringLiteral("completed"), QStringLiteral("2026-12-05T09:00:00Z"));
            object.insert(QStringLiteral("completionStatus"), outcome);
        }
        return *TaskStatus::fromJson(object);
    }

    static QDateTime wall(qint64 minutes)
    {
        return QDateTime(QDate(2026, 12, 5), QTime(8, 0), Qt::UTC).addSecs(minutes * 60);
    }

private Q_SLOTS:
    void theSettingUnlessHistorySaysLonger()
    {
        TaskMovements movements; // 15 minutes
        QCOMPARE(movements.stallThresholdFor(milliseconds(-1)), milliseconds(minutes(15)));
        QCOMPARE(movements.stallThresholdFor(minutes(5)), milliseconds(minutes(15))); // history never lowers it
        QCOMPARE(movements.stallThresholdFor(minutes(20)), milliseconds(minutes(40)));
        QCOMPARE(movements.stallThresholdFor(hours(3)), milliseconds(minutes(60))); // never past 4 × the setting
    }

    void aKindThatUsuallyStandsStillIsNotStalledAsSoon()
    {
        for (const bool withHistory : {false, true}) {
            TaskMovements movements;
            if (withHistory)
                movements.setUsualDurations([](const TaskStatus &) {
                    return std::optional<UsualDuration>(UsualDuration {minutes(60), minutes(70), 5, minutes(20)});
                });
            movements.record(QStringLiteral("t1"), status(40), at(0), wall(0));
            const bool stalledAt25 = movements.record(QStringLiteral("t1"), status(40), at(25), wall(25)).stalled;
            QCOMPARE(stalledAt25, !withHistory); // 25 min still: past 15, not past 2 × 20
            QVERIFY(movements.record(QStringLiteral("t1"), status(40), at(41), wall(41)).stalled);
        }
    }

    void aFinishedRunReportsHowLongItStoodStill()
    {
        TaskMovements movements;
        QList<std::pair<QString, milliseconds>> reported;
        movements.setRunRecorder([&](const TaskStatus &finished, milliseconds still) {
            reported.append({finished.id, still});
        });
        movements.record(QStringLiteral("t1"), status(10), at(0), wall(0));
        movements.record(QStringLiteral("t1"), status(50), at(12), wall(12));
        movements.record(QStringLiteral("t1"), status(100, QStringLiteral("SUCCESS")), at(15), wall(15));
        QCOMPARE(reported.size(), 1);
        QCOMPARE(reported.first().second, milliseconds(minutes(12)));
        // Queued for 40 minutes, then running 2 minutes with a move: the queue is not standing still.
        QJsonObject queued = status(0).raw();
        queued.insert(QStringLiteral("id"), QStringLiteral("t3"));
        queued.remove(QStringLiteral("launched"));
        queued.remove(QStringLiteral("percentComplete"));
        movements.record(QStringLiteral("t3"), *TaskStatus::fromJson(queued), at(100), wall(100));
        movements.record(QStringLiteral("t3"), status(20), at(140), wall(140));
        movements.record(QStringLiteral("t3"), status(60), at(141), wall(141));
        movements.record(QStringLiteral("t3"), status(100, QStringLiteral("SUCCESS")), at(142), wall(142));
        QCOMPARE(reported.last().second, milliseconds(minutes(1)));
        // Seen only finished: how long it stood still is not known.
        movements.record(QStringLiteral("t2"), status(100, QStringLiteral("SUCCESS")), at(20), wall(20));
        QCOMPARE(reported.last().second, milliseconds(-1));
    }
};

QTEST_APPLESS_MAIN(TestTaskMovements)
#include "tst_taskmovements.moc"

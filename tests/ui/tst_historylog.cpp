#include "TaskFixtures.h"
#include "ui/HistoryLog.h"

#include <QTest>

using namespace Fixtures;

class TestHistoryLog : public QObject
{
    Q_OBJECT

private:
    const QString id = taskId(1);
    const QString name = QStringLiteral("Account Aggregation");

    static QList<HistoryEntry::Event> events(const QList<HistoryEntry> &entries)
    {
        QList<HistoryEntry::Event> result;
        for (const HistoryEntry &entry : entries)
            result.append(entry.event);
        return result;
    }

private Q_SLOTS:
    void recordsStateAndPercentageChangesWithTimes()
    {
        using E = HistoryEntry::Event;
        HistoryLog log;
        log.record(pending(id), T0); // nothing known yet: nothing to say
        QVERIFY(log.entries(id).isEmpty());

        log.record(watched(queuedJson(id, name)), T0.addSecs(1));
        log.record(watched(queuedJson(id, name)), T0.addSecs(2)); // no change
        log.record(watched(runningJson(id, name, 10)), T0.addSecs(3));
        log.record(watched(runningJson(id, name, 40)), T0.addSecs(4));
        log.record(watched(runningJson(id, name, 40)), T0.addSecs(5)); // no change
        log.record(watched(runningJson(id, name, 40, QStringLiteral("Correlating"))), T0.addSecs(6));
        log.record(watched(finishedJson(id, name, QStringLiteral("ERROR"), 60)), T0.addSecs(7));

        const QList<HistoryEntry> entries = log.entries(id);
        QCOMPARE(events(entries), (QList<E> {E::FirstSeen, E::Started, E::Progressed, E::Progressed, E::Finished}));
        QCOMPARE(entries.at(0).at, T0.addSecs(1));
        QCOMPARE(entries.at(0).state, DisplayState::Queued);
        QCOMPARE(entries.at(1).at, T0.addSecs(3));
        QCOMPARE(entries.at(2).percentComplete, 40);
        QCOMPARE(entries.at(2).detailText(), QStringLiteral("40 % — Aggregating accounts"));
        QCOMPARE(entries.at(3).progress, QStringLiteral("Correlating"));
        QCOMPARE(entries.at(4).state, DisplayState::Error);
        QCOMPARE(entries.at(4).at, T0.addSecs(7));
        QCOMPARE(entries.at(4).eventName(), QStringLiteral("Finished"));
    }

    void firstSightOfAFinishedTask()
    {
        HistoryLog log;
        log.record(watched(finishedJson(id, name, QStringLiteral("SUCCESS"))), T0);
        QCOMPARE(log.entries(id).size(), 1);
        QCOMPARE(log.entries(id).first().event, HistoryEntry::Event::FirstSeen);
        QCOMPARE(log.entries(id).first().state, DisplayState::Success);
    }

    void fetchProblemsAndTheirTrackingIds()
    {
        using E = HistoryEntry::Event;
        HistoryLog log;
        WatchedTask task = watched(runningJson(id, name, 10));
        log.record(task, T0);
        task.problem = fetchProblem(QStringLiteral("trk-1"));
        log.record(task, T0.addSecs(10));
        log.record(task, T0.addSecs(20)); // the same problem again: not repeated
        task.problem = fetchProblem(QStringLiteral("trk-2"), 500);
        log.record(task, T0.addSecs(30));
        task.problem = {};
        log.record(task, T0.addSecs(40));
        task.problem = fetchProblem(QStringLiteral("trk-1"));
        log.record(task, T0.addSecs(50));

        QCOMPARE(events(log.entries(id)),
                 (QList<E> {E::FirstSeen, E::FetchFailed, E::FetchFailed, E::FetchRecovered, E::FetchFailed}));
        QCOMPARE(log.trackingIds(id), (QStringList {QStringLiteral("trk-1"), QStringLiteral("trk-2")}));
        QCOMPARE(log.entries(id).at(2).detailText(),
                 QStringLiteral("HTTP 500: The server is unavailable (tracking id trk-2)"));
        QVERIFY(log.trackingIds(taskId(99)).isEmpty());
    }

    void boundedPerTaskKeepingTheFirstSighting()
    {
        HistoryLog log(10);
        for (int percent = 0; percent <= 50; ++percent)
            log.record(watched(runningJson(id, name, percent)), T0.addSecs(percent));
        log.record(watched(finishedJson(id, name, QStringLiteral("SUCCESS"))), T0.addSecs(100));
        const QList<HistoryEntry> entries = log.entries(id);
        QCOMPARE(entries.size(), 10);
        QCOMPARE(entries.first().event, HistoryEntry::Event::FirstSeen);
        QCOMPARE(entries.first().percentComplete, 0);
        QCOMPARE(entries.last().event, HistoryEntry::Event::Finished);
        QCOMPARE(entries.at(entries.size() - 2).percentComplete, 50); // the newest progress survives
    }

    void takeAndRestoreForUndo()
    {
        HistoryLog log;
        log.record(watched(runningJson(id, name, 10)), T0);
        log.record(watched(runningJson(id, name, 20)), T0.addSecs(1));
        HistoryLog::TaskHistory taken = log.take(id);
        QVERIFY(log.entries(id).isEmpty());
        QCOMPARE(taken.entries.size(), 2);
        log.restore(id, taken);
        QCOMPARE(log.entries(id), taken.entries);
        // The restored snapshot still counts: an unchanged status adds nothing.
        log.record(watched(runningJson(id, name, 20)), T0.addSecs(2));
        QCOMPARE(log.entries(id).size(), 2);
        log.forget(id);
        QVERIFY(log.entries(id).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryLog)
#include "tst_historylog.moc"

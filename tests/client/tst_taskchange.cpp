#include "client/TaskChange.h"

#include <QTest>

namespace {

TaskStatus status(const QString &id, const QString &completionStatus, int percent)
{
    const QByteArray json = QStringLiteral(R"({"id":"%1","type":"QUARTZ","uniqueName":"Aggregation","description":"",
        "parentName":null,"launcher":"x","created":"2024-05-17T19:00:00Z","modified":null,"launched":null,
        "completed":null,"completionStatus":%2,"messages":[],"returns":[],"attributes":{},"progress":null,
        "percentComplete":%3})")
                                    .arg(id, completionStatus)
                                    .arg(percent)
                                    .toUtf8();
    Parsed<TaskStatus> parsed = TaskStatus::fromJson(json);
    if (!parsed)
        qFatal("fixture: %s", qPrintable(parsed.error().message()));
    return parsed.value();
}

WatchedTask task()
{
    WatchedTask t;
    t.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
    t.status = status(t.id, QStringLiteral("null"), 10);
    return t;
}

} // namespace

class TestTaskChange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingChanged()
    {
        const TaskChange change = TaskChange::between(task(), task());
        QVERIFY(!change.visible);
        QVERIFY(!change.persist);
    }

    void progressOfARunningTaskMaySaveLater()
    {
        WatchedTask after = task();
        after.status = status(after.id, QStringLiteral("null"), 50);
        const TaskChange change = TaskChange::between(task(), after);
        QVERIFY(change.visible);
        QVERIFY(change.persist);
        QVERIFY(change.progressOnly);
    }

    void aNewStateIsSavedSoon()
    {
        WatchedTask after = task();
        after.status = status(after.id, QStringLiteral("\"SUCCESS\""), 100);
        const TaskChange change = TaskChange::between(task(), after);
        QVERIFY(change.visible && change.persist);
        QVERIFY(!change.progressOnly);
    }

    void labelAndPauseAreKept()
    {
        WatchedTask labelled = task();
        labelled.label = QStringLiteral("nightly");
        TaskChange change = TaskChange::between(task(), labelled);
        QVERIFY(change.visible && change.persist && !change.progressOnly);
        WatchedTask paused = task();
        paused.paused = true;
        change = TaskChange::between(task(), paused);
        QVERIFY(change.visible && change.persist && !change.progressOnly);
    }

    void firstStatusIsNotProgress()
    {
        WatchedTask before = task();
        before.status = {};
        const TaskChange change = TaskChange::between(before, task());
        QVERIFY(change.visible && change.persist && !change.progressOnly);
    }

    void timesAndProblemsAreSeenButNotSaved()
    {
        WatchedTask checked = task();
        checked.checkedAt = QDateTime::fromSecsSinceEpoch(1000, Qt::UTC);
        TaskChange change = TaskChange::between(task(), checked);
        QVERIFY(change.visible && !change.persist);
        WatchedTask next = task();
        next.nextCheckAt = QDateTime::fromSecsSinceEpoch(2000, Qt::UTC);
        change = TaskChange::between(task(), next);
        QVERIFY(change.visible && !change.persist);
        WatchedTask failed = task();
        failed.problem.kind = FetchProblem::Kind::Fetch;
        failed.problem.setMessage(Sentence::verbatim(QStringLiteral("HTTP 503")));
        change = TaskChange::between(task(), failed);
        QVERIFY(change.visible && !change.persist);
        WatchedTask stalled = task();
        stalled.stalled = true;
        change = TaskChange::between(task(), stalled);
        QVERIFY2(change.visible && !change.persist, "a stall is told, not saved: a restart watches afresh");
        WatchedTask moved = task();
        moved.lastMovedAt = QDateTime::fromSecsSinceEpoch(3000, Qt::UTC);
        change = TaskChange::between(task(), moved);
        QVERIFY(change.visible && !change.persist);
    }
};

QTEST_GUILESS_MAIN(TestTaskChange)
#include "tst_taskchange.moc"

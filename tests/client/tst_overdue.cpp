#include "SimFixture.h"
#include "client/RunHistoryStore.h"
#include "client/TaskMonitor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;

namespace {

// A scenario task of one kind: the same definition (the sim's default type) against the source `source`.
QJsonObject aggregation(double createdAgo, double duration, const QString &source = QStringLiteral("src-hr"))
{
    QJsonObject entry = scenarioTask(0, duration, QStringLiteral("SUCCESS"), createdAgo);
    entry.insert(QStringLiteral("target"),
                 QJsonObject {{QStringLiteral("id"), source},
                              {QStringLiteral("type"), QStringLiteral("APPLICATION")},
                              {QStringLiteral("name"), source.toUpper()}});
    return entry;
}

} // namespace

// Overdue: the engine keeps the runs it sees finish (RunHistoryStore) and flags a running task of the same kind
// once it has gone past 95 % of them, with the usual time beside it; a history file survives two writers and
// damage.
class TestOverdue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void finishedRunsAreKeptAndALateOneIsOverdue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run-history.json"));
        auto sim = startSim();
        RunHistoryStore store(path);
        TaskMonitor monitor(simProfile(*sim));
        store.serve(&monitor);
        monitor.setSecret(QStringLiteral("demo"));
        QStringList quick;
        for (int i = 0; i < RunHistory::MinRuns; ++i)
            quick.append(sim->addTask(aggregation(0, 1)));
        const QString failing = sim->addTask(scenarioTask(0, 1, QStringLiteral("ERROR")));
        monitor.addTasks(quick + QStringList {failing});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(failing)->status && isFinished(monitor.task(failing)->status->state()),
                                 20000);
        const TaskStatus quickStatus = *monitor.task(quick.first())->status;
        const QString kind = RunHistory::kindOf(quickStatus, RunHistoryStore::scopeOf(monitor.profile()));
        QTRY_COMPARE_WITH_TIMEOUT(store.history().runs(kind).size(), RunHistory::MinRuns, 20000);
        QCOMPARE(store.history().kindCount(), 1); // the failed run is not kept
        QCOMPARE(store.history().usual(kind)->median, milliseconds(1000));
        // Kept for this tenant: the same kind on another tenant knows nothing of them.
        QVERIFY(store.usual(quickStatus, RunHistoryStore::scopeOf(monitor.profile())));
        QVERIFY(!store.usual(quickStatus, QStringLiteral("https://another.api.identitynow.com")));

        QVERIFY(store.saveNow());
        QCOMPARE(RunHistoryStore(path).history(), store.history());

        const QString late = sim->addTask(aggregation(0, 60));
        const QString otherKind = sim->addTask(aggregation(0, 60, QStringLiteral("src-crm")));
        monitor.addTasks({late, otherKind});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(late)->overdue, 15000);
        QCOMPARE(monitor.task(late)->usualDuration, milliseconds(1000));
        QCOMPARE(monitor.task(late)->status->state(), TaskState::Running);
        QVERIFY(monitor.task(otherKind)->status);
        QVERIFY(!monitor.task(otherKind)->overdue); // nothing known of its kind
        QCOMPARE(monitor.task(otherKind)->usualDuration, milliseconds(0));
    }

    void aSeededHistorySaysUsuallyAndFlagsOnlyTheLateOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run-history.json"));
        auto sim = startSim();
        // Launched 41 and 30 minutes ago, an hour long each; the history says 10–13 min, one of 40.
        const QString late = sim->addTask(aggregation(41 * 60, 3600));
        const QString inTime = sim->addTask(aggregation(30 * 60, 3600));
        QString kind;
        {
            TaskMonitor look(simProfile(*sim));
            look.setSecret(QStringLiteral("demo"));
            look.addTasks({late});
            QTRY_VERIFY(look.task(late)->status);
            kind = RunHistory::kindOf(*look.task(late)->status, RunHistoryStore::scopeOf(look.profile()));
        }
        RunHistory seeded;
        const QDateTime day = QDateTime::currentDateTimeUtc().addDays(-7);
        int i = 0;
        for (const int runMinutes : {10, 11, 12, 13, 40})
            seeded.record(kind, {QStringLiteral("run-%1").arg(i), minutes(runMinutes), day.addDays(++i)});
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(seeded.toJson()) > 0);
        file.close();

        RunHistoryStore store(path);
        QVERIFY(store.problem().isEmpty());
        TaskMonitor monitor(simProfile(*sim));
        store.serve(&monitor);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({late, inTime});
        QTRY_VERIFY(monitor.task(late)->status && monitor.task(inTime)->status);
        QVERIFY(monitor.task(late)->overdue);
        QCOMPARE(monitor.task(late)->usualDuration, milliseconds(minutes(12)));
        QVERIFY(!monitor.task(inTime)->overdue); // past the median, not past the 95th percentile
        QCOMPARE(monitor.task(inTime)->usualDuration, milliseconds(minutes(12)));
    }

    void twoWritersLoseNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run-history.json"));
        RunHistoryStore first(path);
        RunHistoryStore second(path); // a second instance, or the CLI, on the same file
        const QDateTime at = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 20; ++i) {
            first.note(finishedRun(QStringLiteral("a%1").arg(i), at.addSecs(2 * i)));
            second.note(finishedRun(QStringLiteral("b%1").arg(i), at.addSecs(2 * i + 1)));
            QVERIFY(first.saveNow());
            QVERIFY(second.saveNow()); // after the other's save: a plain overwrite would lose it
        }
        const RunHistoryStore reader(path);
        QCOMPARE(reader.history().runs(RunHistory::kindOf(finishedRun({}, at))).size(), 40);
    }

    void aDamagedFileIsKeptAsideAndNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run-history.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("{\"version\":1,\"kinds\":{\"k\":[1]}}") > 0);
        file.close();
        RunHistoryStore store(path);
        QVERIFY2(store.problem().contains(QStringLiteral("kinds.k[0]")), qPrintable(store.problem()));
        QVERIFY(store.history().isEmpty());
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("run-history.json.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("{\"version\":1,\"kinds\":{\"k\":[1]}}"));
    }

private:
    // A run of one second of the kind "Nightly refresh", finished at `completed`.
    static TaskStatus finishedRun(const QString &id, const QDateTime &completed)
    {
        const QJsonObject object {{QStringLiteral("id"), id.isEmpty() ? QStringLiteral("x") : id},
                                  {QStringLiteral("uniqueName"), QStringLiteral("Nightly refresh")},
                                  {QStringLiteral("launched"), completed.addSecs(-1).toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("completed"), completed.toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("completionStatus"), QStringLiteral("SUCCESS")}};
        return *TaskStatus::fromJson(object);
    }
};

QTEST_GUILESS_MAIN(TestOverdue)
#include "tst_overdue.moc"

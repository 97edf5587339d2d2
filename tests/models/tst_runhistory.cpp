#include "models/RunHistory.h"
#include "models/TaskStatus.h"

#include <QJsonDocument>
#include <QTest>

using namespace std::chrono;

namespace {

const QDateTime Start = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);

// A finished run of the "Cloud Account Aggregation" definition on source src-1 that took `seconds`.
TaskStatus run(const QString &id, qint64 seconds, const QString &outcome = QStringLiteral("SUCCESS"),
               const QString &source = QStringLiteral("src-1"), qint64 startedAfter = 0)
{
    const QDateTime launched = Start.addSecs(startedAfter);
    QJsonObject object {{QStringLiteral("id"), id},
                        {QStringLiteral("uniqueName"), QStringLiteral("Cloud Account Aggregation")},
                        {QStringLiteral("target"),
                         QJsonObject {{QStringLiteral("id"), source},
                                      {QStringLiteral("type"), QStringLiteral("APPLICATION")},
                                      {QStringLiteral("name"), QStringLiteral("HR")}}},
                        {QStringLiteral("created"), launched.toString(Qt::ISODate)},
                        {QStringLiteral("launched"), launched.toString(Qt::ISODate)}};
    if (!outcome.isEmpty()) {
        object.insert(QStringLiteral("completed"), launched.addSecs(seconds).toString(Qt::ISODate));
        object.insert(QStringLiteral("completionStatus"), outcome);
    }
    return *TaskStatus::fromJson(object);
}

QString kindOfRun()
{
    return RunHistory::kindOf(run(QStringLiteral("x"), 1));
}

} // namespace

class TestRunHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theKindIsTheDefinitionAndTheTarget()
    {
        const QString a = RunHistory::kindOf(run(QStringLiteral("a"), 1));
        QCOMPARE(a, RunHistory::kindOf(run(QStringLiteral("b"), 99))); // another run of the same kind
        QVERIFY(a
                != RunHistory::kindOf(run(QStringLiteral("c"), 1, QStringLiteral("SUCCESS"), QStringLiteral("src-2"))));
        QVERIFY(a.startsWith(QStringLiteral("Cloud Account Aggregation")));
        // The definition's id wins over the name when the status has one.
        QJsonObject object = run(QStringLiteral("d"), 1).raw();
        object.insert(QStringLiteral("taskDefinitionSummary"),
                      QJsonObject {{QStringLiteral("id"), QStringLiteral("def-9")}});
        QVERIFY(RunHistory::kindOf(*TaskStatus::fromJson(object)).startsWith(QStringLiteral("def-9")));
        // No definition at all: no kind, nothing recorded.
        object.remove(QStringLiteral("taskDefinitionSummary"));
        object.remove(QStringLiteral("uniqueName"));
        QCOMPARE(RunHistory::kindOf(*TaskStatus::fromJson(object)), QString());
        RunHistory history;
        QVERIFY(!history.record(*TaskStatus::fromJson(object)));
    }

    void onlyRunsThatWentThroughCount_data()
    {
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<bool>("kept");
        QTest::newRow("success") << QStringLiteral("SUCCESS") << true;
        QTest::newRow("warning") << QStringLiteral("WARNING") << true;
        QTest::newRow("error") << QStringLiteral("ERROR") << false;
        QTest::newRow("terminated") << QStringLiteral("TERMINATED") << false;
        QTest::newRow("temp error") << QStringLiteral("TEMP_ERROR") << false;
        QTest::newRow("running") << QString() << false;
    }
    void onlyRunsThatWentThroughCount()
    {
        QFETCH(QString, outcome);
        QFETCH(bool, kept);
        RunHistory history;
        QCOMPARE(history.record(run(QStringLiteral("a"), 60, outcome)), kept);
        QCOMPARE(history.runs(kindOfRun()).size(), kept ? 1 : 0);
        if (kept)
            QCOMPARE(history.runs(kindOfRun()).first().duration, milliseconds(60000));
    }

    void aRunWithoutBothEndsIsNotKept()
    {
        QJsonObject object = run(QStringLiteral("a"), 60).raw();
        object.insert(QStringLiteral("launched"), QJsonValue::Null);
        RunHistory history;
        QVERIFY(!history.record(*TaskStatus::fromJson(object)));
        object = run(QStringLiteral("a"), 60).raw(); // completed before launched: a damaged status
        object.insert(QStringLiteral("launched"), Start.addSecs(120).toString(Qt::ISODate));
        QVERIFY(!history.record(*TaskStatus::fromJson(object)));
        QVERIFY(history.isEmpty() || history.runs(kindOfRun()).isEmpty());
    }

    void theSameTaskCountsOnce()
    {
        RunHistory history;
        QVERIFY(history.record(run(QStringLiteral("a"), 60)));
        QVERIFY(!history.record(run(QStringLiteral("a"), 60))); // seen again after a restart
        QCOMPARE(history.runs(kindOfRun()).size(), 1);
    }

    void usualNeedsFiveRuns()
    {
        RunHistory history;
        for (int i = 0; i < RunHistory::MinRuns - 1; ++i)
            history.record(run(QString::number(i), 60, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), i * 3600));
        QCOMPARE(history.usual(kindOfRun()), std::nullopt);
        history.record(run(QStringLiteral("last"), 60, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), 99999));
        QCOMPARE(history.usual(kindOfRun())->runs, RunHistory::MinRuns);
    }

    void medianAndNearestRankPercentile_data()
    {
        QTest::addColumn<QList<int>>("minutes");
        QTest::addColumn<int>("median");
        QTest::addColumn<int>("p95");
        QTest::newRow("five equal") << QList<int> {12, 12, 12, 12, 12} << 12 << 12;
        QTest::newRow("five") << QList<int> {10, 14, 11, 13, 12} << 12 << 14; // rank ceil(4.75) = 5
        QTest::newRow("six") << QList<int> {1, 2, 3, 4, 5, 60} << 3 << 60; // rank ceil(0.5*6) = 3
        QList<int> twenty;
        for (int i = 1; i <= 20; ++i)
            twenty.append(i);
        QTest::newRow("twenty") << twenty << 10 << 19; // rank ceil(0.95*20) = 19
        QList<int> outlier = twenty;
        outlier.last() = 1000;
        QTest::newRow("one outlier in twenty") << outlier << 10 << 19;
    }
    void medianAndNearestRankPercentile()
    {
        QFETCH(QList<int>, minutes);
        QFETCH(int, median);
        QFETCH(int, p95);
        RunHistory history;
        for (int i = 0; i < minutes.size(); ++i)
            QVERIFY(history.record(run(QString::number(i), minutes.at(i) * 60, QStringLiteral("SUCCESS"),
                                       QStringLiteral("src-1"), i * 86400)));
        const UsualDuration usual = *history.usual(kindOfRun());
        QCOMPARE(usual.median, minutes_cast(median));
        QCOMPARE(usual.p95, minutes_cast(p95));
        QCOMPARE(usual.runs, minutes.size());
    }

    void howLongRunsStandStill()
    {
        RunHistory history;
        // Four runs watched while they ran (longest still 10, 20, 30, 40 min) and two not: not enough yet.
        for (int i = 0; i < 6; ++i)
            history.record(run(QString::number(i), 3600, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), i * 86400),
                           i < 4 ? minutes(10 * (i + 1)) : milliseconds(-1));
        QCOMPARE(history.usual(kindOfRun())->usualStill, milliseconds(-1));
        history.record(run(QStringLiteral("five"), 3600, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), 9 * 86400),
                       minutes(50));
        QCOMPARE(history.usual(kindOfRun())->usualStill, milliseconds(minutes(30))); // the median of five
        // Kept in the file, and absent where unknown.
        const QByteArray json = history.toJson();
        QCOMPARE(json.count("\"still\""), 5);
        QCOMPARE(*RunHistory::fromJson(json), history);
    }

    void overdueIsPastThe95thPercentile()
    {
        const UsualDuration usual {minutes(12), minutes(20), 5};
        QVERIFY(!isOverdue(minutes(19), usual));
        QVERIFY(!isOverdue(minutes(20), usual)); // at it is not past it
        QVERIFY(isOverdue(minutes(20) + milliseconds(1), usual));
        QVERIFY(!isOverdue(hours(10), std::nullopt)); // no history, no verdict
        QVERIFY(!isOverdue(hours(10), UsualDuration {minutes(12), minutes(20), 4}));
    }

    void onlyTheLatestRunsAreKept()
    {
        RunHistory history;
        for (int i = 0; i < RunHistory::RunsPerKind + 10; ++i)
            history.record(
                    run(QString::number(i), 60 + i, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), i * 3600));
        const QList<RunHistory::Run> runs = history.runs(kindOfRun());
        QCOMPARE(runs.size(), RunHistory::RunsPerKind);
        QCOMPARE(runs.first().taskId, QStringLiteral("10")); // the ten oldest went
        QCOMPARE(runs.last().taskId, QString::number(RunHistory::RunsPerKind + 9));
        // A run older than all kept ones, arriving late (a merge), goes at once.
        history.record(kindOfRun(), {QStringLiteral("ancient"), minutes(1), Start.addYears(-1)});
        QCOMPARE(history.runs(kindOfRun()).first().taskId, QStringLiteral("10"));
    }

    void onlyTheMostRecentKindsAreKept()
    {
        RunHistory history;
        for (int i = 0; i <= RunHistory::MaxKinds; ++i)
            history.record(
                    run(QString::number(i), 60, QStringLiteral("SUCCESS"), QStringLiteral("src-%1").arg(i), i * 60));
        QCOMPARE(history.kindCount(), RunHistory::MaxKinds);
        QVERIFY(history.runs(RunHistory::kindOf(
                                     run(QStringLiteral("0"), 1, QStringLiteral("SUCCESS"), QStringLiteral("src-0"))))
                        .isEmpty());
        QCOMPARE(history.runs(RunHistory::kindOf(
                                      run(QStringLiteral("1"), 1, QStringLiteral("SUCCESS"), QStringLiteral("src-1"))))
                         .size(),
                 1);
    }

    void mergeJoinsTwoWritersWithoutDoubles()
    {
        RunHistory mine;
        RunHistory theirs;
        mine.record(run(QStringLiteral("a"), 60));
        mine.record(run(QStringLiteral("shared"), 70, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), 100));
        theirs.record(run(QStringLiteral("shared"), 70, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), 100));
        theirs.record(run(QStringLiteral("b"), 80, QStringLiteral("SUCCESS"), QStringLiteral("src-1"), 200));
        theirs.record(run(QStringLiteral("c"), 90, QStringLiteral("SUCCESS"), QStringLiteral("src-2")));
        mine.merge(theirs);
        QCOMPARE(mine.runs(kindOfRun()).size(), 3);
        QCOMPARE(mine.kindCount(), 2);
        RunHistory again = mine;
        again.merge(theirs);
        QCOMPARE(again, mine); // merging is idempotent
    }

    void survivesItsFileFormat()
    {
        RunHistory history;
        for (int i = 0; i < 7; ++i)
            history.record(run(QString::number(i), 60 * (i + 1), QStringLiteral("WARNING"),
                               QStringLiteral("src-%1").arg(i % 2), i * 60));
        const QByteArray json = history.toJson();
        const Parsed<RunHistory> read = RunHistory::fromJson(json);
        QVERIFY2(read.ok(), qPrintable(read.error().message()));
        QCOMPARE(*read, history);
        QVERIFY(!json.contains("secret") && !json.contains("token")); // ids, names and numbers only
    }

    void aDamagedFileIsNamed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{\"version\":1,") << QString();
        QTest::newRow("an array") << QByteArray("[]") << QString();
        QTest::newRow("no version") << QByteArray("{\"kinds\":{}}") << QStringLiteral("version");
        QTest::newRow("a newer version") << QByteArray("{\"version\":2,\"kinds\":{}}") << QStringLiteral("version");
        QTest::newRow("kinds not an object") << QByteArray("{\"version\":1,\"kinds\":[]}") << QStringLiteral("kinds");
        QTest::newRow("runs not an array")
                << QByteArray("{\"version\":1,\"kinds\":{\"k\":{}}}") << QStringLiteral("kinds.k");
        QTest::newRow("a run not an object")
                << QByteArray("{\"version\":1,\"kinds\":{\"k\":[1]}}") << QStringLiteral("kinds.k[0]");
        QTest::newRow("negative duration") << QByteArray(
                "{\"version\":1,\"kinds\":{\"k\":[{\"task\":\"a\",\"ms\":-1,\"finished\":\"2026-12-01T08:00:00Z\"}]}}")
                                           << QStringLiteral("kinds.k[0]");
        QTest::newRow("huge duration") << QByteArray("{\"version\":1,\"kinds\":{\"k\":[{\"task\":\"a\",\"ms\":1e300,"
                                                     "\"finished\":\"2026-12-01T08:00:00Z\"}]}}")
                                       << QStringLiteral("kinds.k[0]");
        QTest::newRow("no task") << QByteArray(
                "{\"version\":1,\"kinds\":{\"k\":[{\"ms\":5,\"finished\":\"2026-12-01T08:00:00Z\"}]}}")
                                 << QStringLiteral("kinds.k[0]");
        QTest::newRow("no date") << QByteArray("{\"version\":1,\"kinds\":{\"k\":[{\"task\":\"a\",\"ms\":5}]}}")
                                 << QStringLiteral("kinds.k[0]");
        QTest::newRow("negative still") << QByteArray(
                "{\"version\":1,\"kinds\":{\"k\":[{\"task\":\"a\",\"ms\":5,\"still\":-5,"
                "\"finished\":\"2026-12-01T08:00:00Z\"}]}}")
                                        << QStringLiteral("kinds.k[0].still");
    }
    void aDamagedFileIsNamed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Parsed<RunHistory> read = RunHistory::fromJson(json);
        QVERIFY(!read.ok());
        QVERIFY(!read.error().reason.isEmpty());
        QCOMPARE(read.error().field, field);
    }

private:
    static milliseconds minutes_cast(int value) { return duration_cast<milliseconds>(minutes(value)); }
};

QTEST_APPLESS_MAIN(TestRunHistory)
#include "tst_runhistory.moc"

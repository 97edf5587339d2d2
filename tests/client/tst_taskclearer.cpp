#include "client/QueueDepth.h"
#include "client/TaskClearer.h"
#include "client/TaskStatusClient.h"

#include <QTest>

using namespace std::chrono;

// The pure steps of clearing a task: what the GET's answer decides (every kind of answer, every state), and
// what the PATCH's answer makes of the result (every kind: a timeout or dropped connection is unconfirmed,
// never "failed", and is never sent again). And when the queue depth may be read again.
namespace {

TaskStatus statusWith(const QString &completionStatus, bool launched = true)
{
    QByteArray json = R"({"id":"a1","type":"QUARTZ","uniqueName":"Aggregation","created":"2026-12-04T18:00:00Z")";
    if (launched)
        json += R"(,"launched":"2026-12-04T18:00:05Z")";
    json += completionStatus.isEmpty() ? QByteArray(R"(,"completionStatus":null})")
                                       : R"(,"completionStatus":")" + completionStatus.toLatin1() + R"("})";
    return TaskStatus::fromJson(json).value();
}

FetchOutcome outcomeOf(FetchOutcome::Kind kind, int httpStatus = 0, const QList<TaskStatus> &statuses = {},
                       bool sent = true)
{
    FetchOutcome outcome;
    outcome.response.sent = sent;
    outcome.kind = kind;
    outcome.statuses = statuses;
    outcome.response.httpStatus = httpStatus;
    outcome.response.kind = kind == FetchOutcome::Kind::Ok ? ApiResponse::Kind::Ok
            : kind == FetchOutcome::Kind::Connection       ? ApiResponse::Kind::Network
            : kind == FetchOutcome::Kind::Cancelled        ? ApiResponse::Kind::Cancelled
            : kind == FetchOutcome::Kind::Misconfigured    ? ApiResponse::Kind::Refused
            : httpStatus >= 200 && httpStatus < 300        ? ApiResponse::Kind::Ok
                                                           : ApiResponse::Kind::Http;
    if (kind != FetchOutcome::Kind::Ok) {
        outcome.problem.kind = kind == FetchOutcome::Kind::Auth ? FetchProblem::Kind::Auth
                : kind == FetchOutcome::Kind::NotFound          ? FetchProblem::Kind::NotFound
                                                                : FetchProblem::Kind::Fetch;
        outcome.problem.setMessage(Sentence::verbatim(QStringLiteral("why")));
        outcome.problem.httpStatus = httpStatus;
    }
    return outcome;
}

ClearResult base()
{
    ClearResult result;
    result.id = QStringLiteral("a1");
    result.mark = TaskClearing::Mark::Terminated;
    result.who = QStringLiteral("client id c");
    return result;
}

} // namespace

class TestTaskClearer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void afterCheckOnEveryState_data()
    {
        QTest::addColumn<QString>("completionStatus");
        QTest::addColumn<bool>("launched");
        QTest::addColumn<bool>("sendPatch");
        QTest::newRow("queued") << QString() << false << true;
        QTest::newRow("running") << QString() << true << true;
        for (const char *finished : {"SUCCESS", "WARNING", "ERROR", "TERMINATED", "TEMPERROR", "Success", "PAUSED"})
            QTest::newRow(finished) << QString::fromLatin1(finished) << true << false;
    }
    void afterCheckOnEveryState()
    {
        QFETCH(QString, completionStatus);
        QFETCH(bool, launched);
        QFETCH(bool, sendPatch);
        const TaskStatus status = statusWith(completionStatus, launched);
        bool send = !sendPatch;
        const ClearResult result =
                TaskClearer::afterCheck(base(), outcomeOf(FetchOutcome::Kind::Ok, 200, {status}), send);
        QCOMPARE(send, sendPatch);
        QVERIFY(result.status);
        QCOMPARE(result.status->id, QStringLiteral("a1"));
        QVERIFY(!result.patchSent);
        if (!sendPatch) {
            QCOMPARE(result.kind, ClearResult::Kind::AlreadyFinished);
            QVERIFY(result.problem.isNone());
        }
    }

    void afterCheckFailures_data()
    {
        QTest::addColumn<FetchOutcome::Kind>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::newRow("404") << FetchOutcome::Kind::NotFound << 404;
        QTest::newRow("403") << FetchOutcome::Kind::Auth << 403;
        QTest::newRow("credentials refused") << FetchOutcome::Kind::Auth << 0;
        QTest::newRow("500") << FetchOutcome::Kind::Server << 500;
        QTest::newRow("no answer") << FetchOutcome::Kind::Connection << 0;
        QTest::newRow("not sent") << FetchOutcome::Kind::Misconfigured << 0;
        QTest::newRow("cancelled") << FetchOutcome::Kind::Cancelled << 0;
        QTest::newRow("Ok without a status") << FetchOutcome::Kind::Ok << 200;
    }
    void afterCheckFailures()
    {
        QFETCH(FetchOutcome::Kind, kind);
        QFETCH(int, httpStatus);
        bool send = true;
        const FetchOutcome check = outcomeOf(kind, httpStatus);
        const ClearResult result = TaskClearer::afterCheck(base(), check, send);
        QVERIFY(!send); // nothing that changes the tenant without a fresh look at the task
        QCOMPARE(result.kind, ClearResult::Kind::Failed);
        QCOMPARE(result.problem, check.problem);
        QVERIFY(!result.patchSent);
        QCOMPARE(result.id, QStringLiteral("a1"));
        QCOMPARE(result.who, QStringLiteral("client id c"));
    }

    void afterPatch_data()
    {
        QTest::addColumn<FetchOutcome::Kind>("kind");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<bool>("sent"); // handed to the network (ApiResponse::sent)
        QTest::addColumn<ClearResult::Kind>("result");
        using K = FetchOutcome::Kind;
        using R = ClearResult::Kind;
        QTest::newRow("200") << K::Ok << 200 << true << R::Cleared;
        QTest::newRow("timeout or dropped connection") << K::Connection << 0 << true << R::Unconfirmed;
        QTest::newRow("cancelled in flight") << K::Cancelled << 0 << true << R::Unconfirmed;
        QTest::newRow("cancelled while queued") << K::Cancelled << 0 << false << R::Failed;
        QTest::newRow("500") << K::Server << 500 << true << R::Unconfirmed;
        QTest::newRow("503") << K::Server << 503 << true << R::Unconfirmed;
        QTest::newRow("unreadable 200") << K::Server << 200 << true << R::Unconfirmed;
        QTest::newRow("400") << K::Server << 400 << true << R::Failed;
        QTest::newRow("429 beyond patience") << K::Server << 429 << true << R::Failed;
        QTest::newRow("403") << K::Auth << 403 << true << R::Failed;
        QTest::newRow("401 with a new token too") << K::Auth << 401 << true << R::Failed;
        QTest::newRow("no token to send it with") << K::Auth << 0 << false << R::Failed;
        QTest::newRow("404") << K::NotFound << 404 << true << R::Failed;
        QTest::newRow("not sent") << K::Misconfigured << 0 << false << R::Failed;
    }
    void afterPatch()
    {
        QFETCH(FetchOutcome::Kind, kind);
        QFETCH(int, httpStatus);
        QFETCH(bool, sent);
        QFETCH(ClearResult::Kind, result);
        ClearResult checked = base();
        checked.status = statusWith(QString());
        const QList<TaskStatus> updated = kind == FetchOutcome::Kind::Ok
                ? QList<TaskStatus> {statusWith(QStringLiteral("TERMINATED"))}
                : QList<TaskStatus> {};
        const FetchOutcome patch = outcomeOf(kind, httpStatus, updated, sent);
        const ClearResult done = TaskClearer::afterPatch(checked, patch);
        QCOMPARE(done.kind, result);
        QCOMPARE(done.patchSent, sent);
        QVERIFY(done.status);
        if (result == ClearResult::Kind::Cleared) {
            QCOMPARE(done.status->state(), TaskState::Terminated); // the tenant's answer, shown at once
            QVERIFY(done.problem.isNone());
        } else {
            QCOMPARE(done.status->state(), TaskState::Running); // the last status read stays
            QCOMPARE(done.problem, patch.problem);
        }
        if (result == ClearResult::Kind::Unconfirmed)
            QVERIFY(done.sentence().english().contains(QStringLiteral("the request was not sent again")));
    }

    // A 2xx whose task is not shown with the mark (still running, or another outcome) is not called cleared.
    void anAnswerWithoutTheMarkIsUnconfirmed_data()
    {
        QTest::addColumn<QString>("answered");
        QTest::newRow("still running") << QString();
        QTest::newRow("the other mark") << QStringLiteral("ERROR");
        QTest::newRow("success") << QStringLiteral("SUCCESS");
    }
    void anAnswerWithoutTheMarkIsUnconfirmed()
    {
        QFETCH(QString, answered);
        ClearResult checked = base(); // marks Terminated
        checked.status = statusWith(QString());
        const ClearResult done =
                TaskClearer::afterPatch(checked, outcomeOf(FetchOutcome::Kind::Ok, 200, {statusWith(answered)}));
        QCOMPARE(done.kind, ClearResult::Kind::Unconfirmed);
        QVERIFY(done.patchSent);
        QVERIFY(!done.changed());
        QVERIFY(done.status);
        QCOMPARE(done.status->state(), statusWith(answered).state()); // what the tenant said, shown as it is
        QVERIFY(!done.problem.isNone());
    }

    // After an unconfirmed PATCH one GET decides: the mark seen makes it cleared; anything else leaves it open.
    void afterConfirm_data()
    {
        QTest::addColumn<FetchOutcome::Kind>("kind");
        QTest::addColumn<QString>("completionStatus");
        QTest::addColumn<ClearResult::Kind>("result");
        using K = FetchOutcome::Kind;
        using R = ClearResult::Kind;
        QTest::newRow("marked") << K::Ok << QStringLiteral("TERMINATED") << R::Cleared;
        QTest::newRow("marked, lower case") << K::Ok << QStringLiteral("terminated") << R::Cleared;
        QTest::newRow("still running") << K::Ok << QString() << R::Unconfirmed;
        QTest::newRow("finished otherwise") << K::Ok << QStringLiteral("SUCCESS") << R::Unconfirmed;
        QTest::newRow("the look failed") << K::Connection << QString() << R::Unconfirmed;
        QTest::newRow("the look 500") << K::Server << QString() << R::Unconfirmed;
    }
    void afterConfirm()
    {
        QFETCH(FetchOutcome::Kind, kind);
        QFETCH(QString, completionStatus);
        QFETCH(ClearResult::Kind, result);
        ClearResult unconfirmed = base();
        unconfirmed.kind = ClearResult::Kind::Unconfirmed;
        unconfirmed.patchSent = true;
        unconfirmed.status = statusWith(QString());
        unconfirmed.problem.kind = FetchProblem::Kind::Fetch;
        unconfirmed.problem.setMessage(Sentence::verbatim(QStringLiteral("no answer")));
        const QList<TaskStatus> seen = kind == FetchOutcome::Kind::Ok ? QList<TaskStatus> {statusWith(completionStatus)}
                                                                      : QList<TaskStatus> {};
        const ClearResult done = TaskClearer::afterConfirm(unconfirmed, outcomeOf(kind, 200, seen));
        QCOMPARE(done.kind, result);
        QVERIFY(done.patchSent);
        QVERIFY(done.status);
        if (kind == FetchOutcome::Kind::Ok)
            QCOMPARE(done.status->state(), seen.first().state());
        else
            QCOMPARE(done.status->state(), TaskState::Running);
        QCOMPARE(done.problem.isNone(), result == ClearResult::Kind::Cleared);
    }

    void queueDepthAtMostOnceAMinute()
    {
        const SteadyTime start = SteadyTime::fromMSecs(500000);
        QCOMPARE(QueueDepth::waitBeforeReading({}, start), milliseconds(0)); // never read: now
        QCOMPARE(QueueDepth::waitBeforeReading(start, start), milliseconds(60000));
        QCOMPARE(QueueDepth::waitBeforeReading(start, start.addMSecs(1)), milliseconds(59999));
        QCOMPARE(QueueDepth::waitBeforeReading(start, start.addSecs(59)), milliseconds(1000));
        QCOMPARE(QueueDepth::waitBeforeReading(start, start.addSecs(60)), milliseconds(0));
        QCOMPARE(QueueDepth::waitBeforeReading(start, start.addSecs(3600)), milliseconds(0));
        QCOMPARE(QueueDepth::waitBeforeReading(start, start.addSecs(-5)), milliseconds(60000)); // never less
    }
};

QTEST_GUILESS_MAIN(TestTaskClearer)
#include "tst_taskclearer.moc"

#include "models/TaskClearing.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

// Clearing a stuck task: the --status names, what PATCH sends, which states may be cleared (every state),
// and the sentence of every kind of result.
namespace {

TaskStatus statusIn(TaskState state)
{
    TaskStatus status;
    status.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
    status.uniqueName = QStringLiteral("Cloud Account Aggregation");
    status.created = QDateTime(QDate(2026, 12, 4), QTime(18, 0), QTimeZone::utc());
    if (state != TaskState::Queued)
        status.launched = status.created.addSecs(5);
    switch (state) {
    case TaskState::Queued:
    case TaskState::Running:
        break;
    case TaskState::Success:
        status.completionStatus = CompletionStatus::Success;
        break;
    case TaskState::Warning:
        status.completionStatus = CompletionStatus::Warning;
        break;
    case TaskState::Error:
        status.completionStatus = CompletionStatus::Error;
        break;
    case TaskState::Terminated:
        status.completionStatus = CompletionStatus::Terminated;
        break;
    case TaskState::TempError:
        status.completionStatus = CompletionStatus::TempError;
        break;
    case TaskState::Unknown:
        status.completionStatus = CompletionStatus::Unknown;
        status.completionStatusRaw = QStringLiteral("PAUSED");
        break;
    }
    return status;
}

} // namespace

class TestTaskClearing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void markNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("mark"); // -1: not a mark
        QTest::newRow("error") << QStringLiteral("error") << int(TaskClearing::Mark::Error);
        QTest::newRow("ERROR") << QStringLiteral("ERROR") << int(TaskClearing::Mark::Error);
        QTest::newRow("Error, spaced") << QStringLiteral(" Error ") << int(TaskClearing::Mark::Error);
        QTest::newRow("terminated") << QStringLiteral("terminated") << int(TaskClearing::Mark::Terminated);
        QTest::newRow("TERMINATED") << QStringLiteral("TERMINATED") << int(TaskClearing::Mark::Terminated);
        QTest::newRow("empty") << QString() << -1;
        QTest::newRow("success is no mark") << QStringLiteral("success") << -1;
        QTest::newRow("warning is no mark") << QStringLiteral("warning") << -1;
        QTest::newRow("temperror is no mark") << QStringLiteral("temperror") << -1;
        QTest::newRow("a prefix") << QStringLiteral("err") << -1;
        QTest::newRow("terminate") << QStringLiteral("terminate") << -1;
    }
    void markNames()
    {
        QFETCH(QString, name);
        QFETCH(int, mark);
        const std::optional<TaskClearing::Mark> parsed = TaskClearing::markFromName(name);
        QCOMPARE(parsed ? int(*parsed) : -1, mark);
    }

    void markValuesAreTheSpecsEnum()
    {
        // TaskStatus.completionStatus: SUCCESS | WARNING | ERROR | TERMINATED | TEMPERROR.
        QCOMPARE(TaskClearing::markValue(TaskClearing::Mark::Error), QStringLiteral("ERROR"));
        QCOMPARE(TaskClearing::markValue(TaskClearing::Mark::Terminated), QStringLiteral("TERMINATED"));
        QCOMPARE(TaskClearing::markState(TaskClearing::Mark::Error), TaskState::Error);
        QCOMPARE(TaskClearing::markState(TaskClearing::Mark::Terminated), TaskState::Terminated);
        QCOMPARE(TaskClearing::markName(TaskClearing::Mark::Error).english(), QStringLiteral("Error"));
        QCOMPARE(TaskClearing::markName(TaskClearing::Mark::Terminated).english(), QStringLiteral("Terminated"));
        for (TaskClearing::Mark mark : {TaskClearing::Mark::Error, TaskClearing::Mark::Terminated})
            QCOMPARE(completionStatusFromString(TaskClearing::markValue(mark)),
                     mark == TaskClearing::Mark::Error ? CompletionStatus::Error : CompletionStatus::Terminated);
    }

    void onlyUnfinishedTasksMayBeCleared_data()
    {
        QTest::addColumn<TaskState>("state");
        QTest::addColumn<bool>("mayClear");
        QTest::newRow("queued") << TaskState::Queued << true;
        QTest::newRow("running") << TaskState::Running << true;
        QTest::newRow("success") << TaskState::Success << false;
        QTest::newRow("warning") << TaskState::Warning << false;
        QTest::newRow("error") << TaskState::Error << false;
        QTest::newRow("terminated") << TaskState::Terminated << false;
        QTest::newRow("temp error") << TaskState::TempError << false;
        QTest::newRow("unknown outcome") << TaskState::Unknown << false;
    }
    void onlyUnfinishedTasksMayBeCleared()
    {
        QFETCH(TaskState, state);
        QFETCH(bool, mayClear);
        QCOMPARE(TaskClearing::mayClear(state), mayClear);
        QCOMPARE(statusIn(state).state(), state); // the fixture is what it says
        QCOMPARE(TaskClearing::mayClear(statusIn(state).state()), mayClear);
    }

    void rfc3339IsUtcWithMilliseconds()
    {
        const QDateTime berlin(QDate(2026, 12, 4), QTime(22, 50, 7, 123), QTimeZone(3600));
        QCOMPARE(TaskClearing::rfc3339(berlin), QStringLiteral("2026-12-04T21:50:07.123Z"));
        const QDateTime utc(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
        QCOMPARE(TaskClearing::rfc3339(utc), QStringLiteral("2026-01-02T03:04:05.000Z"));
    }

    void patchBodyReplacesStatusAndCompleted_data()
    {
        QTest::addColumn<TaskClearing::Mark>("mark");
        QTest::addColumn<QString>("value");
        QTest::newRow("error") << TaskClearing::Mark::Error << QStringLiteral("ERROR");
        QTest::newRow("terminated") << TaskClearing::Mark::Terminated << QStringLiteral("TERMINATED");
    }
    void patchBodyReplacesStatusAndCompleted()
    {
        QFETCH(TaskClearing::Mark, mark);
        QFETCH(QString, value);
        const QDateTime now(QDate(2026, 12, 4), QTime(21, 50, 7, 5), QTimeZone::utc());
        const QByteArray body = TaskClearing::patchBody(mark, now);
        const QByteArray expected = "[{\"op\":\"replace\",\"path\":\"/completionStatus\",\"value\":\""
                + value.toLatin1()
                + "\"},{\"op\":\"replace\",\"path\":\"/completed\",\"value\":\"2026-12-04T21:50:07.005Z\"}]";
        QCOMPARE(body, expected);
        // A JSON Patch array (RFC 6902) as the spec's JsonPatchOperation describes it.
        const QJsonArray patch = QJsonDocument::fromJson(body).array();
        QCOMPARE(patch.size(), 2);
        for (const QJsonValue &op : patch)
            QCOMPARE(op.toObject().keys(),
                     (QStringList {QStringLiteral("op"), QStringLiteral("path"), QStringLiteral("value")}));
    }

    void resultSentences_data()
    {
        QTest::addColumn<ClearResult::Kind>("kind");
        QTest::addColumn<QString>("english");
        QTest::newRow("cleared") << ClearResult::Kind::Cleared
                                 << QStringLiteral("Task 2c9180835d2e5168015d32f890ca1581 (Cloud Account Aggregation) "
                                                   "is now marked as Terminated.");
        QTest::newRow("already finished")
                << ClearResult::Kind::AlreadyFinished
                << QStringLiteral("Task 2c9180835d2e5168015d32f890ca1581 (Cloud Account Aggregation) had already "
                                  "finished (Success): left as it is.");
        QTest::newRow("failed") << ClearResult::Kind::Failed
                                << QStringLiteral("Task 2c9180835d2e5168015d32f890ca1581 (Cloud Account Aggregation) "
                                                  "was not changed: the reason.");
        QTest::newRow("unconfirmed")
                << ClearResult::Kind::Unconfirmed
                << QStringLiteral("Task 2c9180835d2e5168015d32f890ca1581 (Cloud Account Aggregation): asked to mark it "
                                  "as Terminated, but it could not be confirmed (the reason.). It may or may not "
                                  "be marked; the request was not sent again. Refresh the task before trying "
                                  "again.");
    }
    void resultSentences()
    {
        QFETCH(ClearResult::Kind, kind);
        QFETCH(QString, english);
        ClearResult result;
        result.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        result.mark = TaskClearing::Mark::Terminated;
        result.kind = kind;
        result.status = statusIn(kind == ClearResult::Kind::AlreadyFinished ? TaskState::Success : TaskState::Running);
        result.problem.kind = FetchProblem::Kind::Fetch;
        result.problem.setMessage(Sentence::verbatim(QStringLiteral("the reason.")));
        QCOMPARE(result.sentence().english(), english);
        QCOMPARE(result.changed(), kind == ClearResult::Kind::Cleared);
        // Without a status read, the id alone names the task.
        result.status.reset();
        QVERIFY(result.sentence().english().startsWith(QStringLiteral("Task 2c9180835d2e5168015d32f890ca1581")));
        QVERIFY(!result.sentence().english().contains(QStringLiteral("Cloud Account")));
    }

    void whoAsked()
    {
        QCOMPARE(clearedBy(QStringLiteral("abc"), QStringLiteral("prod")),
                 QStringLiteral("client id abc (profile prod)"));
        QCOMPARE(clearedBy(QStringLiteral("abc"), QString()), QStringLiteral("client id abc"));
    }
};

QTEST_GUILESS_MAIN(TestTaskClearing)
#include "tst_taskclearing.moc"

#include "TableTranslator.h"
#include "models/WatchedTask.h"

#include <QTest>

// What the table's state and name columns show for a watched task: every (fetch problem) × (last good
// status, or none) pair against the rule written out by hand.
namespace {

using Kind = FetchProblem::Kind;

// A status in the given state, built the way the API reports it.
TaskStatus statusIn(TaskState state)
{
    TaskStatus status;
    status.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
    status.uniqueName = QStringLiteral("Cloud Account Aggregation");
    status.created = QDateTime(QDate(2024, 5, 17), QTime(19, 0), Qt::UTC);
    const auto finish = [&](CompletionStatus completion, const QString &raw) {
        status.launched = status.created.addSecs(5);
        status.completed = status.created.addSecs(60);
        status.completionStatus = completion;
        status.completionStatusRaw = raw;
    };
    switch (state) {
    case TaskState::Queued:
        break;
    case TaskState::Running:
        status.launched = status.created.addSecs(5);
        break;
    case TaskState::Success:
        finish(CompletionStatus::Success, QStringLiteral("SUCCESS"));
        break;
    case TaskState::Warning:
        finish(CompletionStatus::Warning, QStringLiteral("WARNING"));
        break;
    case TaskState::Error:
        finish(CompletionStatus::Error, QStringLiteral("ERROR"));
        break;
    case TaskState::Terminated:
        finish(CompletionStatus::Terminated, QStringLiteral("TERMINATED"));
        break;
    case TaskState::TempError:
        finish(CompletionStatus::TempError, QStringLiteral("TEMPERROR"));
        break;
    case TaskState::Unknown:
        finish(CompletionStatus::Unknown, QStringLiteral("PAUSED"));
        break;
    }
    return status;
}

constexpr TaskState AllStates[] = {TaskState::Queued, TaskState::Running,    TaskState::Success,   TaskState::Warning,
                                   TaskState::Error,  TaskState::Terminated, TaskState::TempError, TaskState::Unknown};

DisplayState shown(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return DisplayState::Queued;
    case TaskState::Running:
        return DisplayState::Running;
    case TaskState::Success:
        return DisplayState::Success;
    case TaskState::Warning:
        return DisplayState::Warning;
    case TaskState::Error:
        return DisplayState::Error;
    case TaskState::Terminated:
        return DisplayState::Terminated;
    case TaskState::TempError:
        return DisplayState::TempError;
    case TaskState::Unknown:
        break;
    }
    return DisplayState::Unknown;
}

// The rule: not found and auth problems always show; a fetch problem hides a task still in progress (its
// state is stale) but not a finished one (its outcome cannot change); no status yet is Pending.
DisplayState expected(Kind problem, int stateIndex)
{
    const bool hasStatus = stateIndex >= 0;
    switch (problem) {
    case Kind::NotFound:
        return DisplayState::NotFound;
    case Kind::Auth:
        return DisplayState::AuthError;
    case Kind::Fetch:
        if (!hasStatus || !isFinished(AllStates[stateIndex]))
            return DisplayState::FetchError;
        break;
    case Kind::None:
        break;
    }
    return hasStatus ? shown(AllStates[stateIndex]) : DisplayState::Pending;
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("no problem");
    case Kind::NotFound:
        return QStringLiteral("not found");
    case Kind::Fetch:
        return QStringLiteral("fetch problem");
    case Kind::Auth:
        break;
    }
    return QStringLiteral("auth problem");
}

} // namespace

class TestWatchedTask : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // One formatter for a fetch problem: the table's error column (text), the tooltips, the history and
    // the report for support (textWithHttpStatus).
    void problemText_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("trackingId");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("withStatus");
        QTest::newRow("none") << QString() << 0 << QString() << QString() << QString();
        QTest::newRow("message only") << QStringLiteral("Connection refused") << 0 << QString()
                                      << QStringLiteral("Connection refused") << QStringLiteral("Connection refused");
        QTest::newRow("with status") << QStringLiteral("No such task") << 404 << QString()
                                     << QStringLiteral("No such task") << QStringLiteral("HTTP 404: No such task");
        QTest::newRow("with tracking id")
                << QStringLiteral("Timed out") << 0 << QStringLiteral("trk-1")
                << QStringLiteral("Timed out (tracking id trk-1)") << QStringLiteral("Timed out (tracking id trk-1)");
        QTest::newRow("with both") << QStringLiteral("The server is unavailable") << 503 << QStringLiteral("trk-7")
                                   << QStringLiteral("The server is unavailable (tracking id trk-7)")
                                   << QStringLiteral("HTTP 503: The server is unavailable (tracking id trk-7)");
    }

    void problemText()
    {
        QFETCH(QString, message);
        QFETCH(int, httpStatus);
        QFETCH(QString, trackingId);
        QFETCH(QString, text);
        QFETCH(QString, withStatus);
        FetchProblem problem;
        problem.kind = message.isEmpty() ? Kind::None : Kind::Fetch;
        problem.message = message;
        problem.httpStatus = httpStatus;
        problem.trackingId = trackingId;
        for (const TextLanguage language : {TextLanguage::English, TextLanguage::UserLanguage}) {
            QCOMPARE(problem.text(language), text);
            QCOMPARE(problem.textWithHttpStatus(language), withStatus);
        }
    }

    // The same source strings reach Qt's translation in the user's language, and only there.
    void problemTextTranslated()
    {
        const TableTranslator german(
                {{QStringLiteral("FetchProblem|%1 (tracking id %2)"), QStringLiteral("%1 (Tracking-ID %2)")},
                 {QStringLiteral("FetchProblem|HTTP %1: %2"), QStringLiteral("HTTP-Status %1: %2")}});
        FetchProblem problem {Kind::Fetch, QStringLiteral("Timed out"), QStringLiteral("trk-1"), 503};
        QCOMPARE(problem.textWithHttpStatus(TextLanguage::UserLanguage),
                 QStringLiteral("HTTP-Status 503: Timed out (Tracking-ID trk-1)"));
        QCOMPARE(problem.textWithHttpStatus(TextLanguage::English),
                 QStringLiteral("HTTP 503: Timed out (tracking id trk-1)"));
    }

    void idsGroupByLabelInFirstSeenOrder()
    {
        const auto task = [](const char *id, const char *label) {
            WatchedTask t;
            t.id = QLatin1String(id);
            t.label = QLatin1String(label);
            return t;
        };
        const QList<std::pair<QString, QStringList>> groups =
                idsByLabel({task("a", "Payroll"), task("b", ""), task("c", "Payroll"), task("d", "HR"), task("e", "")});
        const QList<std::pair<QString, QStringList>> expected {
                {QStringLiteral("Payroll"), {QStringLiteral("a"), QStringLiteral("c")}},
                {QString(), {QStringLiteral("b"), QStringLiteral("e")}},
                {QStringLiteral("HR"), {QStringLiteral("d")}}};
        QCOMPARE(groups, expected);
        QVERIFY(idsByLabel({}).isEmpty());
    }

    void displayState_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<int>("state"); // -1: never fetched
        for (Kind kind : {Kind::None, Kind::NotFound, Kind::Fetch, Kind::Auth}) {
            for (int state = -1; state < int(std::size(AllStates)); ++state) {
                const QString name = kindName(kind) + QStringLiteral(", ")
                        + (state < 0 ? QStringLiteral("no status") : taskStateName(AllStates[state]));
                QTest::newRow(qPrintable(name)) << int(kind) << state;
            }
        }
    }

    void displayState()
    {
        QFETCH(int, problem);
        QFETCH(int, state);
        WatchedTask task;
        task.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        if (state >= 0) {
            task.status = statusIn(AllStates[state]);
            QCOMPARE(task.status->state(), AllStates[state]);
        }
        task.problem.kind = Kind(problem);
        if (task.problem.kind != Kind::None) {
            task.problem.message = QStringLiteral("HTTP 503: the service is unavailable or a gateway timed out.");
            task.problem.httpStatus = 503;
        }
        QCOMPARE(task.displayState(), expected(Kind(problem), state));
        QVERIFY(!displayStateName(task.displayState()).isEmpty());
    }

    void pausedDoesNotChangeState()
    {
        WatchedTask task;
        task.id = QStringLiteral("abc");
        task.status = statusIn(TaskState::Running);
        task.paused = true;
        QCOMPARE(task.displayState(), DisplayState::Running);
    }

    void displayStateNames()
    {
        const QList<std::pair<DisplayState, const char *>> names = {
                {DisplayState::Queued, "Queued"},        {DisplayState::Running, "Running"},
                {DisplayState::Success, "Success"},      {DisplayState::Warning, "Warning"},
                {DisplayState::Error, "Error"},          {DisplayState::Terminated, "Terminated"},
                {DisplayState::TempError, "Temp error"}, {DisplayState::Unknown, "Unknown"},
                {DisplayState::NotFound, "Not found"},   {DisplayState::FetchError, "Fetch error"},
                {DisplayState::AuthError, "Auth error"}, {DisplayState::Pending, "Pending"}};
        QSet<QString> distinct;
        for (const auto &[state, name] : names) {
            QCOMPARE(displayStateName(state), QString::fromLatin1(name));
            distinct.insert(displayStateName(state));
        }
        QCOMPARE(distinct.size(), names.size());
    }

    void displayName_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<bool>("hasStatus");
        QTest::addColumn<QString>("uniqueName");
        QTest::addColumn<QString>("expected");
        const QString id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        QTest::newRow("label wins") << QStringLiteral("Nightly AD") << true
                                    << QStringLiteral("Cloud Account Aggregation") << QStringLiteral("Nightly AD");
        QTest::newRow("label without status")
                << QStringLiteral("Nightly AD") << false << QString() << QStringLiteral("Nightly AD");
        QTest::newRow("uniqueName") << QString() << true << QStringLiteral("Cloud Account Aggregation")
                                    << QStringLiteral("Cloud Account Aggregation");
        QTest::newRow("status without uniqueName") << QString() << true << QString() << id;
        QTest::newRow("never fetched") << QString() << false << QString() << id;
        QTest::newRow("unicode label") << QStringLiteral("Agrégation 📦") << true << QStringLiteral("x")
                                       << QStringLiteral("Agrégation 📦");
    }

    void displayName()
    {
        QFETCH(QString, label);
        QFETCH(bool, hasStatus);
        QFETCH(QString, uniqueName);
        QFETCH(QString, expected);
        WatchedTask task;
        task.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        task.label = label;
        if (hasStatus) {
            task.status = statusIn(TaskState::Running);
            task.status.edit().uniqueName = uniqueName;
        }
        QCOMPARE(task.displayName(), expected);
    }

    // A failed refresh keeps the last good status: the name stays the task's name, not its id.
    void copiesShareOneStatus()
    {
        WatchedTask task;
        task.id = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        task.status = statusIn(TaskState::Running);
        const WatchedTask copy = task;
        QCOMPARE(&*copy.status, &*task.status); // the engine, the watch list and the table hold one status

        WatchedTask edited = task;
        edited.status.edit().uniqueName = QStringLiteral("Changed");
        QVERIFY(&*edited.status != &*task.status);
        QCOMPARE(edited.status->uniqueName, QStringLiteral("Changed"));
        QVERIFY(task.status->uniqueName != QStringLiteral("Changed"));
        QCOMPARE(copy.status->uniqueName, task.status->uniqueName);

        edited.status.reset();
        QVERIFY(!edited.status.has_value());
        QVERIFY(task.status.has_value());
        QVERIFY(!SharedStatus(std::nullopt));
    }

    void nameSurvivesFetchProblem()
    {
        WatchedTask task;
        task.id = QStringLiteral("abc");
        task.status = statusIn(TaskState::Success);
        task.problem = FetchProblem {Kind::Fetch, QStringLiteral("timed out"), QString(), 0};
        QCOMPARE(task.displayName(), QStringLiteral("Cloud Account Aggregation"));
        QCOMPARE(task.displayState(), DisplayState::Success);
    }
};

QTEST_GUILESS_MAIN(TestWatchedTask)
#include "tst_watchedtask.moc"

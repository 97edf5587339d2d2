#include "client/TaskStatusClient.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

namespace {

ApiResponse response(ApiResponse::Kind kind, int status, const QByteArray &body = {}, const QString &text = {})
{
    ApiResponse r;
    r.kind = kind;
    r.httpStatus = status;
    r.body = body;
    r.errorText = Sentence::verbatim(text);
    return r;
}

const QByteArray task = R"({"id":"a1","type":"QUARTZ","launched":"2025-01-01T00:00:00Z","completionStatus":null})";
const QByteArray errorBody =
        R"({"detailCode":"500.0 Internal Fault","trackingId":"t-123","messages":[{"text":"Boom"}]})";

// German for one engine sentence, as a .qm built by lrelease would give it.
class GermanTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "TaskStatusClient") == 0 && qstrcmp(source, "The task status could not be read: %1") == 0)
            return QStringLiteral("Der Aufgabenstatus ist nicht lesbar: %1");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestFetchOutcome : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void okSingle()
    {
        const FetchOutcome outcome = FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, task), false);
        QCOMPARE(outcome.kind, FetchOutcome::Kind::Ok);
        QCOMPARE(outcome.statuses.size(), 1);
        QCOMPARE(outcome.statuses.first().state(), TaskState::Running);
        QVERIFY(outcome.problem.isNone());
    }
    void okList()
    {
        const FetchOutcome outcome =
                FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, "[" + task + "," + task + "]"), true);
        QCOMPARE(outcome.kind, FetchOutcome::Kind::Ok);
        QCOMPARE(outcome.statuses.size(), 2);
    }
    void unreadableBodyIsAServerProblem()
    {
        const FetchOutcome single = FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, R"({"id":)"), false);
        QCOMPARE(single.kind, FetchOutcome::Kind::Server);
        QCOMPARE(single.problem.kind, FetchProblem::Kind::Fetch);
        QVERIFY2(single.problem.message.contains(QStringLiteral("could not be read")),
                 qPrintable(single.problem.message));
        const FetchOutcome list = FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, task), true);
        QCOMPARE(list.kind, FetchOutcome::Kind::Server); // an object where an array belongs
    }
    void problemIsKeptInEnglishAndTranslated()
    {
        // People see the translation; reports to SailPoint support, --json and files keep the English sentence.
        GermanTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const FetchOutcome single = FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, R"({"id":)"), false);
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(single.problem.message.startsWith(QStringLiteral("The task status could not be read: ")),
                 qPrintable(single.problem.message));
        QVERIFY2(single.problem.shownMessage().startsWith(QStringLiteral("Der Aufgabenstatus ist nicht lesbar: ")),
                 qPrintable(single.problem.shownMessage()));
        // The parser's own detail is the same in both.
        QCOMPARE(single.problem.shownMessage().mid(single.problem.shownMessage().indexOf(u':')),
                 single.problem.message.mid(single.problem.message.indexOf(u':')));
        // Text that is not ours (the tenant's) reads the same both ways.
        const FetchOutcome server = FetchOutcome::classify(
                response(ApiResponse::Kind::Http, 500, errorBody, QStringLiteral("Boom")), false);
        QCOMPARE(server.problem.shownMessage(), server.problem.message);
    }
    void singleAnswerAboutAnotherTaskIsAServerProblem()
    {
        const FetchOutcome other =
                FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, task), false, QStringLiteral("b2"));
        QCOMPARE(other.kind, FetchOutcome::Kind::Server);
        QCOMPARE(other.problem.kind, FetchProblem::Kind::Fetch);
        QVERIFY(other.statuses.isEmpty());
        QVERIFY2(other.problem.message.contains(QStringLiteral("a1")) && other.problem.message.contains(u"b2"),
                 qPrintable(other.problem.message));
        // The id asked for, in another case, is the same task.
        QCOMPARE(FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, task), false, QStringLiteral("A1")).kind,
                 FetchOutcome::Kind::Ok);
        QCOMPARE(FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, task), false, QStringLiteral("a1")).kind,
                 FetchOutcome::Kind::Ok);
        // A hostile id is quoted shortened.
        const QByteArray longId = "{\"id\":\"" + QByteArray(5000, 'x') + "\",\"type\":\"QUARTZ\"}";
        const FetchOutcome hostile =
                FetchOutcome::classify(response(ApiResponse::Kind::Ok, 200, longId), false, QStringLiteral("a1"));
        QCOMPARE(hostile.kind, FetchOutcome::Kind::Server);
        QVERIFY(hostile.problem.message.size() < 300);
    }
    void httpStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<FetchOutcome::Kind>("kind");
        QTest::addColumn<FetchProblem::Kind>("problem");
        QTest::newRow("404") << 404 << FetchOutcome::Kind::NotFound << FetchProblem::Kind::NotFound;
        QTest::newRow("401") << 401 << FetchOutcome::Kind::Auth << FetchProblem::Kind::Auth;
        QTest::newRow("403") << 403 << FetchOutcome::Kind::Auth << FetchProblem::Kind::Auth;
        QTest::newRow("400") << 400 << FetchOutcome::Kind::Server << FetchProblem::Kind::Fetch;
        QTest::newRow("414") << 414 << FetchOutcome::Kind::Server << FetchProblem::Kind::Fetch;
        QTest::newRow("500") << 500 << FetchOutcome::Kind::Server << FetchProblem::Kind::Fetch;
        QTest::newRow("503") << 503 << FetchOutcome::Kind::Server << FetchProblem::Kind::Fetch;
    }
    void httpStatuses()
    {
        QFETCH(int, status);
        QFETCH(FetchOutcome::Kind, kind);
        QFETCH(FetchProblem::Kind, problem);
        const FetchOutcome outcome = FetchOutcome::classify(
                response(ApiResponse::Kind::Http, status, errorBody, QStringLiteral("x")), false);
        QCOMPARE(outcome.kind, kind);
        QCOMPARE(outcome.problem.kind, problem);
        QCOMPARE(outcome.problem.httpStatus, status);
        QCOMPARE(outcome.problem.trackingId, QStringLiteral("t-123")); // support staff quote it
    }
    void transportKinds_data()
    {
        QTest::addColumn<ApiResponse::Kind>("transport");
        QTest::addColumn<FetchOutcome::Kind>("kind");
        QTest::newRow("auth") << ApiResponse::Kind::AuthFailed << FetchOutcome::Kind::Auth;
        QTest::newRow("network") << ApiResponse::Kind::Network << FetchOutcome::Kind::Connection;
        QTest::newRow("refused") << ApiResponse::Kind::Refused << FetchOutcome::Kind::Misconfigured;
        QTest::newRow("cancelled") << ApiResponse::Kind::Cancelled << FetchOutcome::Kind::Cancelled;
    }
    void transportKinds()
    {
        QFETCH(ApiResponse::Kind, transport);
        QFETCH(FetchOutcome::Kind, kind);
        const FetchOutcome outcome = FetchOutcome::classify(response(transport, 0, {}, QStringLiteral("why")), true);
        QCOMPARE(outcome.kind, kind);
        QCOMPARE(outcome.problem.message, QStringLiteral("why"));
        QVERIFY(!outcome.problem.isNone());
    }

    // A 403 and a single task's 404 read in our words (which scope, why a task is missing), with the tracking
    // id; the tenant's own sentence stays beside them for reports.
    void forbiddenAndNotFoundInOurWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("list");
        QTest::addColumn<int>("access");
        QTest::addColumn<QString>("contains");
        QTest::newRow("404 task") << 404 << false << int(ApiAccess::Read)
                                  << QStringLiteral("not found on this tenant: older than 90 days, another tenant's "
                                                    "id, or mistyped. (tracking id t-123)");
        QTest::newRow("403 read") << 403 << false << int(ApiAccess::Read) << QStringLiteral("idn:task-management:read");
        QTest::newRow("403 list") << 403 << true << int(ApiAccess::Read) << QStringLiteral("idn:task-management:read");
        QTest::newRow("403 write") << 403 << false << int(ApiAccess::Write)
                                   << QStringLiteral("idn:task-management:write");
    }
    void forbiddenAndNotFoundInOurWords()
    {
        QFETCH(int, status);
        QFETCH(bool, list);
        QFETCH(int, access);
        QFETCH(QString, contains);
        const ApiResponse answer = response(ApiResponse::Kind::Http, status, errorBody, QStringLiteral("x"));
        const FetchOutcome outcome = FetchOutcome::classify(answer, list, {}, ApiAccess(access));
        QVERIFY2(outcome.problem.message.contains(contains), qPrintable(outcome.problem.message));
        QVERIFY(outcome.problem.message.contains(QStringLiteral("(tracking id t-123)")));
        QCOMPARE(outcome.problem.trackingId, QStringLiteral("t-123"));
        QCOMPARE(outcome.problem.serverText, answer.apiError().text()); // the tenant's words, kept whole
        QVERIFY(!outcome.problem.serverText.isEmpty());
        QVERIFY(outcome.problem.message != outcome.problem.serverText);
    }
    void otherErrorsKeepTheTenantsWords()
    {
        const ApiResponse listMissing = response(ApiResponse::Kind::Http, 404, errorBody, QStringLiteral("x"));
        const FetchOutcome list = FetchOutcome::classify(listMissing, true);
        QCOMPARE(list.problem.message, listMissing.apiError().text());
        QVERIFY(list.problem.serverText.isEmpty());
        const ApiResponse failed = response(ApiResponse::Kind::Http, 500, errorBody, QStringLiteral("transport's"));
        QCOMPARE(FetchOutcome::classify(failed, false).problem.message, QStringLiteral("transport's"));
        QVERIFY(FetchOutcome::classify(failed, false).problem.serverText.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFetchOutcome)
#include "tst_fetchoutcome.moc"

#include "TaskFixtures.h"
#include "tests/models/TableTranslator.h"
#include "ui/HistoryLog.h"
#include "ui/TaskReport.h"

#include <QTest>

using namespace Fixtures;

class TestTaskReport : public QObject
{
    Q_OBJECT

private:
    const QDateTime generatedAt = utc("2024-05-17T09:20:00.000Z");

    // A failed task as the engine last reported it, with a fetch problem now and another seen before.
    static WatchedTask failedTask()
    {
        WatchedTask task = watched(failedJson(), utc("2024-05-17T09:15:00.000Z"), QStringLiteral("Nightly AD"));
        task.problem = fetchProblem(QStringLiteral("e7eab60924f64aa284175b9fa3309599"));
        return task;
    }

    static QList<HistoryEntry> failedHistory()
    {
        HistoryLog log;
        const QString id = failedTask().id;
        WatchedTask task = watched(runningJson(id, QStringLiteral("Cloud Account Aggregation"), 30));
        log.record(task, utc("2024-05-17T09:05:00.000Z"));
        task.problem = fetchProblem(QStringLiteral("0a1b2c3d4e5f"), 500);
        log.record(task, utc("2024-05-17T09:06:00.000Z"));
        log.record(failedTask(), utc("2024-05-17T09:15:00.000Z"));
        return log.entries(id);
    }

    static QString localText(const char *isoUtc)
    {
        return utc(isoUtc).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }

private Q_SLOTS:
    void jsonCarriesEveryField()
    {
        const TaskReport report(failedTask(), failedHistory(), generatedAt);
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(report.toJsonBytes(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);

        QCOMPARE(json.value(QStringLiteral("format")).toString(), QStringLiteral("taskwatch-task-report"));
        const QJsonObject task = json.value(QStringLiteral("task")).toObject();
        QCOMPARE(task.value(QStringLiteral("id")).toString(), QStringLiteral("00eebcf881994e419d72e757fd30dc0e"));
        QCOMPARE(task.value(QStringLiteral("name")).toString(), QStringLiteral("Nightly AD"));
        QCOMPARE(task.value(QStringLiteral("uniqueName")).toString(), QStringLiteral("Cloud Account Aggregation"));
        QCOMPARE(task.value(QStringLiteral("displayState")).toString(), QStringLiteral("Error"));
        QCOMPARE(task.value(QStringLiteral("completionStatus")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(task.value(QStringLiteral("launcher")).toString(), QStringLiteral("support"));
        QCOMPARE(task.value(QStringLiteral("parentName")).toString(), QStringLiteral("Anonymous Parent"));
        QCOMPARE(task.value(QStringLiteral("percentComplete")).toInt(), 60);
        QCOMPARE(task.value(QStringLiteral("target")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Active Directory [source]"));

        const QJsonObject created =
                json.value(QStringLiteral("times")).toObject().value(QStringLiteral("created")).toObject();
        QCOMPARE(created.value(QStringLiteral("utc")).toString(), QStringLiteral("2024-05-17T08:59:00.000Z"));
        QCOMPARE(QDateTime::fromString(created.value(QStringLiteral("local")).toString(), Qt::ISODate),
                 utc("2024-05-17T08:59:00.000Z"));
        const QJsonObject durations = json.value(QStringLiteral("durations")).toObject();
        QCOMPARE(durations.value(QStringLiteral("queuedSeconds")).toInt(), 60);
        QCOMPARE(durations.value(QStringLiteral("runSeconds")).toInt(), 750);

        const QJsonArray messages = json.value(QStringLiteral("messages")).toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(2).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(messages.at(2).toObject().value(QStringLiteral("text")).toString(),
                 QStringLiteral("Connection to Active Directory timed out"));
        QCOMPARE(messages.at(2).toObject().value(QStringLiteral("key")).toString(),
                 QStringLiteral("connector_timeout"));
        QCOMPARE(messages.at(2).toObject().value(QStringLiteral("parameters")).toArray().size(), 2);

        const QJsonArray returns = json.value(QStringLiteral("returns")).toArray();
        QCOMPARE(returns.size(), 3);
        QCOMPARE(returns.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Accounts scanned"));
        QCOMPARE(returns.at(0).toObject().value(QStringLiteral("value")).toInt(), 4711);
        QCOMPARE(returns.at(1).toObject().value(QStringLiteral("value")).toInt(), 42);
        QCOMPARE(returns.at(2).toObject().value(QStringLiteral("value")).toArray().size(), 2);

        QCOMPARE(json.value(QStringLiteral("trackingIds")).toArray(),
                 (QJsonArray {QStringLiteral("0a1b2c3d4e5f"), QStringLiteral("e7eab60924f64aa284175b9fa3309599")}));
        QCOMPARE(report.trackingIds().size(), 2);
        QCOMPARE(json.value(QStringLiteral("fetchProblem")).toObject().value(QStringLiteral("httpStatus")).toInt(),
                 503);
        QCOMPARE(json.value(QStringLiteral("attributes"))
                         .toObject()
                         .value(QStringLiteral("stats"))
                         .toObject()
                         .value(QStringLiteral("deep"))
                         .toObject()
                         .value(QStringLiteral("level"))
                         .toInt(),
                 3);
        QVERIFY(json.value(QStringLiteral("taskDefinitionSummary"))
                        .toObject()
                        .value(QStringLiteral("arguments"))
                        .toObject()
                        .value(QStringLiteral("optimizedAggregation"))
                        .toBool());
        QCOMPARE(json.value(QStringLiteral("history")).toArray().size(), failedHistory().size());
        QCOMPARE(json.value(QStringLiteral("raw")).toObject(), failedJson());
    }

    void markdownHasEachMessageReturnTimeAndTrackingId()
    {
        const QString md = TaskReport(failedTask(), failedHistory(), generatedAt).toMarkdown();
        QVERIFY(md.startsWith(QStringLiteral("# Taskwatch task report: Nightly AD\n")));
        for (const QString &expected : {
                     QStringLiteral("| Task id | `00eebcf881994e419d72e757fd30dc0e` |"),
                     QStringLiteral("| State | Error |"),
                     QStringLiteral("| INFO | Aggregation started | `task_started` |  |"),
                     QStringLiteral("| WARN | 12 accounts skipped | `accounts_skipped` | skipped=12 |"),
                     QStringLiteral("| ERROR | Connection to Active Directory timed out | `connector_timeout` | "
                                    "host=dc01.example.com, after 300 s |"),
                     QStringLiteral("| Accounts scanned | 4711 | `accountsScanned` |"),
                     QStringLiteral("| Identities updated | 42 | `identityCount` |"),
                     QStringLiteral("| Applications | [\"Active Directory\",\"Workday\"] | `applications` |"),
                     QStringLiteral("`0a1b2c3d4e5f`, `e7eab60924f64aa284175b9fa3309599`"),
                     QStringLiteral("- Last fetch failed: HTTP 503: The server is unavailable (tracking id "
                                    "e7eab60924f64aa284175b9fa3309599)"),
                     QString(QStringLiteral("| Created | 2024-05-17 08:59:00 UTC | ")
                             + localText("2024-05-17T08:59:00.000Z") + QStringLiteral(" |")),
                     QString(QStringLiteral("| Completed | 2024-05-17 09:12:30 UTC | ")
                             + localText("2024-05-17T09:12:30.000Z") + QStringLiteral(" |")),
                     QStringLiteral("- Waited before launch: 1 min 00 s"),
                     QStringLiteral("- Ran for: 12 min 30 s"),
                     QStringLiteral("| Executor | sailpoint.task.ServiceTaskExecutor |"),
                     QStringLiteral("\"optimizedAggregation\": true"),
                     QStringLiteral("\"level\": 3"),
                     QStringLiteral("| Fetch failed |"),
             }) {
            if (!md.contains(expected))
                QFAIL(qPrintable(QStringLiteral("missing: %1\n---\n%2").arg(expected, md)));
        }
    }

    // The report goes to SailPoint support: English even where the same texts are translated for the
    // windows (history events and details, fetch problems, message types).
    void reportStaysEnglishUnderATranslation()
    {
        const TableTranslator german({
                {QStringLiteral("HistoryLog|Fetch failed"), QStringLiteral("Abruf fehlgeschlagen")},
                {QStringLiteral("FetchProblem|HTTP %1: %2"), QStringLiteral("HTTP-Status %1: %2")},
                {QStringLiteral("FetchProblem|%1 (tracking id %2)"), QStringLiteral("%1 (Tracking-ID %2)")},
                {QStringLiteral("TaskMessage|Error"), QStringLiteral("Fehler")},
        });
        const QList<HistoryEntry> history = failedHistory();
        const auto failed = std::find_if(history.begin(), history.end(), [](const HistoryEntry &entry) {
            return entry.event == HistoryEntry::Event::FetchFailed;
        });
        QVERIFY(failed != history.end());
        QCOMPARE(failed->eventName(), QStringLiteral("Abruf fehlgeschlagen")); // the windows' text is German

        const TaskReport report(failedTask(), history, generatedAt);
        for (const QString &text :
             {report.toMarkdown(), report.toPlainText(), QString::fromUtf8(report.toJsonBytes())}) {
            QVERIFY2(!text.contains(QStringLiteral("Abruf")) && !text.contains(QStringLiteral("HTTP-Status"))
                             && !text.contains(QStringLiteral("Tracking-ID"))
                             && !text.contains(QStringLiteral("Fehler")),
                     qPrintable(text));
        }
        const QString md = report.toMarkdown();
        QVERIFY(md.contains(QStringLiteral("| Fetch failed | ")));
        QVERIFY(md.contains(QStringLiteral("| HTTP 500: ")));
        QVERIFY(md.contains(QStringLiteral("| ERROR | Connection to Active Directory timed out")));
    }

    void markdownTableCellsStayInTheirCells()
    {
        QJsonObject json = failedJson();
        json.insert(QStringLiteral("description"), QStringLiteral("a | b\nc"));
        const QString md = TaskReport(watched(json), {}, generatedAt).toMarkdown();
        QVERIFY(md.contains(QStringLiteral("| Description | a \\| b c |")));
    }

    void plainTextForTheClipboard()
    {
        const QString text = TaskReport(failedTask(), failedHistory(), generatedAt).toPlainText();
        for (const QString &expected :
             {QStringLiteral("Name: Nightly AD\n"), QStringLiteral("State: Error\n"),
              QStringLiteral("Task id: 00eebcf881994e419d72e757fd30dc0e\n"),
              QStringLiteral("  [ERROR] Connection to Active Directory timed out"),
              QStringLiteral("  Identities updated: 42\n"), QStringLiteral("Duration: 12 min 30 s\n"),
              QStringLiteral("Tracking ids: 0a1b2c3d4e5f, e7eab60924f64aa284175b9fa3309599\n")}) {
            if (!text.contains(expected))
                QFAIL(qPrintable(QStringLiteral("missing: %1\n---\n%2").arg(expected, text)));
        }
    }

    void runningTaskDurationsUseTheReportTime()
    {
        const WatchedTask task = watched(runningJson(taskId(1), QStringLiteral("Refresh"), 40));
        const QJsonObject json = TaskReport(task, {}, generatedAt, 125).toJson();
        const QJsonObject durations = json.value(QStringLiteral("durations")).toObject();
        QCOMPARE(durations.value(QStringLiteral("runSeconds")).toInt(), 20 * 60);
        QCOMPARE(durations.value(QStringLiteral("etaSeconds")).toInt(), 125);
        QVERIFY(durations.value(QStringLiteral("stillRunning")).toBool());
        const QString md = TaskReport(task, {}, generatedAt, 125).toMarkdown();
        QVERIFY(md.contains(QStringLiteral("- Running for: 20 min 00 s")));
        QVERIFY(md.contains(QStringLiteral("- Estimated time left: 2 min 05 s")));
    }

    void taskNeverFetched()
    {
        WatchedTask task = pending(taskId(5));
        task.problem = FetchProblem {FetchProblem::Kind::NotFound, QStringLiteral("No such task"), {}, 404};
        const TaskReport report(task, {}, generatedAt);
        QCOMPARE(report.toJson()
                         .value(QStringLiteral("task"))
                         .toObject()
                         .value(QStringLiteral("displayState"))
                         .toString(),
                 QStringLiteral("Not found"));
        QVERIFY(report.toMarkdown().contains(QStringLiteral("- Last fetch failed: HTTP 404: No such task")));
        QVERIFY(report.toMarkdown().contains(QStringLiteral("## Messages (0)")));
    }

    // Our sentence for a 404 (or 403) says what it means; the report keeps the tenant's own words beside it.
    void explainedProblemKeepsTheTenantsWords()
    {
        WatchedTask task = pending(taskId(6));
        task.problem = FetchProblem {FetchProblem::Kind::NotFound,
                                     QStringLiteral("not found on this tenant: older than 90 days, another tenant's "
                                                    "id, or mistyped. (tracking id t-7)"),
                                     QStringLiteral("t-7"), 404};
        task.problem.serverText = QStringLiteral("HTTP 404: The requested resource was not found. (tracking id t-7)");
        const TaskReport report(task, {}, generatedAt);
        const QJsonObject problem = report.toJson().value(QStringLiteral("fetchProblem")).toObject();
        QCOMPARE(problem.value(QStringLiteral("serverText")).toString(), task.problem.serverText);
        QCOMPARE(problem.value(QStringLiteral("message")).toString(), task.problem.message);
        const QString both = QStringLiteral("older than 90 days, another tenant's id, or mistyped. (tracking id t-7) "
                                            "The tenant said: HTTP 404: The requested resource was not found.");
        QVERIFY2(report.toMarkdown().contains(both), qPrintable(report.toMarkdown()));
        QVERIFY2(report.toPlainText().contains(both), qPrintable(report.toPlainText()));
        // Without the tenant's words, nothing is added.
        task.problem.serverText.clear();
        QVERIFY(!TaskReport(task, {}, generatedAt).toMarkdown().contains(QStringLiteral("The tenant said")));
    }

    void noSecretCanAppear()
    {
        const QString jwt = QStringLiteral("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl");
        QJsonObject json = failedJson();
        QJsonObject attributes = json.value(QStringLiteral("attributes")).toObject();
        attributes.insert(QStringLiteral("authorization"), QString(QStringLiteral("Bearer ") + jwt));
        attributes.insert(QStringLiteral("connection"),
                          QJsonObject {{QStringLiteral("client_secret"), QStringLiteral("s3cr3t-value")},
                                       {QStringLiteral("url"), QStringLiteral("https://ad.example.com")}});
        json.insert(QStringLiteral("attributes"), attributes);
        QJsonArray messages = json.value(QStringLiteral("messages")).toArray();
        messages.append(QJsonObject {
                {QStringLiteral("type"), QStringLiteral("ERROR")},
                {QStringLiteral("localizedText"),
                 QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")},
                              {QStringLiteral("message"),
                               QStringLiteral("Request with Authorization: Bearer abc123tokenvalue was refused")}}},
                {QStringLiteral("key"), QStringLiteral("refused")},
                {QStringLiteral("parameters"),
                 QJsonArray {QStringLiteral("password=hunter2"),
                             QJsonObject {{QStringLiteral("apiKey"), QStringLiteral("k-999")}}}}});
        json.insert(QStringLiteral("messages"), messages);
        WatchedTask task = watched(json);
        task.problem = FetchProblem {FetchProblem::Kind::Auth,
                                     QString(QStringLiteral("token ") + jwt + QStringLiteral(" expired")),
                                     QStringLiteral("trk-9"), 401};

        const TaskReport report(task, {}, generatedAt);
        const QString outputs[] = {QString::fromUtf8(report.toJsonBytes()), report.toMarkdown(), report.toPlainText()};
        for (const QString &output : outputs) {
            for (const QString &secret :
                 {jwt, QStringLiteral("abc123tokenvalue"), QStringLiteral("s3cr3t-value"), QStringLiteral("hunter2"),
                  QStringLiteral("k-999"), QStringLiteral("eyJhbGciOiJSUzI1NiJ9")}) {
                if (output.contains(secret))
                    QFAIL(qPrintable(QStringLiteral("secret %1 leaked into:\n%2").arg(secret, output)));
            }
            QVERIFY(!output.contains(QStringLiteral("Bearer a"), Qt::CaseInsensitive));
        }
        // What is not secret stays, so the report remains useful.
        QVERIFY(outputs[1].contains(QStringLiteral("https://ad.example.com")));
        QVERIFY(outputs[1].contains(QStringLiteral("trk-9")));
        QVERIFY(outputs[1].contains(QStringLiteral("[redacted]")));
    }

    void redactText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("redacted");
        QTest::newRow("plain") << QStringLiteral("Connection timed out") << QStringLiteral("Connection timed out");
        QTest::newRow("header") << QStringLiteral("Authorization: Bearer abc.def")
                                << QStringLiteral("Authorization: [redacted]");
        QTest::newRow("header basic") << QStringLiteral("authorization=Basic dXNlcjpwYXNz, retry")
                                      << QStringLiteral("authorization= [redacted], retry");
        QTest::newRow("bearer alone") << QStringLiteral("sent bearer xyz789==")
                                      << QStringLiteral("sent Bearer [redacted]");
        QTest::newRow("jwt") << QStringLiteral("jwt eyJabcd.eyJefgh.sig_1 end")
                             << QStringLiteral("jwt [redacted token] end");
        QTest::newRow("form field") << QStringLiteral("grant_type=client_credentials&client_secret=abc&x=1")
                                    << QStringLiteral("grant_type=client_credentials&client_secret=[redacted]&x=1");
        QTest::newRow("word token is fine") << QStringLiteral("token expired") << QStringLiteral("token expired");
    }

    void redactText()
    {
        QFETCH(QString, text);
        QFETCH(QString, redacted);
        QCOMPARE(TaskReport::redactText(text), redacted);
    }

    void secretKeys()
    {
        for (const char *key : {"password", "clientSecret", "client_secret", "accessToken", "Authorization", "api-key",
                                "credentials", "sessionCookie"})
            QVERIFY2(TaskReport::isSecretKey(QString::fromLatin1(key)), key);
        for (const char *key : {"identityCount", "appId", "trackingId", "description", "progress"})
            QVERIFY2(!TaskReport::isSecretKey(QString::fromLatin1(key)), key);
        // A count under a secret-looking key is kept: numbers are not credentials.
        const QJsonObject redacted =
                TaskReport::redactSecrets(
                        QJsonObject {{QStringLiteral("tokenCount"), 5}, {QStringLiteral("token"), QStringLiteral("x")}})
                        .toObject();
        QCOMPARE(redacted.value(QStringLiteral("tokenCount")).toInt(), 5);
        QCOMPARE(redacted.value(QStringLiteral("token")).toString(), QStringLiteral("[redacted]"));
    }

    void suggestedFileName()
    {
        QCOMPARE(TaskReport::suggestedFileName(failedTask(), QStringLiteral("md")),
                 QStringLiteral("taskwatch-Nightly-AD-00eebcf881994e419d72e757fd30dc0e.md"));
        QCOMPARE(TaskReport::suggestedFileName(pending(taskId(3)), QStringLiteral("json")),
                 QString(QStringLiteral("taskwatch-") + taskId(3) + QStringLiteral(".json")));
    }
};

QTEST_GUILESS_MAIN(TestTaskReport)
#include "tst_taskreport.moc"

#include "client/TaskChange.h"
#include "client/WatchListFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

namespace {

WatchedTask sample(const QString &id, bool withStatus)
{
    WatchedTask task;
    task.id = id;
    task.profile = QStringLiteral("prod");
    task.label = QStringLiteral("Nightly ✓");
    task.addedAt = QDateTime(QDate(2025, 5, 1), QTime(8, 30, 0, 123), QTimeZone::utc());
    task.checkedAt = QDateTime(QDate(2025, 5, 1), QTime(9, 0), QTimeZone::utc());
    task.paused = !withStatus;
    if (withStatus) {
        const QJsonObject raw {{QStringLiteral("id"), id},
                               {QStringLiteral("type"), QStringLiteral("QUARTZ")},
                               {QStringLiteral("uniqueName"), QStringLiteral("Aggregation")},
                               {QStringLiteral("launched"), QStringLiteral("2025-05-01T08:00:00Z")},
                               {QStringLiteral("completionStatus"), QStringLiteral("Success")},
                               {QStringLiteral("percentComplete"), 100},
                               {QStringLiteral("futureField"), QJsonObject {{QStringLiteral("kept"), true}}}};
        task.status = TaskStatus::fromJson(raw).value();
    }
    return task;
}

QByteArray document(const QJsonArray &tasks, int version = 1)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("format"), QStringLiteral("taskwatch-watchlist")},
                                      {QStringLiteral("version"), version},
                                      {QStringLiteral("tasks"), tasks}})
            .toJson();
}

} // namespace

class TestWatchListFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        const QList<WatchedTask> tasks {sample(QStringLiteral("a1"), true), sample(QStringLiteral("b2"), false)};
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(WatchListFormat::toJson(tasks));
        QVERIFY2(read.ok(), qPrintable(read.error().message()));
        QCOMPARE(read->size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            const WatchedTask &got = read->at(i);
            const WatchedTask &want = tasks.at(i);
            QCOMPARE(got.id, want.id);
            QCOMPARE(got.profile, want.profile);
            QCOMPARE(got.label, want.label);
            QCOMPARE(got.addedAt, want.addedAt);
            QCOMPARE(got.checkedAt, want.checkedAt);
            QCOMPARE(got.paused, want.paused);
            QCOMPARE(got.status.has_value(), want.status.has_value());
        }
        QCOMPARE(read->at(0).status->rawJson, tasks.at(0).status->rawJson); // as received, unknown fields too
        QCOMPARE(read->at(0).status->state(), TaskState::Success);
    }

    void writesOneCompactLinePerTask()
    {
        // The cached statuses go in as the bytes they are kept in; the file stays standard JSON.
        const QList<WatchedTask> tasks {sample(QStringLiteral("a1"), true), sample(QStringLiteral("b2"), false),
                                        sample(QStringLiteral("c3"), true)};
        const QByteArray json = WatchListFormat::toJson(tasks);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray entries = parsed.object().value(QStringLiteral("tasks")).toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("status")).toObject(), tasks.at(0).status->raw());
        QVERIFY(entries.at(1).toObject().value(QStringLiteral("status")).isNull());

        const QList<QByteArray> lines = json.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + tasks.size() + 1); // header, one line per task, closing
        for (qsizetype i = 0; i < tasks.size(); ++i) {
            QByteArray line = lines.at(i + 1);
            if (line.endsWith(','))
                line.chop(1);
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            QCOMPARE(entry.value(QStringLiteral("id")).toString(), tasks.at(i).id);
            QCOMPARE(entry.value(QStringLiteral("paused")).toBool(), tasks.at(i).paused);
        }
        QVERIFY(json.contains(tasks.at(2).status->rawJson));
    }

    void rejectsWhatIsNotAWatchList_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reasonContains");
        QTest::newRow("empty") << QByteArray() << QString() << QStringLiteral("empty");
        QTest::newRow("truncated") << QByteArray(R"({"format":"taskwatch-watchlist","version":1,"tasks":[{"id":)")
                                   << QString() << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QString() << QStringLiteral("JSON object");
        QTest::newRow("other format") << QByteArray(R"({"format":"x","version":1,"tasks":[]})")
                                      << QStringLiteral("format") << QStringLiteral("not a Taskwatch");
        QTest::newRow("newer") << document({}, 2) << QStringLiteral("version") << QStringLiteral("newer Taskwatch");
        QTest::newRow("version text") << QByteArray(R"({"format":"taskwatch-watchlist","version":"1","tasks":[]})")
                                      << QStringLiteral("version") << QStringLiteral("whole number");
        QTest::newRow("tasks object") << QByteArray(R"({"format":"taskwatch-watchlist","version":1,"tasks":{}})")
                                      << QStringLiteral("tasks") << QStringLiteral("an array");
        QTest::newRow("bad id") << document({QJsonObject {{QStringLiteral("id"), QStringLiteral("ok")}},
                                             QJsonObject {{QStringLiteral("id"), QStringLiteral("a\") or (\"")}}})
                                << QStringLiteral("tasks[1].id") << QStringLiteral("contains");
        QTest::newRow("entry not object")
                << document({42}) << QStringLiteral("tasks[0]") << QStringLiteral("an object");
        QTest::newRow("paused text") << document({QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                                                               {QStringLiteral("paused"), QStringLiteral("yes")}}})
                                     << QStringLiteral("tasks[0].paused") << QStringLiteral("boolean");
        QTest::newRow("bad date") << document({QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                                                            {QStringLiteral("addedAt"), QStringLiteral("yesterday")}}})
                                  << QStringLiteral("tasks[0].addedAt") << QStringLiteral("ISO 8601");
    }
    void rejectsWhatIsNotAWatchList()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, reasonContains);
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().field, field);
        QVERIFY2(read.error().reason.contains(reasonContains), qPrintable(read.error().reason));
    }

    // The layout write() makes is read line by line (one task's JSON tree at a time); another layout, such as a
    // hand-pretty-printed file, reads the same; a damaged line is named by its entry.
    void eachLayoutReadsTheSame()
    {
        const QList<WatchedTask> tasks {sample(QStringLiteral("a1"), true), sample(QStringLiteral("b2"), false)};
        const QList<FollowedRule> rules {{QStringLiteral("prod"), {FollowRule::Kind::Every, {}}}};
        const QByteArray lines = WatchListFormat::toJson(tasks, "save-1", rules);
        QCOMPARE(lines.count('\n'), 5); // the head, two tasks, the end of the list, the rules
        const QByteArray pretty = QJsonDocument::fromJson(lines).toJson(QJsonDocument::Indented);
        QList<FollowedRule> rulesFromLines;
        QList<FollowedRule> rulesFromPretty;
        const Parsed<QList<WatchedTask>> fromLines = WatchListFormat::fromJson(lines, &rulesFromLines);
        const Parsed<QList<WatchedTask>> fromPretty = WatchListFormat::fromJson(pretty, &rulesFromPretty);
        QVERIFY(fromLines.ok() && fromPretty.ok());
        QCOMPARE(fromLines->size(), 2);
        QCOMPARE(fromPretty->size(), 2);
        for (qsizetype i = 0; i < 2; ++i) {
            QCOMPARE(fromLines->at(i).id, tasks.at(i).id);
            QCOMPARE(fromPretty->at(i).id, tasks.at(i).id);
            QCOMPARE(fromLines->at(i).label, fromPretty->at(i).label);
            QCOMPARE(bool(fromLines->at(i).status), bool(tasks.at(i).status));
            QCOMPARE(bool(fromPretty->at(i).status), bool(tasks.at(i).status));
        }
        QCOMPARE(rulesFromLines, rules);
        QCOMPARE(rulesFromPretty, rules);

        QByteArray damaged = lines;
        const qsizetype second = damaged.indexOf("\n{", damaged.indexOf("\n{") + 1) + 1;
        damaged.insert(second + 1, '"'); // {""id": …
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(damaged);
        QVERIFY(!read.ok());
        QVERIFY2(read.error().reason.contains(QStringLiteral("not valid JSON")), qPrintable(read.error().message()));
        // Lines without the commas between them are not JSON either: never read as if they were.
        QByteArray commaless = lines;
        commaless.replace("},\n{", "}\n{");
        QVERIFY(!WatchListFormat::fromJson(commaless).ok());
        QByteArray trailing = lines;
        trailing.replace("}\n]", "},\n]");
        QVERIFY(!WatchListFormat::fromJson(trailing).ok());
    }

    // A status is kept as the tenant's bytes, in the tenant's key order (not Qt's sorted one). Read back from the
    // file it is the same bytes, so the same answer after a restart is no change and no save. A status whose
    // bytes could not stand on a line of their own (a byte-order mark before it, a raw line break in a string:
    // Qt's reader takes both) is kept as Qt writes it, and the file still reads one task per line.
    void readBackAsTheTenantSentIt_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<bool>("keptAsSent");
        const QByteArray unsorted = "{\"id\":\"a1\",\"type\":\"QUARTZ\",\"uniqueName\":\"Aggregation\","
                                    "\"launched\":\"2025-05-01T08:00:00Z\",\"completionStatus\":null,"
                                    "\"percentComplete\":40,\"messages\":[{\"key\":\"k\",\"type\":\"INFO\"}]}";
        QTest::newRow("tenant's order") << unsorted << true;
        QTest::newRow("spaces between tokens") << QByteArray(unsorted).replace(",\"", ", \"") << false;
        QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF") + unsorted << false;
        QTest::newRow("raw line break in a string")
                << QByteArray(unsorted).replace("Aggregation", "Aggre\ngation") << false;
    }
    void readBackAsTheTenantSentIt()
    {
        QFETCH(QByteArray, answer);
        QFETCH(bool, keptAsSent);
        const Parsed<TaskStatus> status = TaskStatus::fromJson(answer);
        QVERIFY2(status.ok(), qPrintable(status.error().message()));
        QCOMPARE(status->rawJson == answer, keptAsSent);
        QVERIFY(status->rawJson.startsWith("{\"id\":\"a1\",\"type\":") || !keptAsSent);
        for (const char byte : status->rawJson)
            QVERIFY(static_cast<unsigned char>(byte) >= 0x20);
        QCOMPARE(status->raw(), QJsonDocument::fromJson(answer).object());

        WatchedTask task = sample(QStringLiteral("a1"), false);
        task.status = status.value();
        const QByteArray file = WatchListFormat::toJson({task, sample(QStringLiteral("b2"), true)});
        QCOMPARE(file.trimmed().count('\n'), 3); // the head, two tasks, the end: read line by line
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(file);
        QVERIFY2(read.ok(), qPrintable(read.error().message()));
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).status->rawJson, status->rawJson);
        QCOMPARE(read->at(1).status->rawJson, sample(QStringLiteral("b2"), true).status->rawJson);

        WatchedTask answered = read->at(0);
        answered.status = TaskStatus::fromJson(answer).value(); // the same answer again, after a restart
        const TaskChange change = TaskChange::between(read->at(0), answered);
        QVERIFY(!change.visible);
        QVERIFY(!change.persist);
    }

    void lenientAboutTheCachedStatus()
    {
        const QJsonObject wrongId {{QStringLiteral("id"), QStringLiteral("other")}};
        const QJsonObject broken {{QStringLiteral("id"), 7}};
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(document(
                {QJsonObject {{QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("status"), wrongId}},
                 QJsonObject {{QStringLiteral("id"), QStringLiteral("b")}, {QStringLiteral("status"), broken}},
                 QJsonObject {{QStringLiteral("id"), QStringLiteral("c")}, {QStringLiteral("status"), QJsonValue()}}}));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 3);
        for (const WatchedTask &task : read.value())
            QVERIFY(!task.status.has_value()); // fetched again rather than shown wrong
    }

    void duplicatesKeepTheFirstPerProfile()
    {
        const Parsed<QList<WatchedTask>> read = WatchListFormat::fromJson(
                document({QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("label"), QStringLiteral("first")}},
                          QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("label"), QStringLiteral("second")}},
                          QJsonObject {{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("profile"), QStringLiteral("other")}}}));
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).label, QStringLiteral("first"));
        QCOMPARE(read->at(1).profile, QStringLiteral("other"));
    }

    void followRulesTravelWithTheList()
    {
        using K = FollowRule::Kind;
        const QList<FollowedRule> rules {
                {QStringLiteral("prod"), {K::Type, QStringLiteral("CLOUD_ACCOUNT_AGGREGATION")}},
                {QStringLiteral("prod"), {K::Every, {}}},
                {QStringLiteral("sandbox"), {K::Source, QStringLiteral("2c9180835d2e5168")}}};
        const QByteArray json = WatchListFormat::toJson({sample(QStringLiteral("a1"), true)}, {}, rules);
        QList<FollowedRule> read;
        QVERIFY(WatchListFormat::fromJson(json, &read).ok());
        QCOMPARE(read, rules);
        // Without rules the file is as before, and a file without them has none.
        QVERIFY(!WatchListFormat::toJson({sample(QStringLiteral("a1"), true)}).contains("follow"));
        QVERIFY(WatchListFormat::fromJson(document({}), &read).ok());
        QVERIFY(read.isEmpty());
    }

    void aRuleThatCouldNotGoIntoAFilterIsLeftOut()
    {
        QJsonObject root = QJsonDocument::fromJson(document({})).object();
        const auto rule = [](const QString &kind, const QString &value) {
            return QJsonObject {{QStringLiteral("profile"), QStringLiteral("prod")},
                                {QStringLiteral("kind"), kind},
                                {QStringLiteral("value"), value}};
        };
        root.insert(QStringLiteral("follow"),
                    QJsonArray {rule(QStringLiteral("type"), QStringLiteral("X\" or type ne \"")), // a hand edit
                                rule(QStringLiteral("source"), QStringLiteral("a b")),
                                rule(QStringLiteral("nightly"), QStringLiteral("X")), // a kind of a newer version
                                rule(QStringLiteral("type"), QStringLiteral("IDENTITY_REFRESH")),
                                rule(QStringLiteral("type"), QStringLiteral("IDENTITY_REFRESH"))});
        QList<FollowedRule> read;
        QVERIFY(WatchListFormat::fromJson(QJsonDocument(root).toJson(), &read).ok());
        QCOMPARE(read,
                 (QList<FollowedRule> {
                         {QStringLiteral("prod"), {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")}}}));
        // Rules this version cannot read never cost the tasks beside them.
        root.insert(QStringLiteral("tasks"), QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("a1")}}});
        for (const QJsonValue &follow :
             {QJsonValue(5), QJsonValue(QJsonArray {42}),
              QJsonValue(QJsonArray {
                      QJsonObject {{QStringLiteral("kind"), QStringLiteral("type")}, {QStringLiteral("value"), 7}}}),
              QJsonValue(QJsonArray {rule(QStringLiteral("type"), QStringLiteral("CLOUD\n"))})}) {
            root.insert(QStringLiteral("follow"), follow);
            const Parsed<QList<WatchedTask>> tasks = WatchListFormat::fromJson(QJsonDocument(root).toJson(), &read);
            QVERIFY(tasks.ok());
            QCOMPARE(tasks->size(), 1);
            QVERIFY(read.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchListFormat)
#include "tst_watchlistformat.moc"

#include "models/FollowRule.h"
#include "models/TaskEvent.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

namespace {

WatchedTask withStatus(const char *completionStatus, int percent, const char *progress = "Aggregating",
                       bool launched = true)
{
    QJsonObject json {{QStringLiteral("id"), QStringLiteral("2c9180835d2e5168015d32f890ca1581")},
                      {QStringLiteral("type"), QStringLiteral("QUARTZ")},
                      {QStringLiteral("uniqueName"), QStringLiteral("Account Aggregation")},
                      {QStringLiteral("description"), QStringLiteral("d")},
                      {QStringLiteral("created"), QStringLiteral("2026-12-05T04:00:00.000Z")},
                      {QStringLiteral("percentComplete"), percent},
                      {QStringLiteral("progress"), QString::fromLatin1(progress)}};
    if (launched)
        json.insert(QStringLiteral("launched"), QStringLiteral("2026-12-05T04:00:01.000Z"));
    if (completionStatus) {
        json.insert(QStringLiteral("completionStatus"), QString::fromLatin1(completionStatus));
        json.insert(QStringLiteral("completed"), QStringLiteral("2026-12-05T04:10:00.000Z"));
    }
    WatchedTask task;
    task.id = json.value(QStringLiteral("id")).toString();
    auto parsed = TaskStatus::fromJson(QJsonDocument(json).toJson(QJsonDocument::Compact));
    if (parsed)
        task.status = parsed.value();
    return task;
}

} // namespace

// Follow rules (what goes into a filter, and what never may) and the events between two sightings of a task.
class TestFollowRule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filtersAndLabels()
    {
        const FollowRule type {FollowRule::Kind::Type, QStringLiteral("CLOUD_ACCOUNT_AGGREGATION")};
        QCOMPARE(type.filter().value_or(QString()), QStringLiteral("type eq \"CLOUD_ACCOUNT_AGGREGATION\""));
        QCOMPARE(type.label(), QStringLiteral("type CLOUD_ACCOUNT_AGGREGATION"));
        const FollowRule source {FollowRule::Kind::Source, QStringLiteral("2c9180835d2e5168015d32f890ca1581")};
        QCOMPARE(source.filter().value_or(QString()),
                 QStringLiteral("sourceId eq \"2c9180835d2e5168015d32f890ca1581\""));
        const FollowRule every;
        QVERIFY(every.filter().has_value());
        QCOMPARE(*every.filter(), QString());
        QCOMPARE(every.label(), QStringLiteral("every task"));
    }

    void valuesThatCannotGoIntoAFilter_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("accepted");
        using K = FollowRule::Kind;
        QTest::newRow("a type code") << int(K::Type) << QStringLiteral("IDENTITY_REFRESH") << true;
        QTest::newRow("lower case type") << int(K::Type) << QStringLiteral("identity_refresh") << false;
        QTest::newRow("a quote closing the filter") << int(K::Type) << QStringLiteral("A\" or id pr \"") << false;
        QTest::newRow("empty type") << int(K::Type) << QString() << false;
        QTest::newRow("type too long") << int(K::Type) << QString(65, u'A') << false;
        QTest::newRow("a type and a line end") << int(K::Type) << QStringLiteral("CLOUD\n") << false; // not before $
        QTest::newRow("a type and CR LF") << int(K::Type) << QStringLiteral("CLOUD\r\n") << false;
        QTest::newRow("a source id") << int(K::Source) << QStringLiteral("2c9180835d2e5168015d32f890ca1581") << true;
        QTest::newRow("a source with a quote") << int(K::Source) << QStringLiteral("abc\"") << false;
        QTest::newRow("a source with a backslash") << int(K::Source) << QStringLiteral("abc\\") << false;
        QTest::newRow("a source with a space") << int(K::Source) << QStringLiteral("a b") << false;
        QTest::newRow("a source and a line end") << int(K::Source) << QStringLiteral("abc\n") << false;
        QTest::newRow("every task") << int(K::Every) << QString() << true;
        QTest::newRow("every task with a value") << int(K::Every) << QStringLiteral("x") << false;
    }
    void valuesThatCannotGoIntoAFilter()
    {
        QFETCH(int, kind);
        QFETCH(QString, value);
        QFETCH(bool, accepted);
        QCOMPARE(FollowRule::problem(FollowRule::Kind(kind), value).isEmpty(), accepted);
        // The filter is made only of a value that passed: a rule built by hand with a hostile value has none.
        const FollowRule rule {FollowRule::Kind(kind), value};
        QCOMPARE(rule.filter().has_value(), accepted);
        if (accepted && rule.kind != FollowRule::Kind::Every)
            QVERIFY(rule.filter()->endsWith(u'"' + value + u'"'));
    }

    void versions()
    {
        QVERIFY(!followIsSupported(ApiVersion::Beta));
        QVERIFY(!followIsSupported(ApiVersion::V2024));
        QVERIFY(followIsSupported(ApiVersion::V2025));
        QVERIFY(followIsSupported(ApiVersion::V2026));
        QVERIFY(followIsSupported(ApiVersion::V1));
    }

    void events()
    {
        using K = TaskEvent::Kind;
        const WatchedTask queued = withStatus(nullptr, 0, "", false);
        const WatchedTask running = withStatus(nullptr, 10);
        const WatchedTask further = withStatus(nullptr, 20);
        const WatchedTask text = withStatus(nullptr, 20, "Correlating");
        const WatchedTask done = withStatus("SUCCESS", 100);
        QCOMPARE(queued.status->state(), TaskState::Queued);
        QCOMPARE(TaskEvent::between(queued, running), QList<K> {K::Started});
        QCOMPARE(TaskEvent::between(running, further), QList<K> {K::Progressed});
        QCOMPARE(TaskEvent::between(further, text), QList<K> {K::Progressed});
        QCOMPARE(TaskEvent::between(further, further), QList<K> {});
        QCOMPARE(TaskEvent::between(further, done), QList<K> {K::Finished});
        QCOMPARE(TaskEvent::between(done, done), QList<K> {});
        QCOMPARE(TaskEvent::between(WatchedTask {}, done), QList<K> {K::Finished}); // lived only seconds
        QCOMPARE(TaskEvent::between(WatchedTask {}, running), QList<K> {}); // appearing is the finder's to say
        WatchedTask stalled = further;
        stalled.stalled = true;
        QCOMPARE(TaskEvent::between(further, stalled), QList<K> {K::Stalled});
        QCOMPARE(TaskEvent::between(stalled, text), (QList<K> {K::Progressed, K::Recovered}));
        QCOMPARE(TaskEvent::between(stalled, done), (QList<K> {K::Recovered, K::Finished}));
        WatchedTask overdue = further;
        overdue.overdue = true;
        QCOMPARE(TaskEvent::between(further, overdue), QList<K> {K::Overdue});
        QCOMPARE(TaskEvent::between(overdue, overdue), QList<K> {}); // said once
        WatchedTask both = overdue;
        both.stalled = true;
        QCOMPARE(TaskEvent::between(further, both), (QList<K> {K::Overdue, K::Stalled}));
        QCOMPARE(TaskEvent::between(overdue, done), QList<K> {K::Finished}); // late, but it ended
    }

    void jsonLine()
    {
        const WatchedTask done = withStatus("ERROR", 100);
        const QDateTime at(QDate(2026, 12, 5), QTime(4, 51, 12, 345), QTimeZone::utc());
        const QByteArray line = TaskEvent::jsonLine(TaskEvent::Kind::Finished, done.id, at, *done.status);
        QVERIFY(!line.contains('\n'));
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        QCOMPARE(object.value(u"event").toString(), QStringLiteral("finished"));
        QCOMPARE(object.value(u"id").toString(), done.id);
        QCOMPARE(object.value(u"at").toString(), QStringLiteral("2026-12-05T04:51:12.345Z"));
        QCOMPARE(object.value(u"status").toObject(), done.status->raw());
        const QStringList names {QStringLiteral("appeared"), QStringLiteral("started"), QStringLiteral("progressed"),
                                 QStringLiteral("finished"), QStringLiteral("stalled"), QStringLiteral("overdue"),
                                 QStringLiteral("recovered")};
        for (int kind = 0; kind < names.size(); ++kind)
            QCOMPARE(TaskEvent::name(TaskEvent::Kind(kind)), names.at(kind));
    }
};

QTEST_APPLESS_MAIN(TestFollowRule)
#include "tst_followrule.moc"

#include "SpecFixtures.h"
#include "TableTranslator.h"
#include "models/TaskStatus.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <variant>

// TaskStatus parsing: every spec example field by field, leniency where the spec is loose, strictness where
// it matters, and malformed input of every kind yielding an error rather than a crash.
// Expected values are read from the fixtures with QJsonDocument here, never copied from the parser's output.
namespace {

using Step = std::variant<QString, qsizetype>;

// "messages[0].localizedText.locale" → messages, 0, localizedText, locale
QList<Step> steps(const QString &path)
{
    QList<Step> result;
    static const QRegularExpression segment(QStringLiteral(R"(([^.\[\]]+)|\[(\d+)\])"));
    for (auto it = segment.globalMatch(path); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength(1) > 0)
            result.append(match.captured(1));
        else
            result.append(match.captured(2).toLongLong());
    }
    return result;
}

// `node` with the value at `path` replaced; an Undefined value removes the key.
QJsonValue replaced(const QJsonValue &node, const QList<Step> &path, qsizetype at, const QJsonValue &value)
{
    if (at == path.size())
        return value;
    if (const auto *key = std::get_if<QString>(&path[at])) {
        QJsonObject object = node.toObject();
        const QJsonValue inner = replaced(object.value(*key), path, at + 1, value);
        if (inner.isUndefined())
            object.remove(*key);
        else
            object.insert(*key, inner);
        return object;
    }
    QJsonArray array = node.toArray();
    const qsizetype index = std::get<qsizetype>(path[at]);
    array.replace(index, replaced(array.at(index), path, at + 1, value));
    return array;
}

QJsonObject with(const QJsonObject &object, const QString &path, const QJsonValue &value)
{
    return replaced(object, steps(path), 0, value).toObject();
}

QByteArray bytesOf(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

QJsonObject base()
{
    return SpecFixtures::json(QStringLiteral("v2025/taskstatus.json")).toObject();
}

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString(); // null and missing read as ""
}

QDateTime date(const QJsonObject &object, const char *key)
{
    const QJsonValue value = object.value(QLatin1String(key));
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

CompletionStatus expectedCompletion(const QString &raw)
{
    static const QHash<QString, CompletionStatus> known = {{QStringLiteral("SUCCESS"), CompletionStatus::Success},
                                                           {QStringLiteral("WARNING"), CompletionStatus::Warning},
                                                           {QStringLiteral("ERROR"), CompletionStatus::Error},
                                                           {QStringLiteral("TERMINATED"), CompletionStatus::Terminated},
                                                           {QStringLiteral("TEMPERROR"), CompletionStatus::TempError}};
    if (raw.trimmed().isEmpty())
        return CompletionStatus::None;
    return known.value(raw.trimmed().toUpper(), CompletionStatus::Unknown);
}

TaskMessage::Type expectedMessageType(const QString &raw)
{
    const QString upper = raw.toUpper();
    if (upper == u"INFO")
        return TaskMessage::Type::Info;
    if (upper == u"WARN")
        return TaskMessage::Type::Warn;
    if (upper == u"ERROR")
        return TaskMessage::Type::Error;
    return TaskMessage::Type::Unknown;
}

TaskState expectedState(const QJsonObject &object)
{
    switch (expectedCompletion(text(object, "completionStatus"))) {
    case CompletionStatus::None:
        return object.value(QLatin1String("launched")).isString() ? TaskState::Running : TaskState::Queued;
    case CompletionStatus::Success:
        return TaskState::Success;
    case CompletionStatus::Warning:
        return TaskState::Warning;
    case CompletionStatus::Error:
        return TaskState::Error;
    case CompletionStatus::Terminated:
        return TaskState::Terminated;
    case CompletionStatus::TempError:
        return TaskState::TempError;
    case CompletionStatus::Unknown:
        break;
    }
    return TaskState::Unknown;
}

void compareDate(const QDateTime &actual, const QJsonObject &object, const char *key)
{
    const QDateTime expected = date(object, key);
    if (object.value(QLatin1String(key)).isString())
        QVERIFY2(expected.isValid(), key); // the fixture's own text is a date Qt reads
    QCOMPARE(actual.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(actual.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

// Every field of `status` against the fixture object it was parsed from.
void compareStatus(const TaskStatus &status, const QJsonObject &o)
{
    QCOMPARE(status.id, text(o, "id"));
    QCOMPARE(status.type, text(o, "type"));
    QCOMPARE(status.uniqueName, text(o, "uniqueName"));
    QCOMPARE(status.description, text(o, "description"));
    QCOMPARE(status.parentName, text(o, "parentName"));
    QCOMPARE(status.launcher, text(o, "launcher"));

    const QJsonValue target = o.value(QLatin1String("target"));
    QCOMPARE(status.target.has_value(), target.isObject());
    if (target.isObject()) {
        QCOMPARE(status.target->id, text(target.toObject(), "id"));
        QCOMPARE(status.target->type, text(target.toObject(), "type"));
        QCOMPARE(status.target->name, text(target.toObject(), "name"));
    }

    compareDate(status.created, o, "created");
    if (QTest::currentTestFailed())
        return;
    compareDate(status.modified, o, "modified");
    if (QTest::currentTestFailed())
        return;
    compareDate(status.launched, o, "launched");
    if (QTest::currentTestFailed())
        return;
    compareDate(status.completed, o, "completed");
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(status.completionStatusRaw, text(o, "completionStatus"));
    QCOMPARE(status.completionStatus, expectedCompletion(text(o, "completionStatus")));

    const QJsonArray messages = o.value(QLatin1String("messages")).toArray();
    QCOMPARE(status.messages.size(), messages.size());
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject m = messages.at(i).toObject();
        const TaskMessage &message = status.messages.at(i);
        QCOMPARE(message.typeRaw, text(m, "type"));
        QCOMPARE(message.type, expectedMessageType(text(m, "type")));
        QCOMPARE(message.key, text(m, "key"));
        const QJsonValue localized = m.value(QLatin1String("localizedText"));
        QCOMPARE(message.localizedText.has_value(), localized.isObject());
        if (localized.isObject()) {
            QCOMPARE(message.localizedText->locale, text(localized.toObject(), "locale"));
            QCOMPARE(message.localizedText->message, text(localized.toObject(), "message"));
            QCOMPARE(message.text(), text(localized.toObject(), "message"));
        } else {
            QCOMPARE(message.text(), text(m, "key"));
        }
        const QJsonValue parameters = m.value(QLatin1String("parameters"));
        QCOMPARE(message.parameters.has_value(), parameters.isArray());
        if (parameters.isArray())
            QCOMPARE(*message.parameters, parameters.toArray());
    }

    const QJsonObject attributes = o.value(QLatin1String("attributes")).toObject();
    QCOMPARE(status.attributes(), attributes);
    const QJsonArray returns = o.value(QLatin1String("returns")).toArray();
    QCOMPARE(status.returns.size(), returns.size());
    const QList<ReturnValue> values = status.returnValues();
    QCOMPARE(values.size(), returns.size());
    for (qsizetype i = 0; i < returns.size(); ++i) {
        const QJsonObject r = returns.at(i).toObject();
        QCOMPARE(status.returns.at(i).name, text(r, "name"));
        QCOMPARE(status.returns.at(i).attributeName, text(r, "attributeName"));
        QCOMPARE(values.at(i).name, text(r, "name"));
        QCOMPARE(values.at(i).value, attributes.value(text(r, "attributeName")));
    }

    const QJsonValue progress = o.value(QLatin1String("progress"));
    QCOMPARE(status.progress.has_value(), progress.isString());
    if (progress.isString())
        QCOMPARE(*status.progress, progress.toString());

    const QJsonValue percent = o.value(QLatin1String("percentComplete"));
    QCOMPARE(status.percentComplete.has_value(), percent.isDouble());
    if (percent.isDouble())
        QCOMPARE(*status.percentComplete, percent.toInt());

    const QJsonValue definition = o.value(QLatin1String("taskDefinitionSummary"));
    QCOMPARE(status.taskDefinitionSummary.has_value(), definition.isObject());
    if (definition.isObject()) {
        const QJsonObject d = definition.toObject();
        QCOMPARE(status.taskDefinitionSummary->id, text(d, "id"));
        QCOMPARE(status.taskDefinitionSummary->uniqueName, text(d, "uniqueName"));
        QCOMPARE(status.taskDefinitionSummary->description, text(d, "description"));
        QCOMPARE(status.taskDefinitionSummary->parentName, text(d, "parentName"));
        QCOMPARE(status.taskDefinitionSummary->executor, text(d, "executor"));
        QCOMPARE(status.definitionArguments(), d.value(QLatin1String("arguments")).toObject());
    }

    QCOMPARE(status.state(), expectedState(o));
    QCOMPARE(status.raw(), o);
    QCOMPARE(status.notes, QStringList()); // the spec's own examples need no adjusting
}

// The fields of the TaskStatus schema (the same 18 in beta, v2024, v2025, v2026 and v1).
const QStringList &schemaFields()
{
    static const QStringList fields = {QStringLiteral("id"),
                                       QStringLiteral("type"),
                                       QStringLiteral("uniqueName"),
                                       QStringLiteral("description"),
                                       QStringLiteral("parentName"),
                                       QStringLiteral("launcher"),
                                       QStringLiteral("target"),
                                       QStringLiteral("created"),
                                       QStringLiteral("modified"),
                                       QStringLiteral("launched"),
                                       QStringLiteral("completed"),
                                       QStringLiteral("completionStatus"),
                                       QStringLiteral("messages"),
                                       QStringLiteral("returns"),
                                       QStringLiteral("attributes"),
                                       QStringLiteral("progress"),
                                       QStringLiteral("percentComplete"),
                                       QStringLiteral("taskDefinitionSummary")};
    return fields;
}

} // namespace

class TestTaskStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- the spec's examples ------------------------------------------------------------------------------

    void fixtureSetIsComplete()
    {
        QStringList expected;
        for (const QString &version : SpecFixtures::versions()) {
            for (const char *name :
                 {"taskstatus", "taskstatus-nulls", "taskstatus-nested-nulls", "taskstatus-patched", "taskstatus-list",
                  "error-400", "error-401", "error-403", "error-404", "error-429", "error-500"})
                expected.append(version + u'/' + QLatin1String(name) + QStringLiteral(".json"));
        }
        for (const char *name : {"error-400", "error-401", "error-403", "error-429", "error-500"})
            expected.append(QStringLiteral("oauth/") + QLatin1String(name) + QStringLiteral(".json"));
        expected.append(QStringLiteral("experimental-era/v2025/taskstatus-patched.json"));
        expected.append(QStringLiteral("experimental-era/v2026/taskstatus-patched.json"));
        expected.sort();
        QCOMPARE(SpecFixtures::list(QStringLiteral("*.json")), expected);

        // Each one is accounted for in tests/data/README.md.
        QFile readme(SpecFixtures::dataDir() + QStringLiteral("/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString sources = QString::fromUtf8(readme.readAll());
        for (const QString &fixture : std::as_const(expected))
            QVERIFY2(sources.contains(QStringLiteral("`spec/") + fixture + u'`'), qPrintable(fixture));
    }

    void exampleHoldsEveryField_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &version : SpecFixtures::versions())
            QTest::newRow(qPrintable(version)) << version + QStringLiteral("/taskstatus.json");
    }

    void exampleHoldsEveryField()
    {
        QFETCH(QString, fixture);
        const QJsonObject object = SpecFixtures::json(fixture).toObject();
        QStringList keys = object.keys();
        QStringList fields = schemaFields();
        keys.sort();
        fields.sort();
        QCOMPARE(keys, fields);
        for (const QString &key : std::as_const(fields))
            QVERIFY2(!object.value(key).isNull(), qPrintable(key)); // every property has its example
    }

    void specExamples_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &fixture : SpecFixtures::list(QStringLiteral("taskstatus*.json"))) {
            if (!fixture.contains(QStringLiteral("-list")))
                QTest::newRow(qPrintable(fixture)) << fixture;
        }
    }

    void specExamples()
    {
        QFETCH(QString, fixture);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(SpecFixtures::bytes(fixture));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        compareStatus(*parsed, SpecFixtures::json(fixture).toObject());
    }

    void specLists_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &fixture : SpecFixtures::list(QStringLiteral("taskstatus-list.json")))
            QTest::newRow(qPrintable(fixture)) << fixture;
    }

    void specLists()
    {
        QFETCH(QString, fixture);
        const Parsed<QList<TaskStatus>> parsed = TaskStatus::listFromJson(SpecFixtures::bytes(fixture));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const QJsonArray expected = SpecFixtures::json(fixture).toArray();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(parsed->size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            compareStatus(parsed->at(i), expected.at(i).toObject());
            if (QTest::currentTestFailed())
                return;
        }
    }

    void emptyList()
    {
        const Parsed<QList<TaskStatus>> parsed = TaskStatus::listFromJson("[]");
        QVERIFY(parsed.ok());
        QVERIFY(parsed->isEmpty());
        QVERIFY(!TaskStatus::listFromJson(SpecFixtures::bytes(QStringLiteral("v2025/taskstatus.json"))).ok());
    }

    // The nullable fields of every version, all null: a queued task as the list shows it.
    void everyNullableFieldNull_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &version : SpecFixtures::versions())
            QTest::newRow(qPrintable(version)) << version + QStringLiteral("/taskstatus-nulls.json");
    }

    void everyNullableFieldNull()
    {
        QFETCH(QString, fixture);
        const QJsonObject object = SpecFixtures::json(fixture).toObject();
        for (const char *key :
             {"parentName", "target", "modified", "launched", "completed", "completionStatus", "progress"})
            QVERIFY2(object.value(QLatin1String(key)).isNull(), key);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(SpecFixtures::bytes(fixture));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QVERIFY(!parsed->modified.isValid());
        QVERIFY(!parsed->launched.isValid());
        QVERIFY(!parsed->completed.isValid());
        QVERIFY(!parsed->target);
        QVERIFY(!parsed->progress);
        QVERIFY(!parsed->messages.at(0).localizedText);
        QVERIFY(!parsed->messages.at(0).parameters);
        QCOMPARE(parsed->completionStatus, CompletionStatus::None);
        QCOMPARE(parsed->state(), TaskState::Queued);
    }

    // ---- lenient where the spec is loose ------------------------------------------------------------------

    void completionStatusInAnyCase_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<CompletionStatus>("expected");
        QTest::addColumn<TaskState>("state");
        const QList<std::tuple<const char *, CompletionStatus, TaskState>> rows = {
                {"SUCCESS", CompletionStatus::Success, TaskState::Success},
                {"Success", CompletionStatus::Success, TaskState::Success},
                {"success", CompletionStatus::Success, TaskState::Success},
                {" sUcCeSs ", CompletionStatus::Success, TaskState::Success},
                {"WARNING", CompletionStatus::Warning, TaskState::Warning},
                {"Warning", CompletionStatus::Warning, TaskState::Warning},
                {"ERROR", CompletionStatus::Error, TaskState::Error},
                {"Error", CompletionStatus::Error, TaskState::Error}, // as the PATCH example writes it
                {"error", CompletionStatus::Error, TaskState::Error},
                {"TERMINATED", CompletionStatus::Terminated, TaskState::Terminated},
                {"Terminated", CompletionStatus::Terminated, TaskState::Terminated},
                {"TEMPERROR", CompletionStatus::TempError, TaskState::TempError},
                {"TempError", CompletionStatus::TempError, TaskState::TempError},
                {"tempError", CompletionStatus::TempError, TaskState::TempError},
                {"PAUSED", CompletionStatus::Unknown, TaskState::Unknown},
                {"Success!", CompletionStatus::Unknown, TaskState::Unknown},
                {"", CompletionStatus::None, TaskState::Running},
                {"   ", CompletionStatus::None, TaskState::Running},
        };
        for (const auto &[value, expected, state] : rows)
            QTest::newRow(qPrintable(QStringLiteral("\"%1\"").arg(QLatin1String(value))))
                    << QJsonValue(QLatin1String(value)) << expected << state;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << CompletionStatus::None << TaskState::Running;
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << CompletionStatus::None << TaskState::Running;
    }

    void completionStatusInAnyCase()
    {
        QFETCH(QJsonValue, value);
        QFETCH(CompletionStatus, expected);
        QFETCH(TaskState, state);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(with(base(), QStringLiteral("completionStatus"), value));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QCOMPARE(parsed->completionStatus, expected);
        QCOMPARE(parsed->completionStatusRaw, value.toString()); // kept as sent
        QCOMPARE(parsed->state(), state);
        if (expected == CompletionStatus::Unknown) {
            QCOMPARE(parsed->notes.size(), 1);
            QVERIFY(parsed->notes.at(0).contains(value.toString()));
        } else {
            QVERIFY(parsed->notes.isEmpty());
        }
    }

    void unknownEnumValuesKeptRaw_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        for (const char *value :
             {"QUARTZ", "quartz", "QPOC", "QUEUED_TASK", "CLOUD_ACCOUNT_AGGREGATION", "Something New"})
            QTest::newRow(qPrintable(QStringLiteral("type=") + QLatin1String(value)))
                    << QStringLiteral("type") << QString::fromLatin1(value);
        for (const char *value : {"APPLICATION", "identity", "MACHINE_ACCOUNT"})
            QTest::newRow(qPrintable(QStringLiteral("target.type=") + QLatin1String(value)))
                    << QStringLiteral("target.type") << QString::fromLatin1(value);
        for (const char *value : {"INFO", "info", "Warn", "WARNING", "error", "DEBUG", "Notice"})
            QTest::newRow(qPrintable(QStringLiteral("messages[0].type=") + QLatin1String(value)))
                    << QStringLiteral("messages[0].type") << QString::fromLatin1(value);
    }

    void unknownEnumValuesKeptRaw()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(with(base(), field, value));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        if (field == u"type") {
            QCOMPARE(parsed->type, value);
        } else if (field == u"target.type") {
            QCOMPARE(parsed->target->type, value);
        } else {
            const TaskMessage &message = parsed->messages.at(0);
            QCOMPARE(message.typeRaw, value);
            const QString upper = value.toUpper();
            const TaskMessage::Type expected = upper == u"INFO" ? TaskMessage::Type::Info
                    : upper == u"WARN" || upper == u"WARNING"   ? TaskMessage::Type::Warn
                    : upper == u"ERROR"                         ? TaskMessage::Type::Error
                                                                : TaskMessage::Type::Unknown;
            QCOMPARE(message.type, expected);
        }
    }

    void dates_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime spec(QDate(2020, 7, 11), QTime(21, 23, 15), Qt::UTC);
        const QDateTime patch(QDate(2024, 5, 17), QTime(19, 33, 16, 470), Qt::UTC);
        const QList<std::pair<const char *, QDateTime>> forms = {
                {"2020-07-11T21:23:15.000Z", spec},
                {"2020-07-11T21:23:15Z", spec},
                {"2020-07-11T21:23:15.123Z", spec.addMSecs(123)},
                {"2020-07-11T21:23:15.1Z", spec.addMSecs(100)},
                {"2020-07-11T21:23:15.123456789Z", spec.addMSecs(123)},
                {"2020-07-11T23:23:15.000+02:00", spec},
                {"2020-07-11T16:23:15-05:00", spec},
                {"2020-07-11T23:23:15+0200", spec},
                {"2020-07-12T03:08:15+05:45", spec},
                {"2020-07-11T21:23:15", spec}, // no zone: UTC, as SailPoint's servers run
                {"2020-07-11 21:23:15Z", spec},
                {"2020-07-11t21:23:15z", spec},
                {" 2020-07-11T21:23:15Z ", spec},
                {"2024-05-17 19:33:16.470000+00:00", patch}, // the v2024/v2025/v2026/v1 PATCH example
                {"2024-05-17T19:33:16.470Z", patch}, // the beta PATCH example
                {"2020-07-11T21:23:15.000-00:00", spec},
                {"2020-02-29T23:59:59.999+14:00", QDateTime(QDate(2020, 2, 29), QTime(9, 59, 59, 999), Qt::UTC)},
                {"2020-07-11T21:23:15.000+15:00", spec.addSecs(-15 * 3600)}, // beyond ±14 h: the general reader
        };
        for (const char *field : {"created", "modified", "launched", "completed"}) {
            for (const auto &[text, expected] : forms)
                QTest::newRow(qPrintable(QLatin1String(field) + u'=' + QLatin1String(text)))
                        << QString::fromLatin1(field) << QString::fromLatin1(text) << expected;
        }
    }

    void dates()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QDateTime, expected);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(with(base(), field, value));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const QDateTime actual = field == u"created" ? parsed->created
                : field == u"modified"               ? parsed->modified
                : field == u"launched"               ? parsed->launched
                                                     : parsed->completed;
        QCOMPARE(actual.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QCOMPARE(actual.timeSpec(), Qt::UTC);
    }

    void badDates_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        for (const char *field : {"created", "modified", "launched", "completed"}) {
            for (const char *text : {"yesterday", "2020-13-45T00:00:00Z", "2020-07-11", "2020-07-11T25:00:00Z",
                                     "1594502595", "2020-07-11T21:23:15+25:00", "", "2020-07-11T21:23:15.Z",
                                     "٢٠٢٠-٠٧-١١T21:23:15Z", "2021-02-29T00:00:00Z", "2020-07-11T21:60:15Z",
                                     "2020-07-11T21:23:15.1234567890Z", "2020-07-11T21:23:15+02:0",
                                     "2020-07-11T21:23:15+2:00", "2020-07-11T21:23:15ZZ", "2020-07-11T21:23:15.12٣Z"}) {
                QTest::newRow(qPrintable(QLatin1String(field) + QStringLiteral("=\"") + QString::fromUtf8(text) + u'"'))
                        << QString::fromLatin1(field) << QString::fromUtf8(text);
            }
        }
    }

    void badDates()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(with(base(), field, value));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, field);
        QVERIFY(parsed.error().reason.contains(QStringLiteral("date")));
    }

    void percentComplete_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("expected"); // -1: unknown
        QTest::addColumn<bool>("noted");
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << -1 << false;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << -1 << false;
        QTest::newRow("0") << QJsonValue(0) << 0 << false;
        QTest::newRow("42") << QJsonValue(42) << 42 << false;
        QTest::newRow("100") << QJsonValue(100) << 100 << false;
        QTest::newRow("42.4") << QJsonValue(42.4) << 42 << false;
        QTest::newRow("99.5") << QJsonValue(99.5) << 100 << false;
        QTest::newRow("150") << QJsonValue(150) << 100 << true;
        QTest::newRow("101") << QJsonValue(101) << 100 << true;
        QTest::newRow("-5") << QJsonValue(-5) << 0 << true;
        QTest::newRow("1e300") << QJsonValue(1e300) << 100 << true;
        QTest::newRow("-1e300") << QJsonValue(-1e300) << 0 << true;
    }

    void percentComplete()
    {
        QFETCH(QJsonValue, value);
        QFETCH(int, expected);
        QFETCH(bool, noted);
        // Through bytes, as the network delivers it.
        const Parsed<TaskStatus> parsed =
                TaskStatus::fromJson(bytesOf(with(base(), QStringLiteral("percentComplete"), value)));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QCOMPARE(parsed->percentComplete.has_value(), expected >= 0);
        if (expected >= 0)
            QCOMPARE(*parsed->percentComplete, expected);
        QCOMPARE(parsed->notes.size(), noted ? 1 : 0);
        if (noted)
            QVERIFY(parsed->notes.at(0).contains(QStringLiteral("percentComplete")));
    }

    void parameters_data()
    {
        QTest::addColumn<QByteArray>("parameters");
        QTest::addColumn<QString>("shown");
        QTest::newRow("spec example") << QByteArray(R"([{"name":"value"}])") << QStringLiteral("name=value");
        QTest::newRow("strings") << QByteArray(R"(["Active Directory","42 accounts"])")
                                 << QStringLiteral("Active Directory, 42 accounts");
        QTest::newRow("mixed") << QByteArray(R"(["src",{"count":3,"ok":true}])")
                               << QStringLiteral("src, count=3, ok=true");
        QTest::newRow("nested") << QByteArray(R"([{"list":[1,2]}])") << QStringLiteral("list=[1,2]");
        QTest::newRow("empty") << QByteArray("[]") << QString();
        QTest::newRow("null") << QByteArray("null") << QString();
    }

    void parameters()
    {
        QFETCH(QByteArray, parameters);
        QFETCH(QString, shown);
        QByteArray body = bytesOf(with(base(), QStringLiteral("messages[0].parameters"), QStringLiteral("@P@")));
        body.replace("\"@P@\"", parameters);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TaskMessage &message = parsed->messages.at(0);
        if (parameters == "null") {
            QVERIFY(!message.parameters);
        } else {
            QVERIFY(message.parameters);
            QCOMPARE(*message.parameters, QJsonDocument::fromJson(parameters).array());
        }
        QCOMPARE(message.parametersText(), shown);
        QCOMPARE(messageParametersText(QJsonDocument::fromJson(parameters).array()), shown);
    }

    // One table of message types: the API's spelling for reports, a readable name for people, and
    // whatever was sent for a type we do not know.
    void messageTypeNames_data()
    {
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("label");
        QTest::newRow("INFO") << QStringLiteral("INFO") << QStringLiteral("INFO") << QStringLiteral("Info");
        QTest::newRow("info") << QStringLiteral("info") << QStringLiteral("INFO") << QStringLiteral("Info");
        QTest::newRow("WARN") << QStringLiteral("WARN") << QStringLiteral("WARN") << QStringLiteral("Warning");
        QTest::newRow("Warning") << QStringLiteral("Warning") << QStringLiteral("WARN") << QStringLiteral("Warning");
        QTest::newRow("ERROR") << QStringLiteral("ERROR") << QStringLiteral("ERROR") << QStringLiteral("Error");
        QTest::newRow("DEBUG") << QStringLiteral("DEBUG") << QStringLiteral("DEBUG") << QStringLiteral("DEBUG");
        QTest::newRow("empty") << QString() << QString() << QString();
    }

    void messageTypeNames()
    {
        QFETCH(QString, sent);
        QFETCH(QString, name);
        QFETCH(QString, label);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(with(base(), QStringLiteral("messages[0].type"), sent));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const TaskMessage &message = parsed->messages.at(0);
        QCOMPARE(message.typeName(), name);
        QCOMPARE(message.typeLabel(TextLanguage::English), label);
        QCOMPARE(message.typeLabel(TextLanguage::UserLanguage), label); // no translation installed

        const TableTranslator german({{QStringLiteral("TaskMessage|Info"), QStringLiteral("Information")},
                                      {QStringLiteral("TaskMessage|Warning"), QStringLiteral("Warnung")},
                                      {QStringLiteral("TaskMessage|Error"), QStringLiteral("Fehler")}});
        const QString translated = message.type == TaskMessage::Type::Info ? QStringLiteral("Information")
                : message.type == TaskMessage::Type::Warn                  ? QStringLiteral("Warnung")
                : message.type == TaskMessage::Type::Error                 ? QStringLiteral("Fehler")
                                                                           : label;
        QCOMPARE(message.typeLabel(TextLanguage::UserLanguage), translated);
        QCOMPARE(message.typeLabel(TextLanguage::English), label);
        QCOMPARE(message.typeName(), name); // the report's spelling is never translated
    }

    void returnValues_data()
    {
        QTest::addColumn<QByteArray>("attribute"); // JSON text of attributes.identityCount; empty: absent
        QTest::addColumn<QString>("shown");
        QTest::newRow("42") << QByteArray("42") << QStringLiteral("Identities: 42");
        QTest::newRow("0 (spec)") << QByteArray("0") << QStringLiteral("Identities: 0");
        QTest::newRow("big") << QByteArray("12345678901") << QStringLiteral("Identities: 12345678901");
        QTest::newRow("fraction") << QByteArray("1.5") << QStringLiteral("Identities: 1.5");
        QTest::newRow("string") << QByteArray(R"("many")") << QStringLiteral("Identities: many");
        QTest::newRow("bool") << QByteArray("true") << QStringLiteral("Identities: true");
        QTest::newRow("null") << QByteArray("null") << QStringLiteral("Identities: null");
        QTest::newRow("object") << QByteArray(R"({"a":1})") << QStringLiteral(R"(Identities: {"a":1})");
        QTest::newRow("absent") << QByteArray() << QStringLiteral("Identities: —");
    }

    void returnValues()
    {
        QFETCH(QByteArray, attribute);
        QFETCH(QString, shown);
        const QByteArray body =
                "{\"id\":\"t1\",\"returns\":[{\"name\":\"Identities\",\"attributeName\":\"identityCount\"}],"
                "\"attributes\":{"
                + (attribute.isEmpty() ? QByteArray() : "\"identityCount\":" + attribute) + "}}";
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const QList<ReturnValue> values = parsed->returnValues();
        QCOMPARE(values.size(), 1);
        QCOMPARE(values.at(0).name, QStringLiteral("Identities"));
        QCOMPARE(values.at(0).attributeName, QStringLiteral("identityCount"));
        QCOMPARE(values.at(0).text(), shown);
    }

    void returnValuesInOrder()
    {
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(QByteArray(
                R"({"id":"t1","returns":[{"name":"Accounts","attributeName":"accounts"},{"name":"Identities","attributeName":"identityCount"}],)"
                R"("attributes":{"identityCount":42,"accounts":7,"other":1}})"));
        QVERIFY(parsed.ok());
        QStringList shown;
        for (const ReturnValue &value : parsed->returnValues())
            shown.append(value.text());
        QCOMPARE(shown, (QStringList {QStringLiteral("Accounts: 7"), QStringLiteral("Identities: 42")}));
    }

    void onlyAnId()
    {
        const Parsed<TaskStatus> parsed =
                TaskStatus::fromJson(QByteArray(R"({"id":"2c9180835d2e5168015d32f890ca1581"})"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QCOMPARE(parsed->id, QStringLiteral("2c9180835d2e5168015d32f890ca1581"));
        QVERIFY(!parsed->created.isValid());
        QVERIFY(!parsed->percentComplete);
        QVERIFY(!parsed->progress);
        QVERIFY(parsed->messages.isEmpty());
        QCOMPARE(parsed->state(), TaskState::Queued);
    }

    // A list's statuses keep their own bytes as raw JSON, less the whitespace between tokens (never inside a
    // string), keys in the order they came: what the tenant sent, and one line for the watch list.
    void aListKeepsEachElementsOwnBytes()
    {
        // Spaces and line ends between tokens, and in strings: commas, brackets, an escaped quote and backslash.
        const QByteArray first =
                "{ \"id\" : \"a1\", \"type\":\"QUARTZ\", \"uniqueName\" : \"Nightly, \\\"full\\\" [x]\",\n"
                "  \"created\":\"2026-12-04T18:00:00Z\", \"completionStatus\" : null,\n"
                "  \"messages\" : [ { \"key\":\"k\", \"localizedText\":{ \"locale\":\"en\", "
                "\"message\":\"a }, b ] \\\\ c\" } } ] }";
        const QByteArray second = "{\"id\":\"b2\",\"type\":\"QUARTZ\",\"uniqueName\":\"Refresh\","
                                  "\"created\":\"2026-12-04T18:00:00Z\",\"completionStatus\":\"SUCCESS\"}";
        const QByteArray body = "[ " + first + " ,\n  " + second + " ]";
        const Parsed<QList<TaskStatus>> list = TaskStatus::listFromJson(body);
        QVERIFY2(list.ok(), qPrintable(list.error().message()));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).rawJson,
                 QByteArray("{\"id\":\"a1\",\"type\":\"QUARTZ\",\"uniqueName\":\"Nightly, \\\"full\\\" [x]\","
                            "\"created\":\"2026-12-04T18:00:00Z\",\"completionStatus\":null,"
                            "\"messages\":[{\"key\":\"k\",\"localizedText\":{\"locale\":\"en\","
                            "\"message\":\"a }, b ] \\\\ c\"}}]}"));
        QCOMPARE(list->at(1).rawJson, second);
        const QJsonArray tree = QJsonDocument::fromJson(body).array();
        for (qsizetype i = 0; i < 2; ++i)
            QCOMPARE(QJsonDocument::fromJson(list->at(i).rawJson).object(), tree.at(i).toObject());
        QCOMPARE(list->at(0).uniqueName, QStringLiteral("Nightly, \"full\" [x]"));
    }

    void rawJsonIsCompactAndStable()
    {
        // Change detection compares these bytes and the watch list stores them: the same answer must give the
        // same bytes, whatever spacing it arrived in, and read again they stay as they are. (Keys keep the order
        // they came in; the watch list reads them back so: tst_watchlistformat, readBackAsTheTenantSentIt.)
        const QJsonObject object = base();
        const Parsed<TaskStatus> first = TaskStatus::fromJson(QJsonDocument(object).toJson(QJsonDocument::Indented));
        QVERIFY(first.ok());
        QCOMPARE(first->rawJson, QJsonDocument(object).toJson(QJsonDocument::Compact));
        const Parsed<TaskStatus> again = TaskStatus::fromJson(first->rawJson);
        QVERIFY(again.ok());
        QCOMPARE(again->rawJson, first->rawJson);
        QCOMPARE(again->attributes(), object.value(QLatin1String("attributes")).toObject());
        QCOMPARE(again->definitionArguments(),
                 object.value(QLatin1String("taskDefinitionSummary"))
                         .toObject()
                         .value(QLatin1String("arguments"))
                         .toObject());
    }

    void repeatedValuesShareOneString()
    {
        // 10,000 statuses of the same few definitions hold each repeated text once.
        QJsonObject other = base();
        other.insert(QStringLiteral("id"), QStringLiteral("ffffffffffffffffffffffffffffffff"));
        const Parsed<TaskStatus> a = TaskStatus::fromJson(bytesOf(base()));
        const Parsed<TaskStatus> b = TaskStatus::fromJson(bytesOf(other));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!a->type.isEmpty() && !a->launcher.isEmpty());
        QCOMPARE(a->type.constData(), b->type.constData());
        QCOMPARE(a->launcher.constData(), b->launcher.constData());
        QCOMPARE(a->uniqueName.constData(), b->uniqueName.constData());
        QVERIFY(a->id != b->id);
    }

    void unknownFieldsKeptInRaw()
    {
        const QJsonObject object = with(base(), QStringLiteral("addedIn2027"), QJsonObject {{QStringLiteral("a"), 1}});
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(bytesOf(object));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->raw(), object);
    }

    void unicodeText()
    {
        const QString name = QStringLiteral("Agrégation 📦 聚合 \u200f");
        const Parsed<TaskStatus> parsed =
                TaskStatus::fromJson(bytesOf(with(base(), QStringLiteral("uniqueName"), name)));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->uniqueName, name);
    }

    void byteOrderMark()
    {
        const Parsed<TaskStatus> parsed =
                TaskStatus::fromJson("\xEF\xBB\xBF" + SpecFixtures::bytes(QStringLiteral("v2025/taskstatus.json")));
        // Either way is fine as long as it is a clear answer: Qt's parser skips a BOM.
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
    }

    // ---- strict where it matters ----------------------------------------------------------------------------

    void notAnObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("array of the example")
                << "[" + SpecFixtures::bytes(QStringLiteral("v2025/taskstatus.json")) + "]";
        QTest::newRow("empty array") << QByteArray("[]");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("string") << QByteArray(R"("id12345")");
        QTest::newRow("true") << QByteArray("true");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
        QTest::newRow("text") << QByteArray("Rate Limit Exceeded");
        QTest::newRow("two objects") << QByteArray(R"({"id":"a"}{"id":"b"})");
        QTest::newRow("trailing garbage") << QByteArray(R"({"id":"a"} x)");
        QTest::newRow("single quotes") << QByteArray("{'id':'a'}");
        QTest::newRow("trailing comma") << QByteArray(R"({"id":"a",})");
        QTest::newRow("NaN") << QByteArray(R"({"id":"a","percentComplete":NaN})");
        QTest::newRow("NUL byte") << QByteArray("{\"id\":\"a\"}\0", 11);
    }

    void notAnObject()
    {
        QFETCH(QByteArray, body);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().field.isEmpty()); // the document as a whole is at fault
        QVERIFY(!parsed.error().reason.isEmpty());
        QVERIFY(!parsed.error().message().isEmpty());
    }

    void arrayIsNamed()
    {
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson("[]");
        QVERIFY(parsed.error().reason.contains(QStringLiteral("object")));
        QVERIFY(parsed.error().reason.contains(QStringLiteral("array")));
    }

    void idRequired_data()
    {
        QTest::addColumn<QJsonValue>("id");
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("empty") << QJsonValue(QString());
        QTest::newRow("number") << QJsonValue(12345);
        QTest::newRow("bool") << QJsonValue(true);
        QTest::newRow("array") << QJsonValue(QJsonArray {QStringLiteral("id12345")});
        QTest::newRow("object") << QJsonValue(QJsonObject {{QStringLiteral("id"), QStringLiteral("id12345")}});
    }

    void idRequired()
    {
        QFETCH(QJsonValue, id);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(bytesOf(with(base(), QStringLiteral("id"), id)));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, QStringLiteral("id"));
        QVERIFY(!parsed.error().reason.isEmpty());
        QVERIFY(parsed.error().message().startsWith(QStringLiteral("id: ")));
    }

    // For each field of the schema, each wrong JSON type is an error that names the field.
    void wrongTypes_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        enum Kind { Text, Date, Object, Array, Number, Item };
        const QList<std::pair<const char *, Kind>> fields = {
                {"type", Text},
                {"uniqueName", Text},
                {"description", Text},
                {"parentName", Text},
                {"launcher", Text},
                {"target", Object},
                {"target.id", Text},
                {"target.type", Text},
                {"target.name", Text},
                {"created", Date},
                {"modified", Date},
                {"launched", Date},
                {"completed", Date},
                {"completionStatus", Text},
                {"messages", Array},
                {"messages[0]", Item},
                {"messages[0].type", Text},
                {"messages[0].localizedText", Object},
                {"messages[0].localizedText.locale", Text},
                {"messages[0].localizedText.message", Text},
                {"messages[0].key", Text},
                {"messages[0].parameters", Array},
                {"returns", Array},
                {"returns[0]", Item},
                {"returns[0].name", Text},
                {"returns[0].attributeName", Text},
                {"attributes", Object},
                {"progress", Text},
                {"percentComplete", Number},
                {"taskDefinitionSummary", Object},
                {"taskDefinitionSummary.id", Text},
                {"taskDefinitionSummary.uniqueName", Text},
                {"taskDefinitionSummary.description", Text},
                {"taskDefinitionSummary.parentName", Text},
                {"taskDefinitionSummary.executor", Text},
                {"taskDefinitionSummary.arguments", Object},
        };
        const QJsonValue number(42), boolean(false), text(QStringLiteral("text")), array(QJsonArray {1}),
                object(QJsonObject {{QStringLiteral("a"), 1}}), null(QJsonValue::Null);
        QSet<QString> covered;
        for (const auto &[field, kind] : fields) {
            covered.insert(QString::fromLatin1(field).section(u'.', 0, 0).section(u'[', 0, 0));
            QList<QJsonValue> wrong;
            switch (kind) {
            case Text:
                wrong = {number, boolean, array, object};
                break;
            case Date:
                wrong = {number, boolean, array, object, QJsonValue(QStringLiteral("not a date"))};
                break;
            case Object:
                wrong = {text, number, boolean, array};
                break;
            case Array:
                wrong = {text, number, boolean, object};
                break;
            case Number:
                wrong = {QJsonValue(QStringLiteral("50")), boolean, array, object};
                break;
            case Item:
                wrong = {text, number, boolean, array, null};
                break;
            }
            for (const QJsonValue &value : std::as_const(wrong)) {
                const QString shown = QString::fromUtf8(
                        QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
                QTest::newRow(qPrintable(QLatin1String(field) + QStringLiteral(" = ") + shown))
                        << QString::fromLatin1(field) << value;
            }
        }
        // Every field of the schema but id (idRequired) has rows.
        for (const QString &field : schemaFields())
            QVERIFY2(field == u"id" || covered.contains(field), qPrintable(field));
    }

    void wrongTypes()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(bytesOf(with(base(), field, value)));
        QVERIFY2(!parsed.ok(), qPrintable(field));
        QCOMPARE(parsed.error().field, field);
        QVERIFY(!parsed.error().reason.isEmpty());
        QCOMPARE(parsed.error().message(), field + QStringLiteral(": ") + parsed.error().reason);
    }

    void wrongTypeInListNamesItem()
    {
        QJsonArray list = SpecFixtures::json(QStringLiteral("v2025/taskstatus-list.json")).toArray();
        list.replace(1, with(list.at(1).toObject(), QStringLiteral("messages[0].type"), 7));
        const Parsed<QList<TaskStatus>> parsed = TaskStatus::listFromJson(bytesOf(list));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, QStringLiteral("[1].messages[0].type"));

        list.replace(2, QStringLiteral("not a task"));
        list.replace(1, base());
        const Parsed<QList<TaskStatus>> second = TaskStatus::listFromJson(bytesOf(list));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().field, QStringLiteral("[2]"));

        const Parsed<QList<TaskStatus>> noId = TaskStatus::listFromJson(R"([{"id":"a"},{}])");
        QCOMPARE(noId.error().field, QStringLiteral("[1].id"));
    }

    // ---- malformed input: an error or a value, never a crash -----------------------------------------------

    void everyPrefix_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &fixture : SpecFixtures::list(QStringLiteral("taskstatus*.json")))
            QTest::newRow(qPrintable(fixture)) << fixture;
    }

    void everyPrefix()
    {
        QFETCH(QString, fixture);
        const QByteArray full = SpecFixtures::bytes(fixture);
        const bool isList = fixture.endsWith(QStringLiteral("-list.json"));
        const qsizetype lastBrace = full.trimmed().size() - 1; // prefixes shorter than this cut the document
        for (qsizetype length = 0; length <= full.size(); ++length) {
            const QByteArray prefix = full.left(length);
            bool ok = false;
            QString reason;
            if (isList) {
                const Parsed<QList<TaskStatus>> parsed = TaskStatus::listFromJson(prefix);
                ok = parsed.ok();
                reason = parsed.error().reason;
            } else {
                const Parsed<TaskStatus> parsed = TaskStatus::fromJson(prefix);
                ok = parsed.ok();
                reason = parsed.error().reason;
            }
            if (length <= lastBrace)
                QVERIFY2(!ok, qPrintable(QStringLiteral("a %1-byte prefix parsed").arg(length)));
            else
                QVERIFY(ok);
            if (!ok)
                QVERIFY2(!reason.isEmpty(), qPrintable(QStringLiteral("no reason at %1 bytes").arg(length)));
        }
    }

    void tenMegabyteString_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("description") << QStringLiteral("description");
        QTest::newRow("id") << QStringLiteral("id");
        QTest::newRow("messages[0].localizedText.message") << QStringLiteral("messages[0].localizedText.message");
        QTest::newRow("progress") << QStringLiteral("progress");
    }

    void tenMegabyteString()
    {
        QFETCH(QString, field);
        const QString huge(10 * 1024 * 1024, u'x');
        QElapsedTimer timer;
        timer.start();
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(bytesOf(with(base(), field, huge)));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        const QString actual = field == u"description" ? parsed->description
                : field == u"id"                       ? parsed->id
                : field == u"progress"                 ? parsed->progress.value_or(QString())
                                                       : parsed->messages.at(0).text();
        QCOMPARE(actual.size(), huge.size());
        QVERIFY2(timer.elapsed() < 10000, "parsing a 10 MB field took over 10 s");

        // A 10 MB text where a date belongs: an error whose message stays short.
        const Parsed<TaskStatus> date = TaskStatus::fromJson(bytesOf(with(base(), QStringLiteral("created"), huge)));
        QVERIFY(!date.ok());
        QCOMPARE(date.error().field, QStringLiteral("created"));
        QVERIFY(date.error().message().size() < 500);
    }

    void deepNesting_data()
    {
        QTest::addColumn<QByteArray>("body");
        const int depth = 10000;
        const QByteArray arrays = QByteArray(depth, '[') + QByteArray(depth, ']');
        QByteArray objects;
        for (int i = 0; i < depth; ++i)
            objects += "{\"a\":";
        objects += "1" + QByteArray(depth, '}');
        QTest::newRow("arrays at the top") << arrays;
        QTest::newRow("objects at the top") << objects;
        QTest::newRow("arrays in attributes") << R"({"id":"a","attributes":{"x":)" + arrays + "}}";
        QTest::newRow("objects in arguments") << R"({"id":"a","taskDefinitionSummary":{"arguments":)" + objects + "}}";
        QTest::newRow("arrays in parameters") << R"({"id":"a","messages":[{"parameters":)" + arrays + "}]}";
        QTest::newRow("unclosed") << QByteArray(depth, '[');
    }

    void deepNesting()
    {
        QFETCH(QByteArray, body);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
        QVERIFY(!parsed.ok());
        QVERIFY(!parsed.error().reason.isEmpty());
        const Parsed<QList<TaskStatus>> list = TaskStatus::listFromJson(body);
        QVERIFY(!list.ok());
        QVERIFY(!list.error().reason.isEmpty());
    }

    void moderateNestingKept()
    {
        // 500 levels is well within what the parser takes: kept whole in attributes.
        const QByteArray nested = QByteArray(500, '[') + "1" + QByteArray(500, ']');
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(R"({"id":"a","attributes":{"x":)" + nested + "}}");
        QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
        QVERIFY(parsed->attributes().value(QStringLiteral("x")).isArray());
    }

    void invalidUtf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation byte") << QByteArray("\x80");
        QTest::newRow("0xFF") << QByteArray("\xFF");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF");
        QTest::newRow("surrogate half") << QByteArray("\xED\xA0\x80");
        QTest::newRow("beyond U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("cut multibyte") << QByteArray("\xE2\x82");
        QTest::newRow("latin-1 é") << QByteArray("caf\xE9");
    }

    void invalidUtf8()
    {
        QFETCH(QByteArray, bytes);
        const QList<QByteArray> bodies = {"{\"id\":\"a\",\"uniqueName\":\"" + bytes + "\"}",
                                          "{\"id\":\"" + bytes + "\"}", "{\"id\":\"a\",\"" + bytes + "\":1}",
                                          "{\"id\":\"a\"}" + bytes};
        for (const QByteArray &body : bodies) {
            const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
            QVERIFY2(!parsed.ok(), body.constData());
            QVERIFY(!parsed.error().reason.isEmpty());
        }
    }

    void emptyBody_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("space") << QByteArray(" ");
        QTest::newRow("newlines") << QByteArray("\r\n\t\n");
    }

    void emptyBody()
    {
        QFETCH(QByteArray, body);
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(body);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error().reason.contains(QStringLiteral("empty")));
        QVERIFY(!TaskStatus::listFromJson(body).ok());
    }

    void jsonErrorsSayWhere()
    {
        const Parsed<TaskStatus> parsed = TaskStatus::fromJson(R"({"id":"a",,})");
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().reason.contains(QStringLiteral("byte")), qPrintable(parsed.error().reason));
    }
};

QTEST_GUILESS_MAIN(TestTaskStatus)
#include "tst_taskstatus.moc"

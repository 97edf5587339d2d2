#include "WatchListFormat.h"

#include "models/JsonRead.h"
#include "models/TaskId.h"

#include <QBuffer>
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <optional>

namespace WatchListFormat {

namespace {

// Lenient, unlike the tasks: a rule this version cannot use (a hand edit, a kind or form of a newer version) is
// left out, and never costs the tasks beside it. A value goes into a filter expression only if it could.
QList<FollowedRule> readRules(const QJsonObject &root)
{
    QList<FollowedRule> rules;
    const QJsonArray follow = root.value(QStringLiteral("follow")).toArray();
    for (const QJsonValue &item : follow) {
        const QJsonObject entry = item.toObject();
        const QJsonValue profile = entry.value(QStringLiteral("profile"));
        const QJsonValue value = entry.value(QStringLiteral("value"));
        const std::optional<FollowRule::Kind> kind =
                FollowRule::kindFromName(entry.value(QStringLiteral("kind")).toString());
        if (!kind || !profile.isString() || !value.isString())
            continue;
        const FollowedRule followed {profile.toString(), {*kind, value.toString()}};
        if (FollowRule::problem(followed.rule.kind, followed.rule.value).isEmpty() && !rules.contains(followed))
            rules.append(followed);
    }
    return rules;
}

QJsonValue dateValue(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

WatchedTask readEntry(const QJsonObject &object, const QString &path)
{
    using namespace JsonRead;
    WatchedTask task;
    task.id = string(object, QStringLiteral("id"), path);
    const QString reason = TaskId::invalidReason(task.id);
    if (!reason.isEmpty())
        fail(join(path, QStringLiteral("id")), QStringLiteral("\"%1\" %2").arg(task.id.left(80), reason));
    task.profile = sharedString(object, QStringLiteral("profile"), path);
    task.label = string(object, QStringLiteral("label"), path);
    task.addedAt = optDateTime(object, QStringLiteral("addedAt"), path).value_or(QDateTime());
    task.checkedAt = optDateTime(object, QStringLiteral("checkedAt"), path).value_or(QDateTime());
    const QJsonValue paused = object.value(QStringLiteral("paused"));
    if (!isAbsent(paused) && !paused.isBool())
        fail(join(path, QStringLiteral("paused")), QStringLiteral("expected a boolean, got %1").arg(typeName(paused)));
    task.paused = paused.toBool(false);
    if (const auto raw = optObject(object, QStringLiteral("status"), path)) {
        Parsed<TaskStatus> status = TaskStatus::fromJson(*raw);
        if (status && status->id == task.id)
            task.status = std::move(status.value());
    }
    return task;
}

// An entry as write() lays it out: the head (Qt's compact JSON of the fields above, whose strings cannot hold an
// unescaped quote, so the first ,"status": ends it), then the status's bytes as they were kept. Read so, a status
// keeps those bytes: back from the file it is byte for byte the answer it was, and the next same answer is no
// change (TaskChange compares the bytes). nullopt: not that layout, or a status that does not read; the caller
// reads the entry whole, which says why.
std::optional<WatchedTask> readWrittenEntry(QByteArrayView line, const QString &path)
{
    static constexpr QByteArrayView Marker = ",\"status\":";
    const qsizetype split = line.indexOf(Marker);
    if (split < 0 || !line.endsWith('}'))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument head = QJsonDocument::fromJson(line.first(split).toByteArray() + '}', &error);
    if (error.error != QJsonParseError::NoError || !head.isObject() || head.object().contains(QStringLiteral("status")))
        return std::nullopt;
    WatchedTask task = readEntry(head.object(), path);
    const QByteArrayView bytes = line.sliced(split + Marker.size()).chopped(1);
    if (bytes == "null")
        return task;
    Parsed<TaskStatus> status = TaskStatus::fromJson(bytes.toByteArray());
    if (!status)
        return std::nullopt;
    if (status->id == task.id)
        task.status = std::move(status.value());
    return task;
}

} // namespace

QString formatName()
{
    return QStringLiteral("taskwatch-watchlist");
}

bool write(QIODevice &device, const QList<WatchedTask> &tasks, const QByteArray &saveId,
           const QList<FollowedRule> &rules)
{
    // Written by hand, one task per line, so that each cached status goes in as the compact bytes it is kept
    // in, and line by line: one QJsonDocument of 10,000 statuses would cost ~60 MB of tree, and even the whole
    // file in one buffer 14 MB more at the moment of the save.
    QByteArray chunk = QByteArrayLiteral("{\"format\":\"") + formatName().toUtf8()
            + QByteArrayLiteral("\",\"version\":") + QByteArray::number(Version)
            + (saveId.isEmpty() ? QByteArray() : QByteArrayLiteral(",\"saveId\":\"") + saveId + '"')
            + QByteArrayLiteral(",\"tasks\":[");
    constexpr qsizetype FlushAt = 64 * 1024;
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        const WatchedTask &task = tasks.at(i);
        const QJsonObject entry {{QStringLiteral("id"), task.id},
                                 {QStringLiteral("profile"), task.profile},
                                 {QStringLiteral("label"), task.label},
                                 {QStringLiteral("addedAt"), dateValue(task.addedAt)},
                                 {QStringLiteral("checkedAt"), dateValue(task.checkedAt)},
                                 {QStringLiteral("paused"), task.paused}};
        QByteArray line = QJsonDocument(entry).toJson(QJsonDocument::Compact);
        line.chop(1); // the closing brace: the status follows as it is kept, already valid compact JSON
        chunk += i == 0 ? "\n" : ",\n";
        chunk += line;
        chunk += ",\"status\":";
        chunk += task.status ? task.status->rawJson : QByteArrayLiteral("null");
        chunk += '}';
        if (chunk.size() >= FlushAt) {
            if (device.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    chunk += "\n]";
    if (!rules.isEmpty()) {
        QJsonArray follow;
        for (const FollowedRule &followed : rules)
            follow.append(QJsonObject {{QStringLiteral("profile"), followed.profile},
                                       {QStringLiteral("kind"), FollowRule::kindName(followed.rule.kind)},
                                       {QStringLiteral("value"), followed.rule.value}});
        chunk += ",\n\"follow\":" + QJsonDocument(follow).toJson(QJsonDocument::Compact);
    }
    chunk += "}\n";
    return device.write(chunk) == chunk.size();
}

QByteArray toJson(const QList<WatchedTask> &tasks, const QByteArray &saveId, const QList<FollowedRule> &rules)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    write(buffer, tasks, saveId, rules);
    return out;
}

namespace {

// What the top of every watch list must say; nullopt when it does.
std::optional<ParseError> rootProblem(const QJsonObject &root)
{
    if (root.value(QStringLiteral("format")).toString() != formatName())
        return ParseError {QStringLiteral("format"), QStringLiteral("this is not a Taskwatch watch list")};
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != std::floor(version.toDouble()))
        return ParseError {QStringLiteral("version"), QStringLiteral("expected a whole number ≥ 1")};
    if (version.toInt() > Version)
        return ParseError {QStringLiteral("version"),
                           QStringLiteral("written by a newer Taskwatch (format version %1; this one reads up to %2)")
                                   .arg(version.toInt())
                                   .arg(Version)};
    const QJsonValue entries = root.value(QStringLiteral("tasks"));
    if (!entries.isArray())
        return ParseError {QStringLiteral("tasks"),
                           QStringLiteral("expected an array, got %1").arg(JsonRead::typeName(entries))};
    return std::nullopt;
}

// Collects entries in order; the same task twice in one profile: the first entry wins.
struct Collector
{
    QList<WatchedTask> tasks;
    QSet<QString> seen;
    void add(WatchedTask task)
    {
        const QString key = task.profile + u'\n' + task.id;
        if (seen.contains(key))
            return;
        seen.insert(key);
        tasks.append(std::move(task));
    }
};

// The file as write() lays it out: the head line, one task per line, then the rest. Each line is read on its
// own, so that the JSON tree in memory is one task's at a time, not 10,000 tasks' (~60 MB, interleaved with
// the tasks that stay, so that it could not all be handed back once freed). nullopt: another layout (edited
// by hand, pretty-printed): the caller reads the document whole.
std::optional<Parsed<QList<WatchedTask>>> fromLines(const QByteArray &json, QList<FollowedRule> *rules)
{
    const qsizetype headEnd = json.indexOf('\n');
    if (headEnd < 0 || !QByteArrayView(json.constData(), headEnd).endsWith("\"tasks\":["))
        return std::nullopt;
    QList<std::pair<qsizetype, qsizetype>> lines; // [start, end) of each entry, without its comma
    qsizetype at = headEnd + 1;
    bool comma = true; // every entry but the last ends with one, as write() puts them
    while (at < json.size() && json.at(at) == '{') {
        const qsizetype lineEnd = json.indexOf('\n', at);
        if (lineEnd < 0 || !comma)
            return std::nullopt;
        qsizetype end = lineEnd;
        comma = json.at(end - 1) == ',';
        if (comma)
            --end;
        if (end <= at || json.at(end - 1) != '}')
            return std::nullopt;
        lines.append({at, end});
        at = lineEnd + 1;
    }
    if (at >= json.size() || json.at(at) != ']' || (comma && !lines.isEmpty()))
        return std::nullopt;
    // The head and the tail without the entries: the document's own checks and the follow rules.
    const Parsed<QJsonValue> skeleton = parseJsonDocument(json.left(headEnd) + json.mid(at));
    if (!skeleton || !skeleton->isObject())
        return std::nullopt; // the whole document says why
    const QJsonObject root = skeleton->toObject();
    if (const std::optional<ParseError> problem = rootProblem(root))
        return Parsed<QList<WatchedTask>>(*problem);
    Collector collector;
    collector.tasks.reserve(lines.size());
    try {
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString path = JsonRead::join(QStringLiteral("tasks"), i);
            const auto [start, end] = lines.at(i);
            if (std::optional<WatchedTask> task =
                        readWrittenEntry(QByteArrayView(json).sliced(start, end - start), path)) {
                collector.add(std::move(*task));
                continue;
            }
            QJsonParseError error;
            const QJsonDocument entry = QJsonDocument::fromJson(json.mid(start, end - start), &error);
            if (error.error != QJsonParseError::NoError || !entry.isObject())
                return std::nullopt; // not write()'s layout after all: the whole document says what it is
            collector.add(readEntry(entry.object(), path));
        }
        if (rules)
            *rules = readRules(root);
    } catch (const JsonRead::Failure &failure) {
        return Parsed<QList<WatchedTask>>(failure.error);
    }
    return Parsed<QList<WatchedTask>>(std::move(collector.tasks));
}

} // namespace

Parsed<QList<WatchedTask>> fromJson(const QByteArray &json, QList<FollowedRule> *rules)
{
    if (std::optional<Parsed<QList<WatchedTask>>> read = fromLines(json, rules))
        return std::move(*read);
    const Parsed<QJsonValue> document = parseJsonDocument(json);
    if (!document)
        return document.error();
    if (!document->isObject())
        return ParseError {{}, QStringLiteral("expected a JSON object, got %1").arg(JsonRead::typeName(*document))};
    const QJsonObject root = document->toObject();
    if (const std::optional<ParseError> problem = rootProblem(root))
        return *problem;
    Collector collector;
    try {
        const QJsonArray array = root.value(QStringLiteral("tasks")).toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collector.add(readEntry(JsonRead::objectAt(array, i, QStringLiteral("tasks")),
                                    JsonRead::join(QStringLiteral("tasks"), i)));
        if (rules)
            *rules = readRules(root);
    } catch (const JsonRead::Failure &failure) {
        return failure.error;
    }
    return collector.tasks;
}

} // namespace WatchListFormat

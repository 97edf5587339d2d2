#include "WatchListFormat.h"

#include "models/JsonRead.h"
#include "models/TaskId.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

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

} // namespace

QString formatName()
{
    return QStringLiteral("taskwatch-watchlist");
}

QByteArray toJson(const QList<WatchedTask> &tasks, const QByteArray &saveId, const QList<FollowedRule> &rules)
{
    // Written by hand, one task per line, so that each cached status goes in as the compact bytes it is
    // kept in: one QJsonDocument of 10,000 statuses would cost ~60 MB of tree to write a 14 MB file.
    QByteArray out = QByteArrayLiteral("{\"format\":\"") + formatName().toUtf8() + QByteArrayLiteral("\",\"version\":")
            + QByteArray::number(Version)
            + (saveId.isEmpty() ? QByteArray() : QByteArrayLiteral(",\"saveId\":\"") + saveId + '"')
            + QByteArrayLiteral(",\"tasks\":[");
    qsizetype size = out.size();
    for (const WatchedTask &task : tasks)
        size += 200 + (task.status ? task.status->rawJson.size() : 0);
    out.reserve(size + 8);
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
        out += i == 0 ? "\n" : ",\n";
        out += line;
        out += ",\"status\":";
        out += task.status ? task.status->rawJson : QByteArrayLiteral("null");
        out += '}';
    }
    out += "\n]";
    if (!rules.isEmpty()) {
        QJsonArray follow;
        for (const FollowedRule &followed : rules)
            follow.append(QJsonObject {{QStringLiteral("profile"), followed.profile},
                                       {QStringLiteral("kind"), FollowRule::kindName(followed.rule.kind)},
                                       {QStringLiteral("value"), followed.rule.value}});
        out += ",\n\"follow\":" + QJsonDocument(follow).toJson(QJsonDocument::Compact);
    }
    out += "}\n";
    return out;
}

Parsed<QList<WatchedTask>> fromJson(const QByteArray &json, QList<FollowedRule> *rules)
{
    const Parsed<QJsonValue> document = parseJsonDocument(json);
    if (!document)
        return document.error();
    if (!document->isObject())
        return ParseError {{}, QStringLiteral("expected a JSON object, got %1").arg(JsonRead::typeName(*document))};
    const QJsonObject root = document->toObject();
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

    QList<WatchedTask> tasks;
    QSet<QString> seen;
    try {
        const QJsonArray array = entries.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = JsonRead::join(QStringLiteral("tasks"), i);
            WatchedTask task = readEntry(JsonRead::objectAt(array, i, QStringLiteral("tasks")), path);
            // The same task twice in one profile: the first entry wins.
            const QString key = task.profile + u'\n' + task.id;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            tasks.append(std::move(task));
        }
        if (rules)
            *rules = readRules(root);
    } catch (const JsonRead::Failure &failure) {
        return failure.error;
    }
    return tasks;
}

} // namespace WatchListFormat

#include "ReportMarkdown.h"

#include "Formatting.h"
#include "ReportFields.h"
#include "models/TaskStatus.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace ReportFields;

namespace {

constexpr qsizetype MaxCellLength = 200;

QString cell(QString text)
{
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

QString code(QString text)
{
    text.replace(u'`', u'\'');
    return text.isEmpty() ? QString() : QString(u'`' + text + u'`');
}

QString fenced(const QString &language, const QString &content)
{
    const QString fence = content.contains(QStringLiteral("```")) ? QStringLiteral("````") : QStringLiteral("```");
    return fence + language + u'\n' + content + (content.endsWith(u'\n') ? QString() : QStringLiteral("\n")) + fence
            + u'\n';
}

QString indentedJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented));
    return jsonValueText(value);
}

} // namespace

ReportMarkdown::ReportMarkdown(const QJsonObject &document)
    : m_document(document)
{
    title();
    taskTable();
    times();
    durations();
    messages();
    returns();
    apiErrors();
    history();
    definition();
    notes();
    jsonSection(QStringLiteral("Attributes"), QStringLiteral("attributes"));
    jsonSection(QStringLiteral("Raw task status"), QStringLiteral("raw"));
}

void ReportMarkdown::row(const QString &label, const QString &value)
{
    if (!value.isEmpty())
        m_md += QStringLiteral("| %1 | %2 |\n").arg(label, cell(value));
}

void ReportMarkdown::title()
{
    const QJsonObject task = m_document.value(QStringLiteral("task")).toObject();
    const QDateTime generated = timeFrom(m_document.value(QStringLiteral("generatedAt")));
    m_md += QStringLiteral("# Taskwatch task report: %1\n\n").arg(str(task, QStringLiteral("name")));
    m_md += QStringLiteral("Generated %1 (local %2).\n\n")
                    .arg(Formatting::utcTime(generated), Formatting::localTime(generated));
}

void ReportMarkdown::taskTable()
{
    const QJsonObject task = m_document.value(QStringLiteral("task")).toObject();
    m_md += QStringLiteral("## Task\n\n| Field | Value |\n|---|---|\n");
    row(QStringLiteral("Name"), str(task, QStringLiteral("name")));
    row(QStringLiteral("Label"), str(task, QStringLiteral("label")));
    row(QStringLiteral("State"), str(task, QStringLiteral("displayState")));
    row(QStringLiteral("Completion status"), str(task, QStringLiteral("completionStatus")));
    row(QStringLiteral("Task id"), code(str(task, QStringLiteral("id"))));
    row(QStringLiteral("Type"), str(task, QStringLiteral("type")));
    row(QStringLiteral("Unique name"), str(task, QStringLiteral("uniqueName")));
    row(QStringLiteral("Description"), str(task, QStringLiteral("description")));
    row(QStringLiteral("Parent"), str(task, QStringLiteral("parentName")));
    row(QStringLiteral("Launcher"), str(task, QStringLiteral("launcher")));
    row(QStringLiteral("Target"), targetText(task.value(QStringLiteral("target"))));
    row(QStringLiteral("Progress"), str(task, QStringLiteral("progress")));
    row(QStringLiteral("Percent complete"), percentText(task));
    row(QStringLiteral("Profile"), str(task, QStringLiteral("profile")));
    row(QStringLiteral("Watching paused"),
        task.value(QStringLiteral("paused")).toBool() ? QStringLiteral("yes") : QStringLiteral("no"));
}

void ReportMarkdown::times()
{
    const QJsonObject times = m_document.value(QStringLiteral("times")).toObject();
    m_md += QStringLiteral("\n## Times\n\n| Event | UTC | Local |\n|---|---|---|\n");
    for (const TimeRow &time : TimeRows) {
        const QDateTime at = timeFrom(times.value(QLatin1String(time.key)));
        if (at.isValid())
            m_md += QStringLiteral("| %1 | %2 | %3 |\n")
                            .arg(QLatin1String(time.label), Formatting::utcTime(at), Formatting::localTime(at));
    }
}

void ReportMarkdown::durations()
{
    const QJsonObject durations = m_document.value(QStringLiteral("durations")).toObject();
    m_md += QStringLiteral("\n## Durations\n\n");
    const QString queued = durationText(durations.value(QStringLiteral("queuedSeconds")));
    const QString ran = durationText(durations.value(QStringLiteral("runSeconds")));
    const QString eta = durationText(durations.value(QStringLiteral("etaSeconds")));
    if (!queued.isEmpty())
        m_md += QStringLiteral("- Waited before launch: %1\n").arg(queued);
    if (!ran.isEmpty())
        m_md += (durations.value(QStringLiteral("stillRunning")).toBool() ? QStringLiteral("- Running for: %1\n")
                                                                          : QStringLiteral("- Ran for: %1\n"))
                        .arg(ran);
    if (!eta.isEmpty())
        m_md += QStringLiteral("- Estimated time left: %1\n").arg(eta);
    if (queued.isEmpty() && ran.isEmpty() && eta.isEmpty())
        m_md += QStringLiteral("- Not launched yet\n");
}

void ReportMarkdown::messages()
{
    const QJsonArray messages = m_document.value(QStringLiteral("messages")).toArray();
    m_md += QStringLiteral("\n## Messages (%1)\n\n").arg(messages.size());
    if (messages.isEmpty())
        return;
    m_md += QStringLiteral("| Type | Message | Key | Parameters |\n|---|---|---|---|\n");
    // A table cell holds one line: a long or multi-line message (a stack trace, a connector's exception) is
    // named there and given whole, line breaks kept, below the table.
    QString whole;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QJsonObject message = messages.at(i).toObject();
        const QString type = str(message, QStringLiteral("type"));
        const QString text = str(message, QStringLiteral("text"));
        const bool inFull = text.contains(u'\n') || text.size() > MaxCellLength;
        const QString shown = inFull ? QStringLiteral("%1 … (message %2 in full below)")
                                               .arg(text.section(u'\n', 0, 0).left(MaxCellLength))
                                               .arg(i + 1)
                                     : text;
        m_md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                        .arg(cell(type), cell(shown), cell(code(str(message, QStringLiteral("key")))),
                             cell(parametersText(message)));
        if (inFull)
            whole += QStringLiteral("\n### Message %1 (%2) in full\n\n").arg(i + 1).arg(type) + fenced(QString(), text);
    }
    m_md += whole;
}

void ReportMarkdown::returns()
{
    const QJsonArray returns = m_document.value(QStringLiteral("returns")).toArray();
    m_md += QStringLiteral("\n## Returns (%1)\n\n").arg(returns.size());
    if (returns.isEmpty())
        return;
    m_md += QStringLiteral("| Name | Value | Attribute |\n|---|---|---|\n");
    for (const QJsonValue &value : returns) {
        const QJsonObject entry = value.toObject();
        m_md += QStringLiteral("| %1 | %2 | %3 |\n")
                        .arg(cell(str(entry, QStringLiteral("name"))), cell(returnValueText(entry)),
                             cell(code(str(entry, QStringLiteral("attributeName")))));
    }
}

void ReportMarkdown::apiErrors()
{
    m_md += QStringLiteral("\n## API errors\n\n");
    const QJsonValue problem = m_document.value(QStringLiteral("fetchProblem"));
    if (problem.isObject())
        m_md += QStringLiteral("- Last fetch failed: %1\n").arg(problemText(problem.toObject()));
    const QStringList ids = trackingIds(m_document);
    if (!ids.isEmpty()) {
        QStringList codes;
        for (const QString &id : ids)
            codes.append(code(id));
        m_md += QStringLiteral("- SailPoint tracking ids: %1\n").arg(codes.join(QStringLiteral(", ")));
    }
    if (!problem.isObject() && ids.isEmpty())
        m_md += QStringLiteral("- None seen during this watch\n");
}

void ReportMarkdown::history()
{
    const QJsonArray history = m_document.value(QStringLiteral("history")).toArray();
    m_md += QStringLiteral("\n## History seen by Taskwatch (%1)\n\n").arg(history.size());
    if (history.isEmpty())
        return;
    m_md += QStringLiteral("| UTC | Local | Event | State | Detail |\n|---|---|---|---|---|\n");
    for (const QJsonValue &value : history) {
        const QJsonObject entry = value.toObject();
        const QDateTime at = timeFrom(entry.value(QStringLiteral("at")));
        m_md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                        .arg(Formatting::utcTime(at), Formatting::localTime(at),
                             cell(str(entry, QStringLiteral("event"))), cell(str(entry, QStringLiteral("state"))),
                             cell(str(entry, QStringLiteral("detail"))));
    }
}

void ReportMarkdown::definition()
{
    const QJsonValue definition = m_document.value(QStringLiteral("taskDefinitionSummary"));
    if (!definition.isObject())
        return;
    const QJsonObject summary = definition.toObject();
    m_md += QStringLiteral("\n## Task definition\n\n| Field | Value |\n|---|---|\n");
    row(QStringLiteral("Id"), code(str(summary, QStringLiteral("id"))));
    row(QStringLiteral("Unique name"), str(summary, QStringLiteral("uniqueName")));
    row(QStringLiteral("Description"), str(summary, QStringLiteral("description")));
    row(QStringLiteral("Parent"), str(summary, QStringLiteral("parentName")));
    row(QStringLiteral("Executor"), str(summary, QStringLiteral("executor")));
    m_md += QStringLiteral("\nArguments:\n\n")
            + fenced(QStringLiteral("json"), indentedJson(summary.value(QStringLiteral("arguments"))));
}

void ReportMarkdown::notes()
{
    const QJsonArray notes = m_document.value(QStringLiteral("notes")).toArray();
    if (notes.isEmpty())
        return;
    m_md += QStringLiteral("\n## Parsing notes\n\n");
    for (const QJsonValue &note : notes)
        m_md += QStringLiteral("- %1\n").arg(note.toString());
}

void ReportMarkdown::jsonSection(const QString &heading, const QString &key)
{
    if (m_document.contains(key))
        m_md += QStringLiteral("\n## %1\n\n").arg(heading)
                + fenced(QStringLiteral("json"), indentedJson(m_document.value(key)));
}

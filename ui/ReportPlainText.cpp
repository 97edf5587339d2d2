#include "ReportPlainText.h"

#include "Formatting.h"
#include "ReportFields.h"

#include <QJsonArray>

using namespace ReportFields;

ReportPlainText::ReportPlainText(const QJsonObject &document)
    : m_document(document)
{
    fields();
    messages();
    returns();
    problems();
}

void ReportPlainText::line(const QString &label, const QString &value)
{
    if (!value.isEmpty())
        m_text += label + QStringLiteral(": ") + value + u'\n';
}

void ReportPlainText::fields()
{
    const QJsonObject task = m_document.value(QStringLiteral("task")).toObject();
    const QJsonObject times = m_document.value(QStringLiteral("times")).toObject();
    const QJsonObject durations = m_document.value(QStringLiteral("durations")).toObject();
    line(QStringLiteral("Name"), str(task, QStringLiteral("name")));
    line(QStringLiteral("State"), str(task, QStringLiteral("displayState")));
    line(QStringLiteral("Task id"), str(task, QStringLiteral("id")));
    line(QStringLiteral("Type"), str(task, QStringLiteral("type")));
    line(QStringLiteral("Description"), str(task, QStringLiteral("description")));
    line(QStringLiteral("Launcher"), str(task, QStringLiteral("launcher")));
    line(QStringLiteral("Target"), targetText(task.value(QStringLiteral("target"))));
    for (const TimeRow &time : TimeRows) {
        const QDateTime at = timeFrom(times.value(QLatin1String(time.key)));
        if (at.isValid())
            line(QLatin1String(time.label),
                 QStringLiteral("%1 (%2)").arg(Formatting::localTime(at), Formatting::utcTime(at)));
    }
    line(QStringLiteral("Duration"), durationText(durations.value(QStringLiteral("runSeconds"))));
    line(QStringLiteral("Percent complete"), percentText(task));
    line(QStringLiteral("Progress"), str(task, QStringLiteral("progress")));
}

void ReportPlainText::messages()
{
    const QJsonArray messages = m_document.value(QStringLiteral("messages")).toArray();
    if (messages.isEmpty())
        return;
    m_text += QStringLiteral("Messages:\n");
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        m_text += QStringLiteral("  [%1] %2")
                          .arg(str(message, QStringLiteral("type")), str(message, QStringLiteral("text")));
        const QString parameters = parametersText(message);
        if (!parameters.isEmpty())
            m_text += QStringLiteral(" (%1)").arg(parameters);
        m_text += u'\n';
    }
}

void ReportPlainText::returns()
{
    const QJsonArray returns = m_document.value(QStringLiteral("returns")).toArray();
    if (returns.isEmpty())
        return;
    m_text += QStringLiteral("Returns:\n");
    for (const QJsonValue &value : returns) {
        const QJsonObject entry = value.toObject();
        m_text += QStringLiteral("  %1: %2\n").arg(str(entry, QStringLiteral("name")), returnValueText(entry));
    }
}

void ReportPlainText::problems()
{
    const QJsonValue problem = m_document.value(QStringLiteral("fetchProblem"));
    if (problem.isObject())
        line(QStringLiteral("Last fetch error"), problemText(problem.toObject()));
    line(QStringLiteral("Tracking ids"), trackingIds(m_document).join(QStringLiteral(", ")));
}

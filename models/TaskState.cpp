#include "TaskState.h"

CompletionStatus completionStatusFromString(const QString &text)
{
    const QString upper = text.trimmed().toUpper();
    if (upper == u"SUCCESS")
        return CompletionStatus::Success;
    if (upper == u"WARNING")
        return CompletionStatus::Warning;
    if (upper == u"ERROR")
        return CompletionStatus::Error;
    if (upper == u"TERMINATED")
        return CompletionStatus::Terminated;
    if (upper == u"TEMPERROR" || upper == u"TEMP_ERROR")
        return CompletionStatus::TempError;
    return CompletionStatus::Unknown;
}

QString completionStatusToString(CompletionStatus status)
{
    switch (status) {
    case CompletionStatus::Success:
        return QStringLiteral("SUCCESS");
    case CompletionStatus::Warning:
        return QStringLiteral("WARNING");
    case CompletionStatus::Error:
        return QStringLiteral("ERROR");
    case CompletionStatus::Terminated:
        return QStringLiteral("TERMINATED");
    case CompletionStatus::TempError:
        return QStringLiteral("TEMPERROR");
    case CompletionStatus::None:
    case CompletionStatus::Unknown:
        break;
    }
    return {};
}

bool isFinished(TaskState state)
{
    return state != TaskState::Queued && state != TaskState::Running;
}

bool isFailure(TaskState state)
{
    return state == TaskState::Error || state == TaskState::TempError;
}

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return QStringLiteral("Queued");
    case TaskState::Running:
        return QStringLiteral("Running");
    case TaskState::Success:
        return QStringLiteral("Success");
    case TaskState::Warning:
        return QStringLiteral("Warning");
    case TaskState::Error:
        return QStringLiteral("Error");
    case TaskState::Terminated:
        return QStringLiteral("Terminated");
    case TaskState::TempError:
        return QStringLiteral("Temp error");
    case TaskState::Unknown:
        break;
    }
    return QStringLiteral("Unknown");
}

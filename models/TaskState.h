#pragma once

#include <QString>

// What a watcher sees of a task, derived from launched + completionStatus.
// Terminated is a state of its own: someone stopped the task, it did not fail.
enum class TaskState {
    Queued, // created, not launched yet
    Running, // launched, no completionStatus yet
    Success,
    Warning,
    Error,
    Terminated,
    TempError,
    Unknown, // a completionStatus this version of Taskwatch does not know; its raw text is kept
};

// The five outcomes SailPoint documents, plus Unknown for values added later.
enum class CompletionStatus { None, Success, Warning, Error, Terminated, TempError, Unknown };

// Case-insensitive, as the spec's own examples mix "SUCCESS" and "Success".
CompletionStatus completionStatusFromString(const QString &text);
QString completionStatusToString(CompletionStatus status); // canonical upper case; empty for None/Unknown

bool isFinished(TaskState state);
bool isFailure(TaskState state); // Error and TempError; Terminated is not a failure
QString taskStateName(TaskState state); // human, e.g. "Temp error"

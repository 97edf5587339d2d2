#pragma once

#include "TaskState.h"

#include <QString>

#include <optional>

class TaskStatus;

// What a watcher noticed between two sightings of a task. Notifications and the tray depend on it.
enum class TransitionKind {
    NoChange, // nothing a person would want to hear about
    Started, // Queued (or first seen) → Running
    Progressed, // still running, percentComplete or progress text changed
    Finished, // reached an outcome, or changed to another outcome; see outcome
    Reappeared, // went back to an earlier phase: finished → queued/running, or running → queued
};

struct TaskTransition
{
    TransitionKind kind = TransitionKind::NoChange;
    TaskState outcome = TaskState::Unknown; // the state reached, for Finished

    friend bool operator==(const TaskTransition &, const TaskTransition &) = default;
};

// The part of a status that transitions look at.
struct TaskSnapshot
{
    TaskState state = TaskState::Queued;
    std::optional<int> percentComplete;
    QString progress;
    QString completionStatusRaw; // tells two Unknown outcomes apart

    static TaskSnapshot of(const TaskStatus &status);
    friend bool operator==(const TaskSnapshot &, const TaskSnapshot &) = default;
};

// previous is nullopt the first time a task is seen.
TaskTransition classifyTransition(const std::optional<TaskSnapshot> &previous, const TaskSnapshot &current);
QString transitionKindName(TransitionKind kind);

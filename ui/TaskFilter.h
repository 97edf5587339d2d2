#pragma once

#include "models/WatchedTask.h"

#include <QList>
#include <QString>

// The number of DisplayState values; DisplayState::Pending is the last one.
inline constexpr int DisplayStateCount = int(DisplayState::Pending) + 1;
QList<DisplayState> allDisplayStates();

// The groups the filter bar, the tray and the delegate agree on.
namespace StateGroups {
bool isActive(DisplayState state); // Queued or Running: still has work ahead
bool isFailed(DisplayState state); // Error, Temp error, Terminated: what "Failed" shows
bool isSucceeded(DisplayState state); // Success and Warning (finished, with or without warnings)
} // namespace StateGroups

enum class StateFilter { All, Running, Failed, Succeeded };

bool matchesStateFilter(DisplayState state, StateFilter filter);

// Case-insensitive search over the name (label and uniqueName), id, target and messages. Every word of
// the needle must appear somewhere, so "acme error" finds an Acme task with an error message. A word
// "tenant:NAME" keeps only the tasks of that connection profile (the Tenant column).
bool matchesSearchText(const WatchedTask &task, const QString &needle);

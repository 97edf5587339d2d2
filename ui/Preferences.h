#pragma once

#include "Notifier.h"

// The desktop app's preferences as the settings dialog edits them. The app maps them to and from its
// settings; launchAtLogin mirrors the autostart entry (Autostart::isEnabled), not a stored value.
struct Preferences
{
    static constexpr int MinPollIntervalSeconds = 1;
    static constexpr int MaxPollIntervalSeconds = 300;
    static constexpr int DefaultPollIntervalSeconds = 5;
    static constexpr int DefaultBudgetShare = 50; // percent; the engine's TaskMonitor::DefaultBudgetShare

    int pollIntervalSeconds = DefaultPollIntervalSeconds; // the longest a task waits between checks
    // The part of the tenant's rate limit (per client id) Taskwatch may use, 1..100; the rest is left to other
    // automation with the same client.
    int budgetShare = DefaultBudgetShare;
    static constexpr int DefaultStallMinutes = 15; // the engine's TaskMonitor::DefaultStallThreshold
    int stallMinutes = DefaultStallMinutes; // a running task without progress this long is stalled, 1..1440
    NotificationSettings notify; // failures only by default
    bool startMinimized = false; // to the tray; meaningless without one
    bool launchAtLogin = false;
    // The tenant's queued and running tasks in the status bar: one request a minute, so off by default.
    bool showQueueDepth = false;

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

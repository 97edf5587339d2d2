#pragma once

#include "Notifier.h"

// The desktop app's preferences as the settings dialog edits them. The app maps them to and from its
// settings; launchAtLogin mirrors the autostart entry (Autostart::isEnabled), not a stored value.
struct Preferences
{
    static constexpr int MinPollIntervalSeconds = 1;
    static constexpr int MaxPollIntervalSeconds = 300;
    static constexpr int DefaultPollIntervalSeconds = 5;

    int pollIntervalSeconds = DefaultPollIntervalSeconds;
    NotificationSettings notify; // failures only by default
    bool startMinimized = false; // to the tray; meaningless without one
    bool launchAtLogin = false;
    // The tenant's queued and running tasks in the status bar: one request a minute, so off by default.
    bool showQueueDepth = false;

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

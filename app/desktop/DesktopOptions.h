#pragma once

#include "models/ApiVersion.h"
#include "models/ConnectionProfile.h"
#include "ui/DesktopPalette.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class DesktopSettings;

// What the taskwatch command line asks for. The overrides (--base-url and the rest) are for tests,
// screenshots and trying a tenant out: they apply to this run only and are never saved.
struct DesktopOptions
{
    using Palette = DesktopPalette::Choice;
    // What --screenshot saves: the window, the detail view alone, the selected task's first error (or message)
    // in a window of its own, or the "Mark as finished" confirmation for the selected task (the README's pictures).
    enum class ScreenshotOf { Window, Details, Message, ClearDialog };

    bool demo = false; // watch the embedded simulated tenant, whatever is configured
    bool minimized = false; // start in the tray (minimised where there is none)
    QUrl baseUrl; // --base-url, with clientId: a connection instead of the saved profile
    QString clientId;
    QString clientSecret; // SAIL_CLIENT_SECRET (never a flag); empty: the keychain's
    std::optional<ApiVersion> apiVersion;
    std::optional<int> pollIntervalSeconds;
    QString watchListPath; // empty: WatchList::defaultFilePath()
    Palette palette = Palette::System;
    QString selectId; // the task to select at start
    QString screenshotPath; // grab the window there once the first refresh is in, then quit
    ScreenshotOf screenshotOf = ScreenshotOf::Window;
    // `taskwatch ID...`: tasks to watch, handed to the running instance (SingleInstance) or added at start.
    // Parsed as the Add dialog parses a paste (TaskId::parsePasted): valid, without duplicates.
    QStringList taskIds;

    static inline const QString CommandLineProfileName = QStringLiteral("command line");

    bool hasConnectionOverride() const { return !baseUrl.isEmpty(); }
    // The profile to watch: the command line's connection, else the saved current one with --api-version
    // applied. Nullopt: none, so the demo tenant.
    std::optional<ConnectionProfile> profileToWatch(const DesktopSettings &saved) const;
};

struct DesktopParse
{
    enum class Action { Run, Help, Version, Error };

    Action action = Action::Run;
    DesktopOptions options;
    QString message; // the help text, or what is wrong with the arguments
};

// Pure: the command line (arguments[0] is the program) and the environment (for SAIL_CLIENT_SECRET).
DesktopParse parseDesktopArguments(const QStringList &arguments, const QProcessEnvironment &environment);

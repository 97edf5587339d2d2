#include "DesktopOptions.h"

#include "DesktopSettings.h"
#include "models/ConnectionProfile.h"
#include "models/TaskId.h"
#include "ui/Preferences.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

DesktopParse failure(const QString &message)
{
    return DesktopParse {DesktopParse::Action::Error, {}, message};
}

} // namespace

DesktopParse parseDesktopArguments(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate("DesktopOptions",
                                        "Watch SailPoint Identity Security Cloud tasks.\n\n"
                                        "Without a configured connection Taskwatch starts on a simulated demo "
                                        "tenant. The connection options below apply to this run only; the "
                                        "client secret comes from the SAIL_CLIENT_SECRET environment variable "
                                        "or the keychain, never from the command line."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("DesktopOptions", "Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("DesktopOptions", "Show the version and exit."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("DesktopOptions", "Watch the simulated demo tenant."));
    const QCommandLineOption minimized(
            QStringLiteral("minimized"),
            QCoreApplication::translate("DesktopOptions", "Start in the system tray (minimised where there is none)."));
    const QCommandLineOption baseUrl(
            QStringLiteral("base-url"),
            QCoreApplication::translate("DesktopOptions",
                                        "Tenant API URL, e.g. https://acme.api.identitynow.com (needs --client-id)."),
            QCoreApplication::translate("DesktopOptions", "url"));
    const QCommandLineOption clientId(
            QStringLiteral("client-id"),
            QCoreApplication::translate("DesktopOptions", "API client or personal access token id."),
            QCoreApplication::translate("DesktopOptions", "id"));
    const QCommandLineOption apiVersion(
            QStringLiteral("api-version"),
            QCoreApplication::translate("DesktopOptions", "beta, v2024, v2025, v2026 or v1 (default: the profile's)."),
            QCoreApplication::translate("DesktopOptions", "v"));
    const QCommandLineOption pollInterval(
            QStringLiteral("poll-interval"),
            QCoreApplication::translate("DesktopOptions", "Seconds between checks of running tasks (1-300)."),
            QCoreApplication::translate("DesktopOptions", "seconds"));
    const QCommandLineOption watchList(QStringLiteral("watch-list"),
                                       QCoreApplication::translate("DesktopOptions", "The watch-list file to use."),
                                       QCoreApplication::translate("DesktopOptions", "file"));
    const QCommandLineOption palette(
            QStringLiteral("palette"),
            QCoreApplication::translate("DesktopOptions", "Force the Fusion style with a light or dark palette."),
            QCoreApplication::translate("DesktopOptions", "light|dark"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QCoreApplication::translate("DesktopOptions", "Select this task at start."),
                                    QCoreApplication::translate("DesktopOptions", "id"));
    const QCommandLineOption screenshot(
            QStringLiteral("screenshot"),
            QCoreApplication::translate("DesktopOptions",
                                        "Save a picture of the window once the first refresh is in, then quit."),
            QCoreApplication::translate("DesktopOptions", "file"));
    parser.addOptions({help, version, demo, minimized, baseUrl, clientId, apiVersion, pollInterval, watchList, palette,
                       select, screenshot});
    parser.addPositionalArgument(
            QStringLiteral("ids"),
            QCoreApplication::translate("DesktopOptions",
                                        "Task ids to watch (as the Add dialog takes them: spaces, commas, a JSON "
                                        "array). When Taskwatch already runs they are handed to it and this "
                                        "start ends; without ids, the running window comes to the front."),
            QCoreApplication::translate("DesktopOptions", "[ID...]"));

    if (!parser.parse(arguments))
        return failure(parser.errorText());
    if (parser.isSet(help)) {
        DesktopParse parse;
        parse.action = DesktopParse::Action::Help;
        parse.message = parser.helpText();
        return parse;
    }
    if (parser.isSet(version)) {
        DesktopParse parse;
        parse.action = DesktopParse::Action::Version;
        return parse;
    }
    DesktopParse parse;
    DesktopOptions &options = parse.options;
    if (!parser.positionalArguments().isEmpty()) {
        const TaskId::PastedIds ids = TaskId::parsePasted(parser.positionalArguments().join(u'\n'));
        if (!ids.rejected.isEmpty()) {
            const TaskId::RejectedId &first = ids.rejected.constFirst();
            return failure(QCoreApplication::translate("DesktopOptions", "\"%1\" is not a task id: %2")
                                   .arg(first.text, first.reason));
        }
        options.taskIds = ids.ids;
    }
    options.demo = parser.isSet(demo);
    options.minimized = parser.isSet(minimized);

    if (parser.isSet(baseUrl) != parser.isSet(clientId))
        return failure(QCoreApplication::translate("DesktopOptions", "--base-url and --client-id go together"));
    if (parser.isSet(baseUrl)) {
        if (options.demo)
            return failure(QCoreApplication::translate("DesktopOptions", "--demo cannot be combined with --base-url"));
        ConnectionProfile profile;
        profile.baseUrl = QUrl(parser.value(baseUrl).trimmed(), QUrl::StrictMode);
        profile.clientId = parser.value(clientId).trimmed();
        const QString problem = profile.problem().translated();
        if (!profile.baseUrl.isValid() || !problem.isEmpty())
            return failure(QCoreApplication::translate("DesktopOptions", "--base-url/--client-id: %1")
                                   .arg(problem.isEmpty() ? QCoreApplication::translate("DesktopOptions", "not a URL")
                                                          : problem));
        options.baseUrl = profile.baseUrl;
        options.clientId = profile.clientId;
        options.clientSecret = environment.value(QStringLiteral("SAIL_CLIENT_SECRET")).trimmed();
    }
    if (parser.isSet(apiVersion)) {
        options.apiVersion = ApiVersions::fromName(parser.value(apiVersion).trimmed().toLower());
        if (!options.apiVersion)
            return failure(
                    QCoreApplication::translate("DesktopOptions",
                                                "--api-version: \"%1\" is not one of beta, v2024, v2025, v2026, v1")
                            .arg(parser.value(apiVersion)));
    }
    if (parser.isSet(pollInterval)) {
        bool ok = false;
        const int seconds = parser.value(pollInterval).toInt(&ok);
        if (!ok || seconds < Preferences::MinPollIntervalSeconds || seconds > Preferences::MaxPollIntervalSeconds)
            return failure(
                    QCoreApplication::translate("DesktopOptions", "--poll-interval: give whole seconds from %1 to %2")
                            .arg(Preferences::MinPollIntervalSeconds)
                            .arg(Preferences::MaxPollIntervalSeconds));
        options.pollIntervalSeconds = seconds;
    }
    options.watchListPath = parser.value(watchList);
    if (parser.isSet(palette)) {
        const QString value = parser.value(palette).trimmed().toLower();
        if (value == QLatin1String("light"))
            options.palette = DesktopOptions::Palette::Light;
        else if (value == QLatin1String("dark"))
            options.palette = DesktopOptions::Palette::Dark;
        else
            return failure(QCoreApplication::translate("DesktopOptions", "--palette: light or dark"));
    }
    if (parser.isSet(select)) {
        options.selectId = parser.value(select).trimmed();
        const QString reason = TaskId::invalidReason(options.selectId);
        if (!reason.isEmpty())
            return failure(QCoreApplication::translate("DesktopOptions", "--select: the id %1").arg(reason));
    }
    if (parser.isSet(screenshot)) {
        options.screenshotPath = parser.value(screenshot);
        if (options.screenshotPath.isEmpty())
            return failure(QCoreApplication::translate("DesktopOptions", "--screenshot needs a file name"));
    }
    return parse;
}

std::optional<ConnectionProfile> DesktopOptions::profileToWatch(const DesktopSettings &saved) const
{
    if (hasConnectionOverride()) {
        ConnectionProfile profile;
        profile.name = CommandLineProfileName;
        profile.baseUrl = baseUrl;
        profile.clientId = clientId;
        profile.apiVersion = apiVersion.value_or(ApiVersion::V2025);
        return profile;
    }
    std::optional<ConnectionProfile> profile = saved.profile(saved.currentProfile());
    if (profile && apiVersion)
        profile->apiVersion = *apiVersion;
    return profile;
}

#include "DesktopOptions.h"

#include "models/ConnectionProfile.h"
#include "models/TaskId.h"
#include "ui/Preferences.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DesktopOptions", text);
}

DesktopParse failure(const QString &message)
{
    DesktopParse parse;
    parse.action = DesktopParse::Action::Error;
    parse.message = message;
    return parse;
}

} // namespace

DesktopParse parseDesktopArguments(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Watch SailPoint Identity Security Cloud tasks.\n\n"
                                        "Without a configured connection Taskwatch starts on a simulated demo "
                                        "tenant. The connection options below apply to this run only; the "
                                        "client secret comes from the SAIL_CLIENT_SECRET environment variable "
                                        "or the keychain, never from the command line."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     tr("Show the version and exit."));
    const QCommandLineOption demo(QStringLiteral("demo"), tr("Watch the simulated demo tenant."));
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       tr("Start in the system tray (minimised where there is none)."));
    const QCommandLineOption baseUrl(QStringLiteral("base-url"),
                                     tr("Tenant API URL, e.g. https://acme.api.identitynow.com (needs --client-id)."),
                                     tr("url"));
    const QCommandLineOption clientId(QStringLiteral("client-id"), tr("API client or personal access token id."),
                                      tr("id"));
    const QCommandLineOption apiVersion(QStringLiteral("api-version"),
                                        tr("beta, v2024, v2025, v2026 or v1 (default: the profile's)."), tr("v"));
    const QCommandLineOption pollInterval(QStringLiteral("poll-interval"),
                                          tr("Seconds between checks of running tasks (1-300)."), tr("seconds"));
    const QCommandLineOption watchList(QStringLiteral("watch-list"), tr("The watch-list file to use."), tr("file"));
    const QCommandLineOption palette(QStringLiteral("palette"),
                                     tr("Force the Fusion style with a light or dark palette."), tr("light|dark"));
    const QCommandLineOption select(QStringLiteral("select"), tr("Select this task at start."), tr("id"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        tr("Save a picture of the window once the first refresh is in, then quit."),
                                        tr("file"));
    parser.addOptions({help, version, demo, minimized, baseUrl, clientId, apiVersion, pollInterval, watchList, palette,
                       select, screenshot});
    parser.addPositionalArgument(QStringLiteral("ids"),
                                 tr("Task ids to watch (as the Add dialog takes them: spaces, commas, a JSON "
                                    "array). When Taskwatch already runs they are handed to it and this "
                                    "start ends; without ids, the running window comes to the front."),
                                 tr("[ID...]"));

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
            return failure(tr("\"%1\" is not a task id: %2").arg(first.text, first.reason));
        }
        options.taskIds = ids.ids;
    }
    options.demo = parser.isSet(demo);
    options.minimized = parser.isSet(minimized);

    if (parser.isSet(baseUrl) != parser.isSet(clientId))
        return failure(tr("--base-url and --client-id go together"));
    if (parser.isSet(baseUrl)) {
        if (options.demo)
            return failure(tr("--demo cannot be combined with --base-url"));
        ConnectionProfile profile;
        profile.baseUrl = QUrl(parser.value(baseUrl).trimmed(), QUrl::StrictMode);
        profile.clientId = parser.value(clientId).trimmed();
        const QString problem = profile.problem();
        if (!profile.baseUrl.isValid() || !problem.isEmpty())
            return failure(tr("--base-url/--client-id: %1").arg(problem.isEmpty() ? tr("not a URL") : problem));
        options.baseUrl = profile.baseUrl;
        options.clientId = profile.clientId;
        options.clientSecret = environment.value(QStringLiteral("SAIL_CLIENT_SECRET")).trimmed();
    }
    if (parser.isSet(apiVersion)) {
        options.apiVersion = ApiVersions::fromName(parser.value(apiVersion).trimmed().toLower());
        if (!options.apiVersion)
            return failure(tr("--api-version: \"%1\" is not one of beta, v2024, v2025, v2026, v1")
                                   .arg(parser.value(apiVersion)));
    }
    if (parser.isSet(pollInterval)) {
        bool ok = false;
        const int seconds = parser.value(pollInterval).toInt(&ok);
        if (!ok || seconds < Preferences::MinPollIntervalSeconds || seconds > Preferences::MaxPollIntervalSeconds)
            return failure(tr("--poll-interval: give whole seconds from %1 to %2")
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
            return failure(tr("--palette: light or dark"));
    }
    if (parser.isSet(select)) {
        options.selectId = parser.value(select).trimmed();
        const QString reason = TaskId::invalidReason(options.selectId);
        if (!reason.isEmpty())
            return failure(tr("--select: the id %1").arg(reason));
    }
    if (parser.isSet(screenshot)) {
        options.screenshotPath = parser.value(screenshot);
        if (options.screenshotPath.isEmpty())
            return failure(tr("--screenshot needs a file name"));
    }
    return parse;
}

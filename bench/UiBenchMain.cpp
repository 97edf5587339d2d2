// taskwatch-bench-ui: the widget-side benchmarks (update, window). `taskwatch-bench all` runs them.
#include "BenchCommon.h"
#include "UiBenches.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

const char *Usage =
        "usage: taskwatch-bench-ui update [--rows N] [--changed-percent P] [--rounds R] [--window] [--check]\n"
        "       taskwatch-bench-ui window --tasks N [--watch-list FILE] [--check]\n"
        "       taskwatch-bench-ui make-watch-list --tasks N --out FILE [--profile NAME]\n";

// `window` without a file: make one in a temporary directory, then measure a fresh process that loads it.
int windowInFreshProcess(const QStringList &arguments, const Bench::Args &args)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("watchlist.json"));
    const QString self = QCoreApplication::applicationFilePath();
    const QString tasks = args.value(QStringLiteral("tasks"), QStringLiteral("10000"));
    if (QProcess::execute(
                self,
                {QStringLiteral("make-watch-list"), QStringLiteral("--tasks"), tasks, QStringLiteral("--out"), file})
        != 0)
        return Bench::fail(QStringLiteral("could not make the watch list"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(self, arguments + QStringList {QStringLiteral("--watch-list"), file});
    child.waitForFinished(-1);
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    const double processStartMs = Bench::msSinceProcessStart();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and data of this run stay in a private place: never the user's.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        qputenv("XDG_RUNTIME_DIR", home.path().toLocal8Bit());
    }

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("TaskwatchBench"));
    QCoreApplication::setApplicationName(QStringLiteral("taskwatch-bench-ui"));
    QLoggingCategory::setFilterRules(QStringLiteral("taskwatch.*.info=false")); // warnings still show
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    const Bench::Args args(arguments.mid(1), {QStringLiteral("check"), QStringLiteral("window")});
    if (!args.error().isEmpty()) {
        std::fprintf(stderr, "%s\n%s", qPrintable(args.error()), Usage);
        return 2;
    }
    if (command == QStringLiteral("update"))
        return UiBenches::update(args);
    if (command == QStringLiteral("make-watch-list"))
        return UiBenches::makeWatchList(args);
    if (command == QStringLiteral("window")) {
        if (args.value(QStringLiteral("watch-list")).isEmpty())
            return windowInFreshProcess(arguments, args);
        return UiBenches::window(args, processStartMs);
    }
    std::fputs(Usage, stderr);
    return 2;
}

// taskwatch-bench: the benchmarks of issue 8 (docs/performance.md). `taskwatch-bench all` runs every one
// several times and prints the table; the other commands run one benchmark once and print one JSON line.
#include "BenchCommon.h"
#include "BenchDriver.h"
#include "EngineBenches.h"
#include "LatencyBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cstdio>

namespace {

const char *Usage =
        "usage: taskwatch-bench all [--runs N] [--quick] [--only floor,refresh,sustained,update,window,app-startup,"
        "cli-wait,idle,latency]\n"
        "                           [--json FILE] [--sustained-sizes N,N] [--sustained-duration S] [--idle-duration "
        "S]\n"
        "       taskwatch-bench floor [--check]\n"
        "       taskwatch-bench refresh --tasks N [--mode batched|per-id] [--rate-limit N/S] [--check]\n"
        "       taskwatch-bench sustained --tasks N [--interval S] [--duration S] [--watch-list] [--check]\n"
        "       taskwatch-bench idle --tasks N [--duration S] [--check]\n"
        "       taskwatch-bench cli-wait --tasks N [--timeout S] [--check]\n"
        "       taskwatch-bench app-startup --tasks N [--idle-duration S | --updates-duration S] [--check]\n"
        "       taskwatch-bench latency [--tasks N] [--finishing N] [--first S] [--last S] [--share PERCENT]\n"
        "                               [--phases engine,engine-fixed,cli,cli-fixed] [--check]\n"
        "Every command takes --sim PATH, --cli PATH and --app PATH to use other programs.\n";

QString sibling(const QString &compiledPath, const QString &name)
{
    return QFileInfo::exists(compiledPath) ? compiledPath : QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskwatch-bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("taskwatch.*.info=false")); // warnings still show
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString command = arguments.value(0);
    const Bench::Args args(arguments.mid(1),
                           {QStringLiteral("check"), QStringLiteral("quick"), QStringLiteral("watch-list")});
    if (!args.error().isEmpty()) {
        std::fprintf(stderr, "%s\n%s", qPrintable(args.error()), Usage);
        return 2;
    }
    EngineBenches::Programs programs;
    programs.sim = args.value(QStringLiteral("sim"),
                              sibling(QStringLiteral(TASKWATCH_SIM_PROGRAM), QStringLiteral("taskwatch-sim")));
    programs.cli = args.value(QStringLiteral("cli"),
                              sibling(QStringLiteral(TASKWATCH_CLI_PROGRAM), QStringLiteral("taskwatch-cli")));
#ifdef TASKWATCH_APP_PROGRAM
    programs.app = args.value(QStringLiteral("app"), QStringLiteral(TASKWATCH_APP_PROGRAM));
#else
    programs.app = args.value(QStringLiteral("app"));
#endif
    if (command == QStringLiteral("all")) {
        const QString self = QCoreApplication::applicationFilePath();
        const QString ui = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("taskwatch-bench-ui"));
        return BenchDriver::run(args, self, ui, !programs.app.isEmpty() && QFileInfo::exists(programs.app));
    }
    if (command == QStringLiteral("floor"))
        return EngineBenches::floor(args, programs);
    if (command == QStringLiteral("refresh"))
        return EngineBenches::refresh(args, programs);
    if (command == QStringLiteral("sustained"))
        return EngineBenches::sustained(args, programs);
    if (command == QStringLiteral("idle"))
        return EngineBenches::idle(args, programs);
    if (command == QStringLiteral("cli-wait"))
        return EngineBenches::cliWait(args, programs);
    if (command == QStringLiteral("latency"))
        return LatencyBench::run(args, programs);
    if (command == QStringLiteral("app-startup"))
        return EngineBenches::appStartup(args, programs);
    std::fputs(Usage, stderr);
    return 2;
}

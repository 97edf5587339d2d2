// Helper of tst_crashsafety: the engine (TaskMonitor + WatchList) watching 300 tasks on an in-process
// simulated tenant, saving its watch list over and over until the test kills it (SIGKILL).
// Usage: engine_saver WATCHLIST_FILE. Prints "loaded N" (tasks read from the file at start), "ready" once
// every id is watched and saved, then "saving N STATE" right before and "saved N" right after each save of its
// loop (STATE: SavedState.h's digest of what that save writes), so the test can pick its moment, tell afterwards
// whether the kill came during a save, and check that the file holds exactly what a save wrote.
#include "SavedState.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "sim/SimServer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

namespace {

void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;

    // Tasks that keep running (progress moves every ~0.3 real seconds), so the engine keeps polling.
    SimConfig config;
    config.speed = 100;
    SimServer sim(config);
    QStringList ids;
    for (int i = 0; i < 300; ++i) {
        const QString id = QStringLiteral("crash-%1").arg(i, 4, 10, QLatin1Char('0'));
        sim.addTask(QJsonObject {
                {QStringLiteral("id"), id}, {QStringLiteral("startDelay"), i % 7}, {QStringLiteral("duration"), 3000}});
        ids.append(id);
    }
    if (!sim.listen())
        return 3;

    WatchList list(QString::fromLocal8Bit(argv[1]));
    if (!list.load())
        say("unusable file");
    say("loaded " + QByteArray::number(list.tasks(QStringLiteral("crash")).size()));
    // Only the loop below saves (each save then writes what the line before it says); the engine's own saves
    // are put off.
    list.setSaveDelay(std::chrono::hours(1));

    ConnectionProfile profile;
    profile.name = QStringLiteral("crash");
    profile.baseUrl = sim.baseUrl();
    profile.clientId = QStringLiteral("demo");
    TaskMonitor monitor(profile);
    monitor.setPollInterval(std::chrono::seconds(1));
    monitor.setWatchList(&list);
    monitor.setSecret(QStringLiteral("demo"));
    monitor.addTasks(ids);
    say("saving 0 " + savedState(list.allTasks()));
    if (!list.saveNow())
        return 4;
    say("saved 0");
    say("ready");

    // Besides the engine's own saves (every status change), save in a loop: most of the time is spent
    // inside a save, which is where the kills should land.
    int generation = 0;
    QTimer loop;
    QObject::connect(&loop, &QTimer::timeout, &loop, [&] {
        ++generation;
        monitor.setTaskPaused(ids.at(generation % ids.size()), generation % 2 == 1); // a persisted change
        say("saving " + QByteArray::number(generation) + ' ' + savedState(list.allTasks()));
        if (!list.saveNow())
            QCoreApplication::exit(5);
        say("saved " + QByteArray::number(generation));
    });
    loop.start(0);
    return QCoreApplication::exec();
}

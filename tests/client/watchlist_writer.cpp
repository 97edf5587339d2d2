// Helper of tst_watchlistmerge: one of several processes writing one watch list at once.
//   watchlist_writer FILE NAME SEED OPERATIONS RESULT
// Loads FILE, prints "ready", waits for a line on stdin, then makes OPERATIONS random changes, saving after
// some of them: adds or removes ids of its own namespace ("NAME-0000"...), relabels its own ids, and adds
// or relabels shared ids ("shared-000"..., never removed). At the end it saves and writes RESULT: "own ID"
// for each of its ids whose last change here was an add, "shared ID" for each shared id it added.
// Only load/upsert/remove/saveNow, so that it runs against any version of WatchList.
//   watchlist_writer --hold-lock LOCKFILE
// Takes the lock, prints "locked" and holds it until stdin ends: another process in the middle of a save.
#include "client/WatchList.h"

#include <QCoreApplication>
#include <QFile>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSet>

#include <cstdio>
#include <iostream>
#include <string>

namespace {
constexpr int ownIds = 300;
constexpr int sharedIds = 50;
const QString profile = QStringLiteral("p");

WatchedTask entry(const QString &id, const QString &label)
{
    WatchedTask task;
    task.id = id;
    task.profile = profile;
    task.label = label;
    task.addedAt = QDateTime::currentDateTimeUtc();
    return task;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && QByteArray(argv[1]) == "--hold-lock") {
        QLockFile lock(QString::fromLocal8Bit(argv[2]));
        if (!lock.lock())
            return 3;
        std::printf("locked\n");
        std::fflush(stdout);
        std::string line;
        while (std::getline(std::cin, line)) { }
        return 0;
    }
    if (argc < 6)
        return 2;
    const QString name = QString::fromLocal8Bit(argv[2]);
    QRandomGenerator random(QByteArray(argv[3]).toUInt());
    const int operations = QByteArray(argv[4]).toInt();
    WatchList list(QString::fromLocal8Bit(argv[1]));
    if (!list.load())
        return 3;
    QSet<QString> own; // this process's ids present after its own last change of each
    for (const WatchedTask &task : list.tasks(profile)) {
        if (task.id.startsWith(name + u'-'))
            own.insert(task.id);
    }
    QSet<QString> shared;
    std::printf("ready\n");
    std::fflush(stdout);
    std::string go;
    std::getline(std::cin, go);

    int saves = 0;
    for (int op = 0; op < operations; ++op) {
        const QString label = QStringLiteral("%1-%2").arg(name).arg(op);
        const int kind = random.bounded(10);
        if (kind < 8) {
            const QString id = QStringLiteral("%1-%2").arg(name).arg(random.bounded(ownIds), 4, 10, QLatin1Char('0'));
            if (own.contains(id)) {
                list.remove(profile, id);
                own.remove(id);
            } else {
                list.upsert(entry(id, label));
                own.insert(id);
            }
        } else if (kind < 9 && !own.isEmpty()) {
            const QString id = *std::next(own.cbegin(), random.bounded(int(own.size())));
            WatchedTask task = list.task(profile, id).value_or(entry(id, label));
            task.label = label;
            list.upsert(task);
        } else {
            const QString id = QStringLiteral("shared-%1").arg(random.bounded(sharedIds), 3, 10, QLatin1Char('0'));
            list.upsert(entry(id, label));
            shared.insert(id);
        }
        QCoreApplication::processEvents();
        if (random.bounded(8) == 0) {
            if (!list.saveNow())
                return 4;
            ++saves;
        }
    }
    if (!list.saveNow())
        return 4;
    QFile result(QString::fromLocal8Bit(argv[5]));
    if (!result.open(QIODevice::WriteOnly))
        return 5;
    for (const QString &id : std::as_const(own))
        result.write("own " + id.toUtf8() + '\n');
    for (const QString &id : std::as_const(shared))
        result.write("shared " + id.toUtf8() + '\n');
    std::printf("done %d operations, %d saves\n", operations, saves + 1);
    return 0;
}

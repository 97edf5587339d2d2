// Helper of tst_watchlist: saves a watch list over and over until it is killed. Each save rewrites every
// entry with the same generation label, so a file that parses with one label throughout is whole.
#include "client/WatchList.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    WatchList list(QString::fromLocal8Bit(argv[1]));
    list.load();
    const QString padding(400, u'x');
    for (int generation = 1;; ++generation) {
        for (int i = 0; i < 300; ++i) {
            WatchedTask task;
            task.id = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
            task.profile = QStringLiteral("p");
            task.label = QStringLiteral("gen-%1").arg(generation);
            task.addedAt = QDateTime::currentDateTimeUtc();
            task.checkedAt = task.addedAt;
            task.status = TaskStatus::fromJson(QJsonObject {{QStringLiteral("id"), task.id},
                                                            {QStringLiteral("progress"), padding},
                                                            {QStringLiteral("percentComplete"), generation % 100}})
                                  .value();
            list.upsert(task);
        }
        if (!list.saveNow())
            return 1;
        std::printf("saved %d\n", generation);
        std::fflush(stdout);
    }
}

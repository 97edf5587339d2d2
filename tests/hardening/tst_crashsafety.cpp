#include "SavedState.h"
#include "client/SaveLeftovers.h"
#include "client/WatchList.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Crash safety of the watch list: the engine (engine_saver: TaskMonitor + WatchList on a simulated tenant)
// is killed with SIGKILL 50 times while it saves, at moments drawn from a seeded generator (the kill
// follows the N-th "saving" line of its output). After every kill the file must parse and hold exactly what a
// finished save wrote (every task's label, pause and outcome: SavedState.h): the last save the engine finished,
// or the one it was in when the file had already been replaced; the next run starts from it.
class TestCrashSafety : public QObject
{
    Q_OBJECT

    static constexpr int kills = 50;
    static constexpr int taskCount = 300;

private Q_SLOTS:
    void loadRemovesCopiesOfInterruptedSaves()
    {
        // What a kill between QSaveFile's link and rename leaves (seen about once in 200 kills below): the
        // save's journal, listing the names there before, and a new "<file>.XXXXXX". Only that new name
        // goes; a user's files of the same shape stay.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QVERIFY(WatchList(path).saveNow());
        for (const char *name : {"watchlist.json.backup", "watchlist.json.corrupt-20240101-000000",
                                 "watchlist.json.bak", "other.json.aB3dE9"})
            QVERIFY(QFile::copy(path, dir.filePath(QLatin1String(name))));
        QVERIFY(SaveLeftovers::begin(path));
        QVERIFY(QFile::copy(path, dir.filePath(QStringLiteral("watchlist.json.aB3dE9"))));
        WatchList list(path);
        QVERIFY(list.load());
        QStringList expected {QStringLiteral("other.json.aB3dE9"), QStringLiteral("watchlist.json"),
                              QStringLiteral("watchlist.json.backup"), QStringLiteral("watchlist.json.bak"),
                              QStringLiteral("watchlist.json.corrupt-20240101-000000")};
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), expected);
    }

    void killedFiftyTimesWhileSavingLosesNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QSet<QString> ids;
        for (int i = 0; i < taskCount; ++i)
            ids.insert(QStringLiteral("crash-%1").arg(i, 4, 10, QLatin1Char('0')));

        const quint32 seed = 90210;
        QRandomGenerator random(seed);
        // A user's copy whose name has the shape of a save's temporary copy: it must survive every start.
        {
            QFile backup(dir.filePath(QStringLiteral("watchlist.json.backup")));
            QVERIFY(backup.open(QIODevice::WriteOnly));
            backup.write("{}");
        }
        int duringSave = 0;
        int replaced = 0; // kills inside a save that came after the file was replaced
        int orphans = 0;
        for (int round = 0; round < kills; ++round) {
            const int savesBeforeKill = random.bounded(1, 40);
            QProcess engine;
            engine.start(QStringLiteral(ENGINE_SAVER), {path});
            QVERIFY(engine.waitForStarted());
            QByteArray output;
            // The saves of its loop (the first one, "saving 0", is the save of its start).
            auto saves = [&] { return output.count("\nsaving ") - output.count("\nsaving 0 "); };
            // Waits on the child's own lines: its saves, counted.
            QTRY_VERIFY_WITH_TIMEOUT((output += engine.readAllStandardOutput(),
                                      saves() >= savesBeforeKill || engine.state() == QProcess::NotRunning),
                                     60000);
            QVERIFY2(engine.state() == QProcess::Running, output.constData());
            engine.kill(); // SIGKILL: no chance to finish a write
            QVERIFY(engine.waitForFinished());
            QCOMPARE(engine.exitStatus(), QProcess::CrashExit);
            output += engine.readAllStandardOutput();
            // Its last words: "saving N" without "saved N" means the kill came inside that save.
            const QList<QByteArray> lines = output.trimmed().split('\n');
            const bool inSave = lines.constLast().startsWith("saving ");
            duringSave += inSave ? 1 : 0;
            // What the last finished save wrote, and (killed inside a save) what that one was writing.
            QByteArray finishedState;
            QByteArray inFlightState;
            for (qsizetype i = 0; i < lines.size(); ++i) {
                if (!lines.at(i).startsWith("saving "))
                    continue;
                const QByteArray state = lines.at(i).split(' ').value(2);
                if (i + 1 < lines.size() && lines.at(i + 1).startsWith("saved "))
                    finishedState = state;
                else
                    inFlightState = state;
            }
            QVERIFY(!finishedState.isEmpty() || inSave);

            // The previous kill left a file the engine could use, with every id.
            QVERIFY2(!output.contains("unusable file"), qPrintable(QStringLiteral("round %1").arg(round)));
            if (round > 0)
                QVERIFY2(output.startsWith(QByteArray("loaded " + QByteArray::number(taskCount) + "\n")),
                         output.left(80).constData());

            // A kill between QSaveFile's link and rename leaves a whole, orphaned copy; load() removes it (the
            // save's journal says it is new), and the user's backup beside it stays.
            orphans += QDir(dir.path()).entryList({QStringLiteral("watchlist.json.??????")}, QDir::Files).size() - 1;
            WatchList list(path);
            QSignalSpy problem(&list, &WatchList::loadProblem);
            QVERIFY2(list.load(), qPrintable(QStringLiteral("round %1 (seed %2)").arg(round).arg(seed)));
            QCOMPARE(problem.count(), 0);
            QSet<QString> stored;
            for (const WatchedTask &task : list.tasks(QStringLiteral("crash")))
                stored.insert(task.id);
            QCOMPARE(stored, ids);
            const QByteArray fileState = savedState(list.allTasks());
            QVERIFY2(fileState == finishedState || (inSave && fileState == inFlightState),
                     qPrintable(QStringLiteral("round %1: the file holds %2; the last finished save wrote %3, the "
                                               "interrupted one %4")
                                        .arg(round)
                                        .arg(QString::fromLatin1(fileState), QString::fromLatin1(finishedState),
                                             QString::fromLatin1(inFlightState))));
            replaced += inSave && fileState == inFlightState ? 1 : 0;
            // Nothing else is left behind: no copies piling up in the data folder, kill after kill.
            const QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
            QVERIFY2(files == (QStringList {QStringLiteral("watchlist.json"), QStringLiteral("watchlist.json.backup")}),
                     qPrintable(files.join(QStringLiteral(", "))));
        }
        qInfo("%d of %d kills came during a save of the loop (%d after the file was replaced); %d left an orphaned "
              "copy",
              duringSave, kills, replaced, orphans);
        // Most of the engine's time is spent saving: with this seed, at least one kill in five must land inside
        // a save, or the test did not test the dangerous moment.
        QVERIFY2(duringSave >= kills / 5, qPrintable(QStringLiteral("%1 of %2").arg(duringSave).arg(kills)));
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"

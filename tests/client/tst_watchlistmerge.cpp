#include "client/SaveLeftovers.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"
#include "client/WatchListMerge.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;
using WatchListMerge::Change;

namespace {

WatchedTask task(const QString &id, const QString &label = {}, const QString &profile = QStringLiteral("p"))
{
    WatchedTask t;
    t.id = id;
    t.profile = profile;
    t.label = label;
    t.addedAt = QDateTime::currentDateTimeUtc();
    return t;
}

QStringList ids(const QList<WatchedTask> &tasks)
{
    QStringList result;
    for (const WatchedTask &t : tasks)
        result.append(t.id);
    return result;
}

QSet<QString> idsInFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Parsed<QList<WatchedTask>> parsed = WatchListFormat::fromJson(file.readAll());
    if (!parsed)
        return {QStringLiteral("<unparsable>")};
    QSet<QString> result;
    for (const WatchedTask &t : parsed.value())
        result.insert(t.id);
    return result;
}

bool touch(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write("user's\n") > 0;
}

} // namespace

// Several writers of one watch-list file: the merge rules (WatchListMerge), two WatchLists on one file in
// one process (signals), two real writer processes at once, and what start-up removes beside the file.
class TestWatchListMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void journalKeepsTheLastChange()
    {
        WatchListMerge::Journal journal;
        const WatchListMerge::Key a {QStringLiteral("p"), QStringLiteral("a")};
        WatchListMerge::record(journal, a, true, true);
        QCOMPARE(journal.value(a), Change::Updated);
        WatchListMerge::record(journal, a, false, true);
        QCOMPARE(journal.value(a), Change::Removed);
        WatchListMerge::record(journal, a, true, false);
        QCOMPARE(journal.value(a), Change::Added);
        WatchListMerge::record(journal, a, true, true); // an update of an id added here stays an addition
        QCOMPARE(journal.value(a), Change::Added);
    }

    void mergeAppliesOnlyOwnChanges()
    {
        // Memory: what this process loaded (a, b, c, d), then it added e, updated b, removed c.
        // Disk: another writer since removed a and b, and added x.
        const QList<WatchedTask> disk {task(QStringLiteral("c")), task(QStringLiteral("d"), QStringLiteral("theirs")),
                                       task(QStringLiteral("x"))};
        const QList<WatchedTask> memory {task(QStringLiteral("a")), task(QStringLiteral("b"), QStringLiteral("mine")),
                                         task(QStringLiteral("d")), task(QStringLiteral("e"))};
        WatchListMerge::Journal journal;
        journal.insert({QStringLiteral("p"), QStringLiteral("e")}, Change::Added);
        journal.insert({QStringLiteral("p"), QStringLiteral("b")}, Change::Updated);
        journal.insert({QStringLiteral("p"), QStringLiteral("c")}, Change::Removed);
        const WatchListMerge::Result result = WatchListMerge::merge(disk, memory, journal);
        // a: removed elsewhere, untouched here → gone. b: removed elsewhere, only updated here → gone (an
        // update does not resurrect). c: removed here → gone. d: untouched here → theirs. x: kept. e: added.
        QCOMPARE(ids(result.tasks), (QStringList {QStringLiteral("d"), QStringLiteral("x"), QStringLiteral("e")}));
        QCOMPARE(result.tasks.at(0).label, QStringLiteral("theirs"));
        QCOMPARE(ids(result.addedElsewhere), QStringList {QStringLiteral("x")});
        QCOMPARE(ids(result.removedElsewhere), (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
    }

    void mergeKeysOnProfileAndId()
    {
        const QList<WatchedTask> disk {task(QStringLiteral("a"), {}, QStringLiteral("prod"))};
        const QList<WatchedTask> memory {task(QStringLiteral("a"), {}, QStringLiteral("test"))};
        WatchListMerge::Journal journal;
        journal.insert({QStringLiteral("test"), QStringLiteral("a")}, Change::Added);
        const WatchListMerge::Result result = WatchListMerge::merge(disk, memory, journal);
        QCOMPARE(result.tasks.size(), 2);
        QCOMPARE(result.addedElsewhere.size(), 1);
        QCOMPARE(result.addedElsewhere.at(0).profile, QStringLiteral("prod"));
        QVERIFY(result.removedElsewhere.isEmpty());
    }

    void twoListsOnOneFileSeeEachOther()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        WatchList first(path);
        WatchList second(path);
        QVERIFY(first.load());
        QVERIFY(second.load());
        QSignalSpy added(&second, &WatchList::imported);
        QSignalSpy removed(&second, &WatchList::removedElsewhere);

        first.upsert(task(QStringLiteral("one")));
        first.upsert(task(QStringLiteral("two")));
        QVERIFY(first.saveNow());
        second.upsert(task(QStringLiteral("three")));
        QVERIFY(second.saveNow()); // merges: one and two stay, and second now knows them
        QCOMPARE(idsInFile(path),
                 (QSet<QString> {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
        QCOMPARE(added.count(), 1);
        QCOMPARE(added.at(0).at(0).toString(), QStringLiteral("p"));
        QCOMPARE(ids(added.at(0).at(1).value<QList<WatchedTask>>()),
                 (QStringList {QStringLiteral("one"), QStringLiteral("two")}));
        QCOMPARE(second.allTasks().size(), 3);

        // first removes "one" (it never saw "three"): its save keeps three, and second hears of the removal
        // without saving (the folder changed).
        first.remove(QStringLiteral("p"), QStringLiteral("one"));
        QVERIFY(first.saveNow());
        QCOMPARE(idsInFile(path), (QSet<QString> {QStringLiteral("two"), QStringLiteral("three")}));
        QTRY_COMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toStringList(), QStringList {QStringLiteral("one")});
        QVERIFY(!second.task(QStringLiteral("p"), QStringLiteral("one")));

        // second's stale copy of "two" does not bring it back after first removes it.
        first.remove(QStringLiteral("p"), QStringLiteral("two"));
        QVERIFY(first.saveNow());
        second.upsert(task(QStringLiteral("four")));
        QVERIFY(second.saveNow());
        QCOMPARE(idsInFile(path), (QSet<QString> {QStringLiteral("three"), QStringLiteral("four")}));
    }

    void twoWriterProcessesLoseAndResurrectNothing()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        // Seeded with ids of both namespaces and shared ones: each writer starts with the other's ids in
        // memory, which a whole-file rewrite would bring back after the other removed them.
        QList<WatchedTask> seed;
        for (int i = 0; i < 300; i += 2) {
            seed.append(task(QStringLiteral("A-%1").arg(i, 4, 10, QLatin1Char('0'))));
            seed.append(task(QStringLiteral("B-%1").arg(i, 4, 10, QLatin1Char('0'))));
        }
        for (int i = 0; i < 10; ++i)
            seed.append(task(QStringLiteral("shared-%1").arg(i, 3, 10, QLatin1Char('0'))));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(WatchListFormat::toJson(seed));
        }
        constexpr int operations = 2000;
        // TASKWATCH_TEST_WRITER: a writer built from other code (to show what an older WatchList does).
        const QString writerProgram = qEnvironmentVariable("TASKWATCH_TEST_WRITER", QStringLiteral(WATCHLIST_WRITER));
        const QStringList names {QStringLiteral("A"), QStringLiteral("B")};
        QList<QProcess *> writers;
        for (qsizetype i = 0; i < names.size(); ++i) {
            auto *writer = new QProcess(this);
            writer->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            writer->start(writerProgram,
                          {path, names.at(i), QString::number(4711 + i), QString::number(operations),
                           dir.filePath(names.at(i) + QStringLiteral(".result"))});
            QVERIFY(writer->waitForStarted());
            writers.append(writer);
        }
        for (QProcess *writer : writers)
            QTRY_VERIFY_WITH_TIMEOUT(writer->canReadLine() || writer->state() == QProcess::NotRunning, 30000);
        for (QProcess *writer : writers) {
            QCOMPARE(writer->readLine(), QByteArray("ready\n"));
            writer->write("go\n"); // both at once, so that their saves interleave
        }
        for (QProcess *writer : writers) {
            QVERIFY(writer->waitForFinished(240000));
            QCOMPARE(writer->exitStatus(), QProcess::NormalExit);
            const QByteArray output = writer->readAll();
            QVERIFY2(writer->exitCode() == 0, output.constData());
            qInfo("%s", output.trimmed().constData());
        }

        // Expected: each writer's own ids whose last change by it was an add, every shared id either added
        // or the seed had (shared ids are never removed).
        QSet<QString> expected;
        for (int i = 0; i < 10; ++i)
            expected.insert(QStringLiteral("shared-%1").arg(i, 3, 10, QLatin1Char('0')));
        for (const QString &name : names) {
            QFile result(dir.filePath(name + QStringLiteral(".result")));
            QVERIFY(result.open(QIODevice::ReadOnly));
            while (!result.atEnd()) {
                const QList<QByteArray> words = result.readLine().trimmed().split(' ');
                QCOMPARE(words.size(), 2);
                expected.insert(QString::fromUtf8(words.at(1)));
            }
        }
        const QSet<QString> stored = idsInFile(path);
        const QSet<QString> lost = expected - stored;
        const QSet<QString> resurrected = stored - expected;
        qInfo("2 writers x %d random operations: %lld ids expected, %lld stored, %lld lost, %lld resurrected",
              operations, qlonglong(expected.size()), qlonglong(stored.size()), qlonglong(lost.size()),
              qlonglong(resurrected.size()));
        QVERIFY2(lost.isEmpty(), qPrintable(QStringList(lost.values()).join(u' ').left(400)));
        QVERIFY2(resurrected.isEmpty(), qPrintable(QStringList(resurrected.values()).join(u' ').left(400)));
        // Nothing left beside the file: no lock, no save journal, no copy.
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("watchlist.json*")}, QDir::Files | QDir::Hidden),
                 QStringList {QStringLiteral("watchlist.json")});
    }

    void anEmptyLockOfAKilledProcessIsTakenOver()
    {
        // A kill between creating the lock file and writing its pid into it leaves an empty lock.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QFile lockFile(path + QStringLiteral(".lock"));
        QVERIFY(lockFile.open(QIODevice::WriteOnly));
        QVERIFY(lockFile.setFileTime(QDateTime::currentDateTime().addSecs(-2), QFileDevice::FileModificationTime));
        lockFile.close();
        WatchList list(path);
        list.upsert(task(QStringLiteral("a")));
        QVERIFY(list.saveNow());
        QCOMPARE(idsInFile(path), QSet<QString> {QStringLiteral("a")});
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".lock")));
    }

    void startUpRemovesAnInterruptedSavesCopyOnly()
    {
        // What a save killed between QSaveFile's link and rename leaves: its journal (listing the names that
        // were there before) and a new "<file>.XXXXXX".
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QVERIFY(WatchList(path).saveNow());
        QVERIFY(touch(dir.filePath(QStringLiteral("watchlist.json.backup"))));
        QVERIFY(SaveLeftovers::begin(path));
        QVERIFY(QFile::copy(path, dir.filePath(QStringLiteral("watchlist.json.Xy12Zq"))));
        WatchList list(path);
        QVERIFY(list.load());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList {QStringLiteral("watchlist.json"), QStringLiteral("watchlist.json.backup")}));
    }

    void startUpLeavesLeftoversAloneWhileAnotherProcessHoldsTheLock()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QVERIFY(WatchList(path).saveNow());
        QVERIFY(SaveLeftovers::begin(path));
        const QString copy = dir.filePath(QStringLiteral("watchlist.json.Xy12Zq"));
        QVERIFY(QFile::copy(path, copy));
        QProcess holder;
        holder.start(QStringLiteral(WATCHLIST_WRITER), {QStringLiteral("--hold-lock"), path + QStringLiteral(".lock")});
        QVERIFY(holder.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(holder.canReadLine() || holder.state() == QProcess::NotRunning, 30000);
        QCOMPARE(holder.readLine(), QByteArray("locked\n"));

        WatchList list(path);
        list.setLockTimeout(milliseconds(200));
        QVERIFY(list.load()); // reads the list all the same
        QVERIFY(QFileInfo::exists(copy)); // another process may be in that save: its copy is not touched
        QVERIFY(QFileInfo::exists(SaveLeftovers::journalPath(path)));

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished());
        QVERIFY(list.load()); // once the lock is free, the leftover goes
        QVERIFY(!QFileInfo::exists(copy));
        QVERIFY(!QFileInfo::exists(SaveLeftovers::journalPath(path)));
    }
};

QTEST_GUILESS_MAIN(TestWatchListMerge)
#include "tst_watchlistmerge.moc"

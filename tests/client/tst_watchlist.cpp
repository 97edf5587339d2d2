#include "client/WatchList.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono;

namespace {

WatchedTask task(const QString &id, const QString &profile = QStringLiteral("prod"))
{
    WatchedTask t;
    t.id = id;
    t.profile = profile;
    t.addedAt = QDateTime::currentDateTimeUtc();
    return t;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestWatchList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFileIsAnEmptyList()
    {
        QTemporaryDir dir;
        WatchList list(dir.filePath(QStringLiteral("sub/watchlist.json")));
        QSignalSpy problems(&list, &WatchList::loadProblem);
        QVERIFY(list.load());
        QVERIFY(list.allTasks().isEmpty());
        QCOMPARE(problems.count(), 0);
    }

    void defaultPathIsInTheAppDataDirectory()
    {
        QVERIFY(WatchList::defaultFilePath().endsWith(QStringLiteral("/watchlist.json")));
        WatchList list;
        QCOMPARE(list.filePath(), WatchList::defaultFilePath());
    }

    void savesAndLoadsPerProfile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/watchlist.json")); // the directory is created
        {
            WatchList list(path);
            list.upsert(task(QStringLiteral("a")));
            list.upsert(task(QStringLiteral("b")));
            list.upsert(task(QStringLiteral("a"), QStringLiteral("test")));
            WatchedTask renamed = task(QStringLiteral("a"));
            renamed.label = QStringLiteral("renamed");
            list.upsert(renamed);
            list.remove(QStringLiteral("prod"), QStringLiteral("b"));
            QVERIFY(list.saveNow());
        }
        WatchList list(path);
        QVERIFY(list.load());
        QCOMPARE(list.allTasks().size(), 2);
        QCOMPARE(list.tasks(QStringLiteral("prod")).size(), 1);
        QCOMPARE(list.tasks(QStringLiteral("prod")).first().label, QStringLiteral("renamed"));
        QVERIFY(list.task(QStringLiteral("test"), QStringLiteral("a")).has_value());
        QVERIFY(!list.task(QStringLiteral("prod"), QStringLiteral("b")).has_value());
    }

    void followRulesAreSavedAndTheLastWriterToChangeThemWins()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        const FollowRule refreshes {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")};
        const FollowRule every {FollowRule::Kind::Every, {}};
        WatchList first(path);
        WatchList second(path); // a second instance on the same file
        QVERIFY(first.load() && second.load());
        first.setFollowRules(QStringLiteral("prod"), {refreshes});
        QCOMPARE(first.followRules(QStringLiteral("prod")), QList<FollowRule> {refreshes});
        QVERIFY(first.followRules(QStringLiteral("test")).isEmpty());
        QVERIFY(first.saveNow());
        // The second changed tasks, not rules: it keeps the file's rules and says so.
        QSignalSpy changed(&second, &WatchList::followRulesChanged);
        second.upsert(task(QStringLiteral("a")));
        QVERIFY(second.saveNow());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(second.followRules(QStringLiteral("prod")), QList<FollowRule> {refreshes});
        // Now it changes them: its rules win, and the first takes them at its next look.
        second.setFollowRules(QStringLiteral("prod"), {every});
        QVERIFY(second.saveNow());
        QSignalSpy firstChanged(&first, &WatchList::followRulesChanged);
        QVERIFY(first.syncNow());
        QCOMPARE(firstChanged.count(), 1);
        QCOMPARE(first.followRules(QStringLiteral("prod")), QList<FollowRule> {every});
        // A renamed profile keeps its rules, and a restart reads them.
        first.moveProfile(QStringLiteral("prod"), QStringLiteral("production"));
        QVERIFY(first.saveNow());
        WatchList restarted(path);
        QVERIFY(restarted.load());
        QCOMPARE(restarted.followRules(QStringLiteral("production")), QList<FollowRule> {every});
        QVERIFY(restarted.followRules(QStringLiteral("prod")).isEmpty());
    }

    // Two writers change the rules of two profiles: both changes are kept, each in its own profile.
    void followRulesOfTwoProfilesChangedByTwoWritersAreBothKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        const FollowRule refreshes {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")};
        const FollowRule every {FollowRule::Kind::Every, {}};
        WatchList first(path);
        WatchList second(path);
        QVERIFY(first.load() && second.load());
        // Set here, they are said at once too, for this process's followers of that profile alone.
        QSignalSpy said(&first, &WatchList::followRulesChanged);
        first.setFollowRules(QStringLiteral("prod"), {refreshes});
        QCOMPARE(said.count(), 1);
        QCOMPARE(said.first().first().value<QSet<QString>>(), QSet<QString> {QStringLiteral("prod")});
        second.setFollowRules(QStringLiteral("sandbox"), {every});
        QVERIFY(first.saveNow());
        QVERIFY(second.saveNow()); // merges the first's prod rules, keeps its own sandbox rules
        QCOMPARE(second.followRules(QStringLiteral("prod")), QList<FollowRule> {refreshes});
        QVERIFY(first.syncNow());
        QCOMPARE(first.followRules(QStringLiteral("sandbox")), QList<FollowRule> {every});
        WatchList restarted(path);
        QVERIFY(restarted.load());
        QCOMPARE(restarted.followRules(QStringLiteral("prod")), QList<FollowRule> {refreshes});
        QCOMPARE(restarted.followRules(QStringLiteral("sandbox")), QList<FollowRule> {every});
    }

    void writesAreDebounced()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        WatchList list(path);
        list.setSaveDelay(milliseconds(200));
        for (int i = 0; i < 50; ++i)
            list.upsert(task(QStringLiteral("t%1").arg(i)));
        QVERIFY(list.hasUnsavedChanges());
        QVERIFY(!QFile::exists(path)); // nothing written per change
        QTRY_VERIFY(!list.hasUnsavedChanges());
        WatchList reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.allTasks().size(), 50);
    }

    void progressIsSavedLaterThanWhatMustNotBeLost()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        WatchList list(path);
        list.setSaveDelay(milliseconds(50));
        list.setProgressSaveDelay(hours(1));
        list.upsert(task(QStringLiteral("a")));
        QCOMPARE(list.pendingSaveDelay(), std::optional<milliseconds>(50)); // a new id: soon
        QTRY_VERIFY(!list.hasUnsavedChanges());

        list.upsert(task(QStringLiteral("a")), WatchList::Urgency::Progress);
        QVERIFY(list.hasUnsavedChanges());
        QCOMPARE(list.pendingSaveDelay(), std::optional<milliseconds>(hours(1)));
        list.upsert(task(QStringLiteral("b")), WatchList::Urgency::Progress); // new, so not only progress
        QCOMPARE(list.pendingSaveDelay(), std::optional<milliseconds>(50));
        list.upsert(task(QStringLiteral("a")), WatchList::Urgency::Progress); // does not put it off again
        QCOMPARE(list.pendingSaveDelay(), std::optional<milliseconds>(50));
        QTRY_VERIFY(!list.hasUnsavedChanges());
        QVERIFY(!list.pendingSaveDelay());
        WatchList reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.allTasks().size(), 2);
    }

    void pendingChangesAreWrittenOnDestruction()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        {
            WatchList list(path);
            list.setSaveDelay(hours(1));
            list.upsert(task(QStringLiteral("a")));
        }
        WatchList reread(path);
        QVERIFY(reread.load());
        QCOMPARE(reread.allTasks().size(), 1);
    }

    void problemsAreNotPersisted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        WatchList list(path);
        WatchedTask t = task(QStringLiteral("a"));
        t.problem = {FetchProblem::Kind::Fetch, QStringLiteral("boom"), {}, 500};
        t.nextCheckAt = QDateTime::currentDateTimeUtc();
        list.upsert(t);
        QVERIFY(list.tasks(QStringLiteral("prod")).first().problem.isNone());
        QVERIFY(!list.tasks(QStringLiteral("prod")).first().nextCheckAt.isValid());
    }

    void corruptFileIsKeptAsideAndReported_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("garbage") << QByteArray("\x00\x01 not json", 11);
        QTest::newRow("truncated") << QByteArray(R"({"format":"taskwatch-watchlist","version":1,"tasks":[{"id":"a",)");
        QTest::newRow("newer version") << QByteArray(R"({"format":"taskwatch-watchlist","version":9,"tasks":[]})");
    }
    void corruptFileIsKeptAsideAndReported()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        writeFile(path, content);
        WatchList list(path);
        QSignalSpy problems(&list, &WatchList::loadProblem);
        QVERIFY(!list.load());
        QCOMPARE(problems.count(), 1);
        const QString message = problems.first().at(0).toString();
        const QString keptAs = problems.first().at(1).toString();
        QVERIFY(!keptAs.isEmpty());
        QVERIFY2(message.contains(QDir::toNativeSeparators(keptAs)), qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("empty list")));
        QCOMPARE(readFile(keptAs), content); // kept, byte for byte
        QVERIFY(!QFile::exists(path));
        QVERIFY(list.allTasks().isEmpty());
        // Life goes on with a fresh file; the damaged one stays.
        list.upsert(task(QStringLiteral("a")));
        QVERIFY(list.saveNow());
        QVERIFY(QFile::exists(path));
        QCOMPARE(readFile(keptAs), content);
    }

    void twoCorruptFilesInTheSameSecondAreBothKept()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QStringList kept;
        for (int i = 0; i < 2; ++i) {
            writeFile(path, "broken " + QByteArray::number(i));
            WatchList list(path);
            QSignalSpy problems(&list, &WatchList::loadProblem);
            QVERIFY(!list.load());
            kept.append(problems.first().at(1).toString());
        }
        QVERIFY(kept.at(0) != kept.at(1));
        QCOMPARE(readFile(kept.at(0)), QByteArray("broken 0"));
        QCOMPARE(readFile(kept.at(1)), QByteArray("broken 1"));
    }

    void unreadableFileIsKeptAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QVERIFY(QDir().mkpath(path)); // a directory where the file should be: it cannot be read
        WatchList list(path);
        QSignalSpy problems(&list, &WatchList::loadProblem);
        QVERIFY(!list.load());
        QCOMPARE(problems.count(), 1);
        QVERIFY(QFileInfo(problems.first().at(1).toString()).isDir());
    }

    void startUpKeepsFilesThatAreNotLeftovers()
    {
        // A user's copies whose names have the shape of QSaveFile's temporary copy ("<file>." + 6 letters or
        // digits): with no interrupted save of this program on record they are not ours to delete.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        QVERIFY(WatchList(path).saveNow());
        const QStringList users {QStringLiteral("watchlist.json.backup"), QStringLiteral("watchlist.json.aB3dE9"),
                                 QStringLiteral("watchlist.json.202401")};
        for (const QString &name : users)
            QVERIFY(QFile::copy(path, dir.filePath(name)));
        WatchList list(path);
        QVERIFY(list.load());
        for (const QString &name : users)
            QVERIFY2(QFileInfo::exists(dir.filePath(name)), qPrintable(name));
    }

    void saveFailureIsReported()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("file")), "x");
        WatchList list(dir.filePath(QStringLiteral("file/watchlist.json"))); // under a file: cannot exist
        QSignalSpy failed(&list, &WatchList::saveFailed);
        list.upsert(task(QStringLiteral("a")));
        QVERIFY(!list.saveNow());
        QCOMPARE(failed.count(), 1);
        QVERIFY(list.hasUnsavedChanges());
    }

    void exportAndImport()
    {
        QTemporaryDir dir;
        WatchList list(dir.filePath(QStringLiteral("watchlist.json")));
        WatchedTask labelled = task(QStringLiteral("a"));
        labelled.label = QStringLiteral("nightly");
        list.upsert(labelled);
        list.upsert(task(QStringLiteral("b")));
        list.upsert(task(QStringLiteral("c"), QStringLiteral("test")));
        const QByteArray exported = list.exportJson(QStringLiteral("prod"));

        WatchList other(dir.filePath(QStringLiteral("other.json")));
        other.upsert(task(QStringLiteral("b"), QStringLiteral("qa")));
        QSignalSpy imported(&other, &WatchList::imported);
        const Parsed<QList<WatchedTask>> added = other.importJson(exported, QStringLiteral("qa"));
        QVERIFY(added.ok());
        QCOMPARE(added->size(), 1); // b was there already
        QCOMPARE(added->first().id, QStringLiteral("a"));
        QCOMPARE(added->first().label, QStringLiteral("nightly"));
        QCOMPARE(added->first().profile, QStringLiteral("qa"));
        QCOMPARE(imported.count(), 1);
        QCOMPARE(imported.first().at(0).toString(), QStringLiteral("qa"));
        QCOMPARE(other.tasks(QStringLiteral("qa")).size(), 2);

        const Parsed<QList<WatchedTask>> bad = other.importJson("{", QStringLiteral("qa"));
        QVERIFY(!bad.ok());
        QCOMPARE(imported.count(), 1);
        QCOMPARE(list.exportJson().count("\"id\""), 3); // everything when no profile is named
    }

    void killedDuringSaveLeavesAWholeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watchlist.json"));
        for (int round = 1; round <= 5; ++round) {
            QProcess saver;
            saver.start(QStringLiteral(WATCHLIST_SAVER), {path});
            QVERIFY(saver.waitForStarted());
            // Let it save a few times (more each round, so the kill lands at different points).
            QByteArray output;
            QTRY_VERIFY_WITH_TIMEOUT((output += saver.readAllStandardOutput()).count('\n') >= round + 1, 30000);
            saver.kill(); // SIGKILL on Unix: no chance to finish the write
            QVERIFY(saver.waitForFinished());
            QCOMPARE(saver.exitStatus(), QProcess::CrashExit);

            WatchList list(path);
            QSignalSpy problems(&list, &WatchList::loadProblem);
            QVERIFY2(list.load(), qPrintable(problems.isEmpty() ? QString() : problems.first().at(0).toString()));
            const QList<WatchedTask> tasks = list.allTasks();
            QCOMPARE(tasks.size(), 300);
            for (const WatchedTask &t : tasks) {
                QCOMPARE(t.label, tasks.first().label); // one generation: the old file or the new, whole
                QVERIFY(t.status.has_value());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchList)
#include "tst_watchlist.moc"

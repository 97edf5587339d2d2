#pragma once

#include "WatchListMerge.h"
#include "models/FollowRule.h"
#include "models/Parsed.h"
#include "models/Sentence.h"
#include "models/WatchedTask.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

class QFile;
class QFileSystemWatcher;
class QLockFile;

#include <chrono>
#include <memory>
#include <optional>
#include <utility>

// The watched tasks of every profile and their last known state, persisted in one JSON file
// (WatchListFormat). The only writer of that file: writes are debounced and atomic (QSaveFile), so a
// crash or kill leaves the old or the new file, whole. A corrupt or unreadable file is moved aside
// (kept, never deleted), reported through loadProblem, and the list starts empty.
// Other processes may write the same file (a second instance with the same --watch-list): each save takes
// a lock beside the file ("<file>.lock"), reads the file and applies only this process's own changes since
// its last save (WatchListMerge) before writing. What other writers added or removed is announced
// (imported, removedElsewhere), also between saves: a change of the folder triggers a read-only merge.
class WatchList : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds DefaultSaveDelay {1000};
    // Progress of a running task (percent, progress text, modified) is saved at most this often: with
    // thousands of running tasks every round changes some, and each save rewrites the whole file. A restart
    // fetches fresh statuses anyway; what must not be lost (ids, labels, pauses, outcomes) is saved soon.
    static constexpr std::chrono::milliseconds DefaultProgressSaveDelay {60000};
    // A save holds the lock for the time of one write (well under a second at 10,000 tasks); a lock older
    // than this whose owner still seems alive is taken over. A dead owner's lock is taken over at once.
    static constexpr std::chrono::milliseconds StaleLockTime {30000};
    static constexpr std::chrono::milliseconds DefaultLockTimeout {5000};
    enum class Urgency { Soon, Progress };

    // `filePath` empty: defaultFilePath(). Tests pass a temporary path.
    explicit WatchList(const QString &filePath = {}, QObject *parent = nullptr);
    ~WatchList() override; // writes pending changes

    static QString defaultFilePath(); // <AppDataLocation>/watchlist.json
    QString filePath() const { return m_filePath; }

    // Reads the file; a missing file is an empty list. Returns false when the file was unusable.
    bool load();

    QList<WatchedTask> tasks(const QString &profile) const; // in the order they were added
    QList<WatchedTask> allTasks() const { return m_tasks; }
    std::optional<WatchedTask> task(const QString &profile, const QString &id) const;

    void upsert(const WatchedTask &task, Urgency urgency = Urgency::Soon); // by (profile, id)
    void remove(const QString &profile, const QString &id);
    void moveProfile(const QString &from, const QString &to); // a renamed profile keeps its tasks

    void setSaveDelay(std::chrono::milliseconds delay);
    void setProgressSaveDelay(std::chrono::milliseconds delay);
    // When the pending changes will be written, counted from the change that armed the save; nullopt when
    // nothing waits.
    std::optional<std::chrono::milliseconds> pendingSaveDelay() const;
    bool saveNow(); // false (and saveFailed) when the file could not be written
    // Reads what other writers saved and merges it into the list now, without writing (that waits for the
    // next save). Runs by itself shortly after the file's folder changes. False when the file is unusable.
    bool syncNow();
    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }
    QString lockFilePath() const { return m_filePath + QStringLiteral(".lock"); }
    bool hasUnsavedChanges() const { return m_dirty; }

    // The list, or one profile's part of it, in the file format.
    QByteArray exportJson(const QString &profile = {}) const;
    // Adds the tasks of an export to `profile` (ids it already watches are skipped) and announces them
    // with `imported`, so that the profile's TaskMonitor starts watching them. Returns the tasks added.
    Parsed<QList<WatchedTask>> importJson(const QByteArray &json, const QString &profile);

    // The desktop's follow rules, kept in the same file. Merged per profile: the last writer to change a
    // profile's rules wins for that profile, and a writer takes the file's rules of every profile it did not
    // change (followRulesChanged).
    QList<FollowRule> followRules(const QString &profile) const { return followRulesIn(m_rules, profile); }
    void setFollowRules(const QString &profile, const QList<FollowRule> &rules);

Q_SIGNALS:
    // The file could not be used; `keptAs` is where it was moved (empty when it could not be moved, and
    // then the list is not saved either, so that nothing overwrites it). Messages are translated (the log
    // has them in English).
    void loadProblem(const QString &message, const QString &keptAs);
    void saveFailed(const QString &message);
    // Tasks added by importJson, or by another writer of the file (found when merging).
    void imported(const QString &profile, const QList<WatchedTask> &tasks);
    // Tasks another writer of the file removed (found when merging); they are no longer in the list.
    void removedElsewhere(const QString &profile, const QStringList &ids);
    // The follow rules of these profiles changed: set here (setFollowRules), or another writer's replaced this
    // process's (found when merging).
    void followRulesChanged(const QSet<QString> &profiles);

private:
    qsizetype indexOf(const QString &profile, const QString &id) const;
    void changed(Urgency urgency = Urgency::Soon);
    // The rest of `file`, parsed (and then closed); `saveId` becomes the file's. An unusable file is set aside.
    std::optional<QList<WatchedTask>> readOrSetAside(QFile &file, QByteArray &saveId, QList<FollowedRule> &rules);
    void setAside(const Sentence &reason);
    bool fail(const Sentence &reason);
    bool takeLock(QLockFile &lock) const;
    // Reads the file unless it is still the one last seen, and merges it with the list and the journal.
    bool mergeFromDisk(WatchListMerge::Result &changes);
    bool write();
    void announce(const WatchListMerge::Result &changes);
    void watchFolder();

    QString m_filePath;
    QList<WatchedTask> m_tasks;
    QList<FollowedRule> m_rules;
    QSet<QString> m_rulesChangedFor; // profiles whose rules this process changed since its last save
    // (profile, id) → position in m_tasks, rebuilt on the first look-up after a load or a removal: with
    // 10,000 tasks a linear search per change made every refresh quadratic.
    mutable QHash<std::pair<QString, QString>, qsizetype> m_index;
    mutable bool m_indexValid = false;
    QTimer m_saveTimer;
    std::chrono::milliseconds m_saveDelay = DefaultSaveDelay;
    std::chrono::milliseconds m_progressSaveDelay = DefaultProgressSaveDelay;
    bool m_dirty = false;
    // This process's changes since its last save or load, applied on top of the file at the next save.
    WatchListMerge::Journal m_journal;
    // The saveId of the file as last read or written: the same id on disk means nobody else wrote since.
    QByteArray m_diskSaveId;
    // The file's size and modification time when this process last read or wrote it (for a file without a
    // save id).
    std::optional<std::pair<qint64, qint64>> m_diskStamp;
    static std::optional<std::pair<qint64, qint64>> stampOf(const QString &path);
    static QList<FollowRule> followRulesIn(const QList<FollowedRule> &rules, const QString &profile);
    bool m_knownAbsent = true; // the file did not exist when last looked at
    std::chrono::milliseconds m_lockTimeout = DefaultLockTimeout;
    QTimer m_syncTimer;
    std::unique_ptr<QFileSystemWatcher> m_watcher;
    bool m_saveBlocked = false; // the file on disk could be neither read nor moved aside
};

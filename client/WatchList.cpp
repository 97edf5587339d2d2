#include "WatchList.h"

#include "Logging.h"
#include "MemoryRelease.h"
#include "SaveLeftovers.h"
#include "WatchListFormat.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLockFile>
#include <QMap>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace {

// The saveId on the first line of a watch list (WatchListFormat), empty when there is none.
QByteArray saveIdOf(QByteArrayView json)
{
    const qsizetype lineEnd = json.indexOf('\n');
    const QByteArrayView firstLine = lineEnd < 0 ? json : json.first(lineEnd);
    static constexpr QByteArrayView key = "\"saveId\":\"";
    const qsizetype at = firstLine.indexOf(key);
    if (at < 0)
        return {};
    const qsizetype from = at + key.size();
    const qsizetype to = firstLine.indexOf('"', from);
    return to < 0 ? QByteArray() : firstLine.sliced(from, to - from).toByteArray();
}

} // namespace

WatchList::WatchList(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &WatchList::saveNow);
    // A burst of folder changes (another writer's lock, copy, rename) is one look at the file.
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(std::chrono::milliseconds(300));
    connect(&m_syncTimer, &QTimer::timeout, this, &WatchList::syncNow);
}

WatchList::~WatchList()
{
    if (m_dirty)
        saveNow();
}

QString WatchList::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/watchlist.json");
}

std::optional<std::pair<qint64, qint64>> WatchList::stampOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return std::nullopt;
    return std::pair {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

bool WatchList::load()
{
    m_tasks.clear();
    m_rules.clear();
    m_rulesChangedFor.clear();
    m_indexValid = false;
    m_dirty = false;
    m_journal.clear();
    m_diskSaveId.clear();
    m_diskStamp.reset();
    m_knownAbsent = true;
    m_saveBlocked = false;
    watchFolder();
    // Saves run under the lock, so holding it, no save is running: a save journal left now is a killed
    // save's. Without the lock (another process is saving for long) leftovers wait for the next start.
    QLockFile lock(lockFilePath());
    if (takeLock(lock)) {
        SaveLeftovers::removeInterrupted(m_filePath);
        lock.unlock(); // reading needs no lock: the file is only ever replaced whole
    } else {
        qCInfo(lcWatchlist) << "another process holds" << lockFilePath() << "- leftovers of saves not checked";
    }
    QFile file(m_filePath);
    if (!file.exists()) {
        qCInfo(lcWatchlist) << "no watch list yet at" << m_filePath;
        return true;
    }
    m_diskStamp = stampOf(m_filePath); // before the read: a file replaced during it differs at the next look
    if (!file.open(QIODevice::ReadOnly)) {
        setAside(Sentence::translate("WatchList", "it cannot be read (%1)").arg(file.errorString()));
        return false;
    }
    std::optional<QList<WatchedTask>> tasks = readOrSetAside(file, m_diskSaveId, m_rules);
    if (!tasks)
        return false;
    m_tasks = std::move(*tasks);
    m_indexValid = false;
    m_knownAbsent = false;
    qCInfo(lcWatchlist) << "loaded" << m_tasks.size() << "watched task(s) from" << m_filePath;
    return true;
}

std::optional<QList<WatchedTask>> WatchList::readOrSetAside(QFile &file, QByteArray &saveId, QList<FollowedRule> &rules)
{
    const QByteArray bytes = file.readAll();
    file.close();
    Parsed<QList<WatchedTask>> parsed = WatchListFormat::fromJson(bytes, &rules);
    // The parse built a JSON tree several times the file's size (60 MB for 10,000 tasks) and freed it.
    releaseFreedMemory();
    if (!parsed) {
        setAside(Sentence::verbatim(parsed.error().message()));
        return std::nullopt;
    }
    saveId = saveIdOf(bytes);
    return std::move(parsed.value());
}

void WatchList::setAside(const Sentence &reason)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString keptAs = m_filePath + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(keptAs); ++n)
        keptAs = m_filePath + QStringLiteral(".corrupt-") + stamp + u'-' + QString::number(n);
    Sentence message;
    if (QFile::rename(m_filePath, keptAs)) {
        message = Sentence::translate("WatchList",
                                      "The watch list %1 could not be used: %2. It was kept as %3; "
                                      "Taskwatch starts with an empty list.")
                          .arg(QDir::toNativeSeparators(m_filePath))
                          .arg(reason)
                          .arg(QDir::toNativeSeparators(keptAs));
    } else {
        keptAs.clear();
        m_saveBlocked = true;
        message = Sentence::translate("WatchList",
                                      "The watch list %1 could not be used: %2. It could not be moved "
                                      "aside either, so Taskwatch starts with an empty list and will "
                                      "not save over it.")
                          .arg(QDir::toNativeSeparators(m_filePath))
                          .arg(reason);
    }
    qCWarning(lcWatchlist).noquote() << message.english();
    Q_EMIT loadProblem(message.translated(), keptAs);
}

QList<WatchedTask> WatchList::tasks(const QString &profile) const
{
    QList<WatchedTask> result;
    for (const WatchedTask &task : m_tasks) {
        if (task.profile == profile)
            result.append(task);
    }
    return result;
}

qsizetype WatchList::indexOf(const QString &profile, const QString &id) const
{
    if (!m_indexValid) {
        m_index.clear();
        m_index.reserve(m_tasks.size());
        for (qsizetype i = 0; i < m_tasks.size(); ++i) {
            const std::pair<QString, QString> key {m_tasks.at(i).profile, m_tasks.at(i).id};
            if (!m_index.contains(key)) // the first of duplicates, as a search from the start finds
                m_index.insert(key, i);
        }
        m_indexValid = true;
    }
    return m_index.value({profile, id}, -1);
}

std::optional<WatchedTask> WatchList::task(const QString &profile, const QString &id) const
{
    const qsizetype index = indexOf(profile, id);
    if (index < 0)
        return std::nullopt;
    return m_tasks.at(index);
}

void WatchList::upsert(const WatchedTask &task, Urgency urgency)
{
    WatchedTask stored = task;
    stored.problem = {}; // problems are of the moment; the file keeps what is known
    stored.nextCheckAt = QDateTime();
    const qsizetype index = indexOf(task.profile, task.id);
    WatchListMerge::record(m_journal, {stored.profile, stored.id}, true, index >= 0);
    if (index < 0) {
        m_index.insert({stored.profile, stored.id}, m_tasks.size());
        m_tasks.append(stored);
        urgency = Urgency::Soon; // a new id is never only progress
    } else {
        m_tasks[index] = stored;
    }
    changed(urgency);
}

void WatchList::moveProfile(const QString &from, const QString &to)
{
    if (from == to)
        return;
    for (WatchedTask task : tasks(from)) {
        remove(from, task.id);
        task.profile = to;
        upsert(task);
    }
    if (const QList<FollowRule> rules = followRules(from); !rules.isEmpty()) {
        setFollowRules(to, followRules(to) + rules);
        setFollowRules(from, {});
    }
}

void WatchList::remove(const QString &profile, const QString &id)
{
    const qsizetype index = indexOf(profile, id);
    if (index < 0)
        return;
    WatchListMerge::record(m_journal, {profile, id}, false, true);
    m_tasks.removeAt(index);
    m_indexValid = false; // later positions moved
    changed();
}

void WatchList::changed(Urgency urgency)
{
    m_dirty = true;
    // Debounced: a burst of changes is one write. A change that must be saved soon brings forward a save
    // that progress alone had put off.
    const std::chrono::milliseconds delay = urgency == Urgency::Soon ? m_saveDelay : m_progressSaveDelay;
    if (!m_saveTimer.isActive() || m_saveTimer.intervalAsDuration() > delay)
        m_saveTimer.start(delay);
}

void WatchList::setSaveDelay(std::chrono::milliseconds delay)
{
    m_saveDelay = delay;
}

void WatchList::setProgressSaveDelay(std::chrono::milliseconds delay)
{
    m_progressSaveDelay = delay;
}

std::optional<std::chrono::milliseconds> WatchList::pendingSaveDelay() const
{
    if (!m_saveTimer.isActive())
        return std::nullopt;
    return m_saveTimer.intervalAsDuration();
}

bool WatchList::fail(const Sentence &reason)
{
    const Sentence message = Sentence::translate("WatchList", "The watch list could not be saved to %1: %2")
                                     .arg(QDir::toNativeSeparators(m_filePath))
                                     .arg(reason);
    qCWarning(lcWatchlist).noquote() << message.english();
    Q_EMIT saveFailed(message.translated());
    return false;
}

bool WatchList::saveNow()
{
    m_saveTimer.stop();
    if (m_saveBlocked) {
        Q_EMIT saveFailed(Sentence::translate("WatchList",
                                              "The watch list is not saved: the unusable file %1 is still in the way.")
                                  .arg(QDir::toNativeSeparators(m_filePath))
                                  .translated());
        return false;
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    if (m_watcher)
        watchFolder(); // the folder may be new
    // Read, merge and write under the lock, so that no other writer's save lands in between and is lost.
    QLockFile lock(lockFilePath());
    if (!takeLock(lock)) {
        if (lock.error() == QLockFile::LockFailedError) {
            if (m_dirty)
                m_saveTimer.start(m_saveDelay); // try again: the other writer's save ends soon
            return fail(Sentence::translate("WatchList", "another process holds its lock %1")
                                .arg(QDir::toNativeSeparators(lockFilePath())));
        }
        return fail(Sentence::translate("WatchList", "its lock %1 cannot be created")
                            .arg(QDir::toNativeSeparators(lockFilePath())));
    }
    WatchListMerge::Result changes;
    if (!mergeFromDisk(changes)) {
        lock.unlock();
        announce(changes);
        return false;
    }
    const bool saved = write();
    lock.unlock();
    announce(changes);
    return saved;
}

bool WatchList::takeLock(QLockFile &lock) const
{
    // QLockFile takes over the lock of a dead owner by the pid it wrote. A kill between creating the lock
    // file and writing the pid leaves an empty file, which QLockFile would only take over after the stale
    // time: an empty lock older than a second (the writer's next step takes microseconds) is that.
    lock.setStaleLockTime(StaleLockTime);
    QDeadlineTimer deadline(m_lockTimeout);
    for (;;) {
        if (lock.tryLock(std::min<qint64>(100, deadline.remainingTime())))
            return true;
        if (lock.error() != QLockFile::LockFailedError)
            return false;
        const QFileInfo info(lockFilePath());
        if (info.exists() && info.size() == 0 && info.lastModified().msecsTo(QDateTime::currentDateTime()) > 1000) {
            qCInfo(lcWatchlist) << "taking over an empty lock left by a killed process";
            lock.removeStaleLockFile();
            continue;
        }
        if (deadline.hasExpired())
            return false;
    }
}

bool WatchList::syncNow()
{
    // No lock: the file is only ever replaced whole (rename), and nothing is written here.
    if (m_saveBlocked)
        return false;
    WatchListMerge::Result changes;
    const bool ok = mergeFromDisk(changes);
    announce(changes);
    return ok;
}

bool WatchList::mergeFromDisk(WatchListMerge::Result &changes)
{
    QList<WatchedTask> disk;
    QList<FollowedRule> diskRules;
    QByteArray diskSaveId;
    const auto stamp = stampOf(m_filePath); // before the read, as in load()
    QFile file(m_filePath);
    if (!file.exists()) {
        if (m_knownAbsent)
            return true; // still none: the list in memory is all there is
        // Removed since (by a user, or moved aside as unusable by another writer): nothing is on disk.
    } else {
        if (!file.open(QIODevice::ReadOnly))
            return fail(Sentence::translate("WatchList", "it cannot be read (%1)").arg(file.errorString()));
        diskSaveId = saveIdOf(file.readLine(4096));
        // Still the file this process last read or wrote: its list and journal are the whole truth. The
        // common case, one writer: one line read, no parse. A file without a save id (written before there
        // were any, or by an export) is the same file while its size and time are: reading 10,000 tasks twice
        // at the first save was the app's highest memory peak.
        if (!diskSaveId.isEmpty() ? diskSaveId == m_diskSaveId
                                  : m_diskSaveId.isEmpty() && m_diskStamp && stamp == m_diskStamp)
            return true;
        file.seek(0);
        std::optional<QList<WatchedTask>> tasks = readOrSetAside(file, diskSaveId, diskRules);
        if (!tasks) {
            // Damaged by someone else (every writer replaces it whole): kept aside, the list in memory stays.
            m_knownAbsent = true;
            m_diskSaveId.clear();
            m_diskStamp.reset();
            return !m_saveBlocked;
        }
        disk = std::move(*tasks);
    }
    changes = WatchListMerge::merge(disk, m_tasks, m_journal);
    // Per profile: ours where this process changed them, the file's everywhere else.
    QList<FollowedRule> rules = diskRules;
    rules.removeIf([this](const FollowedRule &followed) { return m_rulesChangedFor.contains(followed.profile); });
    for (const FollowedRule &followed : std::as_const(m_rules))
        if (m_rulesChangedFor.contains(followed.profile))
            rules.append(followed);
    for (const QList<FollowedRule> *side : {&rules, &m_rules})
        for (const FollowedRule &followed : *side)
            if (followRulesIn(rules, followed.profile) != followRulesIn(m_rules, followed.profile))
                changes.rulesChangedElsewhere.insert(followed.profile);
    m_rules = std::move(rules);
    m_tasks = std::move(changes.tasks); // leaves it empty
    m_indexValid = false;
    m_diskSaveId = diskSaveId;
    m_diskStamp = stamp;
    m_knownAbsent = !file.exists();
    if (!changes.addedElsewhere.isEmpty() || !changes.removedElsewhere.isEmpty())
        qCInfo(lcWatchlist) << "merged another writer's changes:" << changes.addedElsewhere.size() << "added,"
                            << changes.removedElsewhere.size() << "removed";
    return true;
}

bool WatchList::write()
{
    const QByteArray saveId = QUuid::createUuid().toByteArray(QUuid::Id128);
    SaveLeftovers::begin(m_filePath);
    QSaveFile file(m_filePath);
    QString error;
    if (!file.open(QIODevice::WriteOnly))
        error = file.errorString();
    else if (!WatchListFormat::write(file, m_tasks, saveId, m_rules))
        error = file.errorString();
    else if (!file.commit())
        error = file.errorString();
    if (!error.isEmpty())
        file.cancelWriting();
    SaveLeftovers::end(m_filePath);
    if (!error.isEmpty())
        return fail(Sentence::verbatim(error));
    m_dirty = false;
    m_journal.clear();
    m_rulesChangedFor.clear();
    m_diskSaveId = saveId;
    m_diskStamp = stampOf(m_filePath);
    m_knownAbsent = false;
    qCDebug(lcWatchlist) << "saved" << m_tasks.size() << "watched task(s)";
    return true;
}

void WatchList::announce(const WatchListMerge::Result &changes)
{
    QMap<QString, QList<WatchedTask>> added;
    for (const WatchedTask &task : changes.addedElsewhere)
        added[task.profile].append(task);
    QMap<QString, QStringList> removed;
    for (const WatchedTask &task : changes.removedElsewhere)
        removed[task.profile].append(task.id);
    for (auto it = removed.cbegin(); it != removed.cend(); ++it)
        Q_EMIT removedElsewhere(it.key(), it.value());
    for (auto it = added.cbegin(); it != added.cend(); ++it)
        Q_EMIT imported(it.key(), it.value());
    if (!changes.rulesChangedElsewhere.isEmpty())
        Q_EMIT followRulesChanged(changes.rulesChangedElsewhere);
}

QList<FollowRule> WatchList::followRulesIn(const QList<FollowedRule> &rules, const QString &profile)
{
    QList<FollowRule> found;
    for (const FollowedRule &followed : rules)
        if (followed.profile == profile)
            found.append(followed.rule);
    return found;
}

void WatchList::setFollowRules(const QString &profile, const QList<FollowRule> &rules)
{
    if (followRules(profile) == rules)
        return;
    m_rules.removeIf([&](const FollowedRule &followed) { return followed.profile == profile; });
    for (const FollowRule &rule : rules)
        m_rules.append({profile, rule});
    m_rulesChangedFor.insert(profile);
    changed();
    Q_EMIT followRulesChanged({profile}); // this process's followers of that profile follow the new rules too
}

void WatchList::watchFolder()
{
    // The folder, not the file: every save replaces the file by a rename, which ends a watch on the file.
    if (!m_watcher) {
        m_watcher = std::make_unique<QFileSystemWatcher>();
        connect(m_watcher.get(), &QFileSystemWatcher::directoryChanged, this, [this] {
            if (!m_syncTimer.isActive())
                m_syncTimer.start();
        });
    }
    const QString folder = QFileInfo(m_filePath).absolutePath();
    if (QFileInfo::exists(folder) && !m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
}

QByteArray WatchList::exportJson(const QString &profile) const
{
    return WatchListFormat::toJson(profile.isEmpty() ? m_tasks : tasks(profile));
}

Parsed<QList<WatchedTask>> WatchList::importJson(const QByteArray &json, const QString &profile)
{
    Parsed<QList<WatchedTask>> parsed = WatchListFormat::fromJson(json);
    if (!parsed)
        return parsed.error();
    QList<WatchedTask> added;
    for (WatchedTask task : parsed.value()) {
        task.profile = profile;
        if (indexOf(profile, task.id) >= 0)
            continue;
        if (!task.addedAt.isValid())
            task.addedAt = QDateTime::currentDateTimeUtc();
        WatchListMerge::record(m_journal, {task.profile, task.id}, true, false);
        m_index.insert({task.profile, task.id}, m_tasks.size());
        m_tasks.append(task);
        added.append(task);
    }
    if (!added.isEmpty()) {
        changed();
        Q_EMIT imported(profile, added);
    }
    return added;
}

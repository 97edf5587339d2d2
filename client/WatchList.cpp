#include "WatchList.h"

#include "Logging.h"
#include "WatchListFormat.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// A save killed between QSaveFile's two steps (temporary copy linked as "<file>.XXXXXX", then renamed over
// the file) leaves that copy behind, whole but orphaned; nothing else would ever remove it.
void removeInterruptedSaves(const QString &filePath)
{
    const QFileInfo info(filePath);
    static const QRegularExpression suffix(QStringLiteral("^\\.[A-Za-z0-9]{6}$"));
    const QStringList names =
            info.dir().entryList({info.fileName() + QStringLiteral(".??????")}, QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        if (suffix.match(name.mid(info.fileName().size())).hasMatch() && QFile::remove(info.dir().filePath(name)))
            qCInfo(lcWatchlist) << "removed" << name << "left by an interrupted save";
    }
}

// Reading a watch list builds a QJsonDocument tree several times the file's size (60 MB for 10,000 tasks)
// and frees it at once. glibc keeps such freed pages in the process, interleaved with what stays, so they
// would count against the app for as long as it runs; malloc_trim hands the whole free pages back.
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace

WatchList::WatchList(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &WatchList::saveNow);
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

bool WatchList::load()
{
    removeInterruptedSaves(m_filePath);
    m_tasks.clear();
    m_indexValid = false;
    m_dirty = false;
    m_saveBlocked = false;
    QFile file(m_filePath);
    if (!file.exists()) {
        qCInfo(lcWatchlist) << "no watch list yet at" << m_filePath;
        return true;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        setAside(QStringLiteral("it cannot be read (%1)").arg(file.errorString()));
        return false;
    }
    Parsed<QList<WatchedTask>> parsed = WatchListFormat::fromJson(file.readAll());
    file.close();
    releaseFreedMemory();
    if (!parsed) {
        setAside(parsed.error().message());
        return false;
    }
    m_tasks = std::move(parsed.value());
    m_indexValid = false;
    qCInfo(lcWatchlist) << "loaded" << m_tasks.size() << "watched task(s) from" << m_filePath;
    return true;
}

void WatchList::setAside(const QString &reason)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString keptAs = m_filePath + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(keptAs); ++n)
        keptAs = m_filePath + QStringLiteral(".corrupt-") + stamp + u'-' + QString::number(n);
    QString message;
    if (QFile::rename(m_filePath, keptAs)) {
        message = QStringLiteral("The watch list %1 could not be used: %2. It was kept as %3; Taskwatch starts "
                                 "with an empty list.")
                          .arg(QDir::toNativeSeparators(m_filePath), reason, QDir::toNativeSeparators(keptAs));
    } else {
        keptAs.clear();
        m_saveBlocked = true;
        message = QStringLiteral("The watch list %1 could not be used: %2. It could not be moved aside either, so "
                                 "Taskwatch starts with an empty list and will not save over it.")
                          .arg(QDir::toNativeSeparators(m_filePath), reason);
    }
    qCWarning(lcWatchlist).noquote() << message;
    Q_EMIT loadProblem(message, keptAs);
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
    if (index < 0) {
        m_index.insert({stored.profile, stored.id}, m_tasks.size());
        m_tasks.append(stored);
        urgency = Urgency::Soon; // a new id is never only progress
    } else {
        m_tasks[index] = stored;
    }
    changed(urgency);
}

void WatchList::remove(const QString &profile, const QString &id)
{
    const qsizetype index = indexOf(profile, id);
    if (index < 0)
        return;
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

bool WatchList::saveNow()
{
    m_saveTimer.stop();
    if (m_saveBlocked) {
        Q_EMIT saveFailed(QStringLiteral("The watch list is not saved: the unusable file %1 is still in the way.")
                                  .arg(QDir::toNativeSeparators(m_filePath)));
        return false;
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    QString error;
    if (!file.open(QIODevice::WriteOnly))
        error = file.errorString();
    else if (file.write(WatchListFormat::toJson(m_tasks)) < 0)
        error = file.errorString();
    else if (!file.commit())
        error = file.errorString();
    if (!error.isEmpty()) {
        file.cancelWriting();
        const QString message = QStringLiteral("The watch list could not be saved to %1: %2")
                                        .arg(QDir::toNativeSeparators(m_filePath), error);
        qCWarning(lcWatchlist).noquote() << message;
        Q_EMIT saveFailed(message);
        return false;
    }
    m_dirty = false;
    qCDebug(lcWatchlist) << "saved" << m_tasks.size() << "watched task(s)";
    return true;
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

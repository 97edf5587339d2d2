#include "RunHistoryStore.h"

#include "TaskMonitor.h"
#include "models/TaskStatus.h"
#include "models/TenantUrl.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcHistory, "taskwatch.history")

RunHistoryStore::RunHistoryStore(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath.isEmpty() ? defaultFilePath() : filePath)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelay);
    connect(&m_saveTimer, &QTimer::timeout, this, &RunHistoryStore::saveNow);
    QLockFile lockFile(m_filePath + QStringLiteral(".lock"));
    m_history = read(lock(lockFile)).value_or(RunHistory());
    qCInfo(lcHistory).noquote() << "run history:" << m_history.kindCount() << "kind(s) of task from" << m_filePath;
}

RunHistoryStore::~RunHistoryStore()
{
    if (!m_unsaved.isEmpty())
        saveNow();
}

QString RunHistoryStore::defaultFilePath()
{
    // The desktop app's data folder, beside its watch list, for every program: what the CLI's `wait` and
    // `follow` see finish counts for the app too. AppDataLocation ends in "<organisation>/<application>".
    const QString ownData = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QFileInfo(ownData).path() + QStringLiteral("/taskwatch/run-history.json");
}

QString RunHistoryStore::pathBeside(const QString &watchListPath)
{
    if (watchListPath.isEmpty())
        return defaultFilePath();
    return QFileInfo(watchListPath).absoluteDir().filePath(QStringLiteral("run-history.json"));
}

void RunHistoryStore::serve(TaskMonitor *engine)
{
    const QString scope = scopeOf(engine->profile());
    engine->setUsualDurations([this, scope](const TaskStatus &status) { return usual(status, scope); });
    engine->setRunRecorder([this, scope](const TaskStatus &status, std::chrono::milliseconds longestStill) {
        note(status, longestStill, scope);
    });
}

QString RunHistoryStore::scopeOf(const ConnectionProfile &profile)
{
    return TenantUrl::normalized(profile.baseUrl);
}

std::optional<UsualDuration> RunHistoryStore::usual(const TaskStatus &status, const QString &scope) const
{
    return m_history.usual(RunHistory::kindOf(status, scope));
}

void RunHistoryStore::note(const TaskStatus &status, std::chrono::milliseconds longestStill, const QString &scope)
{
    if (!isFinished(status.state()) || !m_history.record(status, longestStill, scope))
        return;
    m_unsaved.record(status, longestStill, scope);
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

bool RunHistoryStore::lock(QLockFile &lock) const
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    lock.setStaleLockTime(30000);
    if (lock.tryLock(5000))
        return true;
    qCWarning(lcHistory).noquote() << "run history: its lock is held" << lock.error();
    return false;
}

std::optional<RunHistory> RunHistoryStore::read(bool locked)
{
    QFile file(m_filePath);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = tr("The run history %1 could not be read: %2").arg(m_filePath, file.errorString());
        qCWarning(lcHistory).noquote() << m_problem;
        return std::nullopt;
    }
    const Parsed<RunHistory> parsed = RunHistory::fromJson(file.readAll());
    file.close();
    if (parsed)
        return *parsed;
    if (!locked) { // another writer may be replacing it this moment: read it again next time
        m_problem = tr("The run history %1 could not be read: %2").arg(m_filePath, parsed.error().message());
        qCWarning(lcHistory).noquote() << m_problem;
        return std::nullopt;
    }
    // Kept, never deleted: a person may want to look at it. The history starts again from nothing.
    const QString aside = m_filePath + QStringLiteral(".damaged-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
    QFile::rename(m_filePath, aside);
    m_problem = tr("The run history was damaged (%1); it was moved to %2 and starts again")
                        .arg(parsed.error().message(), aside);
    qCWarning(lcHistory).noquote() << m_problem;
    return std::nullopt;
}

bool RunHistoryStore::saveNow()
{
    m_saveTimer.stop();
    QLockFile lockFile(m_filePath + QStringLiteral(".lock"));
    if (!lock(lockFile)) {
        m_saveTimer.start(); // again later; the runs stay in memory meanwhile
        return false;
    }
    const std::optional<RunHistory> disk = read(true);
    if (!disk && QFile::exists(m_filePath)) {
        // There, and not damaged (that one would have been moved aside), but unreadable now: written over, the
        // other writers' runs would be lost. Again later; this process's runs stay in memory meanwhile.
        m_saveTimer.start();
        return false;
    }
    RunHistory merged = disk.value_or(RunHistory());
    merged.merge(m_unsaved);
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly) || file.write(merged.toJson()) < 0 || !file.commit()) {
        qCWarning(lcHistory).noquote() << "run history not saved:" << file.errorString();
        m_saveTimer.start();
        return false;
    }
    qCInfo(lcHistory).noquote() << "run history saved:" << merged.kindCount() << "kind(s) of task";
    m_history = merged; // what other writers saved counts from now on
    m_unsaved = {};
    return true;
}

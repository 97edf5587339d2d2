#include "RunHistoryStore.h"

#include "TaskMonitor.h"
#include "models/TaskStatus.h"

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
    m_history = read().value_or(RunHistory());
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
    engine->setUsualDurations([this](const TaskStatus &status) { return usual(status); });
    engine->setRunRecorder(
            [this](const TaskStatus &status, std::chrono::milliseconds longestStill) { note(status, longestStill); });
}

std::optional<UsualDuration> RunHistoryStore::usual(const TaskStatus &status) const
{
    return m_history.usual(RunHistory::kindOf(status));
}

void RunHistoryStore::note(const TaskStatus &status, std::chrono::milliseconds longestStill)
{
    if (!isFinished(status.state()) || !m_history.record(status, longestStill))
        return;
    m_unsaved.record(status, longestStill);
    if (!m_saveTimer.isActive())
        m_saveTimer.start();
}

std::optional<RunHistory> RunHistoryStore::read()
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
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QLockFile lock(m_filePath + QStringLiteral(".lock"));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(5000)) {
        qCWarning(lcHistory).noquote() << "run history not saved: its lock is held" << lock.error();
        m_saveTimer.start(); // again later; the runs stay in memory meanwhile
        return false;
    }
    RunHistory merged = read().value_or(RunHistory());
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

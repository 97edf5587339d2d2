#pragma once

#include "models/RunHistory.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <optional>

class QLockFile;
class TaskMonitor;
class TaskStatus;
struct ConnectionProfile;

// The run history (models/RunHistory) in a file beside the desktop app's watch list (run-history.json).
// A process has one store per file, which every engine of it is served by (kinds are kept per tenant), and it
// is that process's only writer of the file. Saves are debounced and whole (QSaveFile), and they read and
// merge what another process (a second instance, the CLI) saved before writing, under a lock beside the file,
// so two writers lose nothing of each other's. A damaged file is moved aside (kept, never deleted; under the
// same lock, so a file another writer has just replaced is never taken for it) and named in problem().
class RunHistoryStore : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds SaveDelay {2000};

    // `filePath` empty: defaultFilePath(). Reads the file at once; a missing file is an empty history.
    explicit RunHistoryStore(const QString &filePath = {}, QObject *parent = nullptr);
    ~RunHistoryStore() override; // writes what is pending

    static QString defaultFilePath();
    // The file beside a watch-list file (so a private --watch-list keeps a private history); empty: the default.
    static QString pathBeside(const QString &watchListPath);
    QString filePath() const { return m_filePath; }
    QString problem() const { return m_problem; } // empty when the file was fine or absent

    const RunHistory &history() const { return m_history; }
    // The scope of an engine's kinds: its tenant (RunHistory::kindOf), so runs on a sandbox say nothing of
    // production's.
    static QString scopeOf(const ConnectionProfile &profile);
    std::optional<UsualDuration> usual(const TaskStatus &status, const QString &scope = {}) const;
    // A task's latest status: a finished run that went through is kept, and saved soon; `longestStill` is how
    // long it stood still at most while watched (-1: unknown).
    void note(const TaskStatus &status, std::chrono::milliseconds longestStill = std::chrono::milliseconds(-1),
              const QString &scope = {});
    bool saveNow(); // false when the file could not be written (logged)
    // Keeps the engine's finished runs and tells it how long runs usually take (overdue, the ETA). The store
    // must outlive the engine.
    void serve(TaskMonitor *engine);

private:
    // nullopt: missing or damaged (then moved aside, when `locked`: the caller holds the file's lock).
    std::optional<RunHistory> read(bool locked);
    bool lock(QLockFile &lock) const;

    QString m_filePath;
    RunHistory m_history;
    RunHistory m_unsaved; // this process's runs since its last save
    QString m_problem;
    QTimer m_saveTimer;
};

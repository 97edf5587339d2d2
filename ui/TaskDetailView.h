#pragma once

#include "HistoryLog.h"
#include "models/Clock.h"
#include "models/WatchedTask.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>
#include <optional>

class QAction;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class MessageTable;
class TaskReport;

// Everything about the selected task: its fields, a large live progress bar with ETA, and tabs for
// messages, returns, attributes, the task definition, the raw JSON and the history seen during this
// watch. Copy details and Export report hand the whole of it to support (see TaskReport).
class TaskDetailView : public QWidget
{
    Q_OBJECT

public:
    // Where to save a report; returns an empty path when the person cancels. Swappable for tests.
    using SaveFileChooser = std::function<QString(const QString &suggestedPath)>;

    explicit TaskDetailView(QWidget *parent = nullptr);

    void setClock(Clock clock);
    void setSaveFileChooser(SaveFileChooser chooser);
    // A button for the window's action in the title row, before Copy details (the action keeps its enabled state).
    void addHeaderAction(QAction *action);

    // Shows `task` (or updates it in place when it is the one shown: tabs keep their scroll positions
    // unless the task's JSON changed).
    void setTask(const WatchedTask &task, const QList<HistoryEntry> &history, std::optional<qint64> etaSeconds);
    void clear();

    bool hasTask() const { return m_task.has_value(); }
    QString taskId() const { return m_task ? m_task->id : QString(); }
    bool showsRunningTask() const;
    TaskReport report() const;

public Q_SLOTS:
    // Elapsed time and ETA move with the clock; MainWindow calls this every second while a task runs.
    void updateLive(std::optional<qint64> etaSeconds);
    void copyId();
    void copyDetails();
    // Asks where (SaveFileChooser) and writes the report there.
    void exportReport();
    // Writes JSON when the path ends in .json, Markdown otherwise. Atomic (QSaveFile).
    bool exportReportTo(const QString &path);

Q_SIGNALS:
    void statusMessage(const QString &text);

private:
    QWidget *buildHeader();
    QWidget *buildTabs();
    void showFields();
    void showProgress();
    void showJsonTabs();
    void showHistory();

    Clock m_clock = systemClock();
    SaveFileChooser m_chooseSaveFile;
    std::optional<WatchedTask> m_task;
    QList<HistoryEntry> m_history;
    std::optional<qint64> m_eta;
    QByteArray m_shownRaw; // rawJson of the status the JSON tabs show

    QStackedWidget *m_stack = nullptr;
    QLabel *m_stateIcon = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_type = nullptr;
    QLabel *m_launcher = nullptr;
    QLabel *m_target = nullptr;
    QLineEdit *m_id = nullptr;
    QToolButton *m_copyId = nullptr;
    QLabel *m_created = nullptr;
    QLabel *m_launched = nullptr;
    QLabel *m_completed = nullptr;
    QLabel *m_elapsed = nullptr;
    QLabel *m_problem = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressText = nullptr;
    QHBoxLayout *m_titleRow = nullptr;
    QPushButton *m_copyDetails = nullptr;
    QPushButton *m_export = nullptr;
    QTabWidget *m_tabs = nullptr;
    MessageTable *m_messages = nullptr;
    QTreeWidget *m_returns = nullptr;
    QTreeWidget *m_attributes = nullptr;
    QTreeWidget *m_definition = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    QTreeWidget *m_historyList = nullptr;
};

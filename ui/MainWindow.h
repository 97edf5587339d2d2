#pragma once

#include "ConnectionLine.h"
#include "HistoryLog.h"
#include "MainWindowActions.h"
#include "MainWindowLayout.h"
#include "NotificationBatcher.h"
#include "StatusSummary.h"
#include "models/Clock.h"
#include "models/TaskStatus.h"
#include "models/WatchedTask.h"

#include <QMainWindow>
#include <QPointer>
#include <QTimer>

class AddTasksDialog;
class ClearTaskDialog;
class DiscoverDialog;
class FilterBar;
class NoticeBar;
class QMenu;
class QSplitter;
class QTableView;
class TaskDetailView;
class TaskFilterProxy;
class TaskTable;
class WatchListModel;
class WatchStatusBar;

// The desktop window: the watch list table with its filter bar, the detail view below it, the banner,
// the undo bar and the status bar. It only shows what the engine reports (the slots) and forwards what
// the person wants (the *Requested signals); the app connects both sides. See ui/README.md.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum class BannerAction { None, OpenSettings };
    Q_ENUM(BannerAction)

    static constexpr int UndoTimeoutMs = 15000;
    static constexpr int MessageTimeoutMs = 8000;
    static constexpr QSize DefaultSize {1240, 960}; // the first run's, within 90 % of the screen
    static constexpr QSize MinimumDefaultSize {1100, 720};
    static constexpr QSize ScreenshotSize = DefaultSize; // --screenshot: the README's pictures

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setClock(Clock clock);

    WatchListModel *model() const { return m_model; }
    TaskFilterProxy *proxy() const { return m_proxy; }
    QTableView *tableView() const;
    TaskDetailView *detailView() const { return m_detail; }
    FilterBar *filterBar() const { return m_filterBar; }
    WatchStatusBar *watchStatusBar() const { return m_statusBar; }
    NoticeBar *banner() const { return m_banner; }
    NoticeBar *messageBar() const { return m_messageBar; }
    const HistoryLog &history() const { return m_history; }
    StatusSummary summary() const;
    QStringList selectedIds() const;
    // Makes the task the current row (its details below); false if it is not watched.
    bool selectTask(const QString &id);
    bool canUndoRemove() const { return !m_removals.isEmpty(); }

    // Column layout, splitter and window geometry, in QSettings (MainWindowLayout); with nothing saved, fitted
    // to the first tasks. restoreLayout() runs in the constructor.
    void saveLayout() const { m_layout.save(); }
    void restoreLayout() { m_layout.restore(); }

public Q_SLOTS:
    // From the engine.
    void addTask(const WatchedTask &task) { addTasks({task}); }
    void addTasks(const QList<WatchedTask> &tasks); // start-up: the whole cached watch list at once
    void updateTask(const WatchedTask &task);
    void removeTask(const QString &id);
    void setConnectionState(const ConnectionLine &line);
    void setRefreshed(const QDateTime &at);
    void setDiscovered(const QList<TaskStatus> &tasks);
    void setDiscoverFailed(const QString &message);
    void setPausedState(bool paused); // reflects the engine's state without asking it again
    // The engine set the task's outcome on the person's behalf (after clearRequested): a History entry
    // "marked as Error by <who>" at the window's clock. The row follows with the engine's taskChanged.
    void recordMarkedFinished(const QString &id, CompletionStatus status, const QString &who, bool confirmed = true);

    // From the app.
    void setNotificationSettings(const NotificationSettings &settings);
    void showBanner(const QString &text, MainWindow::BannerAction action = BannerAction::None);
    void hideBanner();
    void showMessage(const QString &text);

    // What the toolbar, menus and shortcuts do.
    void openAddDialog(const QString &prefilledIds = QString());
    void openDiscoverDialog();
    void removeSelected();
    void undoRemove();
    void copySelectedIds();
    void pasteIds();
    void focusSearch();
    void setSelectedPaused(bool paused);
    // "Mark as finished…" for the one selected task, when it is queued or running: the confirmation, then
    // clearRequested.
    void openClearDialog();

Q_SIGNALS:
    void addRequested(const QStringList &ids, const QString &label);
    void removeRequested(const QStringList &ids);
    void refreshRequested(const QStringList &ids); // empty: every watched task
    void pauseRequested(bool paused);
    void taskPauseRequested(const QStringList &ids, bool paused);
    void discoverRequested(bool runningOnly, int limit);
    void followRequested(); // "Follow…": whoever owns the rules opens ui/FollowDialog
    // Confirmed in ClearTaskDialog: set the task's outcome (Error or Terminated, completed now) in the tenant.
    // The app connects it to the engine (PATCH /task-status/{id}); on success it calls recordMarkedFinished.
    void clearRequested(const QString &taskId, CompletionStatus status);
    void settingsRequested();
    // A notification worth showing (the app shows it with QSystemTrayIcon::showMessage when a tray exists).
    void notificationReady(const Notification &notification);
    void overallStateChanged(OverallState state);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Removal
    {
        QList<WatchedTask> tasks;
        QList<HistoryLog::TaskHistory> histories;
    };

    void connectActions();
    void onCurrentRowChanged();
    void showCurrentDetail();
    void showDetailFor(const QString &id);
    void onSummaryChanged();
    void updateActions();
    void tickDetail();
    QDateTime seenAt(const WatchedTask &task) const { return task.checkedAt.isValid() ? task.checkedAt : m_clock(); }
    const WatchedTask *singleSelectedTask() const;

    Clock m_clock = systemClock();
    WatchListModel *m_model;
    TaskFilterProxy *m_proxy;
    HistoryLog m_history;
    NotificationBatcher m_notifications;
    QList<Removal> m_removals; // newest last
    OverallState m_overall = OverallState::Idle;

    NoticeBar *m_banner;
    FilterBar *m_filterBar;
    TaskTable *m_table;
    TaskDetailView *m_detail;
    QSplitter *m_splitter;
    NoticeBar *m_messageBar;
    WatchStatusBar *m_statusBar;
    QPointer<AddTasksDialog> m_addDialog;
    QPointer<DiscoverDialog> m_discoverDialog;
    QPointer<ClearTaskDialog> m_clearDialog;
    QString m_tenant; // for the clear dialog: the host, or the demo tenant
    QString m_profile; // the current profile's name: its rows are on m_tenant
    BannerAction m_bannerAction = BannerAction::None;
    QTimer m_detailTicker;

    MainWindowActions m_actions;
    MainWindowLayout m_layout;
};

#include "MainWindow.h"

#include "AddTasksDialog.h"
#include "ClearTaskDialog.h"
#include "DiscoverDialog.h"
#include "FilterBar.h"
#include "NoticeBar.h"
#include "TaskDetailView.h"
#include "TaskFilterProxy.h"
#include "TaskTable.h"
#include "WatchListModel.h"
#include "WatchStatusBar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHeaderView>
#include <QMenu>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int MaxUndoSteps = 20;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new WatchListModel(this))
    , m_proxy(new TaskFilterProxy(this))
    , m_notifications([this] { return m_clock(); })
    , m_banner(new NoticeBar(this))
    , m_filterBar(new FilterBar(this))
    , m_table(new TaskTable(m_model, m_proxy, this))
    , m_detail(new TaskDetailView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_messageBar(new NoticeBar(this))
    , m_statusBar(new WatchStatusBar(this))
    , m_layout(this, m_splitter, m_table)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Taskwatch"));
    m_model->setClock([this] { return m_clock(); });
    m_model->setPalette(palette());
    m_detail->setClock([this] { return m_clock(); });
    m_statusBar->setClock([this] { return m_clock(); });

    m_banner->setObjectName(QStringLiteral("banner"));
    m_messageBar->setObjectName(QStringLiteral("messageBar"));

    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_messageBar);
    setCentralWidget(central);
    setStatusBar(m_statusBar);

    m_actions = MainWindowActions::create(this, m_table);
    m_actions.addMenusAndToolBar(this);
    connectActions();

    connect(m_filterBar, &FilterBar::stateFilterChanged, m_proxy, &TaskFilterProxy::setStateFilter);
    connect(m_filterBar, &FilterBar::searchTextChanged, m_proxy, &TaskFilterProxy::setSearchText);
    connect(m_filterBar, &FilterBar::escapePressed, m_table, [this] { m_table->setFocus(Qt::OtherFocusReason); });
    connect(m_model, &WatchListModel::summaryChanged, this, &MainWindow::onSummaryChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    m_table->setContextActions(m_actions.tableMenuActions());
    connect(m_detail, &TaskDetailView::statusMessage, this, &MainWindow::showMessage);
    connect(m_banner, &NoticeBar::actionTriggered, this, [this] {
        if (m_bannerAction == BannerAction::OpenSettings)
            Q_EMIT settingsRequested();
    });
    connect(m_messageBar, &NoticeBar::actionTriggered, this, &MainWindow::undoRemove);

    connect(&m_notifications, &NotificationBatcher::ready, this, &MainWindow::notificationReady);
    m_detailTicker.setInterval(1000);
    connect(&m_detailTicker, &QTimer::timeout, this, &MainWindow::tickDetail);

    resize(MainWindowLayout::defaultSize(screen(), DefaultSize, MinimumDefaultSize));
    restoreLayout();
    onSummaryChanged();
    updateActions();
    m_table->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_statusBar->tick();
}

void MainWindow::connectActions()
{
    const MainWindowActions &a = m_actions;
    connect(a.add, &QAction::triggered, this, [this] { openAddDialog(); });
    connect(a.discover, &QAction::triggered, this, &MainWindow::openDiscoverDialog);
    connect(a.follow, &QAction::triggered, this, &MainWindow::followRequested);
    connect(a.remove, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(a.undo, &QAction::triggered, this, &MainWindow::undoRemove);
    connect(a.refresh, &QAction::triggered, this, [this] { Q_EMIT refreshRequested({}); });
    connect(a.refreshSelected, &QAction::triggered, this, [this] {
        if (const QStringList ids = selectedIds(); !ids.isEmpty())
            Q_EMIT refreshRequested(ids);
    });
    connect(a.pause, &QAction::toggled, this, [this](bool paused) {
        setPausedState(paused);
        Q_EMIT pauseRequested(paused);
    });
    connect(a.find, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(a.copyId, &QAction::triggered, this, &MainWindow::copySelectedIds);
    connect(a.paste, &QAction::triggered, this, &MainWindow::pasteIds);
    connect(a.copyDetails, &QAction::triggered, m_detail, &TaskDetailView::copyDetails);
    connect(a.exportReport, &QAction::triggered, m_detail, &TaskDetailView::exportReport);
    connect(a.pauseTask, &QAction::triggered, this, [this] { setSelectedPaused(true); });
    connect(a.resumeTask, &QAction::triggered, this, [this] { setSelectedPaused(false); });
    connect(a.settings, &QAction::triggered, this, &MainWindow::settingsRequested);
    connect(a.clearTask, &QAction::triggered, this, &MainWindow::openClearDialog);
    m_detail->addHeaderAction(a.clearTask);
    connect(a.columnsMenu, &QMenu::aboutToShow, this, [this] { m_table->fillColumnsMenu(m_actions.columnsMenu); });
}

// --- from the engine ---

void MainWindow::addTasks(const QList<WatchedTask> &tasks)
{
    m_model->addTasks(tasks);
    for (const WatchedTask &task : tasks) {
        m_history.record(task, seenAt(task));
        // Known already: no news. A task added without a status notifies once its first status is in.
        m_notifications.notifier().baseline(task);
        if (task.id == m_detail->taskId())
            showDetailFor(task.id);
    }
    // The first run's layout, fitted to what is there (the columns once there are statuses to fit).
    m_layout.fitOnce(std::any_of(tasks.cbegin(), tasks.cend(), [](const WatchedTask &t) { return t.status; }));
    updateActions();
}

void MainWindow::updateTask(const WatchedTask &task)
{
    m_model->updateTask(task);
    m_history.record(task, seenAt(task));
    m_notifications.observe(task);
    if (task.id == m_detail->taskId())
        showDetailFor(task.id);
}

void MainWindow::removeTask(const QString &id)
{
    m_model->removeTask(id);
    m_history.forget(id);
    m_notifications.notifier().forget(id);
    showCurrentDetail();
    updateActions();
}

void MainWindow::setConnectionState(const ConnectionLine &line)
{
    m_statusBar->setConnectionState(line);
    m_tenant = line.demo ? tr("the demo tenant") : line.tenant;
    m_profile = line.profile;
}

void MainWindow::recordMarkedFinished(const QString &id, CompletionStatus status, const QString &who, bool confirmed)
{
    const DisplayState state = status == CompletionStatus::Terminated ? DisplayState::Terminated : DisplayState::Error;
    m_history.recordMarkedFinished(id, state, who, m_clock(), confirmed);
    if (id == m_detail->taskId())
        showDetailFor(id);
}

void MainWindow::setRefreshed(const QDateTime &at)
{
    m_statusBar->setLastRefresh(at);
    m_layout.fitOnce(true); // the first statuses are in
}

void MainWindow::setDiscovered(const QList<TaskStatus> &tasks)
{
    if (m_discoverDialog)
        m_discoverDialog->setTasks(tasks);
}

void MainWindow::setDiscoverFailed(const QString &message)
{
    if (m_discoverDialog)
        m_discoverDialog->setError(message);
}

void MainWindow::setPausedState(bool paused)
{
    const QSignalBlocker blocker(m_actions.pause);
    m_actions.pause->setChecked(paused);
    m_actions.pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_actions.pause->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
}

// --- from the app ---

void MainWindow::setNotificationSettings(const NotificationSettings &settings)
{
    m_notifications.notifier().setSettings(settings);
}

void MainWindow::showBanner(const QString &text, BannerAction action)
{
    m_bannerAction = action;
    m_banner->showNotice(text, action == BannerAction::OpenSettings ? tr("&Settings…") : QString());
}

void MainWindow::hideBanner()
{
    m_banner->dismiss();
}

void MainWindow::showMessage(const QString &text)
{
    m_messageBar->showNotice(text, QString(), MessageTimeoutMs);
}

// --- what people do ---

void MainWindow::openAddDialog(const QString &prefilledIds)
{
    if (m_addDialog) {
        m_addDialog->raise();
        m_addDialog->activateWindow();
        return;
    }
    m_addDialog = new AddTasksDialog(this);
    m_addDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_addDialog->setKnownIds(m_model->ids());
    m_addDialog->setText(prefilledIds);
    connect(m_addDialog, &QDialog::accepted, this, [this, dialog = m_addDialog.data()] {
        if (!dialog->ids().isEmpty())
            Q_EMIT addRequested(dialog->ids(), dialog->label());
    });
    m_addDialog->open();
}

void MainWindow::openDiscoverDialog()
{
    if (!m_discoverDialog) {
        m_discoverDialog = new DiscoverDialog(this);
        connect(m_discoverDialog, &DiscoverDialog::discoverRequested, this, &MainWindow::discoverRequested);
        connect(m_discoverDialog, &QDialog::accepted, this, [this] {
            const QStringList ids = m_discoverDialog->selectedIds();
            if (!ids.isEmpty())
                Q_EMIT addRequested(ids, QString());
        });
    }
    m_discoverDialog->setKnownIds(m_model->ids());
    m_discoverDialog->open();
    m_discoverDialog->requestRefresh();
}

QTableView *MainWindow::tableView() const
{
    return m_table;
}

QStringList MainWindow::selectedIds() const
{
    return m_table->selectedIds();
}

bool MainWindow::selectTask(const QString &id)
{
    return m_table->selectTask(id);
}

void MainWindow::removeSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    Removal removal;
    for (const QString &id : ids) {
        if (const WatchedTask *task = m_model->task(id)) {
            removal.tasks.append(*task);
            removal.histories.append(m_history.take(id));
            m_notifications.notifier().forget(id);
        }
    }
    m_model->removeTasks(ids);
    showCurrentDetail();
    m_removals.append(removal);
    if (m_removals.size() > MaxUndoSteps)
        m_removals.removeFirst();
    Q_EMIT removeRequested(ids);

    const QString text = removal.tasks.size() == 1 ? tr("Removed %1.").arg(removal.tasks.first().displayName())
                                                   : tr("Removed %n tasks.", nullptr, int(removal.tasks.size()));
    m_messageBar->showNotice(text, tr("&Undo"), UndoTimeoutMs);
    updateActions();
}

void MainWindow::undoRemove()
{
    if (m_removals.isEmpty())
        return;
    const Removal removal = m_removals.takeLast();
    m_model->addTasks(removal.tasks);
    for (qsizetype i = 0; i < removal.tasks.size(); ++i) {
        m_history.restore(removal.tasks.at(i).id, removal.histories.value(i));
        m_notifications.notifier().baseline(removal.tasks.at(i));
    }
    // The engine forgot them: ask it to watch them again, each with its label.
    for (const auto &[label, ids] : idsByLabel(removal.tasks))
        Q_EMIT addRequested(ids, label);

    m_messageBar->showNotice(removal.tasks.size() == 1 ? tr("Restored %1.").arg(removal.tasks.first().displayName())
                                                       : tr("Restored %n tasks.", nullptr, int(removal.tasks.size())),
                             QString(), MessageTimeoutMs);
    // Select what came back, so that the detail view and the next action apply to it.
    QStringList ids;
    for (const WatchedTask &task : removal.tasks)
        ids.append(task.id);
    if (const QString first = m_table->selectTasks(ids); !first.isEmpty())
        showDetailFor(first);
    updateActions();
}

void MainWindow::copySelectedIds()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    showMessage(ids.size() == 1 ? tr("Copied the task id.") : tr("Copied %1 task ids.").arg(ids.size()));
}

void MainWindow::pasteIds()
{
    const QString text = QGuiApplication::clipboard()->text();
    const TaskId::PastedIds parsed = TaskId::parsePasted(text, m_model->ids());
    if (!parsed.rejected.isEmpty()) {
        // Something is not an id: let the dialog show what and why before anything is added.
        openAddDialog(text);
        return;
    }
    if (parsed.ids.isEmpty()) {
        showMessage(parsed.duplicates.isEmpty() ? tr("The clipboard holds no task ids.")
                                                : tr("Those tasks are already watched."));
        return;
    }
    Q_EMIT addRequested(parsed.ids, QString());
    QString message =
            parsed.ids.size() == 1 ? tr("Adding 1 task.") : tr("Adding %n tasks.", nullptr, int(parsed.ids.size()));
    if (!parsed.duplicates.isEmpty())
        message += u' ' + tr("%n already watched.", nullptr, int(parsed.duplicates.size()));
    showMessage(message);
}

void MainWindow::focusSearch()
{
    m_filterBar->focusSearch();
}

void MainWindow::setSelectedPaused(bool paused)
{
    const QStringList ids = selectedIds();
    if (!ids.isEmpty())
        Q_EMIT taskPauseRequested(ids, paused);
}

const WatchedTask *MainWindow::singleSelectedTask() const
{
    const QStringList ids = selectedIds();
    return ids.size() == 1 ? m_model->task(ids.first()) : nullptr;
}

void MainWindow::openClearDialog()
{
    const WatchedTask *task = singleSelectedTask();
    if (!task || m_clearDialog)
        return;
    // The row's own tenant: a task of a profile watched alongside is named by its profile, not the current host.
    const QString tenant = m_profile.isEmpty() || task->profile.isEmpty() || task->profile == m_profile
            ? m_tenant
            : tr("the tenant of profile “%1”").arg(task->profile);
    if ((m_clearDialog = ClearTaskDialog::openFor(*task, tenant, m_clock(), this)))
        connect(m_clearDialog, &ClearTaskDialog::confirmed, this, &MainWindow::clearRequested);
}

// --- keeping the parts in step ---

void MainWindow::onCurrentRowChanged()
{
    // A row filtered out of sight keeps its details on screen; only a removed task clears them.
    if (const QString id = m_table->currentId(); !id.isEmpty())
        showDetailFor(id);
}

void MainWindow::showCurrentDetail()
{
    // After a removal the table's current row has moved on (or there is none left): follow it.
    showDetailFor(m_table->currentId());
}

void MainWindow::showDetailFor(const QString &id)
{
    const WatchedTask *task = m_model->task(id);
    if (!task) {
        m_detail->clear();
        m_detailTicker.stop();
        updateActions();
        return;
    }
    m_detail->setTask(*task, m_history.entries(id), m_model->etaSeconds(id));
    if (m_detail->showsRunningTask())
        m_detailTicker.start();
    else
        m_detailTicker.stop();
    updateActions();
}

void MainWindow::tickDetail()
{
    if (!m_detail->showsRunningTask()) {
        m_detailTicker.stop();
        return;
    }
    m_detail->updateLive(m_model->etaSeconds(m_detail->taskId()));
}

StatusSummary MainWindow::summary() const
{
    return m_model->summary();
}

void MainWindow::onSummaryChanged()
{
    const StatusSummary current = m_model->summary();
    m_statusBar->setSummary(current);
    m_filterBar->setCounts(current);
    setWindowTitle(current.total() == 0 ? tr("Taskwatch") : current.toolTip());
    if (current.overall() != m_overall) {
        m_overall = current.overall();
        Q_EMIT overallStateChanged(m_overall);
    }
}

void MainWindow::updateActions()
{
    const bool selection = m_table->selectionModel()->hasSelection();
    const MainWindowActions &a = m_actions;
    for (QAction *action : {a.remove, a.copyId, a.refreshSelected, a.pauseTask, a.resumeTask})
        action->setEnabled(selection);
    a.copyDetails->setEnabled(m_detail->hasTask());
    a.exportReport->setEnabled(m_detail->hasTask());
    a.undo->setEnabled(!m_removals.isEmpty());
    const WatchedTask *single = singleSelectedTask();
    a.clearTask->setEnabled(single && ClearTaskDialog::canMarkFinished(*single));
}

// --- layout ---

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    m_layout.fitOnce(false); // the splitter has its height now
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        // The system switched between light and dark: repaint the state icons in the matching set.
        m_model->setPalette(palette());
        if (m_detail->hasTask())
            showDetailFor(m_detail->taskId());
    }
}

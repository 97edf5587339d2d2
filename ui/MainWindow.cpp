#include "MainWindow.h"

#include "AddTasksDialog.h"
#include "DiscoverDialog.h"
#include "FilterBar.h"
#include "NoticeBar.h"
#include "ProgressDelegate.h"
#include "StateIcons.h"
#include "TaskDetailView.h"
#include "TaskFilterProxy.h"
#include "UiLog.h"
#include "WatchListModel.h"
#include "WatchStatusBar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace {

constexpr int MaxUndoSteps = 20;

const QString SettingsGroup = QStringLiteral("ui/mainWindow");

// Columns most people do not need at first; the header's context menu brings them back.
constexpr int InitiallyHiddenColumns[] = {WatchListModel::TypeColumn, WatchListModel::LauncherColumn};

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_model(new WatchListModel(this))
    , m_proxy(new TaskFilterProxy(this))
    , m_notifier([this] { return m_clock(); })
    , m_banner(new NoticeBar(this))
    , m_filterBar(new FilterBar(this))
    , m_table(new QTableView(this))
    , m_detail(new TaskDetailView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_messageBar(new NoticeBar(this))
    , m_statusBar(new WatchStatusBar(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Taskwatch"));
    m_model->setClock([this] { return m_clock(); });
    m_model->setPalette(palette());
    m_detail->setClock([this] { return m_clock(); });
    m_statusBar->setClock([this] { return m_clock(); });
    m_proxy->setSourceModel(m_model);

    m_banner->setObjectName(QStringLiteral("banner"));
    m_messageBar->setObjectName(QStringLiteral("messageBar"));

    m_table->setObjectName(QStringLiteral("taskTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new ProgressDelegate(WatchListModel::PercentColumn, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as people expect in a form-like window
    m_table->verticalHeader()->hide();
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setAccessibleName(tr("Watched tasks"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the watch list's own order until someone sorts
    m_table->setSortingEnabled(true);
    for (const int column : InitiallyHiddenColumns)
        header->setSectionHidden(column, true);
    // Initial widths from the font, so they fit at any DPI and font size; people resize from there.
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("2024-05-17 09:00:00")) + padding;
    header->resizeSection(WatchListModel::NameColumn, metrics.averageCharWidth() * 28);
    header->resizeSection(WatchListModel::PercentColumn, metrics.horizontalAdvance(QStringLiteral("100 %")) * 4);
    header->resizeSection(WatchListModel::LaunchedColumn, timeWidth);
    header->resizeSection(WatchListModel::LastCheckedColumn, timeWidth);
    header->resizeSection(WatchListModel::IdColumn,
                          metrics.horizontalAdvance(QStringLiteral("0123456789abcdef")) + padding);

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

    createActions();
    createMenus();
    createToolBar();

    connect(m_filterBar, &FilterBar::stateFilterChanged, m_proxy, &TaskFilterProxy::setStateFilter);
    connect(m_filterBar, &FilterBar::searchTextChanged, m_proxy, &TaskFilterProxy::setSearchText);
    connect(m_filterBar, &FilterBar::escapePressed, m_table, [this] { m_table->setFocus(Qt::OtherFocusReason); });
    connect(m_model, &WatchListModel::summaryChanged, this, &MainWindow::onSummaryChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table, &QTableView::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) { showColumnsMenu(header->mapToGlobal(pos)); });
    connect(m_detail, &TaskDetailView::statusMessage, this, &MainWindow::showMessage);
    connect(m_banner, &NoticeBar::actionTriggered, this, [this] {
        if (m_bannerAction == BannerAction::OpenSettings)
            Q_EMIT settingsRequested();
    });
    connect(m_messageBar, &NoticeBar::actionTriggered, this, &MainWindow::undoRemove);

    m_notifyTimer.setSingleShot(true);
    connect(&m_notifyTimer, &QTimer::timeout, this, &MainWindow::deliverNotification);
    m_detailTicker.setInterval(1000);
    connect(&m_detailTicker, &QTimer::timeout, this, &MainWindow::tickDetail);

    resize(1100, 720);
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

void MainWindow::createActions()
{
    const auto make = [this](const QString &text, const char *name, const QIcon &icon, const QKeySequence &shortcut,
                             const QString &toolTip) {
        auto *action = new QAction(icon, text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        action->setToolTip(
                shortcut.isEmpty() ? toolTip : tr("%1 (%2)").arg(toolTip, shortcut.toString(QKeySequence::NativeText)));
        action->setStatusTip(toolTip);
        addAction(action); // window-wide shortcuts work even when the menu bar is hidden
        return action;
    };
    // Shortcuts that mean something else in text fields stay with the table (Delete, Ctrl+C, Ctrl+V).
    const auto tableScoped = [this](QAction *action) {
        removeAction(action);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(action);
        return action;
    };
    const auto themed = [this](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), style()->standardIcon(fallback));
    };
    const QColor accent = palette().color(QPalette::Highlight);

    m_addAction =
            make(tr("&Add tasks…"), "actionAdd",
                 QIcon::fromTheme(QStringLiteral("list-add"), StateIcons::dotIcon(accent, StateIcons::Glyph::Plus)),
                 QKeySequence(Qt::CTRL | Qt::Key_N), tr("Watch tasks by id"));
    m_discoverAction =
            make(tr("&Discover…"), "actionDiscover", themed("edit-find", QStyle::SP_FileDialogContentsView),
                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), tr("Pick tasks from the tenant's recent ones"));
    m_removeAction = tableScoped(make(tr("&Remove"), "actionRemove", themed("list-remove", QStyle::SP_TrashIcon),
                                      QKeySequence(Qt::Key_Delete), tr("Stop watching the selected tasks")));
    m_undoAction = make(tr("&Undo remove"), "actionUndo", themed("edit-undo", QStyle::SP_ArrowBack),
                        QKeySequence(Qt::CTRL | Qt::Key_Z), tr("Bring back the tasks removed last"));
    m_refreshAction = make(tr("Refresh &now"), "actionRefresh", themed("view-refresh", QStyle::SP_BrowserReload),
                           QKeySequence(Qt::Key_F5), tr("Ask for every task's status now"));
    m_refreshSelectedAction = make(tr("Refresh &selected"), "actionRefreshSelected", QIcon(),
                                   QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Ask for the selected tasks' status now"));
    m_pauseAction = make(tr("&Pause"), "actionPause", style()->standardIcon(QStyle::SP_MediaPause),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), tr("Pause or resume watching"));
    m_pauseAction->setCheckable(true);
    m_findAction = make(tr("&Find"), "actionFind", themed("edit-find", QStyle::SP_FileDialogContentsView),
                        QKeySequence(Qt::CTRL | Qt::Key_F), tr("Search the watched tasks"));
    m_copyIdAction = tableScoped(make(tr("&Copy id"), "actionCopyId", themed("edit-copy", QStyle::SP_FileLinkIcon),
                                      QKeySequence(Qt::CTRL | Qt::Key_C), tr("Copy the selected tasks' ids")));
    m_pasteAction = tableScoped(make(tr("&Paste ids"), "actionPaste", themed("edit-paste", QStyle::SP_FileIcon),
                                     QKeySequence(Qt::CTRL | Qt::Key_V), tr("Watch the task ids on the clipboard")));
    m_copyDetailsAction = make(tr("Copy &details"), "actionCopyDetails", QIcon(),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), tr("Copy the selected task's details"));
    m_exportAction =
            make(tr("&Export report…"), "actionExport", themed("document-save-as", QStyle::SP_DialogSaveButton),
                 QKeySequence(Qt::CTRL | Qt::Key_E), tr("Save a report of the selected task"));
    m_pauseTaskAction = make(tr("Pause &watching selected"), "actionPauseTask", QIcon(), QKeySequence(),
                             tr("Stop polling the selected tasks for now"));
    m_resumeTaskAction = make(tr("Resume watching selected"), "actionResumeTask", QIcon(), QKeySequence(),
                              tr("Poll the selected tasks again"));
    m_settingsAction = make(tr("S&ettings…"), "actionSettings", themed("preferences-system", QStyle::SP_ComputerIcon),
                            QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Connection, polling and notifications"));

    connect(m_addAction, &QAction::triggered, this, [this] { openAddDialog(); });
    connect(m_discoverAction, &QAction::triggered, this, &MainWindow::openDiscoverDialog);
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);
    connect(m_undoAction, &QAction::triggered, this, &MainWindow::undoRemove);
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshAll);
    connect(m_refreshSelectedAction, &QAction::triggered, this, &MainWindow::refreshSelected);
    connect(m_pauseAction, &QAction::toggled, this, [this](bool paused) {
        setPausedState(paused);
        Q_EMIT pauseRequested(paused);
    });
    connect(m_findAction, &QAction::triggered, this, &MainWindow::focusSearch);
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copySelectedIds);
    connect(m_pasteAction, &QAction::triggered, this, &MainWindow::pasteIds);
    connect(m_copyDetailsAction, &QAction::triggered, m_detail, &TaskDetailView::copyDetails);
    connect(m_exportAction, &QAction::triggered, m_detail, &TaskDetailView::exportReport);
    connect(m_pauseTaskAction, &QAction::triggered, this, [this] { setSelectedPaused(true); });
    connect(m_resumeTaskAction, &QAction::triggered, this, [this] { setSelectedPaused(false); });
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::settingsRequested);
}

void MainWindow::createMenus()
{
    QMenu *tasks = menuBar()->addMenu(tr("&Tasks"));
    tasks->addActions({m_addAction, m_discoverAction, m_pasteAction});
    tasks->addSeparator();
    tasks->addActions({m_removeAction, m_undoAction});
    tasks->addSeparator();
    tasks->addActions({m_copyIdAction, m_copyDetailsAction, m_exportAction});
    tasks->addSeparator();
    tasks->addActions({m_pauseTaskAction, m_resumeTaskAction});

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_refreshAction, m_refreshSelectedAction, m_pauseAction});
    view->addSeparator();
    view->addAction(m_findAction);
    m_columnsMenu = view->addMenu(tr("&Columns"));
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] { fillColumnsMenu(m_columnsMenu); });
    view->addSeparator();
    view->addAction(m_settingsAction);
}

void MainWindow::createToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions({m_addAction, m_discoverAction, m_removeAction});
    toolBar->addSeparator();
    toolBar->addActions({m_refreshAction, m_pauseAction});
    toolBar->addSeparator();
    toolBar->addActions({m_copyIdAction, m_exportAction});
    toolBar->addSeparator();
    toolBar->addAction(m_settingsAction);
}

void MainWindow::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    QHeaderView *header = m_table->horizontalHeader();
    int visible = 0;
    for (int column = 0; column < WatchListModel::ColumnCount; ++column)
        visible += header->isSectionHidden(column) ? 0 : 1;
    for (int column = 0; column < WatchListModel::ColumnCount; ++column) {
        QAction *action = menu->addAction(WatchListModel::columnTitle(column));
        action->setObjectName(QStringLiteral("column%1").arg(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(header->isSectionHidden(column) || visible > 1); // one column always stays
        connect(action, &QAction::toggled, this, [header, column](bool shown) {
            header->setSectionHidden(column, !shown);
            if (shown && header->sectionSize(column) < header->minimumSectionSize() * 2)
                header->resizeSection(column, header->defaultSectionSize());
        });
    }
}

void MainWindow::showColumnsMenu(const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("headerMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillColumnsMenu(menu);
    menu->popup(globalPos);
}

void MainWindow::showTableContextMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tableMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addActions({m_copyIdAction, m_copyDetailsAction, m_exportAction});
    menu->addSeparator();
    menu->addActions({m_refreshSelectedAction, m_pauseTaskAction, m_resumeTaskAction});
    menu->addSeparator();
    menu->addAction(m_removeAction);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

// --- from the engine ---

QDateTime MainWindow::seenAt(const WatchedTask &task) const
{
    return task.checkedAt.isValid() ? task.checkedAt : m_clock();
}

void MainWindow::addTask(const WatchedTask &task)
{
    addTasks({task});
}

void MainWindow::addTasks(const QList<WatchedTask> &tasks)
{
    m_model->addTasks(tasks);
    for (const WatchedTask &task : tasks) {
        m_history.record(task, seenAt(task));
        // Known already: no news. A task added without a status notifies once its first status is in.
        m_notifier.baseline(task);
        if (task.id == m_detail->taskId())
            showDetailFor(task.id);
    }
    updateActions();
}

void MainWindow::updateTask(const WatchedTask &task)
{
    m_model->updateTask(task);
    m_history.record(task, seenAt(task));
    m_notifier.observe(task);
    scheduleNotification();
    if (task.id == m_detail->taskId())
        showDetailFor(task.id);
}

void MainWindow::removeTask(const QString &id)
{
    m_model->removeTask(id);
    m_history.forget(id);
    m_notifier.forget(id);
    showCurrentDetail();
    updateActions();
}

void MainWindow::setConnectionState(ConnectionKind kind, const QString &detail, const QDateTime &until)
{
    m_statusBar->setConnectionState(ConnectionStatus {kind, detail, until});
}

void MainWindow::setRefreshed(const QDateTime &at)
{
    m_statusBar->setLastRefresh(at);
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
    const QSignalBlocker blocker(m_pauseAction);
    m_pauseAction->setChecked(paused);
    m_pauseAction->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pauseAction->setIcon(style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
}

// --- from the app ---

void MainWindow::setNotificationSettings(const NotificationSettings &settings)
{
    m_notifier.setSettings(settings);
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

QStringList MainWindow::selectedIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : rows)
        ids.append(row.data(WatchListModel::TaskIdRole).toString());
    return ids;
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
            m_notifier.forget(id);
        }
    }
    m_model->removeTasks(ids);
    showCurrentDetail();
    m_removals.append(removal);
    if (m_removals.size() > MaxUndoSteps)
        m_removals.removeFirst();
    Q_EMIT removeRequested(ids);

    const QString text = removal.tasks.size() == 1 ? tr("Removed %1.").arg(removal.tasks.first().displayName())
                                                   : tr("Removed %1 tasks.").arg(removal.tasks.size());
    m_messageBar->showNotice(text, tr("&Undo"), UndoTimeoutMs);
    updateActions();
}

void MainWindow::undoRemove()
{
    if (m_removals.isEmpty())
        return;
    const Removal removal = m_removals.takeLast();
    m_model->addTasks(removal.tasks);
    QStringList labels; // in first-seen order, one addRequested per label
    QHash<QString, QStringList> idsByLabel;
    for (qsizetype i = 0; i < removal.tasks.size(); ++i) {
        const WatchedTask &task = removal.tasks.at(i);
        m_history.restore(task.id, removal.histories.value(i));
        m_notifier.baseline(task);
        if (!idsByLabel.contains(task.label))
            labels.append(task.label);
        idsByLabel[task.label].append(task.id);
    }
    // The engine forgot them: ask it to watch them again, each with its label.
    for (const QString &label : labels)
        Q_EMIT addRequested(idsByLabel.value(label), label);

    m_messageBar->showNotice(removal.tasks.size() == 1 ? tr("Restored %1.").arg(removal.tasks.first().displayName())
                                                       : tr("Restored %1 tasks.").arg(removal.tasks.size()),
                             QString(), MessageTimeoutMs);
    // Select what came back, so that the detail view and the next action apply to it.
    QItemSelection selection;
    for (const WatchedTask &task : removal.tasks) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(task.id), 0));
        if (index.isValid())
            selection.select(index, index);
    }
    if (!selection.isEmpty()) {
        m_table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->selectionModel()->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
        showDetailFor(selection.first().topLeft().data(WatchListModel::TaskIdRole).toString());
    }
    updateActions();
}

void MainWindow::refreshAll()
{
    Q_EMIT refreshRequested({});
}

void MainWindow::refreshSelected()
{
    const QStringList ids = selectedIds();
    if (!ids.isEmpty())
        Q_EMIT refreshRequested(ids);
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
    QString message = parsed.ids.size() == 1 ? tr("Adding 1 task.") : tr("Adding %1 tasks.").arg(parsed.ids.size());
    if (!parsed.duplicates.isEmpty())
        message += u' ' + tr("%1 already watched.").arg(parsed.duplicates.size());
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

// --- keeping the parts in step ---

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    // A row filtered out of sight keeps its details on screen; only a removed task clears them.
    if (current.isValid())
        showDetailFor(current.data(WatchListModel::TaskIdRole).toString());
}

void MainWindow::showCurrentDetail()
{
    // After a removal the table's current row has moved on (or there is none left): follow it.
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    showDetailFor(current.isValid() ? current.data(WatchListModel::TaskIdRole).toString() : QString());
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
    for (QAction *action :
         {m_removeAction, m_copyIdAction, m_refreshSelectedAction, m_pauseTaskAction, m_resumeTaskAction})
        action->setEnabled(selection);
    m_copyDetailsAction->setEnabled(m_detail->hasTask());
    m_exportAction->setEnabled(m_detail->hasTask());
    m_undoAction->setEnabled(!m_removals.isEmpty());
}

void MainWindow::scheduleNotification()
{
    if (m_notifier.hasPending() && !m_notifyTimer.isActive())
        m_notifyTimer.start(NotificationBatchMs);
}

void MainWindow::deliverNotification()
{
    if (const std::optional<Notification> notification = m_notifier.take()) {
        qCDebug(lcUi) << "notification:" << notification->title;
        Q_EMIT notificationReady(*notification);
    }
    if (!m_notifier.hasPending())
        return;
    // Throttled: try again once the window lets the next one through.
    const QDateTime next = m_notifier.nextAllowedAt();
    const qint64 wait = next.isValid() ? m_clock().msecsTo(next) : NotificationBatchMs;
    m_notifyTimer.start(int(std::clamp<qint64>(wait, NotificationBatchMs, Notifier::ThrottleWindowSeconds * 1000)));
}

// --- layout ---

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tableHeader"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("tableColumns"), int(WatchListModel::ColumnCount));
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (settings.contains(QStringLiteral("state")))
        restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (settings.contains(QStringLiteral("splitter")))
        m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    // A header saved with another set of columns would put titles over the wrong data: start fresh then.
    if (settings.value(QStringLiteral("tableColumns")).toInt() == WatchListModel::ColumnCount)
        m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("tableHeader")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
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

#include "TaskTable.h"

#include "ProgressDelegate.h"
#include "TaskFilterProxy.h"
#include "WatchListModel.h"

#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>

#include <algorithm>

namespace {

// Columns most people do not need at first; the header's context menu brings them back. The status bar says
// when the last refresh was.
constexpr int InitiallyHiddenColumns[] = {WatchListModel::TypeColumn, WatchListModel::LauncherColumn,
                                          WatchListModel::LastCheckedColumn};
// Fitted widths, in average characters: a long name is elided rather than pushing the rest out of view.
constexpr int MinFittedChars = 6;
constexpr int MaxFittedChars = 40;
constexpr int ShrunkChars = 14; // the least a name, target or progress text keeps when the view is narrow

} // namespace

TaskTable::TaskTable(WatchListModel *model, TaskFilterProxy *proxy, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_proxy(proxy)
{
    setObjectName(QStringLiteral("taskTable"));
    m_proxy->setSourceModel(m_model); // before the view takes it: the header's columns come from the model
    setModel(m_proxy);
    setItemDelegate(new ProgressDelegate(WatchListModel::PercentColumn, this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table, as people expect in a form-like window
    verticalHeader()->hide();
    setContextMenuPolicy(Qt::CustomContextMenu);
    setAccessibleName(tr("Watched tasks"));
    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicator(-1, Qt::AscendingOrder); // the watch list's own order until someone sorts
    setSortingEnabled(true);
    for (const int column : InitiallyHiddenColumns)
        header->setSectionHidden(column, true);
    // Which tenant a task is on matters once there are two: the column comes and goes with them, beside the
    // name (the error column stays last, where it stretches).
    header->moveSection(header->visualIndex(WatchListModel::TenantColumn), WatchListModel::IdColumn);
    header->setSectionHidden(WatchListModel::TenantColumn, true);
    connect(model, &WatchListModel::tenantCountChanged, this,
            [header](int tenants) { header->setSectionHidden(WatchListModel::TenantColumn, tenants < 2); });
    // Initial widths from the font, so they fit at any DPI and font size; people resize from there.
    const QFontMetrics metrics = fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    const int timeWidth = metrics.horizontalAdvance(QStringLiteral("2024-05-17 09:00:00")) + padding;
    header->resizeSection(WatchListModel::NameColumn, metrics.averageCharWidth() * 28);
    header->resizeSection(WatchListModel::PercentColumn, metrics.horizontalAdvance(QStringLiteral("100 %")) * 4);
    header->resizeSection(WatchListModel::LaunchedColumn, timeWidth);
    header->resizeSection(WatchListModel::LastCheckedColumn, timeWidth);
    header->resizeSection(WatchListModel::IdColumn,
                          metrics.horizontalAdvance(QStringLiteral("0123456789abcdef")) + padding);
    connect(this, &QTableView::customContextMenuRequested, this, &TaskTable::showContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint &pos) { showColumnsMenu(header->mapToGlobal(pos)); });
}

QStringList TaskTable::selectedIds() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : rows)
        ids.append(row.data(WatchListModel::TaskIdRole).toString());
    return ids;
}

QString TaskTable::currentId() const
{
    const QModelIndex current = selectionModel()->currentIndex();
    return current.isValid() ? current.data(WatchListModel::TaskIdRole).toString() : QString();
}

bool TaskTable::selectTask(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, WatchListModel::StateColumn));
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
    return true;
}

QString TaskTable::selectTasks(const QStringList &ids)
{
    QItemSelection selection;
    for (const QString &id : ids) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(m_model->rowOf(id), 0));
        if (index.isValid())
            selection.select(index, index);
    }
    if (selection.isEmpty())
        return {};
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selectionModel()->setCurrentIndex(selection.first().topLeft(), QItemSelectionModel::NoUpdate);
    return selection.first().topLeft().data(WatchListModel::TaskIdRole).toString();
}

void TaskTable::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    QHeaderView *header = horizontalHeader();
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

void TaskTable::setContextActions(const QList<QAction *> &actions)
{
    m_contextActions = actions;
}

void TaskTable::showContextMenu(const QPoint &pos)
{
    auto *menu = new QMenu(window());
    menu->setObjectName(QStringLiteral("tableMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction *action : std::as_const(m_contextActions)) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    menu->popup(viewport()->mapToGlobal(pos));
}

void TaskTable::showColumnsMenu(const QPoint &globalPos)
{
    // A child of the window, where it always was (tests and accessibility tools find it there).
    auto *menu = new QMenu(window());
    menu->setObjectName(QStringLiteral("headerMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillColumnsMenu(menu);
    menu->popup(globalPos);
}

void TaskTable::fitColumnsToContents()
{
    QHeaderView *header = horizontalHeader();
    const QFontMetrics metrics = fontMetrics();
    const int charWidth = metrics.averageCharWidth();
    // Times that grow while a task runs keep room for a longer value than the one shown now.
    const int timeFloor = metrics.horizontalAdvance(QStringLiteral("59 min 59 s")) + charWidth * 3;
    for (int column = 0; column < WatchListModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column) || column == WatchListModel::IdColumn
            || column == WatchListModel::PercentColumn || column == WatchListModel::ErrorColumn)
            continue;
        int content = std::max(sizeHintForColumn(column), header->sectionSizeHint(column));
        if (column == WatchListModel::ElapsedColumn || column == WatchListModel::EtaColumn)
            content = std::max(content, timeFloor);
        header->resizeSection(column, std::clamp(content, charWidth * MinFittedChars, charWidth * MaxFittedChars));
    }
    // Within the view's width: the free-text columns give up what is too much, down to a floor, so that no
    // column is pushed out of sight (the last one stretches into what is left).
    int last = WatchListModel::ColumnCount - 1; // the last shown column stretches
    while (last > 0 && header->isSectionHidden(header->logicalIndex(last)))
        --last;
    int used = header->defaultSectionSize(); // what the stretching last column keeps at least
    for (int visual = 0; visual < last; ++visual)
        used += header->isSectionHidden(header->logicalIndex(visual))
                ? 0
                : header->sectionSize(header->logicalIndex(visual));
    const int floor = charWidth * ShrunkChars;
    const int shrinkable[] = {WatchListModel::NameColumn, WatchListModel::TargetColumn,
                              WatchListModel::ProgressTextColumn};
    int slack = 0;
    for (const int column : shrinkable)
        slack += header->isSectionHidden(column) ? 0 : std::max(0, header->sectionSize(column) - floor);
    // The vertical scroll bar may come with the next rows: leave it its room.
    const int excess = used - viewport()->width()
            + (verticalScrollBar()->isVisible() ? 0 : verticalScrollBar()->sizeHint().width());
    if (excess <= 0 || slack == 0)
        return;
    for (const int column : shrinkable) {
        const int size = header->sectionSize(column);
        if (!header->isSectionHidden(column) && size > floor)
            header->resizeSection(column, size - int(qint64(excess) * (size - floor) / slack) - 1);
    }
}

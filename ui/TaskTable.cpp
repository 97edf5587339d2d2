#include "TaskTable.h"

#include "ProgressDelegate.h"
#include "TaskFilterProxy.h"
#include "WatchListModel.h"

#include <QHeaderView>
#include <QMenu>

#include <algorithm>

namespace {

// Columns most people do not need at first; the header's context menu brings them back. The status bar says
// when the last refresh was.
constexpr int InitiallyHiddenColumns[] = {WatchListModel::TypeColumn, WatchListModel::LauncherColumn,
                                          WatchListModel::LastCheckedColumn};
// Fitted widths, in average characters: a long name is elided rather than pushing the rest out of view.
constexpr int MinFittedChars = 6;
constexpr int MaxFittedChars = 40;

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
    const int charWidth = fontMetrics().averageCharWidth();
    for (int column = 0; column < WatchListModel::ColumnCount; ++column) {
        if (header->isSectionHidden(column) || column == WatchListModel::IdColumn
            || column == WatchListModel::PercentColumn)
            continue;
        const int content = std::max(sizeHintForColumn(column), header->sectionSizeHint(column));
        header->resizeSection(column, std::clamp(content, charWidth * MinFittedChars, charWidth * MaxFittedChars));
    }
}

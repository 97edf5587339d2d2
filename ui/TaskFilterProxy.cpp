#include "TaskFilterProxy.h"

#include "WatchListModel.h"

TaskFilterProxy::TaskFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(WatchListModel::SortRole);
    setDynamicSortFilter(true);
}

void TaskFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_watchList = qobject_cast<const WatchListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TaskFilterProxy::setStateFilter(StateFilter filter)
{
    if (filter == m_stateFilter)
        return;
    m_stateFilter = filter;
    invalidateFilter();
}

void TaskFilterProxy::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_searchText)
        return;
    m_searchText = trimmed;
    invalidateFilter();
}

bool TaskFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_watchList)
        return true;
    if (!matchesStateFilter(m_watchList->displayStateAt(sourceRow), m_stateFilter))
        return false;
    if (m_searchText.isEmpty())
        return true;
    const WatchedTask *task = m_watchList->taskAt(sourceRow);
    return task && matchesSearchText(*task, m_searchText);
}

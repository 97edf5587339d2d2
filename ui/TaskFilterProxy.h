#pragma once

#include "TaskFilter.h"

#include <QSortFilterProxyModel>

class WatchListModel;

// Sorts on WatchListModel::SortRole and keeps the rows the filter bar asks for: a state group and a
// text search (see matchesStateFilter and matchesSearchText).
class TaskFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit TaskFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    StateFilter stateFilter() const { return m_stateFilter; }
    QString searchText() const { return m_searchText; }

public Q_SLOTS:
    void setStateFilter(StateFilter filter);
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const WatchListModel *m_watchList = nullptr;
    StateFilter m_stateFilter = StateFilter::All;
    QString m_searchText;
};

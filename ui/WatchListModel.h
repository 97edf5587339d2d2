#pragma once

#include "EtaEstimator.h"
#include "StatusSummary.h"
#include "models/Clock.h"
#include "models/WatchedTask.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPalette>
#include <QTimer>

#include <array>
#include <optional>

// The watched tasks as a table, fed by the engine's taskAdded / taskChanged / taskRemoved.
// Updates touch only the changed cells of the changed row (one dataChanged over the changed column
// range); a refresh never resets the model. Rows are found through a QHash<id,row>, and a bulk add is
// one beginInsertRows, so 10,000 tasks load at once and updates stay cheap.
class WatchListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        StateColumn,
        NameColumn,
        IdColumn,
        TypeColumn,
        TargetColumn,
        LauncherColumn,
        ProgressTextColumn,
        PercentColumn,
        LaunchedColumn,
        ElapsedColumn, // time-dependent: Elapsed and Eta are adjacent so one range covers both
        EtaColumn,
        LastCheckedColumn,
        ErrorColumn,
        TenantColumn, // the connection profile; shown by itself while tasks of several are in the table
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // Raw values for sorting and for the delegate (numbers, times as msecs since epoch), qBittorrent's idea.
        SortRole = Qt::UserRole + 1,
        TaskIdRole, // QString
        DisplayStateRole, // int(DisplayState)
        PercentRole, // int 0..100, or an invalid QVariant when unknown
    };
    Q_ENUM(Role)

    explicit WatchListModel(QObject *parent = nullptr);

    void setClock(Clock clock);
    // The palette the state icons are coloured for (light or dark set).
    void setPalette(const QPalette &palette);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int rowOf(const QString &id) const; // -1 when not watched
    bool contains(const QString &id) const { return m_rowById.contains(id); }
    const WatchedTask *taskAt(int row) const;
    const WatchedTask *task(const QString &id) const;
    DisplayState displayStateAt(int row) const;
    QStringList ids() const;
    int rowsOf(const QString &profile) const { return m_rowsPerProfile.value(profile); }
    std::optional<qint64> etaSeconds(const QString &id) const;
    StatusSummary summary() const { return StatusSummary::fromCounts(m_counts, m_stalledRows); }
    bool timeTickerActive() const { return m_ticker.isActive(); }

    static QString columnTitle(int column);

public Q_SLOTS:
    void addTask(const WatchedTask &task); // a known id is updated instead
    void addTasks(const QList<WatchedTask> &tasks); // all new ids in one beginInsertRows
    void updateTask(const WatchedTask &task); // an unknown id is added
    void removeTask(const QString &id);
    void removeTasks(const QStringList &ids);
    void clear();
    // Re-announces the time-dependent cells (elapsed, ETA) of running rows only; called every second
    // while any task runs.
    void refreshTimeColumns();

Q_SIGNALS:
    void summaryChanged();
    void tenantCountChanged(int tenants); // how many profiles the rows belong to

private:
    struct Row
    {
        WatchedTask task;
        DisplayState state = DisplayState::Pending;
        EtaEstimator eta;
    };

    Row makeRow(const WatchedTask &task) const;
    void feedEta(Row &row) const;
    QVariant displayData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;
    QVariant toolTipData(const Row &row, int column) const;
    std::optional<qint64> elapsedSeconds(const Row &row) const;
    std::optional<qint64> etaSeconds(const Row &row) const;
    void count(const Row &row, int delta, bool membership = true); // membership: rows come or go
    void rebuildIndex(int fromRow);
    void updateTicker();

    Clock m_clock = systemClock();
    QPalette m_palette;
    mutable std::array<QIcon, DisplayStateCount> m_icons; // painted on first use for m_palette
    QList<Row> m_rows;
    QHash<QString, int> m_rowById;
    StatusSummary::Counts m_counts {};
    int m_stalledRows = 0; // running rows flagged stalled
    QHash<QString, int> m_rowsPerProfile;
    int m_runningRows = 0; // rows whose task is running (its own state, whatever the last fetch said)
    QTimer m_ticker;
};

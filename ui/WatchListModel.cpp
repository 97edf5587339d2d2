#include "WatchListModel.h"

#include "Formatting.h"
#include "StateIcons.h"
#include "WatchListCells.h"

#include <algorithm>
#include <limits>

namespace {

const TaskStatus *statusOf(const WatchedTask &task)
{
    return task.status ? &*task.status : nullptr;
}

template<typename T>
T field(const WatchedTask &task, T TaskStatus::*member)
{
    return task.status ? (*task.status).*member : T();
}

bool sameTarget(const WatchedTask &a, const WatchedTask &b)
{
    const TaskStatus *sa = statusOf(a);
    const TaskStatus *sb = statusOf(b);
    const bool hasA = sa && sa->target;
    const bool hasB = sb && sb->target;
    if (hasA != hasB)
        return false;
    return !hasA
            || (sa->target->id == sb->target->id && sa->target->name == sb->target->name
                && sa->target->type == sb->target->type);
}

qint64 msecs(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

// By the task's own state: a running task whose last refresh failed is still running.
bool isRunning(const WatchedTask &task)
{
    return task.status && task.status->state() == TaskState::Running;
}

} // namespace

WatchListModel::WatchListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &WatchListModel::refreshTimeColumns);
}

void WatchListModel::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void WatchListModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    m_icons = {};
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn), {Qt::DecorationRole});
}

int WatchListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WatchListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WatchListModel::columnTitle(int column)
{
    return WatchListCells::columnTitle(column);
}

QVariant WatchListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole) {
        const QString tip = WatchListCells::headerToolTip(section);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    return {};
}

QVariant WatchListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::DecorationRole:
        if (column == StateColumn) {
            QIcon &icon = m_icons[static_cast<size_t>(row.state)];
            if (icon.isNull())
                icon = StateIcons::stateIcon(row.state, m_palette);
            return icon;
        }
        return {};
    case Qt::ToolTipRole:
        return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        if (column == PercentColumn || column == ElapsedColumn || column == EtaColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        return sortData(row, column);
    case TaskIdRole:
        return row.task.id;
    case DisplayStateRole:
        return int(row.state);
    case PercentRole: {
        const std::optional<int> percent = field(row.task, &TaskStatus::percentComplete);
        return percent ? QVariant(*percent) : QVariant();
    }
    default:
        break;
    }
    return {};
}

QVariant WatchListModel::displayData(const Row &row, int column) const
{
    // The time-dependent cells come from the model's clock and estimates, the others from the task alone.
    if (column == ElapsedColumn || column == EtaColumn) {
        const std::optional<qint64> seconds = column == ElapsedColumn ? elapsedSeconds(row) : etaSeconds(row);
        return seconds ? Formatting::duration(*seconds) : QString();
    }
    return WatchListCells::displayText(row.task, row.state, column);
}

QVariant WatchListModel::sortData(const Row &row, int column) const
{
    const WatchedTask &task = row.task;
    const TaskStatus *status = statusOf(task);
    switch (column) {
    case StateColumn:
        return int(row.state);
    case PercentColumn:
        return status && status->percentComplete ? *status->percentComplete : -1;
    case LaunchedColumn:
        return msecs(status ? status->launched : QDateTime());
    case ElapsedColumn:
        return elapsedSeconds(row).value_or(-1);
    case EtaColumn:
        // Unknown sorts after every known estimate.
        return etaSeconds(row).value_or(std::numeric_limits<qint64>::max());
    case LastCheckedColumn:
        return msecs(task.checkedAt);
    default:
        break;
    }
    return displayData(row, column).toString().toLower();
}

QVariant WatchListModel::toolTipData(const Row &row, int column) const
{
    const QString tip = WatchListCells::toolTipText(row.task, row.state, column);
    return tip.isEmpty() ? QVariant() : QVariant(tip);
}

std::optional<qint64> WatchListModel::elapsedSeconds(const Row &row) const
{
    const TaskStatus *status = statusOf(row.task);
    if (!status || !status->launched.isValid())
        return std::nullopt;
    if (isRunning(row.task))
        return std::max<qint64>(0, status->launched.secsTo(m_clock()));
    if (status->completed.isValid())
        return std::max<qint64>(0, status->launched.secsTo(status->completed));
    return std::nullopt;
}

std::optional<qint64> WatchListModel::etaSeconds(const Row &row) const
{
    if (!isRunning(row.task))
        return std::nullopt;
    const std::optional<qint64> fromPercent = row.eta.secondsRemaining(m_clock());
    const TaskStatus *status = statusOf(row.task);
    if (fromPercent || row.task.usualDuration.count() <= 0 || !status->launched.isValid())
        return fromPercent;
    // No percentage, or a flat one: the usual run of its kind says how long is left, until it is past it.
    const qint64 left = row.task.usualDuration.count() / 1000 - status->launched.secsTo(m_clock());
    return left >= 0 ? std::optional<qint64>(left) : std::nullopt;
}

std::optional<qint64> WatchListModel::etaSeconds(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? std::nullopt : etaSeconds(m_rows.at(row));
}

int WatchListModel::rowOf(const QString &id) const
{
    return m_rowById.value(id, -1);
}

const WatchedTask *WatchListModel::taskAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row).task : nullptr;
}

const WatchedTask *WatchListModel::task(const QString &id) const
{
    return taskAt(rowOf(id));
}

DisplayState WatchListModel::displayStateAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : DisplayState::Pending;
}

QStringList WatchListModel::ids() const
{
    QStringList ids;
    ids.reserve(m_rows.size());
    for (const Row &row : m_rows)
        ids.append(row.task.id);
    return ids;
}

WatchListModel::Row WatchListModel::makeRow(const WatchedTask &task) const
{
    Row row {task, task.displayState(), {}};
    feedEta(row);
    return row;
}

void WatchListModel::feedEta(Row &row) const
{
    const TaskStatus *status = statusOf(row.task);
    if (!isRunning(row.task)) {
        if (status)
            row.eta.reset(); // finished or queued again: a later run starts its own estimate
        return;
    }
    if (!status->percentComplete)
        return;
    row.eta.addSample(row.task.checkedAt.isValid() ? row.task.checkedAt : m_clock(), *status->percentComplete);
}

void WatchListModel::addTask(const WatchedTask &task)
{
    addTasks({task});
}

void WatchListModel::addTasks(const QList<WatchedTask> &tasks)
{
    QList<Row> fresh;
    QHash<QString, qsizetype> freshIndex;
    for (const WatchedTask &task : tasks) {
        if (m_rowById.contains(task.id)) {
            updateTask(task);
        } else if (const auto it = freshIndex.constFind(task.id); it != freshIndex.constEnd()) {
            fresh[*it] = makeRow(task); // the same id twice in one batch: the later one wins
        } else {
            freshIndex.insert(task.id, fresh.size());
            fresh.append(makeRow(task));
        }
    }
    if (fresh.isEmpty())
        return;

    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
    // Grow geometrically: reserving the exact size on every single add would copy the list each time.
    const qsizetype needed = m_rows.size() + fresh.size();
    if (m_rows.capacity() < needed) {
        m_rows.reserve(std::max(needed, m_rows.capacity() * 2));
        m_rowById.reserve(std::max(needed, m_rows.capacity()));
    }
    const qsizetype tenants = m_rowsPerProfile.size();
    for (Row &row : fresh) {
        m_rowById.insert(row.task.id, int(m_rows.size()));
        count(row, +1);
        m_rows.append(std::move(row));
    }
    endInsertRows();
    if (m_rowsPerProfile.size() != tenants)
        Q_EMIT tenantCountChanged(int(m_rowsPerProfile.size()));
    Q_EMIT summaryChanged();
    updateTicker();
}

void WatchListModel::updateTask(const WatchedTask &task)
{
    const auto it = m_rowById.constFind(task.id);
    if (it == m_rowById.constEnd()) {
        addTasks({task});
        return;
    }
    const int rowIndex = *it;
    Row updated = m_rows.at(rowIndex);
    updated.task = task;
    updated.state = task.displayState();
    feedEta(updated);
    const Row &old = m_rows.at(rowIndex);
    const WatchedTask &a = old.task;
    const WatchedTask &b = updated.task;

    const auto differs = [&](int column) {
        switch (column) {
        case StateColumn:
            return old.state != updated.state || a.paused != b.paused || a.problem != b.problem
                    || a.stalled != b.stalled || (b.stalled && a.lastMovedAt != b.lastMovedAt)
                    || a.overdue != b.overdue;
        case NameColumn:
            return a.displayName() != b.displayName()
                    || field(a, &TaskStatus::description) != field(b, &TaskStatus::description);
        case IdColumn:
            return a.id != b.id;
        case TypeColumn:
            return field(a, &TaskStatus::type) != field(b, &TaskStatus::type);
        case TargetColumn:
            return !sameTarget(a, b);
        case LauncherColumn:
            return field(a, &TaskStatus::launcher) != field(b, &TaskStatus::launcher);
        case ProgressTextColumn:
            return field(a, &TaskStatus::progress) != field(b, &TaskStatus::progress);
        case PercentColumn:
            return field(a, &TaskStatus::percentComplete) != field(b, &TaskStatus::percentComplete)
                    || old.state != updated.state; // the delegate greys failed rows
        case LaunchedColumn:
            return field(a, &TaskStatus::launched) != field(b, &TaskStatus::launched);
        case ElapsedColumn:
            return elapsedSeconds(old) != elapsedSeconds(updated);
        case EtaColumn:
            return etaSeconds(old) != etaSeconds(updated);
        case LastCheckedColumn:
            return a.checkedAt != b.checkedAt || a.nextCheckAt != b.nextCheckAt;
        case ErrorColumn:
            return a.problem != b.problem;
        default:
            break;
        }
        return false;
    };
    int firstChanged = -1;
    int lastChanged = -1;
    for (int column = 0; column < ColumnCount; ++column) {
        if (differs(column)) {
            if (firstChanged < 0)
                firstChanged = column;
            lastChanged = column;
        }
    }

    const bool stateChanged = old.state != updated.state || a.stalled != b.stalled || a.overdue != b.overdue;
    const bool runningChanged = isRunning(old.task) != isRunning(updated.task);
    count(old, -1, false); // the same task, the same profile
    count(updated, +1, false);
    m_rows[rowIndex] = std::move(updated);
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(rowIndex, firstChanged), index(rowIndex, lastChanged));
    if (stateChanged)
        Q_EMIT summaryChanged();
    if (runningChanged)
        updateTicker();
}

void WatchListModel::removeTask(const QString &id)
{
    removeTasks({id});
}

void WatchListModel::removeTasks(const QStringList &ids)
{
    QList<int> rows;
    rows.reserve(ids.size());
    for (const QString &id : ids) {
        const int row = rowOf(id);
        if (row >= 0 && !rows.contains(row))
            rows.append(row);
    }
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(), std::greater<int>());

    // Contiguous runs from the bottom up: removing a run never shifts the rows of the runs still to go.
    qsizetype i = 0;
    const qsizetype tenants = m_rowsPerProfile.size();
    while (i < rows.size()) {
        const int last = rows.at(i);
        int first = last;
        while (i + 1 < rows.size() && rows.at(i + 1) == first - 1)
            first = rows.at(++i);
        ++i;
        beginRemoveRows(QModelIndex(), first, last);
        for (int row = first; row <= last; ++row) {
            count(m_rows.at(row), -1);
            m_rowById.remove(m_rows.at(row).task.id);
        }
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    }
    rebuildIndex(rows.last());
    if (m_rowsPerProfile.size() != tenants)
        Q_EMIT tenantCountChanged(int(m_rowsPerProfile.size()));
    Q_EMIT summaryChanged();
    updateTicker();
}

void WatchListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_counts = {};
    m_runningRows = 0;
    m_stalledRows = 0;
    m_rowsPerProfile.clear();
    endResetModel();
    Q_EMIT tenantCountChanged(0);
    Q_EMIT summaryChanged();
    updateTicker();
}

void WatchListModel::refreshTimeColumns()
{
    const int rows = int(m_rows.size());
    int row = 0;
    while (row < rows) {
        if (!isRunning(m_rows.at(row).task)) {
            ++row;
            continue;
        }
        const int first = row;
        while (row + 1 < rows && isRunning(m_rows.at(row + 1).task))
            ++row;
        Q_EMIT dataChanged(index(first, ElapsedColumn), index(row, EtaColumn),
                           {Qt::DisplayRole, Qt::ToolTipRole, SortRole});
        ++row;
    }
}

void WatchListModel::count(const Row &row, int delta, bool membership)
{
    m_counts[static_cast<size_t>(row.state)] += delta;
    if (isRunning(row.task))
        m_runningRows += delta;
    if (row.task.stalled)
        m_stalledRows += delta;
    if (membership && (m_rowsPerProfile[row.task.profile] += delta) <= 0)
        m_rowsPerProfile.remove(row.task.profile);
}

void WatchListModel::rebuildIndex(int fromRow)
{
    for (int row = fromRow; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).task.id, row);
}

void WatchListModel::updateTicker()
{
    // Only running rows have cells that change with time; without any, the model stays quiet.
    const bool anyRunning = m_runningRows > 0;
    if (anyRunning && !m_ticker.isActive())
        m_ticker.start();
    else if (!anyRunning)
        m_ticker.stop();
}

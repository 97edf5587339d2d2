#include "DiscoverDialog.h"

#include "Formatting.h"
#include "StateIcons.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum DiscoverColumn { StateColumn, NameColumn, TypeColumn, TargetColumn, LaunchedColumn, IdColumn };
constexpr int IdRole = Qt::UserRole + 1;

// A list item that sorts the launched column by time rather than by text.
class TaskItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column == LaunchedColumn)
            return data(LaunchedColumn, Qt::UserRole).toLongLong()
                    < other.data(LaunchedColumn, Qt::UserRole).toLongLong();
        return QTreeWidgetItem::operator<(other);
    }
};

DisplayState displayStateOf(const TaskStatus &status)
{
    WatchedTask task;
    task.status = status;
    return task.displayState();
}

} // namespace

DiscoverDialog::DiscoverDialog(QWidget *parent)
    : QDialog(parent)
    , m_runningOnly(new QCheckBox(tr("Queued and &running only"), this))
    , m_limit(new QSpinBox(this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Discover tasks"));
    setObjectName(QStringLiteral("discoverDialog"));
    m_runningOnly->setObjectName(QStringLiteral("runningOnly"));
    // Every API version can answer: beta and v2024 through pending-tasks (TaskStatusClient::fetchRecent).
    m_runningOnly->setToolTip(tr("Tasks that have not finished: waiting in the queue or running"));
    m_limit->setObjectName(QStringLiteral("limit"));
    m_limit->setRange(1, 250); // the list endpoint's own maximum
    m_limit->setValue(DefaultLimit);
    m_limit->setAccessibleName(tr("Number of tasks"));
    m_refresh->setObjectName(QStringLiteral("refresh"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("tasks"));
    m_list->setHeaderLabels({tr("State"), tr("Name"), tr("Type"), tr("Target"), tr("Launched"), tr("Task id")});
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(LaunchedColumn, Qt::DescendingOrder);
    m_list->setAccessibleName(tr("Tasks in the tenant"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Watch selected"));

    auto *limitLabel = new QLabel(tr("&Show up to"), this);
    limitLabel->setBuddy(m_limit);
    auto *options = new QHBoxLayout;
    options->addWidget(m_runningOnly);
    options->addStretch();
    options->addWidget(limitLabel);
    options->addWidget(m_limit);
    options->addWidget(m_refresh);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(options);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_runningOnly, &QCheckBox::toggled, this, [this] {
        showTasks(); // at once from what we have; the engine's fresh answer follows
        requestRefresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &DiscoverDialog::requestRefresh);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DiscoverDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item->flags().testFlag(Qt::ItemIsEnabled))
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButtons();
    resize(760, 460);
}

void DiscoverDialog::setKnownIds(const QStringList &ids)
{
    m_known = QSet<QString>(ids.begin(), ids.end());
    showTasks();
}

bool DiscoverDialog::runningOnly() const
{
    return m_runningOnly->isChecked();
}

int DiscoverDialog::limit() const
{
    return m_limit->value();
}

QStringList DiscoverDialog::selectedIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->isSelected() && !item->isHidden())
            ids.append(item->data(IdColumn, IdRole).toString());
    }
    return ids;
}

void DiscoverDialog::requestRefresh()
{
    m_status->setText(tr("Asking the tenant…"));
    Q_EMIT discoverRequested(runningOnly(), limit());
}

void DiscoverDialog::setTasks(const QList<TaskStatus> &tasks)
{
    m_tasks = tasks;
    showTasks();
}

void DiscoverDialog::setError(const QString &message)
{
    m_status->setText(tr("Could not list the tenant's tasks: %1").arg(message));
}

void DiscoverDialog::showTasks()
{
    const QStringList selected = selectedIds();
    m_list->setSortingEnabled(false);
    m_list->clear();
    int shown = 0;
    for (const TaskStatus &status : std::as_const(m_tasks)) {
        const DisplayState state = displayStateOf(status);
        // Older API versions list completed tasks only; filter here as well so the toggle always holds.
        if (runningOnly() && state != DisplayState::Running && state != DisplayState::Queued)
            continue;
        auto *item = new TaskItem(m_list);
        item->setIcon(StateColumn, StateIcons::stateIcon(state, palette()));
        item->setText(StateColumn, displayStateName(state, TextLanguage::UserLanguage));
        item->setText(NameColumn, status.uniqueName);
        item->setToolTip(NameColumn, status.description);
        item->setText(TypeColumn, status.type);
        item->setText(TargetColumn, status.target ? status.target->name : QString());
        item->setText(LaunchedColumn, Formatting::localTime(status.launched));
        item->setToolTip(LaunchedColumn, Formatting::utcTime(status.launched));
        item->setData(LaunchedColumn, Qt::UserRole,
                      status.launched.isValid() ? status.launched.toMSecsSinceEpoch() : qint64(0));
        item->setText(IdColumn, status.id);
        item->setData(IdColumn, IdRole, status.id);
        if (m_known.contains(status.id)) {
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
            item->setText(StateColumn, tr("%1 (watched)").arg(displayStateName(state, TextLanguage::UserLanguage)));
            item->setToolTip(StateColumn, tr("Already on the watch list"));
        } else if (selected.contains(status.id)) {
            item->setSelected(true);
        }
        ++shown;
    }
    m_list->setSortingEnabled(true);
    for (int column = 0; column < m_list->columnCount(); ++column)
        m_list->resizeColumnToContents(column);
    if (!m_tasks.isEmpty() || shown > 0)
        m_status->setText(shown == 1 ? tr("1 task") : tr("%n tasks", nullptr, shown));
    updateButtons();
}

void DiscoverDialog::updateButtons()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedIds().isEmpty());
}

#include "TaskDetailView.h"

#include "Formatting.h"
#include "JsonTree.h"
#include "MessageTable.h"
#include "StateIcons.h"
#include "TaskFilter.h"
#include "TaskReport.h"
#include "UiLog.h"
#include "WatchListCells.h"
#include "WholeText.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Tab { MessagesTab, ReturnsTab, AttributesTab, DefinitionTab, RawTab, HistoryTab };

QLabel *valueLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}

QTreeWidget *treeWidget(QWidget *parent, const char *objectName, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(QLatin1String(objectName));
    tree->setHeaderLabels(headers);
    tree->setAlternatingRowColors(true);
    tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

void setTime(QLabel *label, const QDateTime &time)
{
    label->setText(time.isValid() ? Formatting::localTime(time) : TaskDetailView::tr("—"));
    label->setToolTip(Formatting::utcTime(time));
}

} // namespace

TaskDetailView::TaskDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("taskDetailView"));
    m_chooseSaveFile = [this](const QString &suggestedPath) {
        return QFileDialog::getSaveFileName(this, tr("Export report"), suggestedPath,
                                            tr("Markdown (*.md);;JSON (*.json)"));
    };

    // Before a task is selected: what this pane will show and how to get tasks into the table.
    auto *placeholder = new QLabel(m_stack);
    placeholder->setObjectName(QStringLiteral("placeholder"));
    placeholder->setTextFormat(Qt::RichText);
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setText(
            tr("<p><b>Select a task to see its details.</b></p>"
               "<p>Its fields and progress, every message read whole (errors first if you like), the returns, "
               "attributes and raw JSON, the history seen while watching, and a report to hand to support.</p>"
               "<p>No tasks yet? Add them by id (%1), paste ids (%2) or pick from the tenant's recent ones (%3). "
               "All shortcuts: %4.</p>")
                    .arg(QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText),
                         QKeySequence(Qt::CTRL | Qt::Key_V).toString(QKeySequence::NativeText),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N).toString(QKeySequence::NativeText),
                         QKeySequence(Qt::Key_F1).toString(QKeySequence::NativeText)));
    placeholder->setContentsMargins(24, 12, 24, 12);

    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildHeader());
    contentLayout->addWidget(buildTabs(), 1);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QWidget *TaskDetailView::buildHeader()
{
    auto *header = new QWidget(this);
    m_stateIcon = new QLabel(header);
    m_stateIcon->setObjectName(QStringLiteral("stateIcon"));
    m_name = valueLabel(header, "name");
    QFont nameFont = m_name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.25);
    m_name->setFont(nameFont);
    m_state = valueLabel(header, "state");
    m_description = valueLabel(header, "description");
    m_type = valueLabel(header, "type");
    m_launcher = valueLabel(header, "launcher");
    m_target = valueLabel(header, "target");
    m_created = valueLabel(header, "created");
    m_launched = valueLabel(header, "launched");
    m_completed = valueLabel(header, "completed");
    m_elapsed = valueLabel(header, "elapsed");
    m_problem = valueLabel(header, "problem");
    m_id = new QLineEdit(header);
    m_id->setObjectName(QStringLiteral("id"));
    m_id->setReadOnly(true);
    m_id->setFrame(false);
    m_id->setAccessibleName(tr("Task id"));
    m_copyId = new QToolButton(header);
    m_copyId->setObjectName(QStringLiteral("copyId"));
    m_copyId->setText(tr("Copy"));
    m_copyId->setToolTip(tr("Copy the task id"));
    connect(m_copyId, &QToolButton::clicked, this, &TaskDetailView::copyId);

    m_progressBar = new QProgressBar(header);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setMinimumHeight(m_progressBar->sizeHint().height() * 3 / 2);
    m_progressBar->setAccessibleName(tr("Percent complete"));
    m_progressText = valueLabel(header, "progressText");

    m_copyDetails = new QPushButton(tr("C&opy details"), header);
    m_copyDetails->setObjectName(QStringLiteral("copyDetails"));
    m_copyDetails->setToolTip(tr("Copy every field, message and return as text"));
    m_export = new QPushButton(tr("&Export report…"), header);
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setToolTip(tr("Save a Markdown or JSON report for a support ticket"));
    connect(m_copyDetails, &QPushButton::clicked, this, &TaskDetailView::copyDetails);
    connect(m_export, &QPushButton::clicked, this, &TaskDetailView::exportReport);

    auto *title = m_titleRow = new QHBoxLayout;
    title->addWidget(m_stateIcon);
    title->addWidget(m_name, 1);
    title->addWidget(m_state);
    title->addWidget(m_copyDetails);
    title->addWidget(m_export);

    auto *idRow = new QHBoxLayout;
    idRow->setContentsMargins(0, 0, 0, 0);
    idRow->addWidget(m_id, 1);
    idRow->addWidget(m_copyId);

    auto *left = new QFormLayout;
    left->addRow(tr("Task id:"), idRow);
    left->addRow(tr("Type:"), m_type);
    left->addRow(tr("Launcher:"), m_launcher);
    left->addRow(tr("Target:"), m_target);
    auto *right = new QFormLayout;
    right->addRow(tr("Created:"), m_created);
    right->addRow(tr("Launched:"), m_launched);
    right->addRow(tr("Completed:"), m_completed);
    right->addRow(tr("Elapsed:"), m_elapsed);
    auto *fields = new QHBoxLayout;
    fields->addLayout(left, 1);
    fields->addLayout(right, 1);

    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(title);
    layout->addWidget(m_description);
    layout->addLayout(fields);
    layout->addWidget(m_problem);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_progressText);
    return header;
}

QWidget *TaskDetailView::buildTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));

    m_messages = new MessageTable(m_tabs);

    m_returns = treeWidget(m_tabs, "returns", {tr("Return"), tr("Value"), tr("Attribute")});
    m_returns->setRootIsDecorated(false);
    m_attributes = treeWidget(m_tabs, "attributes", {tr("Attribute"), tr("Value")});
    m_definition = treeWidget(m_tabs, "definition", {tr("Field"), tr("Value")});
    m_raw = new QPlainTextEdit(m_tabs);
    m_raw->setObjectName(QStringLiteral("rawJson"));
    m_raw->setReadOnly(true);
    m_raw->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Wrapped: a long string value is read whole without scrolling sideways.
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_raw->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_historyList = treeWidget(m_tabs, "history", {tr("Time"), tr("Event"), tr("State"), tr("Detail")});
    m_historyList->setRootIsDecorated(false);

    m_tabs->insertTab(MessagesTab, m_messages, tr("Messages"));
    // Each table's selected value whole below it: one line per row above, any length below.
    m_tabs->insertTab(ReturnsTab, WholeText::below(m_returns, 1, QStringLiteral("returnText")), tr("Returns"));
    m_tabs->insertTab(AttributesTab, WholeText::below(m_attributes, 1, QStringLiteral("attributeText")),
                      tr("Attributes"));
    m_tabs->insertTab(DefinitionTab, WholeText::below(m_definition, 1, QStringLiteral("definitionText")),
                      tr("Definition"));
    for (WholeText *whole : m_tabs->findChildren<WholeText *>()) {
        connect(whole, &WholeText::copied, this, [this](const QString &caption) {
            Q_EMIT statusMessage(tr("Copied the whole text (%1)").arg(caption));
        });
    }
    m_tabs->insertTab(RawTab, m_raw, tr("Raw JSON"));
    m_tabs->insertTab(HistoryTab, m_historyList, tr("History"));
    return m_tabs;
}

void TaskDetailView::addHeaderAction(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_titleRow->insertWidget(m_titleRow->indexOf(m_copyDetails), button);
}

void TaskDetailView::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

void TaskDetailView::setSaveFileChooser(SaveFileChooser chooser)
{
    m_chooseSaveFile = std::move(chooser);
}

bool TaskDetailView::showsRunningTask() const
{
    return m_task && m_task->status && m_task->status->state() == TaskState::Running;
}

void TaskDetailView::setTask(const WatchedTask &task, const QList<HistoryEntry> &history,
                             std::optional<qint64> etaSeconds)
{
    const bool sameTask = m_task && m_task->id == task.id;
    m_task = task;
    m_history = history;
    m_eta = etaSeconds;
    if (!sameTask)
        m_shownRaw.clear();
    showFields();
    showProgress();
    const QByteArray raw = task.status ? task.status->rawJson : QByteArray();
    if (!sameTask || raw != m_shownRaw || raw.isEmpty())
        showJsonTabs();
    showHistory();
    m_stack->setCurrentIndex(1);
}

void TaskDetailView::clear()
{
    m_task.reset();
    m_history.clear();
    m_eta.reset();
    m_shownRaw.clear();
    m_stack->setCurrentIndex(0);
}

void TaskDetailView::showFields()
{
    const WatchedTask &task = *m_task;
    const TaskStatus *status = task.status ? &*task.status : nullptr;
    const DisplayState state = task.displayState();
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize) * 3 / 2;
    m_stateIcon->setPixmap(
            StateIcons::stateIcon(state, palette()).pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_name->setText(task.displayName());
    m_name->setToolTip(status && !task.label.isEmpty() ? status->uniqueName : QString());
    const QString stateName = displayStateName(state, TextLanguage::UserLanguage);
    m_state->setText(task.paused ? tr("%1 (watching paused)").arg(stateName) : stateName);
    m_description->setText(status ? status->description : QString());
    m_description->setVisible(status && !status->description.isEmpty());
    m_type->setText(status ? status->type : QString());
    m_launcher->setText(status ? status->launcher : QString());
    if (status && status->target) {
        m_target->setText(status->target->name);
        m_target->setToolTip(tr("%1 %2").arg(status->target->type, status->target->id).trimmed());
    } else {
        m_target->setText(QString());
        m_target->setToolTip(QString());
    }
    m_id->setText(task.id);
    setTime(m_created, status ? status->created : QDateTime());
    setTime(m_launched, status ? status->launched : QDateTime());
    setTime(m_completed, status ? status->completed : QDateTime());

    QStringList notes = WatchListCells::lateText(task); // stalled, overdue: "usually 12 min, now 41 min"
    if (!task.problem.isNone())
        notes.prepend(tr("Last check failed: %1").arg(task.problem.textWithHttpStatus(TextLanguage::UserLanguage)));
    const QString problem = notes.join(u'\n');
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_copyDetails->setEnabled(true);
    m_export->setEnabled(true);
}

void TaskDetailView::showProgress()
{
    const WatchedTask &task = *m_task;
    const TaskStatus *status = task.status ? &*task.status : nullptr;
    const bool running = showsRunningTask();

    if (status && status->launched.isValid()) {
        const QDateTime end = running ? m_clock() : status->completed;
        if (end.isValid()) {
            const QString duration = Formatting::duration(status->launched.secsTo(end));
            m_elapsed->setText(running ? tr("%1 so far").arg(duration) : duration);
        } else {
            m_elapsed->setText(tr("—"));
        }
    } else {
        m_elapsed->setText(tr("not launched yet"));
    }

    const std::optional<int> percent = status ? status->percentComplete : std::nullopt;
    m_progressBar->setValue(percent.value_or(0));
    m_progressBar->setFormat(percent ? QStringLiteral("%p %") : tr("no percentage yet"));
    // Greyed like the table's bars: a failed or terminated task's percentage is history, not progress.
    m_progressBar->setEnabled(!StateGroups::isFailed(task.displayState()));

    QStringList parts;
    if (status && status->progress && !status->progress->isEmpty())
        parts.append(*status->progress);
    if (running && m_eta)
        parts.append(tr("about %1 left").arg(Formatting::duration(*m_eta)));
    m_progressText->setText(parts.join(QStringLiteral(" — ")));
}

void TaskDetailView::updateLive(std::optional<qint64> etaSeconds)
{
    if (!m_task)
        return;
    m_eta = etaSeconds;
    showProgress();
}

void TaskDetailView::showJsonTabs()
{
    const TaskStatus *status = m_task->status ? &*m_task->status : nullptr;
    m_shownRaw = status ? status->rawJson : QByteArray();

    m_messages->setMessages(status ? status->messages : QList<TaskMessage>());
    m_tabs->setTabText(MessagesTab, m_messages->title());
    m_tabs->setTabIcon(MessagesTab,
                       m_messages->errorCount() > 0 ? style()->standardIcon(QStyle::SP_MessageBoxCritical) : QIcon());

    m_returns->clear();
    if (status) {
        for (const ReturnValue &value : status->returnValues()) {
            auto *item = new QTreeWidgetItem(m_returns, {value.name, value.valueText(), value.attributeName});
            item->setToolTip(1, value.valueText());
        }
    }
    m_tabs->setTabText(ReturnsTab, tr("Returns (%1)").arg(m_returns->topLevelItemCount()));
    m_returns->resizeColumnToContents(0);

    JsonTree::fill(m_attributes, status ? QJsonValue(status->attributes()) : QJsonValue());
    m_attributes->resizeColumnToContents(0);

    m_definition->clear();
    if (status && status->taskDefinitionSummary) {
        const TaskDefinitionSummary &definition = *status->taskDefinitionSummary;
        JsonTree::addItem(m_definition, tr("Id"), definition.id);
        JsonTree::addItem(m_definition, tr("Unique name"), definition.uniqueName);
        JsonTree::addItem(m_definition, tr("Description"), definition.description);
        JsonTree::addItem(m_definition, tr("Parent"), definition.parentName);
        JsonTree::addItem(m_definition, tr("Executor"), definition.executor);
        QTreeWidgetItem *arguments = JsonTree::addItem(m_definition, tr("Arguments"), status->definitionArguments());
        arguments->setExpanded(true);
    }
    m_tabs->setTabEnabled(DefinitionTab, m_definition->topLevelItemCount() > 0);
    m_definition->resizeColumnToContents(0);

    m_raw->setPlainText(status ? QString::fromUtf8(QJsonDocument(status->raw()).toJson(QJsonDocument::Indented))
                               : QString());
}

void TaskDetailView::showHistory()
{
    m_historyList->clear();
    // Newest first: what just happened is what people look for.
    for (auto it = m_history.crbegin(); it != m_history.crend(); ++it) {
        auto *item = new QTreeWidgetItem(m_historyList,
                                         {Formatting::localTime(it->at), it->eventName(),
                                          displayStateName(it->state, TextLanguage::UserLanguage), it->detailText()});
        item->setToolTip(0, Formatting::utcTime(it->at));
        item->setToolTip(3, it->detailText());
    }
    m_tabs->setTabText(HistoryTab, tr("History (%1)").arg(m_history.size()));
    m_historyList->resizeColumnToContents(0);
}

TaskReport TaskDetailView::report() const
{
    Q_ASSERT(m_task);
    return TaskReport(m_task.value_or(WatchedTask()), m_history, m_clock(), m_eta);
}

void TaskDetailView::copyId()
{
    if (!m_task)
        return;
    QGuiApplication::clipboard()->setText(m_task->id);
    Q_EMIT statusMessage(tr("Copied the task id"));
}

void TaskDetailView::copyDetails()
{
    if (!m_task)
        return;
    QGuiApplication::clipboard()->setText(report().toPlainText());
    Q_EMIT statusMessage(tr("Copied the details of %1").arg(m_task->displayName()));
}

void TaskDetailView::exportReport()
{
    if (!m_task || !m_chooseSaveFile)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = QDir(folder).filePath(TaskReport::suggestedFileName(*m_task, QStringLiteral("md")));
    const QString path = m_chooseSaveFile(suggested);
    if (!path.isEmpty())
        exportReportTo(path);
}

bool TaskDetailView::exportReportTo(const QString &path)
{
    if (!m_task)
        return false;
    const TaskReport taskReport = report();
    const bool json = QFileInfo(path).suffix().compare(QStringLiteral("json"), Qt::CaseInsensitive) == 0;
    QSaveFile file(path);
    const bool written = file.open(QIODevice::WriteOnly)
            && file.write(json ? taskReport.toJsonBytes() : taskReport.toMarkdown().toUtf8()) >= 0 && file.commit();
    if (!written) {
        qCWarning(lcUi) << "could not write the report to" << path << file.errorString();
        Q_EMIT statusMessage(
                tr("Could not save the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    Q_EMIT statusMessage(tr("Saved the report to %1").arg(QDir::toNativeSeparators(path)));
    return true;
}

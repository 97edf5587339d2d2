#include "MessageTable.h"

#include "WholeText.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {

constexpr int MessageTypeRole = Qt::UserRole + 1;
constexpr int OrderRole = Qt::UserRole + 2; // the position in the task's list
constexpr int AllMessages = -1;
constexpr int ErrorsFirst = -2;

// Errors, then warnings, then the rest; the task's own order within each.
int severityRank(int type)
{
    if (type == int(TaskMessage::Type::Error))
        return 0;
    return type == int(TaskMessage::Type::Warn) ? 1 : 2;
}

QStyle::StandardPixmap messageIcon(TaskMessage::Type type)
{
    switch (type) {
    case TaskMessage::Type::Error:
        return QStyle::SP_MessageBoxCritical;
    case TaskMessage::Type::Warn:
        return QStyle::SP_MessageBoxWarning;
    case TaskMessage::Type::Info:
    case TaskMessage::Type::Unknown:
        break;
    }
    return QStyle::SP_MessageBoxInformation;
}

} // namespace

MessageTable::MessageTable(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QComboBox(this))
    , m_tree(new QTreeWidget(this))
{
    m_filter->setObjectName(QStringLiteral("messageFilter"));
    m_filter->addItem(tr("All messages"), AllMessages);
    m_filter->addItem(tr("All, errors first"), ErrorsFirst);
    m_filter->addItem(tr("Errors"), int(TaskMessage::Type::Error));
    m_filter->addItem(tr("Warnings"), int(TaskMessage::Type::Warn));
    m_filter->addItem(tr("Information"), int(TaskMessage::Type::Info));
    m_filter->setAccessibleName(tr("Show messages of type"));

    m_tree->setObjectName(QStringLiteral("messages"));
    m_tree->setHeaderLabels({tr("Type"), tr("Message"), tr("Key"), tr("Parameters")});
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setUniformRowHeights(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setWordWrap(true);
    // The message itself gets the room; type, key and parameters keep what they need.
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &MessageTable::filterMessages);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter, 0, Qt::AlignLeft);
    QSplitter *split = WholeText::below(m_tree, 1, QStringLiteral("messageText"));
    split->setObjectName(QStringLiteral("messageSplitter"));
    m_whole = split->findChild<WholeText *>();
    layout->addWidget(split, 1);
}

void MessageTable::setMessages(const QList<TaskMessage> &messages)
{
    m_tree->clear();
    m_count = messages.size();
    m_errors = 0;
    for (const TaskMessage &message : messages) {
        auto *item = new QTreeWidgetItem(
                m_tree,
                {message.typeLabel(TextLanguage::UserLanguage), message.text(), message.key, message.parametersText()});
        item->setIcon(0, style()->standardIcon(messageIcon(message.type)));
        item->setData(0, MessageTypeRole, int(message.type));
        item->setData(0, OrderRole, m_tree->topLevelItemCount() - 1);
        item->setToolTip(1, message.text());
        item->setToolTip(3, message.parametersText());
        if (message.type == TaskMessage::Type::Error) {
            ++m_errors;
            QFont bold = item->font(1);
            bold.setBold(true);
            for (int column = 0; column < m_tree->columnCount(); ++column)
                item->setFont(column, bold);
        }
    }
    filterMessages();
    for (const int column : {0, 2, 3})
        m_tree->resizeColumnToContents(column);
}

void MessageTable::selectFirst()
{
    // The first error in view, else the first message in view: what support reads first.
    QTreeWidgetItem *first = nullptr;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->isHidden())
            continue;
        if (item->data(0, MessageTypeRole).toInt() == int(TaskMessage::Type::Error)) {
            first = item;
            break;
        }
        if (!first)
            first = item;
    }
    m_tree->setCurrentItem(first);
}

QString MessageTable::title() const
{
    if (m_errors == 1)
        return tr("Messages (%1, 1 error)").arg(m_count);
    if (m_errors > 1)
        return tr("Messages (%1, %2 errors)").arg(m_count).arg(m_errors);
    return tr("Messages (%1)").arg(m_count);
}

void MessageTable::filterMessages()
{
    const int wanted = m_filter->currentData().toInt();
    // The rows in the task's order, or with the errors first: re-ordered in place, so the current row stays.
    QTreeWidgetItem *current = m_tree->currentItem();
    QList<QTreeWidgetItem *> items;
    while (m_tree->topLevelItemCount() > 0)
        items.append(m_tree->takeTopLevelItem(0));
    std::stable_sort(items.begin(), items.end(), [wanted](const QTreeWidgetItem *a, const QTreeWidgetItem *b) {
        const int orderA = a->data(0, OrderRole).toInt();
        const int orderB = b->data(0, OrderRole).toInt();
        if (wanted != ErrorsFirst)
            return orderA < orderB;
        const int rankA = severityRank(a->data(0, MessageTypeRole).toInt());
        const int rankB = severityRank(b->data(0, MessageTypeRole).toInt());
        return rankA != rankB ? rankA < rankB : orderA < orderB;
    });
    m_tree->addTopLevelItems(items);
    for (QTreeWidgetItem *item : std::as_const(items))
        item->setHidden(wanted >= 0 && item->data(0, MessageTypeRole).toInt() != wanted);
    if (current && !current->isHidden())
        m_tree->setCurrentItem(current);
    else
        selectFirst();
}

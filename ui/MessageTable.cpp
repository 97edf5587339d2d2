#include "MessageTable.h"

#include <QComboBox>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int MessageTypeRole = Qt::UserRole + 1;

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
    m_filter->addItem(tr("All messages"), -1);
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
    layout->addWidget(m_tree, 1);
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
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        item->setHidden(wanted >= 0 && item->data(0, MessageTypeRole).toInt() != wanted);
    }
}

#include "JsonTree.h"

#include "models/TaskStatus.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTreeWidget>

namespace JsonTree {

namespace {

QString summaryText(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().size() == 1
                ? QCoreApplication::translate("JsonTree", "{1 field}")
                : QCoreApplication::translate("JsonTree", "{%n fields}", nullptr, int(value.toObject().size()));
    if (value.isArray())
        return value.toArray().size() == 1
                ? QCoreApplication::translate("JsonTree", "[1 item]")
                : QCoreApplication::translate("JsonTree", "[%n items]", nullptr, int(value.toArray().size()));
    return jsonValueText(value);
}

// An object's fields by key, an array's items as "[i]": the same under a tree's root or an item.
template<typename Parent>
void addChildren(Parent *parent, const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            addItem(parent, it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            addItem(parent, QStringLiteral("[%1]").arg(i), array.at(i));
    }
}

QTreeWidgetItem *decorate(QTreeWidgetItem *item, const QString &key, const QJsonValue &value)
{
    item->setText(0, key);
    item->setText(1, summaryText(value));
    if (!value.isObject() && !value.isArray())
        item->setToolTip(1, item->text(1));
    addChildren(item, value);
    return item;
}

} // namespace

QTreeWidgetItem *addItem(QTreeWidget *tree, const QString &key, const QJsonValue &value)
{
    return decorate(new QTreeWidgetItem(tree), key, value);
}

QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value)
{
    return decorate(new QTreeWidgetItem(parent), key, value);
}

void fill(QTreeWidget *tree, const QJsonValue &value)
{
    tree->clear();
    if (value.isObject() || value.isArray())
        addChildren(tree, value);
    else if (!value.isUndefined() && !value.isNull())
        addItem(tree, QString(), value);
    tree->expandToDepth(0);
}

} // namespace JsonTree

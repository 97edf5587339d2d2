#pragma once

#include <QJsonValue>
#include <QString>

class QTreeWidget;
class QTreeWidgetItem;

// Shows a JSON value as a two-column tree (key, value); objects and arrays become branches with their
// size in the value column, so nested attributes stay readable and every leaf can be copied.
namespace JsonTree {

void fill(QTreeWidget *tree, const QJsonValue &value);
QTreeWidgetItem *addItem(QTreeWidget *tree, const QString &key, const QJsonValue &value);
QTreeWidgetItem *addItem(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);

} // namespace JsonTree

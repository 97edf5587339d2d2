#include "ProgressDelegate.h"

#include "TaskFilter.h"
#include "WatchListModel.h"

#include <QApplication>
#include <QPainter>

ProgressDelegate::ProgressDelegate(int progressColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_progressColumn(progressColumn)
{ }

std::optional<QStyleOptionProgressBar> ProgressDelegate::progressBarOption(const QStyleOptionViewItem &option,
                                                                           const QModelIndex &index) const
{
    if (index.column() != m_progressColumn)
        return std::nullopt;
    const QVariant percent = index.data(WatchListModel::PercentRole);
    if (!percent.isValid())
        return std::nullopt;

    QStyleOptionProgressBar bar;
    if (option.widget)
        bar.initFrom(option.widget);
    bar.state = option.state | QStyle::State_Horizontal; // Qt 6 styles draw vertically without it
    bar.direction = option.direction;
    bar.rect = option.rect.adjusted(1, 2, -1, -2);
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = std::clamp(percent.toInt(), 0, 100);
    bar.text = QStringLiteral("%1 %").arg(bar.progress);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;

    const auto state = static_cast<DisplayState>(index.data(WatchListModel::DisplayStateRole).toInt());
    const bool greyed = StateGroups::isFailed(state) || !option.state.testFlag(QStyle::State_Enabled);
    bar.palette.setCurrentColorGroup(greyed ? QPalette::Disabled : QPalette::Active);
    if (greyed)
        bar.state &= ~QStyle::State_Enabled;
    return bar;
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const std::optional<QStyleOptionProgressBar> bar = progressBarOption(option, index);
    if (!bar) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    painter->save();
    // Selection and hover backgrounds first, so a selected row looks selected across the bar's cell too.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, option.widget);
    style->drawControl(QStyle::CE_ProgressBar, &*bar, painter, option.widget);
    painter->restore();
}

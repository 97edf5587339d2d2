#pragma once

#include <QStyleOptionProgressBar>
#include <QStyledItemDelegate>

// Paints the percent column with the style's own progress bar (qBittorrent's idea), greyed for tasks
// that failed or were terminated; every other column is painted as usual. Reads the raw values
// (WatchListModel::PercentRole, DisplayStateRole), so it works through any proxy.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ProgressDelegate(int progressColumn, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // What paint() hands the style; nullopt when the cell shows no bar (not the column, or no percentage).
    std::optional<QStyleOptionProgressBar> progressBarOption(const QStyleOptionViewItem &option,
                                                             const QModelIndex &index) const;

private:
    int m_progressColumn;
};

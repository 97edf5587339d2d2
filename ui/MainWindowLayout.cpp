#include "MainWindowLayout.h"

#include "TaskTable.h"
#include "WatchListModel.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>

#include <algorithm>

namespace {

const QString SettingsGroup = QStringLiteral("ui/mainWindow");

} // namespace

MainWindowLayout::MainWindowLayout(QMainWindow *window, QSplitter *splitter, TaskTable *table)
    : m_window(window)
    , m_splitter(splitter)
    , m_table(table)
{ }

QSize MainWindowLayout::defaultSize(const QScreen *screen, QSize wanted, QSize minimum)
{
    if (screen)
        wanted = wanted.boundedTo(screen->availableSize() * 0.9);
    return wanted.expandedTo(minimum);
}

void MainWindowLayout::save() const
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    settings.setValue(QStringLiteral("geometry"), m_window->saveGeometry());
    settings.setValue(QStringLiteral("state"), m_window->saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("tableHeader"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("tableColumns"), int(WatchListModel::ColumnCount));
}

void MainWindowLayout::restore()
{
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    if (settings.contains(QStringLiteral("geometry")))
        m_window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (settings.contains(QStringLiteral("state")))
        m_window->restoreState(settings.value(QStringLiteral("state")).toByteArray());
    if (settings.contains(QStringLiteral("splitter")))
        m_splitterRestored = m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_fitSplitter = !m_splitterRestored;
    // A header saved with another set of columns would put titles over the wrong data: start fresh then.
    if (settings.value(QStringLiteral("tableColumns")).toInt() == WatchListModel::ColumnCount)
        m_fitColumns =
                !m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("tableHeader")).toByteArray());
}

void MainWindowLayout::fitOnce(bool columns)
{
    if (m_table->model()->rowCount() == 0 || (!m_fitColumns && !m_fitSplitter))
        return;
    if (m_fitColumns && columns && m_window->isVisible()) { // the width to fit in is known then
        m_table->fitColumnsToContents();
        m_fitColumns = false;
        m_fitSplitter = m_fitSplitter || !m_splitterRestored; // again: the widths may have changed the heights
    }
    if (m_fitSplitter && m_window->isVisible()) { // before that the splitter has no real height
        // The table as tall as its rows (up to FittedRows), the details the rest; never less than a third each.
        const int rows = std::min(m_table->model()->rowCount(), FittedRows);
        const QScrollBar *sideways = m_table->horizontalScrollBar();
        const int wanted = m_table->horizontalHeader()->sizeHint().height() + rows * m_table->rowHeight(0)
                + 2 * m_table->frameWidth() + (sideways->maximum() > 0 ? sideways->sizeHint().height() : 0) + 2;
        const int total = m_splitter->height() - m_splitter->handleWidth();
        const int table = std::clamp(wanted, total / 3, total * 2 / 3);
        m_splitter->setSizes({table, total - table});
        m_fitSplitter = false;
    }
}

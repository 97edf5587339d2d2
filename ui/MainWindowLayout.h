#pragma once

#include <QSize>

class QMainWindow;
class QScreen;
class QSplitter;
class TaskTable;

// The main window's layout: column layout, splitter and window geometry in QSettings (default-constructed, so
// the app's organisation and application names apply). On the first run, with nothing saved, the layout is
// fitted once the first tasks are in: columns as wide as their content (within bounds) and the table as tall as
// its rows need, the rest to the details. What the README's screenshots show is this default, not an arranged one.
class MainWindowLayout
{
public:
    static constexpr int FittedRows = 12; // the table's height on the first run, in rows at most (the demo has 11)

    MainWindowLayout(QMainWindow *window, QSplitter *splitter, TaskTable *table);

    // The first run's window size: `wanted` within 90 % of the screen's free area, but at least `minimum`.
    static QSize defaultSize(const QScreen *screen, QSize wanted, QSize minimum);

    void save() const;
    void restore();
    // Once each, on the first run: the split when the table has rows and the window its size, the columns when
    // `columns` says the rows have their content (statuses); later calls do nothing.
    void fitOnce(bool columns);

private:
    QMainWindow *m_window;
    QSplitter *m_splitter;
    TaskTable *m_table;
    bool m_fitColumns = true;
    bool m_fitSplitter = true;
    bool m_splitterRestored = false;
};

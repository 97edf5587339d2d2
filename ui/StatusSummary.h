#pragma once

#include "TaskFilter.h"

#include <QList>
#include <QString>

#include <array>

class QAbstractItemModel;

// The one word for the whole watch list, for the tray icon and the window title.
enum class OverallState {
    Idle, // nothing running and nothing failed
    Running, // something queued or running, nothing failed
    Failed, // at least one task failed (Error or Temp error); wins over running
};

QString overallStateName(OverallState state);

// Counts per display state and the overall state derived from them (Nextcloud's sync status summary idea).
class StatusSummary
{
public:
    using Counts = std::array<int, DisplayStateCount>;

    StatusSummary() = default;
    static StatusSummary fromCounts(const Counts &counts, int stalled = 0);
    static StatusSummary of(const QList<DisplayState> &states);
    // Reads `role` (an int DisplayState) of every row's first column.
    static StatusSummary fromModel(const QAbstractItemModel &model, int role);

    OverallState overall() const;
    int count(DisplayState state) const { return m_counts[static_cast<size_t>(state)]; }
    int total() const;
    int stalled() const { return m_stalled; } // running tasks without progress for the stall threshold
    const Counts &counts() const { return m_counts; }

    QString countsText() const; // "2 Running, 1 Error, 5 Success", or "No tasks watched"
    QString toolTip() const; // "Taskwatch — 1 failed, 2 running of 8 tasks", then "; 1 stalled" when one is

    friend bool operator==(const StatusSummary &, const StatusSummary &) = default;

private:
    Counts m_counts {};
    int m_stalled = 0;
};

#include "StatusSummary.h"

#include <QAbstractItemModel>
#include <QCoreApplication>

#include <numeric>

QString overallStateName(OverallState state)
{
    switch (state) {
    case OverallState::Idle:
        return QCoreApplication::translate("StatusSummary", "Idle");
    case OverallState::Running:
        return QCoreApplication::translate("StatusSummary", "Running");
    case OverallState::Failed:
        break;
    }
    return QCoreApplication::translate("StatusSummary", "Failed");
}

StatusSummary StatusSummary::fromCounts(const Counts &counts, int stalled)
{
    StatusSummary summary;
    summary.m_counts = counts;
    summary.m_stalled = stalled;
    return summary;
}

StatusSummary StatusSummary::of(const QList<DisplayState> &states)
{
    StatusSummary summary;
    for (const DisplayState state : states)
        ++summary.m_counts[static_cast<size_t>(state)];
    return summary;
}

StatusSummary StatusSummary::fromModel(const QAbstractItemModel &model, int role)
{
    StatusSummary summary;
    const int rows = model.rowCount();
    for (int row = 0; row < rows; ++row) {
        const QVariant value = model.index(row, 0).data(role);
        const int state = value.toInt();
        if (value.isValid() && state >= 0 && state < DisplayStateCount)
            ++summary.m_counts[static_cast<size_t>(state)];
    }
    return summary;
}

OverallState StatusSummary::overall() const
{
    if (count(DisplayState::Error) > 0 || count(DisplayState::TempError) > 0)
        return OverallState::Failed;
    if (count(DisplayState::Running) > 0 || count(DisplayState::Queued) > 0)
        return OverallState::Running;
    return OverallState::Idle;
}

int StatusSummary::total() const
{
    return std::accumulate(m_counts.begin(), m_counts.end(), 0);
}

QString StatusSummary::countsText() const
{
    QStringList parts;
    for (const DisplayState state : allDisplayStates()) {
        if (const int n = count(state))
            parts.append(QStringLiteral("%1 %2").arg(n).arg(displayStateName(state, TextLanguage::UserLanguage)));
    }
    if (m_stalled > 0)
        parts.append(QCoreApplication::translate("StatusSummary", "%1 stalled").arg(m_stalled));
    if (parts.isEmpty())
        return QCoreApplication::translate("StatusSummary", "No tasks watched");
    return parts.join(QStringLiteral(", "));
}

QString StatusSummary::toolTip() const
{
    const int failed = count(DisplayState::Error) + count(DisplayState::TempError);
    const int active = count(DisplayState::Running) + count(DisplayState::Queued);
    // "1 task" apart keeps the English right without an English catalogue; "%n tasks" is a plural form, so
    // a translation gives every form its language has for the other counts.
    const QString tasks = total() == 1 ? QCoreApplication::translate("StatusSummary", "1 task")
                                       : QCoreApplication::translate("StatusSummary", "%n tasks", nullptr, total());
    const QString line = QCoreApplication::translate("StatusSummary", "Taskwatch — %1 failed, %2 running of %3")
                                 .arg(failed)
                                 .arg(active)
                                 .arg(tasks);
    if (m_stalled == 0)
        return line;
    return line + QCoreApplication::translate("StatusSummary", "; %1 stalled (no progress for a while)").arg(m_stalled);
}

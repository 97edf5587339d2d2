#pragma once

#include "ConnectionLine.h"
#include "StatusSummary.h"
#include "models/Clock.h"

#include <QStatusBar>
#include <QTimer>

class QLabel;

// The connection state (with the rate-limit countdown), the counts per state and the time of the last
// refresh, always visible at the bottom of the window.
class WatchStatusBar : public QStatusBar
{
    Q_OBJECT

public:
    explicit WatchStatusBar(QWidget *parent = nullptr);

    void setClock(Clock clock);

    QString connectionText() const;
    QString countsText() const;
    QString lastRefreshText() const;
    QString queueDepthText() const;
    bool isCountingDown() const { return m_countdown.isActive(); }

public Q_SLOTS:
    void setConnectionState(const ConnectionLine &line);
    void setSummary(const StatusSummary &summary);
    void setLastRefresh(const QDateTime &at);
    // The tenant's queued and running tasks, read at `at`; hidden until the first reading.
    void setQueueDepth(qint64 count, const QDateTime &at);
    void setQueueDepthFailed(const QString &message);
    void hideQueueDepth();
    // Re-reads the clock: the countdown moves on. Runs every second while a countdown shows.
    void tick();

Q_SIGNALS:
    // The connection line as shown now (after each change): the tray's tooltip says the same of a problem.
    void connectionShown(const QString &text, bool problem);

private:
    Clock m_clock = systemClock();
    ConnectionLine m_line;
    QLabel *m_connection;
    QLabel *m_counts;
    QLabel *m_lastRefresh;
    QLabel *m_queueDepth;
    QTimer m_countdown;
};

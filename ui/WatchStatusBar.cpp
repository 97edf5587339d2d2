#include "WatchStatusBar.h"

#include "Formatting.h"

#include <QLabel>

WatchStatusBar::WatchStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_connection(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_lastRefresh(new QLabel(this))
    , m_queueDepth(new QLabel(this))
{
    setObjectName(QStringLiteral("statusBar"));
    m_connection->setObjectName(QStringLiteral("connection"));
    m_counts->setObjectName(QStringLiteral("counts"));
    m_lastRefresh->setObjectName(QStringLiteral("lastRefresh"));
    addWidget(m_connection);
    addWidget(m_counts, 1);
    m_queueDepth->setObjectName(QStringLiteral("queueDepth"));
    addPermanentWidget(m_queueDepth);
    addPermanentWidget(m_lastRefresh);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &WatchStatusBar::tick);
    setConnectionState({});
    setSummary({});
    setLastRefresh({});
    hideQueueDepth();
}

void WatchStatusBar::setClock(Clock clock)
{
    m_clock = std::move(clock);
    tick();
}

QString WatchStatusBar::connectionText() const
{
    return m_connection->text();
}

QString WatchStatusBar::countsText() const
{
    return m_counts->text();
}

QString WatchStatusBar::lastRefreshText() const
{
    return m_lastRefresh->text();
}

QString WatchStatusBar::queueDepthText() const
{
    return m_queueDepth->isHidden() ? QString() : m_queueDepth->text();
}

void WatchStatusBar::setQueueDepth(qint64 count, const QDateTime &at)
{
    m_queueDepth->setText(count == 1 ? tr("Queue: 1 task") : tr("Queue: %n tasks", nullptr, int(count)));
    m_queueDepth->setToolTip(
            tr("Queued and running tasks on the tenant, read at %1 (once a minute)").arg(Formatting::localTime(at)));
    m_queueDepth->show();
}

void WatchStatusBar::setQueueDepthFailed(const QString &message)
{
    m_queueDepth->setText(tr("Queue: unknown"));
    m_queueDepth->setToolTip(tr("The tenant's queue depth could not be read: %1").arg(message));
    m_queueDepth->show();
}

void WatchStatusBar::hideQueueDepth()
{
    m_queueDepth->hide();
    m_queueDepth->clear();
}

void WatchStatusBar::setConnectionState(const ConnectionLine &line)
{
    m_line = line;
    m_connection->setToolTip(line.detail());
    tick();
    using Kind = ConnectionState::Kind;
    const bool ownProblem = line.state
            && (line.state->kind == Kind::AuthFailed || line.state->kind == Kind::Offline
                || line.state->kind == Kind::Misconfigured);
    Q_EMIT connectionShown(connectionText(), ownProblem || !line.others.isEmpty());
}

void WatchStatusBar::setSummary(const StatusSummary &summary)
{
    m_counts->setText(summary.countsText());
}

void WatchStatusBar::setLastRefresh(const QDateTime &at)
{
    m_lastRefresh->setText(at.isValid() ? tr("Last refresh %1").arg(Formatting::localTime(at))
                                        : tr("Not refreshed yet"));
    m_lastRefresh->setToolTip(Formatting::utcTime(at));
}

void WatchStatusBar::tick()
{
    const QDateTime now = m_clock();
    m_connection->setText(m_line.text(now));
    if (m_line.isCountingDown(now)) {
        if (!m_countdown.isActive())
            m_countdown.start();
    } else {
        m_countdown.stop();
    }
}

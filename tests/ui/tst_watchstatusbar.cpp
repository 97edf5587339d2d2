#include "TaskFixtures.h"
#include "ui/WatchStatusBar.h"

#include <QLabel>
#include <QTest>

using namespace Fixtures;

class TestWatchStatusBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionCountsAndLastRefresh()
    {
        QDateTime now = T0;
        WatchStatusBar bar;
        bar.setClock([&now] { return now; });
        QCOMPARE(bar.connectionText(), QStringLiteral("Not connected"));
        QCOMPARE(bar.countsText(), QStringLiteral("No tasks watched"));
        QCOMPARE(bar.lastRefreshText(), QStringLiteral("Not refreshed yet"));

        bar.setConnectionState({ConnectionState {ConnectionState::Kind::RateLimited, {}, T0.addSecs(7)}});
        QCOMPARE(bar.connectionText(), QStringLiteral("Rate limited, resuming in 7 s"));
        QVERIFY(bar.isCountingDown());
        now = T0.addSecs(3);
        bar.tick(); // what the countdown timer does every second
        QCOMPARE(bar.connectionText(), QStringLiteral("Rate limited, resuming in 4 s"));
        now = T0.addSecs(7);
        bar.tick();
        QCOMPARE(bar.connectionText(), QStringLiteral("Rate limited, resuming shortly"));
        QVERIFY(!bar.isCountingDown());

        bar.setConnectionState({ConnectionState {ConnectionState::Kind::Ok, {}, {}}, QStringLiteral("acme")});
        QCOMPARE(bar.connectionText(), QStringLiteral("Connected: acme"));

        bar.setSummary(StatusSummary::of({DisplayState::Running, DisplayState::Error}));
        QCOMPARE(bar.countsText(), QStringLiteral("1 Running, 1 Error"));
        bar.setLastRefresh(utc("2024-05-17T09:10:00.000Z"));
        QCOMPARE(bar.lastRefreshText(),
                 QString(QStringLiteral("Last refresh ")
                         + utc("2024-05-17T09:10:00.000Z")
                                   .toLocalTime()
                                   .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    }

    void theCountdownTimerMovesTheText()
    {
        // Real time here: the bar's own timer must tick without anyone calling tick().
        WatchStatusBar bar;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        bar.setConnectionState({ConnectionState {ConnectionState::Kind::RateLimited, {}, start.addSecs(3)}});
        const QString first = bar.connectionText();
        QTRY_VERIFY_WITH_TIMEOUT(bar.connectionText() != first, 5000);
        QVERIFY(bar.connectionText().startsWith(QStringLiteral("Rate limited, resuming")));
    }

    // Hidden until the first reading (the preference is off by default); a count, or why it is unknown.
    void queueDepthShowsOnlyWhenRead()
    {
        WatchStatusBar bar;
        QCOMPARE(bar.queueDepthText(), QString());
        const QDateTime at(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
        bar.setQueueDepth(3, at);
        QCOMPARE(bar.queueDepthText(), QStringLiteral("Queue: 3 tasks"));
        bar.setQueueDepth(1, at);
        QCOMPARE(bar.queueDepthText(), QStringLiteral("Queue: 1 task"));
        bar.setQueueDepthFailed(QStringLiteral("HTTP 500"));
        QCOMPARE(bar.queueDepthText(), QStringLiteral("Queue: unknown"));
        QVERIFY(bar.findChild<QLabel *>(QStringLiteral("queueDepth"))->toolTip().contains(u"HTTP 500"));
        bar.hideQueueDepth();
        QCOMPARE(bar.queueDepthText(), QString());
    }
};

QTEST_MAIN(TestWatchStatusBar)
#include "tst_watchstatusbar.moc"

#include "TaskFixtures.h"
#include "ui/WatchStatusBar.h"

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
};

QTEST_MAIN(TestWatchStatusBar)
#include "tst_watchstatusbar.moc"

#include "ui/FilterBar.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestFilterBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buttonsAndSearch()
    {
        FilterBar bar;
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QSignalSpy filters(&bar, &FilterBar::stateFilterChanged);
        QSignalSpy texts(&bar, &FilterBar::searchTextChanged);
        QCOMPARE(bar.stateFilter(), StateFilter::All);

        const std::pair<const char *, StateFilter> buttons[] = {{"filterFailed", StateFilter::Failed},
                                                                {"filterRunning", StateFilter::Running},
                                                                {"filterSucceeded", StateFilter::Succeeded},
                                                                {"filterAll", StateFilter::All}};
        for (const auto &[name, filter] : buttons) {
            QTest::mouseClick(bar.findChild<QToolButton *>(QLatin1String(name)), Qt::LeftButton);
            QCOMPARE(bar.stateFilter(), filter);
            QCOMPARE(filters.last().at(0).value<StateFilter>(), filter);
        }
        QCOMPARE(filters.count(), 4);

        bar.focusSearch();
        QTest::keyClicks(bar.searchEdit(), QStringLiteral("ad"));
        QCOMPARE(texts.last().at(0).toString(), QStringLiteral("ad"));
        QSignalSpy escape(&bar, &FilterBar::escapePressed);
        QTest::keyClick(bar.searchEdit(), Qt::Key_Escape);
        QCOMPARE(escape.count(), 1);
        QCOMPARE(bar.searchText(), QString());
        QCOMPARE(texts.last().at(0).toString(), QString());
    }

    void countsPerGroup()
    {
        FilterBar bar;
        using S = DisplayState;
        bar.setCounts(StatusSummary::of(
                {S::Running, S::Queued, S::Error, S::Terminated, S::TempError, S::Success, S::Warning, S::FetchError}));
        QCOMPARE(bar.findChild<QToolButton *>(QStringLiteral("filterAll"))->text(), QStringLiteral("&All (8)"));
        QCOMPARE(bar.findChild<QToolButton *>(QStringLiteral("filterRunning"))->text(), QStringLiteral("&Running (2)"));
        QCOMPARE(bar.findChild<QToolButton *>(QStringLiteral("filterFailed"))->text(), QStringLiteral("&Failed (3)"));
        QCOMPARE(bar.findChild<QToolButton *>(QStringLiteral("filterSucceeded"))->text(),
                 QStringLiteral("&Succeeded (2)"));
        bar.setStateFilter(StateFilter::Failed);
        QVERIFY(bar.findChild<QToolButton *>(QStringLiteral("filterFailed"))->isChecked());
    }
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"

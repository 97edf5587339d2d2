#include "ui/NoticeBar.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestNoticeBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsActsAndCloses()
    {
        QWidget window;
        auto *bar = new NoticeBar(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!bar->isVisible()); // hidden until there is something to say

        QSignalSpy action(bar, &NoticeBar::actionTriggered);
        QSignalSpy dismissed(bar, &NoticeBar::dismissed);
        bar->showNotice(QStringLiteral("Removed 2 tasks."), QStringLiteral("&Undo"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), QStringLiteral("Removed 2 tasks."));
        QCOMPARE(bar->actionText(), QStringLiteral("&Undo"));
        QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("noticeAction")), Qt::LeftButton);
        QCOMPARE(action.count(), 1);

        bar->showNotice(QStringLiteral("Saved."));
        QCOMPARE(bar->actionText(), QString());
        QVERIFY(!bar->findChild<QPushButton *>(QStringLiteral("noticeAction"))->isVisible());
        QTest::mouseClick(bar->findChild<QToolButton *>(QStringLiteral("noticeClose")), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QCOMPARE(dismissed.count(), 1);
    }

    void transientNoticesHideThemselves()
    {
        QWidget window;
        auto *bar = new NoticeBar(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy dismissed(bar, &NoticeBar::dismissed);
        bar->showNotice(QStringLiteral("Copied."), QString(), 50);
        QVERIFY(bar->isVisible());
        QVERIFY(dismissed.wait(5000));
        QVERIFY(!bar->isVisible());
    }
};

QTEST_MAIN(TestNoticeBar)
#include "tst_noticebar.moc"

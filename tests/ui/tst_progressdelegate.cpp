#include "TaskFixtures.h"
#include "ui/ProgressDelegate.h"
#include "ui/WatchListModel.h"

#include <QAbstractItemModelTester>
#include <QImage>
#include <QPainter>
#include <QTableView>
#include <QTest>

using namespace Fixtures;

class TestProgressDelegate : public QObject
{
    Q_OBJECT

private:
    static QStyleOptionViewItem optionFor(const QTableView &view, const QModelIndex &index)
    {
        QStyleOptionViewItem option;
        option.initFrom(&view);
        option.widget = &view;
        option.rect = QRect(0, 0, 120, 22);
        option.state |= QStyle::State_Enabled;
        Q_UNUSED(index);
        return option;
    }

    static QImage render(const ProgressDelegate &delegate, const QTableView &view, const QModelIndex &index)
    {
        QImage image(120, 22, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        delegate.paint(&painter, optionFor(view, index), index);
        return image;
    }

private Q_SLOTS:
    void barOnlyInTheProgressColumnAndOnlyWithAPercentage()
    {
        WatchListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTableView view;
        view.setModel(&model);
        ProgressDelegate delegate(WatchListModel::PercentColumn);
        model.addTasks({watched(runningJson(taskId(1), QStringLiteral("A"), 40)), pending(taskId(2))});

        const QModelIndex percent = model.index(0, WatchListModel::PercentColumn);
        const auto bar = delegate.progressBarOption(optionFor(view, percent), percent);
        QVERIFY(bar);
        QCOMPARE(bar->progress, 40);
        QCOMPARE(bar->minimum, 0);
        QCOMPARE(bar->maximum, 100);
        QCOMPARE(bar->text, QStringLiteral("40 %"));
        QVERIFY(bar->state.testFlag(QStyle::State_Horizontal));
        QCOMPARE(bar->palette.currentColorGroup(), QPalette::Active);

        const QModelIndex name = model.index(0, WatchListModel::NameColumn);
        QVERIFY(!delegate.progressBarOption(optionFor(view, name), name));
        const QModelIndex unknown = model.index(1, WatchListModel::PercentColumn);
        QVERIFY(!delegate.progressBarOption(optionFor(view, unknown), unknown));
    }

    void greyedForFailedAndTerminatedTasks_data()
    {
        QTest::addColumn<QString>("completionStatus");
        QTest::addColumn<bool>("greyed");
        QTest::newRow("success") << QStringLiteral("SUCCESS") << false;
        QTest::newRow("warning") << QStringLiteral("WARNING") << false;
        QTest::newRow("error") << QStringLiteral("ERROR") << true;
        QTest::newRow("temp error") << QStringLiteral("TEMPERROR") << true;
        QTest::newRow("terminated") << QStringLiteral("TERMINATED") << true;
    }

    void greyedForFailedAndTerminatedTasks()
    {
        QFETCH(QString, completionStatus);
        QFETCH(bool, greyed);
        WatchListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTableView view;
        view.setModel(&model);
        ProgressDelegate delegate(WatchListModel::PercentColumn);
        model.addTasks({watched(finishedJson(taskId(1), QStringLiteral("A"), completionStatus, 70)),
                        watched(runningJson(taskId(2), QStringLiteral("B"), 70, QStringLiteral("Completed")))});

        const QModelIndex finished = model.index(0, WatchListModel::PercentColumn);
        const QModelIndex running = model.index(1, WatchListModel::PercentColumn);
        const auto bar = delegate.progressBarOption(optionFor(view, finished), finished);
        QVERIFY(bar);
        QCOMPARE(bar->palette.currentColorGroup(), greyed ? QPalette::Disabled : QPalette::Active);
        QCOMPARE(bar->state.testFlag(QStyle::State_Enabled), !greyed);
        // What reaches the screen differs exactly when the bar is greyed (same percentage, same text).
        QCOMPARE(render(delegate, view, finished) != render(delegate, view, running), greyed);
    }

    void paintsMoreBarForMoreProgress()
    {
        WatchListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTableView view;
        view.setModel(&model);
        ProgressDelegate delegate(WatchListModel::PercentColumn);
        model.addTasks({watched(runningJson(taskId(1), QStringLiteral("A"), 0)),
                        watched(runningJson(taskId(2), QStringLiteral("B"), 100))});
        // The style's bar chunk is drawn in the (saturated) highlight colour; frame, groove and text are grey.
        const auto chunkPixels = [&](const QImage &image) {
            int count = 0;
            for (int x = 0; x < image.width(); ++x)
                count += image.pixelColor(x, 6).hsvSaturation() > 80 ? 1 : 0;
            return count;
        };
        const int empty = chunkPixels(render(delegate, view, model.index(0, WatchListModel::PercentColumn)));
        const int full = chunkPixels(render(delegate, view, model.index(1, WatchListModel::PercentColumn)));
        QVERIFY2(empty < 5 && full > 100, qPrintable(QStringLiteral("%1 vs %2").arg(full).arg(empty)));
    }
};

QTEST_MAIN(TestProgressDelegate)
#include "tst_progressdelegate.moc"

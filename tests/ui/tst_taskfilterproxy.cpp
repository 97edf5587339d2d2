#include "TaskFixtures.h"
#include "ui/TaskFilterProxy.h"
#include "ui/WatchListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <memory>

using namespace Fixtures;

class TestTaskFilterProxy : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<WatchListModel> m_model;
    std::unique_ptr<TaskFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    QStringList visibleNames() const
    {
        QStringList names;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            names.append(m_proxy->index(row, WatchListModel::NameColumn).data().toString());
        return names;
    }

    static WatchedTask task(const QJsonObject &json) { return watched(json); }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<WatchListModel>();
        m_proxy = std::make_unique<TaskFilterProxy>();
        m_proxy->setSourceModel(m_model.get());
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(), Mode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), Mode::QtTest);
        m_model->addTasks({
                task(runningJson(taskId(1), QStringLiteral("Running AD"), 40)),
                task(queuedJson(taskId(2), QStringLiteral("Queued Workday"))),
                task(finishedJson(taskId(3), QStringLiteral("Done"), QStringLiteral("SUCCESS"))),
                task(finishedJson(taskId(4), QStringLiteral("Warned"), QStringLiteral("WARNING"))),
                task(failedJson(taskId(5))),
                task(finishedJson(taskId(6), QStringLiteral("Stopped"), QStringLiteral("TERMINATED"), 30)),
                task(finishedJson(taskId(7), QStringLiteral("Flaky"), QStringLiteral("TEMPERROR"), 20)),
                pending(taskId(8)),
        });
    }

    void cleanup()
    {
        m_proxyTester.reset();
        m_modelTester.reset();
        m_proxy.reset();
        m_model.reset();
    }

    void stateFilters()
    {
        QCOMPARE(m_proxy->rowCount(), 8);
        m_proxy->setStateFilter(StateFilter::Running);
        QCOMPARE(visibleNames(), (QStringList {QStringLiteral("Running AD"), QStringLiteral("Queued Workday")}));
        m_proxy->setStateFilter(StateFilter::Failed);
        QCOMPARE(visibleNames(),
                 (QStringList {QStringLiteral("Cloud Account Aggregation"), QStringLiteral("Stopped"),
                               QStringLiteral("Flaky")}));
        m_proxy->setStateFilter(StateFilter::Succeeded);
        QCOMPARE(visibleNames(), (QStringList {QStringLiteral("Done"), QStringLiteral("Warned")}));
        m_proxy->setStateFilter(StateFilter::All);
        QCOMPARE(m_proxy->rowCount(), 8);
    }

    void textSearch()
    {
        m_proxy->setSearchText(QStringLiteral("  timed OUT "));
        QCOMPARE(visibleNames(), QStringList {QStringLiteral("Cloud Account Aggregation")});
        m_proxy->setSearchText(QStringLiteral("workday"));
        QCOMPARE(visibleNames(), QStringList {QStringLiteral("Queued Workday")});
        m_proxy->setSearchText(taskId(8).right(6));
        QCOMPARE(visibleNames(), QStringList {taskId(8)});
        // Text and state filters combine.
        m_proxy->setSearchText(QStringLiteral("active directory"));
        QCOMPARE(m_proxy->rowCount(), 7); // every task but the pending one targets AD
        m_proxy->setStateFilter(StateFilter::Failed);
        QCOMPARE(m_proxy->rowCount(), 3);
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), 3);
    }

    void rowsFollowTheirStateThroughTheFilter()
    {
        m_proxy->setStateFilter(StateFilter::Running);
        QCOMPARE(m_proxy->rowCount(), 2);
        m_model->updateTask(task(finishedJson(taskId(1), QStringLiteral("Running AD"), QStringLiteral("ERROR"))));
        QCOMPARE(visibleNames(), QStringList {QStringLiteral("Queued Workday")});
        m_proxy->setStateFilter(StateFilter::Failed);
        QVERIFY(visibleNames().contains(QStringLiteral("Running AD")));
    }

    void sortsOnRawValues()
    {
        m_proxy->sort(WatchListModel::PercentColumn, Qt::DescendingOrder);
        QStringList percents;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            percents.append(m_proxy->index(row, WatchListModel::PercentColumn).data().toString());
        // Numeric order ("100" before "60" before "40"), the unknown one last.
        QCOMPARE(percents,
                 (QStringList {QStringLiteral("100 %"), QStringLiteral("100 %"), QStringLiteral("60 %"),
                               QStringLiteral("40 %"), QStringLiteral("30 %"), QStringLiteral("20 %"),
                               QStringLiteral("0 %"), QString()}));
        // A change re-sorts the row dynamically.
        m_model->updateTask(task(runningJson(taskId(1), QStringLiteral("Running AD"), 99)));
        QCOMPARE(m_proxy->index(2, WatchListModel::NameColumn).data().toString(), QStringLiteral("Running AD"));
    }
};

QTEST_MAIN(TestTaskFilterProxy)
#include "tst_taskfilterproxy.moc"

#include "TaskFixtures.h"
#include "ui/DiscoverDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace Fixtures;

class TestDiscoverDialog : public QObject
{
    Q_OBJECT

private:
    static QList<TaskStatus> tenantTasks()
    {
        return {status(runningJson(taskId(1), QStringLiteral("Running one"), 10)),
                status(finishedJson(taskId(2), QStringLiteral("Finished one"), QStringLiteral("SUCCESS"))),
                status(runningJson(taskId(3), QStringLiteral("Watched one"), 50)),
                status(queuedJson(taskId(4), QStringLiteral("Queued one")))};
    }

    static QTreeWidgetItem *itemFor(QTreeWidget *list, const QString &id)
    {
        const auto found = list->findItems(id, Qt::MatchExactly, 5);
        return found.isEmpty() ? nullptr : found.first();
    }

private Q_SLOTS:
    void listsPicksAndFilters()
    {
        DiscoverDialog dialog;
        QSignalSpy requested(&dialog, &DiscoverDialog::discoverRequested);
        dialog.setKnownIds({taskId(3)});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setTasks(tenantTasks());

        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("tasks"));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QCOMPARE(list->topLevelItemCount(), 4);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(), QStringLiteral("4 tasks"));
        QVERIFY(!ok->isEnabled());

        // An already watched task is shown but cannot be picked.
        QTreeWidgetItem *watched = itemFor(list, taskId(3));
        QVERIFY(!watched->flags().testFlag(Qt::ItemIsSelectable));
        QCOMPARE(watched->text(0), QStringLiteral("Running (watched)"));

        itemFor(list, taskId(1))->setSelected(true);
        itemFor(list, taskId(2))->setSelected(true);
        QVERIFY(ok->isEnabled());
        const QStringList picked = dialog.selectedIds();
        QCOMPARE(QSet<QString>(picked.begin(), picked.end()), (QSet<QString> {taskId(1), taskId(2)}));

        // "Running only" asks the engine again and hides finished tasks at once.
        dialog.findChild<QCheckBox *>(QStringLiteral("runningOnly"))->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toBool(), true);
        QCOMPARE(requested.at(0).at(1).toInt(), DiscoverDialog::DefaultLimit);
        QCOMPARE(list->topLevelItemCount(), 3);
        QVERIFY(!itemFor(list, taskId(2)));
        QCOMPARE(dialog.selectedIds(), QStringList {taskId(1)}); // the selection survives the refresh

        dialog.findChild<QSpinBox *>(QStringLiteral("limit"))->setValue(25);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("refresh")), Qt::LeftButton);
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(1).at(1).toInt(), 25);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(), QStringLiteral("Asking the tenant…"));

        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
    }

    void errorsAreShown()
    {
        DiscoverDialog dialog;
        dialog.setError(QStringLiteral("Forbidden (tracking id abc)"));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("status"))->text(),
                 QStringLiteral("Could not list the tenant's tasks: Forbidden (tracking id abc)"));
    }

    void newestFirstByLaunchTime()
    {
        DiscoverDialog dialog;
        QJsonObject early = runningJson(taskId(1), QStringLiteral("Early"), 1);
        early.insert(QStringLiteral("launched"), QStringLiteral("2024-05-17T08:00:00.000Z"));
        QJsonObject late = runningJson(taskId(2), QStringLiteral("Late"), 1);
        late.insert(QStringLiteral("launched"), QStringLiteral("2024-05-17T10:00:00.000Z"));
        dialog.setTasks({status(early), status(late)});
        auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("tasks"));
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Late"));
        QCOMPARE(list->topLevelItem(1)->text(1), QStringLiteral("Early"));
    }
};

QTEST_MAIN(TestDiscoverDialog)
#include "tst_discoverdialog.moc"

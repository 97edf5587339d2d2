#include "TaskFixtures.h"
#include "ui/ClearTaskDialog.h"
#include "ui/ConnectionLine.h"
#include "ui/MainWindow.h"
#include "ui/TaskDetailView.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Fixtures;

// "Mark as finished…": offered only for a queued or running task, in the table's context menu and the detail
// view; the confirmation names the task, its tenant and how long it has run, offers Error or Terminated and says
// that it does not stop work; OK emits MainWindow::clearRequested, Cancel nothing; the History records it.
class TestClearTaskDialog : public QObject
{
    Q_OBJECT

private:
    const QDateTime m_now = utc("2024-05-17T12:05:00.000Z"); // 3 h 05 min after the fixtures' launch

    static WatchedTask withStatus(int n, const QString &completionStatus)
    {
        const QString name = QStringLiteral("Task %1").arg(n);
        if (completionStatus == u"queued")
            return watched(queuedJson(taskId(n), name));
        if (completionStatus == u"running")
            return watched(runningJson(taskId(n), name, 40));
        return watched(finishedJson(taskId(n), name, completionStatus));
    }

    std::unique_ptr<MainWindow> window()
    {
        auto window = std::make_unique<MainWindow>();
        window->setClock([this] { return m_now; });
        ConnectionLine line;
        line.tenant = QStringLiteral("acme.api.identitynow.com");
        window->setConnectionState(line);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("not exposed");
        return window;
    }

    static QAction *clearAction(MainWindow &window)
    {
        return window.findChild<QAction *>(QStringLiteral("actionClearTask"));
    }

private Q_SLOTS:
    void onlyQueuedOrRunningTasks_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("queued") << "queued" << true;
        QTest::newRow("running") << "running" << true;
        QTest::newRow("success") << "SUCCESS" << false;
        QTest::newRow("warning") << "WARNING" << false;
        QTest::newRow("error") << "ERROR" << false;
        QTest::newRow("terminated") << "TERMINATED" << false;
        QTest::newRow("temp error") << "TEMPERROR" << false;
        QTest::newRow("unknown outcome") << "SOMETHING_NEW" << false;
    }

    void onlyQueuedOrRunningTasks()
    {
        QFETCH(QString, status);
        QFETCH(bool, enabled);
        const WatchedTask task = withStatus(1, status);
        QCOMPARE(ClearTaskDialog::canMarkFinished(task), enabled);

        auto w = window();
        w->addTasks({task, withStatus(2, QStringLiteral("running"))});
        QVERIFY(!clearAction(*w)->isEnabled()); // nothing selected
        QVERIFY(w->selectTask(taskId(1)));
        QCOMPARE(clearAction(*w)->isEnabled(), enabled);
        // The detail view's button is the same action.
        auto *button = w->detailView()->findChild<QToolButton *>(QStringLiteral("actionClearTaskButton"));
        QVERIFY(button);
        QCOMPARE(button->isEnabled(), enabled);
        // Two selected: one task at a time.
        w->tableView()->selectAll();
        QVERIFY(!clearAction(*w)->isEnabled());
    }

    void notForATaskWithoutStatusOrThatFinishes()
    {
        QVERIFY(!ClearTaskDialog::canMarkFinished(pending(taskId(3))));
        auto w = window();
        w->addTask(withStatus(1, QStringLiteral("running")));
        QVERIFY(w->selectTask(taskId(1)));
        QVERIFY(clearAction(*w)->isEnabled());
        w->updateTask(withStatus(1, QStringLiteral("SUCCESS"))); // finished meanwhile
        QVERIFY(!clearAction(*w)->isEnabled());
    }

    void inTheTablesContextMenu()
    {
        auto w = window();
        w->addTask(withStatus(1, QStringLiteral("running")));
        QVERIFY(w->selectTask(taskId(1)));
        Q_EMIT w->tableView()->customContextMenuRequested(QPoint(5, 5));
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = w->findChild<QMenu *>(QStringLiteral("tableMenu"))) && menu->isVisible());
        QVERIFY(menu->actions().contains(clearAction(*w)));
        menu->close();
    }

    void theDialogSaysWhatItDoes()
    {
        WatchedTask task = withStatus(1, QStringLiteral("running"));
        task.label = QStringLiteral("Nightly AD");
        ClearTaskDialog dialog(task, QStringLiteral("acme.api.identitynow.com"), m_now);
        const QString text = dialog.text();
        QVERIFY2(text.contains(QStringLiteral("Nightly AD")), qPrintable(text));
        QVERIFY(text.contains(taskId(1)));
        QVERIFY(text.contains(QStringLiteral("acme.api.identitynow.com")));
        QVERIFY2(text.contains(QStringLiteral("running for 3 h 05 min")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("40\u00a0%")), qPrintable(text)); // never broken between the two
        QVERIFY(text.contains(QStringLiteral("records an outcome")));
        QVERIFY(text.contains(QStringLiteral("does not stop work that is still running")));
        QCOMPARE(dialog.status(), CompletionStatus::Error); // the spec's own example
        dialog.findChild<QRadioButton *>(QStringLiteral("statusTerminated"))->setChecked(true);
        QCOMPARE(dialog.status(), CompletionStatus::Terminated);
        // Enter alone does not set an outcome in the tenant.
        QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->isDefault());
        QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isDefault());

        const WatchedTask queued = withStatus(2, QStringLiteral("queued"));
        const QString queuedText = ClearTaskDialog(queued, QStringLiteral("x"), m_now).text();
        QVERIFY2(queuedText.contains(QStringLiteral("waiting to start for 3 h 06 min")), qPrintable(queuedText));
    }

    // The dialog names the row's own tenant: the current host for its rows, the profile for one watched alongside.
    void theDialogNamesTheRowsTenant()
    {
        auto w = window();
        ConnectionLine line;
        line.tenant = QStringLiteral("acme.api.identitynow.com");
        line.profile = QStringLiteral("production");
        w->setConnectionState(line);
        WatchedTask own = withStatus(1, QStringLiteral("running"));
        own.profile = QStringLiteral("production");
        WatchedTask other = withStatus(2, QStringLiteral("running"));
        other.profile = QStringLiteral("sandbox");
        w->addTasks({own, other});
        const auto dialogText = [&w](const QString &id) {
            if (!w->selectTask(id))
                return QString();
            clearAction(*w)->trigger();
            std::unique_ptr<ClearTaskDialog> dialog(w->findChild<ClearTaskDialog *>());
            return dialog ? dialog->text() : QString();
        };
        const QString ownText = dialogText(taskId(1));
        QVERIFY2(ownText.contains(QStringLiteral("acme.api.identitynow.com")), qPrintable(ownText));
        const QString otherText = dialogText(taskId(2));
        QVERIFY2(otherText.contains(QStringLiteral("the tenant of profile “sandbox”")), qPrintable(otherText));
        QVERIFY2(!otherText.contains(QStringLiteral("acme")), qPrintable(otherText));
    }

    void okEmitsCancelDoesNot()
    {
        auto w = window();
        w->addTask(withStatus(1, QStringLiteral("running")));
        QVERIFY(w->selectTask(taskId(1)));
        QSignalSpy requested(w.get(), &MainWindow::clearRequested);

        clearAction(*w)->trigger();
        ClearTaskDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = w->findChild<ClearTaskDialog *>()) && dialog->isVisible());
        QVERIFY(dialog->text().contains(QStringLiteral("acme.api.identitynow.com")));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!w->findChild<ClearTaskDialog *>());
        QCOMPARE(requested.count(), 0);

        clearAction(*w)->trigger();
        QTRY_VERIFY((dialog = w->findChild<ClearTaskDialog *>()) && dialog->isVisible());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!w->findChild<ClearTaskDialog *>());
        QCOMPARE(requested.count(), 0);

        clearAction(*w)->trigger();
        QTRY_VERIFY((dialog = w->findChild<ClearTaskDialog *>()) && dialog->isVisible());
        dialog->findChild<QRadioButton *>(QStringLiteral("statusTerminated"))->setChecked(true);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.first().at(0).toString(), taskId(1));
        QCOMPARE(requested.first().at(1).value<CompletionStatus>(), CompletionStatus::Terminated);
    }

    void theHistoryRecordsWhoAndWhen()
    {
        auto w = window();
        w->addTask(withStatus(1, QStringLiteral("running")));
        QVERIFY(w->selectTask(taskId(1)));
        w->recordMarkedFinished(taskId(1), CompletionStatus::Error, QStringLiteral("alice"));
        const QList<HistoryEntry> entries = w->history().entries(taskId(1));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.last().event, HistoryEntry::Event::MarkedFinished);
        QCOMPARE(entries.last().at, m_now);
        QCOMPARE(entries.last().state, DisplayState::Error);
        QCOMPARE(entries.last().detailText(TextLanguage::English), QStringLiteral("marked as Error by alice"));
        QCOMPARE(entries.last().eventName(TextLanguage::English), QStringLiteral("Marked as finished"));
        // Shown at once in the History tab, newest first.
        auto *history = w->detailView()->findChild<QTreeWidget *>(QStringLiteral("history"));
        QCOMPARE(history->topLevelItem(0)->text(3), QStringLiteral("marked as Error by alice"));

        w->recordMarkedFinished(taskId(1), CompletionStatus::Terminated, QStringLiteral("bob"));
        QCOMPARE(w->history().entries(taskId(1)).last().detailText(TextLanguage::English),
                 QStringLiteral("marked as Terminated by bob"));

        // A PATCH that went out but could not be confirmed is recorded too, as what it is.
        w->recordMarkedFinished(taskId(1), CompletionStatus::Error, QStringLiteral("carol"), false);
        const HistoryEntry unconfirmed = w->history().entries(taskId(1)).last();
        QCOMPARE(unconfirmed.event, HistoryEntry::Event::MarkUnconfirmed);
        QCOMPARE(unconfirmed.eventName(TextLanguage::English), QStringLiteral("Mark not confirmed"));
        QCOMPARE(unconfirmed.detailText(TextLanguage::English),
                 QStringLiteral("asked to mark as Error by carol; no answer confirmed it"));
    }
};

QTEST_MAIN(TestClearTaskDialog)
#include "tst_cleartaskdialog.moc"

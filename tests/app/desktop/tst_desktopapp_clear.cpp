// "Mark as finished…" end to end: the real DesktopApp against a simulated tenant on loopback, a task stuck at
// 40 %. The person selects it, chooses the action, and confirms or cancels the dialog; the tenant's PATCH
// answer shows in the row at once and History says who marked it. Refusals (403 for a read-only client, 404
// for a task the tenant no longer has) are said in the window and change nothing; a tenant that answers 429
// still gets exactly one PATCH applied.
#include "DesktopTestSupport.h"
#include "client/TaskMonitor.h"
#include "tests/client/SimFixture.h"
#include "ui/ClearTaskDialog.h"
#include "ui/HistoryLog.h"
#include "ui/NoticeBar.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QUuid>

using namespace DesktopTest;

namespace {

const QString ClientId = QStringLiteral("support-client");
const QString Secret = QStringLiteral("Support-S3cret-9Kd");

QJsonObject stuckTask()
{
    return QJsonObject {{QStringLiteral("startDelay"), 0},
                        {QStringLiteral("duration"), 600},
                        {QStringLiteral("stuckAt"), 40},
                        {QStringLiteral("target"), QStringLiteral("Workday [source]")}};
}

bool markedInHistory(const MainWindow *window, const QString &id)
{
    const QList<HistoryEntry> entries = window->history().entries(id);
    return std::any_of(entries.begin(), entries.end(),
                       [](const HistoryEntry &e) { return e.event == HistoryEntry::Event::MarkedFinished; });
}

} // namespace

class TestDesktopAppClear : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;
    QString m_task;

    MainWindow *window() const { return m_app->window(); }

    // A fresh tenant with one stuck task, watched by a fresh app.
    void watchAStuckTask(SimConfig config = {})
    {
        m_app.reset();
        config.credentials = {{ClientId, Secret}};
        m_sim = startSim(config);
        m_sim->addTask(stuckTask());
        m_task = m_sim->taskIds().constFirst();
        DesktopOptions options;
        options.baseUrl = m_sim->baseUrl();
        options.clientId = ClientId;
        options.clientSecret = Secret;
        options.pollIntervalSeconds = 1;
        options.watchListPath = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces));
        m_app = makeApp(m_dir, options);
        m_app->start();
        m_app->monitor()->addTasks({m_task});
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_task), DisplayState::Running, 30000);
        QVERIFY(window()->selectTask(m_task));
    }

    // Chooses "Mark as finished…" as a person does, and returns the dialog it opened.
    ClearTaskDialog *openTheDialog()
    {
        QAction *action = window()->findChild<QAction *>(QStringLiteral("actionClearTask"));
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        ClearTaskDialog *dialog = nullptr;
        QTest::qWaitFor([&] { return (dialog = window()->findChild<ClearTaskDialog *>()) && dialog->isVisible(); },
                        10000);
        return dialog;
    }

    static void confirm(ClearTaskDialog *dialog)
    {
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    }

    QString notice() const { return window()->messageBar()->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_clear"));
    }

    void cleanup() { m_app.reset(); }

    void cancelledChangesNothing()
    {
        watchAStuckTask();
        ClearTaskDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->text().contains(m_sim->baseUrl().host()));
        dialog->reject();
        QTRY_VERIFY(!window()->findChild<ClearTaskDialog *>());
        m_app->monitor()->refreshNow({m_task}); // one more round trip: a PATCH sent would have arrived by then
        QTRY_VERIFY(simStat(*m_sim, QStringLiteral("totalRequests")) > 2);
        QCOMPARE(simStat(*m_sim, QStringLiteral("patchRequests")), 0);
        QCOMPARE(stateOf(window(), m_task), DisplayState::Running);
        QVERIFY(!markedInHistory(window(), m_task));
    }

    void confirmedShowsTheOutcomeAndWhoSetIt()
    {
        watchAStuckTask();
        ClearTaskDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        dialog->findChild<QRadioButton *>(QStringLiteral("statusTerminated"))->setChecked(true);
        confirm(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_task), DisplayState::Terminated, 20000);
        QTRY_VERIFY(markedInHistory(window(), m_task));
        const HistoryEntry last = window()->history().entries(m_task).constLast();
        QCOMPARE(last.event, HistoryEntry::Event::MarkedFinished);
        QVERIFY2(last.actor.contains(ClientId), qPrintable(last.actor));
        QVERIFY2(notice().contains(QStringLiteral("now marked as Terminated")), qPrintable(notice()));
        QCOMPARE(simStat(*m_sim, QStringLiteral("patchesApplied")), 1);
        // Finished now: the action is off, and polling does not turn it back.
        QVERIFY(!window()->findChild<QAction *>(QStringLiteral("actionClearTask"))->isEnabled());
    }

    void aReadOnlyClientIsToldWhichRightIsMissing()
    {
        SimConfig config;
        config.readOnlyClients = {ClientId};
        watchAStuckTask(config);
        ClearTaskDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        confirm(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(notice().contains(QStringLiteral("idn:task-management:write")), 20000);
        QCOMPARE(simStat(*m_sim, QStringLiteral("patchesApplied")), 0);
        QCOMPARE(stateOf(window(), m_task), DisplayState::Running);
        QVERIFY(!markedInHistory(window(), m_task));
    }

    void aTaskTheTenantNoLongerHasIsNotFound()
    {
        watchAStuckTask();
        m_app->monitor()->setPaused(true); // the row keeps its last status
        m_sim->reset(); // the tenant forgets every task
        ClearTaskDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        confirm(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(notice().contains(QStringLiteral("not found on this tenant")), 20000);
        QCOMPARE(simStat(*m_sim, QStringLiteral("patchRequests")), 0); // the GET first found nothing to change
        QVERIFY(!markedInHistory(window(), m_task));
    }

    void aRateLimitedTenantGetsOnePatch()
    {
        SimConfig config;
        config.rateLimitRequests = 2; // far below what the app's own budget allows: 429s with Retry-After
        config.rateLimitSeconds = 4;
        watchAStuckTask(config);
        ClearTaskDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        confirm(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), m_task), DisplayState::Error, 60000);
        QVERIFY(simStat(*m_sim, QStringLiteral("rateLimited")) > 0);
        QCOMPARE(simStat(*m_sim, QStringLiteral("patchesApplied")), 1);
        QTRY_VERIFY(markedInHistory(window(), m_task));
    }
};

QTEST_MAIN(TestDesktopAppClear)
#include "tst_desktopapp_clear.moc"

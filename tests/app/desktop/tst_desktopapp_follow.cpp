// "Follow…" end to end: the real DesktopApp against a simulated tenant on loopback. A person adds a rule in the
// dialog; a task created on the tenant afterwards joins the table by itself, labelled with the rule, within two
// rounds of list calls; what was there before is not news; the rule is kept in the watch-list file and is there
// again after a restart.
#include "DesktopTestSupport.h"
#include "client/TaskMonitor.h"
#include "client/WatchListFormat.h"
#include "tests/client/SimFixture.h"
#include "ui/FollowDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QUuid>

using namespace DesktopTest;

class TestDesktopAppFollow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SimServer> m_sim;
    std::unique_ptr<DesktopApp> m_app;

    MainWindow *window() const { return m_app->window(); }
    QString m_watchList;
    QString watchListPath() const { return m_watchList; }
    // The rule's list calls (newest first), not the engine's batched refreshes on the same route.
    qint64 followCalls() const { return simStat(*m_sim, QStringLiteral("newestFirstLists")); }

    void startApp()
    {
        m_app.reset();
        DesktopOptions options;
        options.baseUrl = m_sim->baseUrl();
        options.clientId = QStringLiteral("demo");
        options.clientSecret = QStringLiteral("demo");
        options.pollIntervalSeconds = 1;
        options.watchListPath = watchListPath();
        m_app = makeApp(m_dir, options);
        m_app->start();
    }

    FollowDialog *openTheDialog()
    {
        window()->findChild<QAction *>(QStringLiteral("actionFollow"))->trigger();
        FollowDialog *dialog = nullptr;
        QTest::qWaitFor([&] { return (dialog = window()->findChild<FollowDialog *>()) && dialog->isVisible(); }, 10000);
        return dialog;
    }

    QList<FollowedRule> rulesInTheFile() const
    {
        QFile file(watchListPath());
        QList<FollowedRule> rules;
        if (file.open(QIODevice::ReadOnly))
            WatchListFormat::fromJson(file.readAll(), &rules);
        return rules;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_follow"));
    }

    void init() { m_watchList = m_dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + u".json"); }
    void cleanup() { m_app.reset(); }

    void aRuleBringsNewTasksAndIsKept()
    {
        m_sim = startSim(allowingTheDefaultShare());
        const QString before = m_sim->addTask(scenarioTask(0, 3600));
        startApp();
        FollowDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        auto *kinds = dialog->findChild<QComboBox *>(QStringLiteral("followKind"));
        kinds->setCurrentIndex(kinds->findData(int(FollowRule::Kind::Every)));
        dialog->findChild<QPushButton *>(QStringLiteral("followAdd"))->click();
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(followCalls() >= 1, 20000); // the first round learns what is there
        const qint64 callsAtAdd = followCalls();
        const QString lasting = m_sim->addTask(scenarioTask(0, 60));
        const QString brief = m_sim->addTask(scenarioTask(0, 2, QStringLiteral("ERROR")));
        QTRY_VERIFY_WITH_TIMEOUT(window()->model()->rowOf(lasting) >= 0 && window()->model()->rowOf(brief) >= 0, 20000);
        QVERIFY2(followCalls() - callsAtAdd <= 2, "found within two rounds (one rule: one call each)");
        const WatchListModel *model = window()->model();
        QCOMPARE(model->taskAt(model->rowOf(lasting))->label, QStringLiteral("every task"));
        QCOMPARE(model->rowOf(before), -1); // there before the rule: not news
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), brief), DisplayState::Error, 20000); // its end shows too
        QTRY_COMPARE(rulesInTheFile(),
                     (QList<FollowedRule> {{m_app->monitor()->profile().name, {FollowRule::Kind::Every, {}}}}));
        QCOMPARE(simStat(*m_sim, QStringLiteral("rateLimited")), 0);

        // Restarted on the same watch list: the rule is there, and followed.
        startApp();
        dialog = openTheDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->rules(), (QList<FollowRule> {{FollowRule::Kind::Every, {}}}));
        QCOMPARE(dialog->findChild<QListWidget *>(QStringLiteral("followRules"))->count(), 1);
        dialog->reject();
        const qint64 callsAfterRestart = followCalls();
        QTRY_VERIFY_WITH_TIMEOUT(followCalls() > callsAfterRestart + 1, 20000);
        const QString later = m_sim->addTask(scenarioTask(0, 60));
        QTRY_VERIFY_WITH_TIMEOUT(window()->model()->rowOf(later) >= 0, 20000);
    }

    void removingTheLastRuleStopsTheListCalls()
    {
        m_sim = startSim();
        startApp();
        FollowDialog *dialog = openTheDialog();
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(QStringLiteral("followAdd"))->click(); // "Every new task" is the default
        dialog->accept();
        QTRY_VERIFY_WITH_TIMEOUT(followCalls() >= 2, 20000);
        dialog = openTheDialog();
        QVERIFY(dialog);
        dialog->findChild<QListWidget *>(QStringLiteral("followRules"))->setCurrentRow(0);
        dialog->findChild<QPushButton *>(QStringLiteral("followRemove"))->click();
        dialog->accept();
        QTRY_VERIFY(rulesInTheFile().isEmpty());
        const qint64 calls = followCalls();
        m_app->monitor()->refreshNow({}); // a round trip of the engine's own: list calls would have gone by then
        const QString probe = m_sim->addTask(scenarioTask(0, 60));
        m_app->monitor()->addTasks({probe});
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window(), probe), DisplayState::Running, 20000);
        QCOMPARE(followCalls(), calls);
    }
};

QTEST_MAIN(TestDesktopAppFollow)
#include "tst_desktopapp_follow.moc"

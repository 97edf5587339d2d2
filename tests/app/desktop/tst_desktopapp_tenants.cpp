// Several tenants at once: the real DesktopApp with two saved profiles, each on its own simulated tenant over
// loopback with its own client and secret in the real keychain. The current profile is "prod"; "sandbox" is
// marked to be watched alongside. Both tenants' tasks are in one table with a Tenant column; each tenant is
// asked only about its own tasks, with its own token; "tenant:sandbox" filters; and when the sandbox goes away
// the status line names it while prod keeps refreshing.
#include "DesktopTestSupport.h"
#include "app/desktop/DesktopSettings.h"
#include "app/desktop/DesktopTray.h"
#include "app/desktop/RemovedProfileTasks.h"
#include "client/CredentialStore.h"
#include "client/ProfileStore.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"
#include "tests/client/CredentialTestSupport.h"
#include "tests/client/SimFixture.h"
#include "ui/FilterBar.h"
#include "ui/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>

using namespace DesktopTest;

namespace {

ConnectionProfile profileOn(const SimServer &sim, const QString &name, bool alongside)
{
    ConnectionProfile profile;
    profile.name = name;
    profile.baseUrl = sim.baseUrl();
    profile.clientId = name + QStringLiteral("-client");
    profile.watchAlongside = alongside;
    return profile;
}

SimConfig clientOf(const QString &name)
{
    SimConfig config = allowingTheDefaultShare(); // each tenant's share kept, counted at its sim
    config.credentials = {{name + QStringLiteral("-client"), name + QStringLiteral("-S3cret-42")}};
    return config;
}

} // namespace

class TestDesktopAppTenants : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_tenants"));
    }

    void twoTenantsInOneTable()
    {
        auto prod = startSim(clientOf(QStringLiteral("prod")));
        auto sandbox = startSim(clientOf(QStringLiteral("sandbox")));
        // Ids of their own: two simulated tenants would otherwise number their tasks alike.
        QJsonObject running = scenarioTask(0, 3600);
        running.insert(QStringLiteral("id"), QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa01"));
        const QString prodTask = prod->addTask(running);
        running.insert(QStringLiteral("id"), QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb02"));
        const QString sandboxTask = sandbox->addTask(running);
        {
            QSettings settings;
            ProfileStore::write(settings, profileOn(*prod, QStringLiteral("prod"), false));
            ProfileStore::write(settings, profileOn(*sandbox, QStringLiteral("sandbox"), true));
            DesktopSettings(settings).setCurrentProfile(QStringLiteral("prod"));
            Preferences preferences;
            preferences.showQueueDepth = true; // the status bar's queue is the current profile's
            DesktopSettings(settings).setPreferences(preferences);
        }
        CredentialStore keychain;
        for (const auto &[name, sim] :
             {std::pair {QStringLiteral("prod"), prod.get()}, std::pair {QStringLiteral("sandbox"), sandbox.get()}})
            QVERIFY(CredentialTest::write(keychain, name, name + QStringLiteral("-client"),
                                          name + QStringLiteral("-S3cret-42"), sim->baseUrl())
                            .ok);
        // The sandbox's task was watched before (the watch list keeps each task's profile).
        WatchedTask watched;
        watched.id = sandboxTask;
        watched.profile = QStringLiteral("sandbox");
        watched.addedAt = QDateTime::currentDateTimeUtc();
        const QString watchList = m_dir.filePath(QStringLiteral("watchlist.json"));
        QFile file(watchList);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(WatchListFormat::toJson({watched})) > 0);
        file.close();

        DesktopOptions options;
        options.watchListPath = watchList;
        options.pollIntervalSeconds = 1;
        const auto app = makeApp(m_dir, options, true); // with a tray
        app->start();
        MainWindow *window = app->window();
        QTRY_VERIFY(app->monitor());
        app->monitor()->addTasks({prodTask}); // new ids go to the current profile
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, prodTask), DisplayState::Running, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, sandboxTask), DisplayState::Running, 30000);
        QCOMPARE(cell(window, prodTask, WatchListModel::TenantColumn), QStringLiteral("prod"));
        QCOMPARE(cell(window, sandboxTask, WatchListModel::TenantColumn), QStringLiteral("sandbox"));
        QVERIFY(!window->findChild<QTableView *>()->horizontalHeader()->isSectionHidden(WatchListModel::TenantColumn));

        // Each tenant with its own token, asked only about its own task.
        QCOMPARE(simStat(*prod, QStringLiteral("tokensIssued")), 1);
        QCOMPARE(simStat(*sandbox, QStringLiteral("tokensIssued")), 1);
        QCOMPARE(simCount(*prod, taskRoute(ApiVersion::V2025), QStringLiteral("404")), 0);
        QCOMPARE(simCount(*sandbox, taskRoute(ApiVersion::V2025), QStringLiteral("404")), 0);
        QCOMPARE(simStat(*prod, QStringLiteral("rateLimited")) + simStat(*sandbox, QStringLiteral("rateLimited")), 0);
        // Neither secret went to the other tenant: each sim knows only its own client, and refused no token.
        const QString token = QStringLiteral("POST /oauth/token");
        QCOMPARE(simCount(*prod, token, QStringLiteral("401")) + simCount(*sandbox, token, QStringLiteral("401")), 0);
        // The queue depth is read from the current profile's tenant only.
        const QString queue = QStringLiteral("HEAD /v2025/task-status/pending-tasks");
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*prod, queue) >= 1, 30000); // soon after its secret was read
        QCOMPARE(simCount(*sandbox, queue), 0);

        // The tenant filter.
        window->filterBar()->searchEdit()->setText(QStringLiteral("tenant:sandbox"));
        QTRY_COMPARE(visibleIds(window), QStringList {sandboxTask});
        window->filterBar()->searchEdit()->clear();
        QTRY_COMPARE(visibleIds(window).size(), 2);

        // The sandbox goes away: the status line names it, and prod goes on being asked.
        sandbox.reset();
        QTRY_VERIFY2_WITH_TIMEOUT(connectionText(window).contains(QStringLiteral("sandbox: ")),
                                  qPrintable(connectionText(window)), 30000);
        QVERIFY2(connectionText(window).startsWith(QStringLiteral("Connected: 127.0.0.1")),
                 qPrintable(connectionText(window)));
        const QString trayTip = app->tray()->icon()->toolTip(); // the counts of both, and who cannot watch
        QVERIFY2(trayTip.contains(QStringLiteral(" of 2 tasks"))
                         && trayTip.contains(QStringLiteral("\nConnected: 127.0.0.1 · sandbox: ")),
                 qPrintable(trayTip));
        const qint64 prodRequests = simStat(*prod, QStringLiteral("totalRequests"));
        QTRY_VERIFY_WITH_TIMEOUT(simStat(*prod, QStringLiteral("totalRequests")) > prodRequests + 2, 20000);
    }

    // A profile removed in Settings while the watch list holds tasks of it: the app asks, and "Move" brings them
    // into the current profile's table; "Stop watching" and "Keep" do what they say to the watch list. Move is
    // offered only for a profile on the current profile's tenant (another tenant does not know its ids).
    void removingAProfileAsksAboutItsTasks()
    {
        auto prod = startSim(clientOf(QStringLiteral("prod")));
        auto elsewhere = startSim(clientOf(QStringLiteral("elsewhere")));
        {
            QSettings settings;
            ProfileStore::removeAll(settings);
            ProfileStore::write(settings, profileOn(*prod, QStringLiteral("prod"), false));
            ProfileStore::write(settings, profileOn(*prod, QStringLiteral("old"), false)); // the same tenant
            ProfileStore::write(settings, profileOn(*elsewhere, QStringLiteral("elsewhere"), false));
            DesktopSettings(settings).setCurrentProfile(QStringLiteral("prod"));
        }
        CredentialStore keychain;
        QVERIFY(CredentialTest::write(keychain, QStringLiteral("prod"), QStringLiteral("prod-client"),
                                      QStringLiteral("prod-S3cret-42"), prod->baseUrl())
                        .ok);
        WatchedTask orphan;
        orphan.id = QStringLiteral("cccccccccccccccccccccccccccccc03");
        orphan.profile = QStringLiteral("old");
        orphan.label = QStringLiteral("Nightly HR");
        WatchedTask stranger = orphan;
        stranger.id = QStringLiteral("cccccccccccccccccccccccccccccc04");
        stranger.profile = QStringLiteral("elsewhere");
        const QString watchList = m_dir.filePath(QStringLiteral("removal.json"));
        QFile file(watchList);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(WatchListFormat::toJson({orphan, stranger})) > 0);
        file.close();

        DesktopOptions options;
        options.watchListPath = watchList;
        const auto app = makeApp(m_dir, options);
        app->start();
        QTRY_VERIFY(app->monitor() && app->watchList());
        QCOMPARE(app->window()->model()->rowOf(orphan.id), -1); // another profile's: not in the table

        app->openSettings();
        QTRY_VERIFY(app->settingsDialog() && app->settingsDialog()->isVisible());
        SettingsDialog *dialog = app->settingsDialog();
        auto *profiles = child<QListWidget>(dialog, "profiles");
        for (const QString &name : {QStringLiteral("old"), QStringLiteral("elsewhere")}) {
            const QList<QListWidgetItem *> item = profiles->findItems(name, Qt::MatchExactly);
            QCOMPARE(item.size(), 1);
            profiles->setCurrentItem(item.first());
            child<QPushButton>(dialog, "removeProfile")->click();
        }
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);

        const auto questionAbout = [&app](const QString &profile) -> QMessageBox * {
            for (QMessageBox *box : app->window()->findChildren<QMessageBox *>(QStringLiteral("removedProfileTasks")))
                if (box->isVisible() && box->text().contains(u'“' + profile + u'”'))
                    return box;
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(questionAbout(QStringLiteral("old")) && questionAbout(QStringLiteral("elsewhere")),
                                 20000);
        QVERIFY(!questionAbout(QStringLiteral("elsewhere"))->findChild<QPushButton *>(QStringLiteral("moveTasks")));
        QMessageBox *question = questionAbout(QStringLiteral("old"));
        QVERIFY2(question->text().contains(QStringLiteral("tasks in the watch list (1)")),
                 qPrintable(question->text()));
        child<QPushButton>(question, "moveTasks")->click();
        QTRY_VERIFY(app->window()->model()->rowOf(orphan.id) >= 0); // the current profile watches it now
        QCOMPARE(cell(app->window(), orphan.id, WatchListModel::NameColumn), orphan.label);
        QVERIFY(app->watchList()->tasks(QStringLiteral("old")).isEmpty());
        QCOMPARE(app->watchList()->tasks(QStringLiteral("prod")).size(), 1);
    }

    void stopWatchingAndKeepDoWhatTheySay()
    {
        QTemporaryDir dir;
        WatchList list(dir.filePath(QStringLiteral("list.json")));
        QVERIFY(list.load());
        for (const char *id : {"dddddddddddddddddddddddddddddd01", "dddddddddddddddddddddddddddddd02"}) {
            WatchedTask task;
            task.id = QLatin1String(id);
            task.profile = QStringLiteral("old");
            list.upsert(task);
        }
        const QList<FollowRule> rules {FollowRule {}};
        list.setFollowRules(QStringLiteral("old"), rules);
        RemovedProfileTasks::apply(list, QStringLiteral("old"), RemovedProfileTasks::Choice::Keep,
                                   QStringLiteral("prod"));
        QCOMPARE(list.tasks(QStringLiteral("old")).size(), 2);
        QCOMPARE(list.followRules(QStringLiteral("old")), rules); // kept, rules too
        RemovedProfileTasks::apply(list, QStringLiteral("old"), RemovedProfileTasks::Choice::Forget,
                                   QStringLiteral("prod"));
        QVERIFY(list.tasks(QStringLiteral("old")).isEmpty());
        QVERIFY(list.tasks(QStringLiteral("prod")).isEmpty());
        // Its rules go with it: a later profile of that name does not follow by them unasked.
        QVERIFY(list.followRules(QStringLiteral("old")).isEmpty());
        QVERIFY(list.followRules(QStringLiteral("prod")).isEmpty());

        // Moved: the rules move with the tasks.
        WatchedTask task;
        task.id = QStringLiteral("dddddddddddddddddddddddddddddd03");
        task.profile = QStringLiteral("old");
        list.upsert(task);
        list.setFollowRules(QStringLiteral("old"), rules);
        RemovedProfileTasks::apply(list, QStringLiteral("old"), RemovedProfileTasks::Choice::Move,
                                   QStringLiteral("prod"));
        QCOMPARE(list.tasks(QStringLiteral("prod")).size(), 1);
        QCOMPARE(list.followRules(QStringLiteral("prod")), rules);
        QVERIFY(list.followRules(QStringLiteral("old")).isEmpty());
    }
};

QTEST_MAIN(TestDesktopAppTenants)
#include "tst_desktopapp_tenants.moc"

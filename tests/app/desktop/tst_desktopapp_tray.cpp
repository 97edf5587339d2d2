// The desktop app with and without a system tray, on the demo tenant: the tray shows the overall state and
// the counts, its menu pauses, refreshes, shows and quits, closing the window hides it to the tray, and
// --minimized starts there; without a tray the window is the whole app. Also --screenshot, which
// scripts/screenshots.sh relies on.

#include "DesktopTestSupport.h"
#include "app/desktop/DemoTenant.h"
#include "app/desktop/DesktopScreenshot.h"
#include "app/desktop/DesktopSettings.h"
#include "app/desktop/DesktopTray.h"
#include "client/TaskMonitor.h"
#include "ui/TaskDetailView.h"

#include <QAction>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>

#include <memory>

using namespace DesktopTest;

class TestDesktopAppTray : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<DesktopApp> startDemo(bool tray, DesktopOptions options = {})
    {
        options.demo = true;
        auto app = makeApp(m_dir, options, tray);
        app->start();
        return app;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_desktopapp_tray"));
    }

    void init() { QSettings().clear(); }

    void theTrayShowsTheOverallStateAndTheCounts()
    {
        const auto app = startDemo(true);
        DesktopTray *tray = app->tray();
        QVERIFY(tray);
        QVERIFY(!QApplication::quitOnLastWindowClosed());
        QVERIFY(app->window()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(app->window(), QString(DemoTenant::FailedTaskId)), DisplayState::Error,
                                  20000);
        QCOMPARE(tray->overallState(), OverallState::Failed);
        QCOMPARE(tray->icon()->toolTip(), app->window()->summary().toolTip());
        QVERIFY2(tray->icon()->toolTip().contains(QLatin1String("1 failed")), qPrintable(tray->icon()->toolTip()));
        QCOMPARE(tray->icon()->contextMenu(), tray->menu());
        QCOMPARE(tray->menu()->actions().size(), 6); // Show, Pause, Refresh, Quit and two separators
    }

    void theTrayMenuPausesRefreshesShowsAndQuits()
    {
        const auto app = startDemo(true);
        DesktopTray *tray = app->tray();
        MainWindow *window = app->window();
        QVERIFY(showAndActivate(window));

        // Closing the window hides it; the app keeps watching.
        QSignalSpy quit(app.get(), &DesktopApp::quitRequested);
        QVERIFY(!window->close());
        QVERIFY(!window->isVisible());
        QVERIFY(quit.isEmpty());
        tray->showAction()->trigger();
        QVERIFY(window->isVisible());

        tray->pauseAction()->trigger();
        QVERIFY(app->monitor()->isPaused());
        QVERIFY(child<QAction>(window, "actionPause")->isChecked());
        QCOMPARE(connectionText(window), QStringLiteral("Paused"));
        QCOMPARE(tray->pauseAction()->text(), QStringLiteral("&Resume watching"));
        // ...and the window's own pause shows in the tray.
        QVERIFY(activate(window));
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!app->monitor()->isPaused());
        QVERIFY(!tray->pauseAction()->isChecked());
        QCOMPARE(tray->pauseAction()->text(), QStringLiteral("&Pause watching"));

        QSignalSpy refreshed(app->monitor(), &TaskMonitor::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000); // the first round
        refreshed.clear();
        app->monitor()->setPollInterval(std::chrono::seconds(300)); // from now on only "Refresh now" asks
        tray->refreshAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 20000);

        tray->quitAction()->trigger();
        QCOMPARE(quit.count(), 1);
        QVERIFY(window->close()); // no longer held back once quitting
    }

    void minimizedStartsInTheTray()
    {
        DesktopOptions options;
        options.minimized = true;
        const auto app = startDemo(true, options);
        QVERIFY(!app->window()->isVisible());
        QVERIFY(app->monitor()); // watching all the same
        app->tray()->showAction()->trigger();
        QVERIFY(app->window()->isVisible());
    }

    void theStartMinimizedPreferenceStartsInTheTray()
    {
        QSettings settings;
        DesktopSettings(settings).setValue(DesktopSettings::Key::StartMinimized, true);
        QVERIFY(!startDemo(true)->window()->isVisible());
        // Without a tray the preference cannot hide anything: the window shows.
        QVERIFY(startDemo(false)->window()->isVisible());
    }

    void withoutATrayTheWindowIsTheApp()
    {
        const auto app = startDemo(false);
        QVERIFY(!app->tray());
        QVERIFY(QApplication::quitOnLastWindowClosed());
        QVERIFY(app->window()->isVisible());
        QVERIFY(app->window()->close()); // closing is quitting: nothing holds it back

        DesktopOptions options;
        options.minimized = true;
        const auto minimized = startDemo(false, options);
        QVERIFY(minimized->window()->isVisible());
        QVERIFY(minimized->window()->isMinimized());
    }

    void screenshotSavesTheWindowOnceTasksAreIn()
    {
        DesktopOptions options;
        options.screenshotPath = m_dir.filePath(QStringLiteral("shot.png"));
        options.selectId = QString(DemoTenant::FailedTaskId);
        options.palette = DesktopOptions::Palette::Dark;
        const auto app = startDemo(false, options);
        QCOMPARE(app->window()->selectedIds(), QStringList {QString(DemoTenant::FailedTaskId)});
        QSignalSpy saved(app.get(), &DesktopApp::screenshotSaved);
        QVERIFY(saved.wait(30000));
        QCOMPARE(saved.first().at(0).toString(), options.screenshotPath);
        QVERIFY(saved.first().at(1).toBool());
        const QImage image(options.screenshotPath);
        QCOMPARE(image.size(), MainWindow::ScreenshotSize * app->window()->devicePixelRatio());
        QCOMPARE(app->window()->detailView()->taskId(), QString(DemoTenant::FailedTaskId));
        QVERIFY(app->window()->palette().color(QPalette::Window).lightness() < 128);
        QVERIFY(app->window()->summary().count(DisplayState::Error) >= 1);
        QSignalSpy quit(app.get(), &DesktopApp::quitRequested);
        QVERIFY(quit.wait(DesktopScreenshot::LingerMs + 20000));
    }
};

QTEST_MAIN(TestDesktopAppTray)
#include "tst_desktopapp_tray.moc"

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
#include "ui/ClearTaskDialog.h"
#include "ui/MainWindow.h"
#include "ui/TaskDetailView.h"

#include <QAction>
#include <QDialog>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QPlainTextEdit>
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

    // A tooltip fits what the platform shows (127 characters on Windows): cut with an ellipsis, never longer.
    void aLongToolTipIsCutWithAnEllipsis()
    {
        const QString shortTip = QStringLiteral("1 running of 2 tasks");
        QCOMPARE(DesktopTray::fitted(shortTip), shortTip);
        const QString longTip = shortTip + u'\n' + QString(3000, u'x');
        const QString fitted = DesktopTray::fitted(longTip);
        QVERIFY(fitted.size() < longTip.size());
#ifdef Q_OS_WIN
        QCOMPARE(fitted.size(), 127);
#endif
        QVERIFY(fitted.startsWith(shortTip));
        QVERIFY(fitted.endsWith(u'…'));
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

    // scripts/screenshots.sh's third and fourth pictures: the confirmation for a running task, and the failed
    // task's first error in a window of its own, each saved alone.
    void screenshotOfTheClearDialogAndAMessage()
    {
        for (const auto what : {DesktopOptions::ScreenshotOf::ClearDialog, DesktopOptions::ScreenshotOf::Message}) {
            DesktopOptions options;
            options.screenshotPath = m_dir.filePath(QStringLiteral("part.png"));
            QFile::remove(options.screenshotPath);
            options.screenshotOf = what;
            options.selectId = what == DesktopOptions::ScreenshotOf::ClearDialog
                    ? QStringLiteral("2c9180858b3d4e5f018b3e7a1f2d0c42") // running for minutes
                    : QString(DemoTenant::FailedTaskId);
            const auto app = startDemo(false, options);
            QSignalSpy saved(app.get(), &DesktopApp::screenshotSaved);
            QVERIFY(saved.wait(30000));
            QVERIFY(saved.first().at(1).toBool());
            QWidget *subject = what == DesktopOptions::ScreenshotOf::ClearDialog
                    ? static_cast<QWidget *>(app->window()->findChild<ClearTaskDialog *>())
                    : app->window()->findChild<QDialog *>(QStringLiteral("messageTextWindow"));
            QVERIFY(subject);
            QCOMPARE(QImage(options.screenshotPath).size(), subject->size() * subject->devicePixelRatio());
            if (what == DesktopOptions::ScreenshotOf::Message) {
                const auto *text = subject->findChild<QPlainTextEdit *>(QStringLiteral("messageText"));
                // The demo's long connector exception (its first error), whole.
                const QJsonObject failed = DemoTenant::scenario().at(2);
                QCOMPARE(failed.value(QStringLiteral("id")).toString(), QString(DemoTenant::FailedTaskId));
                const QString message = failed.value(QStringLiteral("messages"))
                                                .toArray()
                                                .at(2)
                                                .toObject()
                                                .value(QStringLiteral("text"))
                                                .toString();
                QVERIFY(message.size() > 800);
                QCOMPARE(text->toPlainText(), message);
            }
        }
    }
};

QTEST_MAIN(TestDesktopAppTray)
#include "tst_desktopapp_tray.moc"

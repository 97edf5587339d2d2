// Desktop notifications against a real notification server: dunst, on the test's private session bus (the
// harness's dbus-run-session) and a private X server (xvfb-run). What reached the server is read from the bus
// itself (dbus-monitor sees every Notify call with its arguments) and from dunst (dunstctl). A failure is one
// notice with "Show" and "Copy report"; a click on it (dunstctl action) shows the task; fifty failures at once
// are one summary, not fifty; without a server the window is alerted instead.
#include "DesktopTestSupport.h"
#include "app/desktop/DesktopNotifications.h"
#include "client/TaskMonitor.h"
#include "tests/ui/TaskFixtures.h"
#include "ui/MainWindow.h"

#include <QClipboard>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <signal.h>

using namespace Fixtures;

namespace {

const QString Service = QStringLiteral("org.freedesktop.Notifications");

bool serviceRegistered()
{
    return QDBusConnection::sessionBus().interface()->isServiceRegistered(Service).value();
}

QString dunstctl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("dunstctl"), arguments);
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestDesktopNotifications : public QObject
{
    Q_OBJECT

private:
    QProcess m_server; // xvfb-run dunst
    QProcess m_monitor; // dbus-monitor on the notification interface
    QString m_calls; // what dbus-monitor has printed

    int notifyCalls() const { return int(m_calls.count(QStringLiteral("member=Notify"))); }

    // `count` running tasks in a window, then all of them failed in one go.
    static void failTasks(MainWindow &window, int count)
    {
        QList<WatchedTask> running;
        for (int n = 1; n <= count; ++n)
            running.append(watched(runningJson(taskId(n), QStringLiteral("Aggregation %1").arg(n), 50)));
        window.addTasks(running);
        for (int n = 1; n <= count; ++n)
            window.updateTask(
                    watched(finishedJson(taskId(n), QStringLiteral("Aggregation %1").arg(n), QStringLiteral("ERROR"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "run through scripts/run-tests.sh: a private session bus");
        for (const char *tool : {"dunst", "dunstctl", "xvfb-run", "dbus-monitor"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                     qPrintable(QStringLiteral("%1 is missing: scripts/ensure-deps.sh installs it (dunst, xvfb, dbus)")
                                        .arg(QLatin1String(tool))));
        QVERIFY2(!serviceRegistered(), "another notification server is on this bus");
        connect(&m_monitor, &QProcess::readyReadStandardOutput, this,
                [this] { m_calls += QString::fromUtf8(m_monitor.readAllStandardOutput()); });
        // This process's calls to the service and the service's signals to it: nobody else's.
        const QString me = QDBusConnection::sessionBus().baseService();
        m_monitor.start(
                QStringLiteral("dbus-monitor"),
                {QStringLiteral("--session"),
                 QStringLiteral("type='method_call',interface='org.freedesktop.Notifications',sender='%1'").arg(me),
                 QStringLiteral("type='signal',interface='org.freedesktop.Notifications',destination='%1'").arg(me)});
        QVERIFY(m_monitor.waitForStarted());
        m_server.start(QStringLiteral("xvfb-run"), {QStringLiteral("-a"), QStringLiteral("dunst")});
        QVERIFY(m_server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serviceRegistered(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_calls.contains(QStringLiteral("NameAcquired")), 10000);
    }

    void cleanupTestCase()
    {
        for (QProcess *process : {&m_server, &m_monitor}) {
            process->terminate();
            process->waitForFinished(5000);
        }
    }

    void init()
    {
        m_calls.clear();
        dunstctl({QStringLiteral("close-all")});
    }

    void aFailureIsOneNoticeWithItsActions()
    {
        MainWindow window;
        DesktopNotifications notices(&window);
        QSignalSpy delivered(&notices, &DesktopNotifications::delivered);
        QSignalSpy shown(&notices, &DesktopNotifications::showRequested);
        QCOMPARE(notices.channel(), DesktopNotifications::Channel::Service);
        failTasks(window, 1);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
        QCOMPARE(delivered.first().first().value<DesktopNotifications::Channel>(),
                 DesktopNotifications::Channel::Service);
        QTRY_COMPARE(notifyCalls(), 1);
        for (const char *part : {"string \"Taskwatch\"", "string \"taskwatch\"", "string \"default\"",
                                 "string \"Show\"", "string \"copy-report\"", "string \"Copy report\"", "byte 2",
                                 "io.github.taskwatch.Taskwatch", "Aggregation 1"})
            QVERIFY2(m_calls.contains(QLatin1String(part)), qPrintable(QLatin1String(part) + u'\n' + m_calls));
        QCOMPARE(dunstctl({QStringLiteral("count"), QStringLiteral("displayed")}), QStringLiteral("1"));

        // A click on the notice (dunst's default action) asks for the task.
        dunstctl({QStringLiteral("action"), QStringLiteral("0")});
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
        QCOMPARE(shown.first().first().toString(), taskId(1));

        // "Copy report": dunst invokes only the default action on demand (its menu needs dmenu), so the server's
        // signal for the other action is delivered to the receiving slot as the bus would.
        QGuiApplication::clipboard()->clear();
        const uint id = m_calls.section(QStringLiteral("member=ActionInvoked"), 1)
                                .section(u'\n', 1, 1)
                                .trimmed()
                                .section(u' ', 1)
                                .toUInt();
        QVERIFY(id > 0);
        QMetaObject::invokeMethod(&notices, "onActionInvoked", Q_ARG(uint, id),
                                  Q_ARG(QString, QStringLiteral("copy-report")));
        QTRY_VERIFY(QGuiApplication::clipboard()->text().contains(taskId(1)));

        // The same task's next notice replaces the first: its Notify carries the first one's id.
        window.updateTask(watched(runningJson(taskId(1), QStringLiteral("Aggregation 1"), 10)));
        window.updateTask(watched(finishedJson(taskId(1), QStringLiteral("Aggregation 1"), QStringLiteral("ERROR"))));
        QTRY_COMPARE_WITH_TIMEOUT(notifyCalls(), 2, 10000);
        QVERIFY2(m_calls.section(QStringLiteral("member=Notify"), 2).contains(QStringLiteral("uint32 %1").arg(id)),
                 qPrintable(m_calls));
    }

    void fiftyFailuresAtOnceAreOneSummary()
    {
        MainWindow window;
        DesktopNotifications notices(&window);
        QSignalSpy delivered(&notices, &DesktopNotifications::delivered);
        failTasks(window, 50);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
        QTRY_COMPARE(notifyCalls(), 1);
        QVERIFY2(m_calls.contains(QStringLiteral("50 task updates: 50 failed")), qPrintable(m_calls));
        QVERIFY(!m_calls.contains(QStringLiteral("copy-report"))); // a summary has no one report to copy
        QCOMPARE(dunstctl({QStringLiteral("count"), QStringLiteral("displayed")}), QStringLiteral("1"));
        // One more failure afterwards is the second notice on the bus: nothing else went out in between.
        const QString later = QStringLiteral("ffffffffffffffffffffffffffffff51");
        window.addTask(watched(runningJson(later, QStringLiteral("Later"), 10)));
        window.updateTask(watched(finishedJson(later, QStringLiteral("Later"), QStringLiteral("ERROR"))));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 2, 10000);
        QTRY_COMPARE(notifyCalls(), 2);
        QVERIFY(m_calls.section(QStringLiteral("member=Notify"), 2).contains(QStringLiteral("Later")));
    }

    // taskwatch --demo, the real app: a failed task it finds at the start is told at once, and the one its scenario
    // fails 25 s after the start (tst_demotenant) is told when it fails. The times are printed, not asserted.
    void theDemoNotifiesItsFailures()
    {
        QTemporaryDir dir;
        DesktopTest::isolateSettings(dir.filePath(QStringLiteral("settings")),
                                     QStringLiteral("tst_desktopnotifications"));
        DesktopOptions options;
        options.demo = true;
        const auto app = DesktopTest::makeApp(dir, options);
        QElapsedTimer sinceStart;
        sinceStart.start();
        app->start();
        QVERIFY(app->monitor());
        // Within 30 s of the start, shown by counting instead of timing: the notice comes from the first round's
        // answers (the demo's first round is asked at once), not from a later one.
        QSignalSpy rounds(app->monitor(), &TaskMonitor::refreshed);
        const auto failures = [this] { return m_calls.count(QStringLiteral("string \"Task failed: ")); };
        QTRY_VERIFY_WITH_TIMEOUT(failures() >= 1, 90000);
        QVERIFY2(rounds.count() <= 1, qPrintable(QString::number(rounds.count())));
        qInfo("the demo's first failure notice reached the server %lld ms after the start", sinceStart.elapsed());
        QTRY_VERIFY_WITH_TIMEOUT(failures() >= 2, 90000);
        qInfo("the failure the demo's scenario makes reached it %lld ms after the start", sinceStart.elapsed());
    }

    void withoutAServiceTheWindowIsAlerted() // and no tray either
    {
        // The server itself, not only xvfb-run around it: the bus knows its process.
        const uint pid = QDBusConnection::sessionBus().interface()->servicePid(Service).value();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!serviceRegistered(), 10000);
        // Installed, dunst stays activatable: the bus would start it on the next call. Without a display to
        // start on, that start fails, as a missing server does.
        qDBusRegisterMetaType<QMap<QString, QString>>();
        QDBusMessage noDisplay = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                QStringLiteral("org.freedesktop.DBus"), QStringLiteral("UpdateActivationEnvironment"));
        noDisplay << QVariant::fromValue(QMap<QString, QString> {{QStringLiteral("DISPLAY"), QString()},
                                                                 {QStringLiteral("WAYLAND_DISPLAY"), QString()}});
        QCOMPARE(QDBusConnection::sessionBus().call(noDisplay).type(), QDBusMessage::ReplyMessage);
        MainWindow window;
        DesktopNotifications notices(&window);
        QSignalSpy delivered(&notices, &DesktopNotifications::delivered);
        failTasks(window, 1);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, 10000);
        QCOMPARE(delivered.first().first().value<DesktopNotifications::Channel>(),
                 DesktopNotifications::Channel::WindowAlert);
    }
};

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"

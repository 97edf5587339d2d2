#include "TaskFixtures.h"
#include "ui/Notifier.h"

#include <QTest>

using namespace Fixtures;

class TestNotifier : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now;
    Clock clock()
    {
        return [this] { return m_now; };
    }

    static WatchedTask running(int n) { return watched(runningJson(taskId(n), QStringLiteral("Task %1").arg(n), 10)); }
    static WatchedTask finished(int n, const char *status)
    {
        return watched(finishedJson(taskId(n), QStringLiteral("Task %1").arg(n), QString::fromLatin1(status)));
    }

    static NotificationSettings everything()
    {
        NotificationSettings settings;
        settings.started = settings.succeeded = settings.warning = settings.failed = settings.terminated = true;
        return settings;
    }

private Q_SLOTS:
    void init() { m_now = T0; }

    void failuresOnlyByDefault()
    {
        Notifier notifier(clock());
        for (int n = 1; n <= 4; ++n)
            notifier.baseline(running(n));
        notifier.observe(finished(1, "SUCCESS"));
        notifier.observe(finished(2, "WARNING"));
        notifier.observe(finished(3, "TERMINATED"));
        QVERIFY(!notifier.hasPending());
        QCOMPARE(notifier.take(), std::nullopt);

        notifier.observe(watched(failedJson(taskId(4))));
        const std::optional<Notification> notification = notifier.take();
        QVERIFY(notification);
        QCOMPARE(notification->title, QStringLiteral("Task failed: Cloud Account Aggregation"));
        QCOMPARE(notification->body, QStringLiteral("Connection to Active Directory timed out"));
        QCOMPARE(notification->severity, Notification::Severity::Critical);
        QCOMPARE(notification->taskIds, QStringList {taskId(4)});
        QVERIFY(!notifier.hasPending());
    }

    void eachEventKindWhenEnabled_data()
    {
        QTest::addColumn<QJsonObject>("before");
        QTest::addColumn<QJsonObject>("after");
        QTest::addColumn<QString>("title");
        QTest::addColumn<Notification::Severity>("severity");
        const QString id = taskId(1);
        const QString name = QStringLiteral("Refresh");
        using S = Notification::Severity;
        QTest::newRow("started") << queuedJson(id, name) << runningJson(id, name, 0)
                                 << QStringLiteral("Task started: Refresh") << S::Information;
        QTest::newRow("succeeded") << runningJson(id, name, 50) << finishedJson(id, name, QStringLiteral("SUCCESS"))
                                   << QStringLiteral("Task succeeded: Refresh") << S::Information;
        QTest::newRow("warning") << runningJson(id, name, 50) << finishedJson(id, name, QStringLiteral("Warning"))
                                 << QStringLiteral("Task finished with warnings: Refresh") << S::Warning;
        QTest::newRow("error") << runningJson(id, name, 50) << finishedJson(id, name, QStringLiteral("ERROR"))
                               << QStringLiteral("Task failed: Refresh") << S::Critical;
        QTest::newRow("temp error") << runningJson(id, name, 50) << finishedJson(id, name, QStringLiteral("TEMPERROR"))
                                    << QStringLiteral("Task failed: Refresh") << S::Critical;
        QTest::newRow("terminated") << runningJson(id, name, 50) << finishedJson(id, name, QStringLiteral("TERMINATED"))
                                    << QStringLiteral("Task was terminated: Refresh") << S::Warning;
        QTest::newRow("rerun after finishing")
                << finishedJson(id, name, QStringLiteral("ERROR")) << runningJson(id, name, 5)
                << QStringLiteral("Task started: Refresh") << S::Information;
    }

    void eachEventKindWhenEnabled()
    {
        QFETCH(QJsonObject, before);
        QFETCH(QJsonObject, after);
        QFETCH(QString, title);
        QFETCH(Notification::Severity, severity);
        Notifier notifier(clock());
        notifier.setSettings(everything());
        notifier.baseline(watched(before));
        notifier.observe(watched(after));
        const auto notification = notifier.take();
        QVERIFY(notification);
        QCOMPARE(notification->title, title);
        QCOMPARE(notification->severity, severity);
    }

    // A stall is told once (on by default), with when the task last moved; moving again and stalling anew tells
    // it again; off in the settings, nothing.
    void aStallIsToldOncePerStall()
    {
        Notifier notifier(clock());
        WatchedTask task = running(1);
        notifier.baseline(task);
        task.stalled = true;
        task.lastMovedAt = T0.addSecs(-3600);
        notifier.observe(task);
        const std::optional<Notification> told = notifier.take();
        QVERIFY(told);
        QCOMPARE(told->title, QStringLiteral("Task stalled: Task 1"));
        QVERIFY2(told->body.startsWith(QStringLiteral("No progress since ")), qPrintable(told->body));
        QCOMPARE(told->severity, Notification::Severity::Warning);
        notifier.observe(task); // still stalled: said already
        QVERIFY(!notifier.hasPending());
        task.stalled = false;
        notifier.observe(task);
        QVERIFY(!notifier.hasPending()); // moving again is not news
        task.stalled = true;
        notifier.observe(task);
        QVERIFY(notifier.hasPending());

        NotificationSettings quiet;
        quiet.stalled = false;
        Notifier off(clock());
        off.setSettings(quiet);
        off.baseline(running(2));
        WatchedTask other = running(2);
        other.stalled = true;
        off.observe(other);
        QVERIFY(!off.hasPending());
    }

    void progressIsNeverNotified()
    {
        Notifier notifier(clock());
        notifier.setSettings(everything());
        notifier.baseline(running(1));
        notifier.observe(watched(runningJson(taskId(1), QStringLiteral("Task 1"), 60)));
        notifier.observe(watched(runningJson(taskId(1), QStringLiteral("Task 1"), 60))); // no change at all
        QVERIFY(!notifier.hasPending());
    }

    void successNamesWhatItProduced()
    {
        Notifier notifier(clock());
        notifier.setSettings(everything());
        QJsonObject json = failedJson(taskId(1));
        json.insert(QStringLiteral("completionStatus"), QStringLiteral("SUCCESS"));
        json.insert(QStringLiteral("messages"), QJsonArray());
        notifier.baseline(running(1));
        notifier.observe(watched(json));
        QCOMPARE(notifier.take()->body,
                 QStringLiteral("Accounts scanned: 4711, Identities updated: 42, Applications: [\"Active "
                                "Directory\",\"Workday\"]"));
    }

    void severalAtOnceBecomeOneSummary()
    {
        Notifier notifier(clock());
        notifier.setSettings(everything());
        for (int n = 1; n <= 8; ++n)
            notifier.baseline(running(n));
        notifier.observe(finished(1, "SUCCESS"));
        notifier.observe(finished(2, "ERROR"));
        notifier.observe(finished(3, "ERROR"));
        notifier.observe(finished(4, "TERMINATED"));
        for (int n = 5; n <= 8; ++n)
            notifier.observe(finished(n, "SUCCESS"));

        const auto notification = notifier.take();
        QVERIFY(notification);
        QCOMPARE(notification->title, QStringLiteral("8 task updates: 2 failed, 1 was terminated, 5 succeeded"));
        QCOMPARE(notification->severity, Notification::Severity::Critical);
        QCOMPARE(notification->taskIds.size(), 8);
        const QStringList lines = notification->body.split(u'\n');
        QCOMPARE(lines.size(), Notifier::MaxNamesListed + 1);
        QCOMPARE(lines.at(0), QStringLiteral("• Task 2 failed")); // failures first
        QCOMPARE(lines.at(1), QStringLiteral("• Task 3 failed"));
        QCOMPARE(lines.at(2), QStringLiteral("• Task 4 was terminated"));
        QCOMPARE(lines.last(), QStringLiteral("…and 3 more"));
    }

    void theLatestEventOfATaskReplacesAnEarlierOne()
    {
        Notifier notifier(clock());
        notifier.setSettings(everything());
        notifier.baseline(watched(queuedJson(taskId(1), QStringLiteral("Task 1"))));
        notifier.observe(running(1));
        notifier.observe(finished(1, "ERROR"));
        const auto notification = notifier.take();
        QCOMPARE(notification->title, QStringLiteral("Task failed: Task 1"));
    }

    void neverMoreThanAFewAMinute()
    {
        Notifier notifier(clock());
        for (int n = 1; n <= 10; ++n)
            notifier.baseline(running(n));
        // Three notifications go out within the minute…
        for (int n = 1; n <= 3; ++n) {
            m_now = T0.addSecs(n);
            notifier.observe(finished(n, "ERROR"));
            QVERIFY(notifier.take());
        }
        // …the fourth and fifth wait, and come out together once the first has left the window.
        m_now = T0.addSecs(10);
        notifier.observe(finished(4, "ERROR"));
        QCOMPARE(notifier.take(), std::nullopt);
        m_now = T0.addSecs(20);
        notifier.observe(finished(5, "ERROR"));
        QCOMPARE(notifier.take(), std::nullopt);
        QVERIFY(notifier.hasPending());
        QCOMPARE(notifier.nextAllowedAt(), T0.addSecs(1 + Notifier::ThrottleWindowSeconds));

        m_now = T0.addSecs(60);
        QCOMPARE(notifier.take(), std::nullopt);
        m_now = T0.addSecs(61);
        const auto summary = notifier.take();
        QVERIFY(summary);
        QCOMPARE(summary->taskIds, (QStringList {taskId(4), taskId(5)}));
        QCOMPARE(summary->title, QStringLiteral("2 task updates: 2 failed"));
        QCOMPARE(notifier.nextAllowedAt(), T0.addSecs(2 + Notifier::ThrottleWindowSeconds));
    }

    void theLimitIsConfigurable()
    {
        Notifier notifier(clock());
        NotificationSettings settings;
        settings.maxPerMinute = 1;
        notifier.setSettings(settings);
        notifier.baseline(running(1));
        notifier.baseline(running(2));
        notifier.observe(finished(1, "ERROR"));
        QVERIFY(notifier.take());
        QVERIFY(!notifier.nextAllowedAt().isNull());
        notifier.observe(finished(2, "ERROR"));
        QCOMPARE(notifier.take(), std::nullopt);
    }

    void disablingAnEventDropsWhatWaits()
    {
        Notifier notifier(clock());
        notifier.setSettings(everything());
        notifier.baseline(running(1));
        notifier.baseline(running(2));
        notifier.observe(finished(1, "SUCCESS"));
        notifier.observe(finished(2, "ERROR"));
        notifier.setSettings(NotificationSettings());
        const auto notification = notifier.take();
        QCOMPARE(notification->taskIds, QStringList {taskId(2)});
    }

    void forgottenTasksSayNothing()
    {
        Notifier notifier(clock());
        notifier.baseline(running(1));
        notifier.observe(finished(1, "ERROR"));
        notifier.forget(taskId(1));
        QVERIFY(!notifier.hasPending());
        // Seen again from scratch, a finished task is news (someone added it back).
        notifier.observe(finished(1, "ERROR"));
        QVERIFY(notifier.hasPending());
    }

    void tasksWithoutStatusAreIgnored()
    {
        Notifier notifier(clock());
        notifier.observe(pending(taskId(1)));
        QVERIFY(!notifier.hasPending());
    }
};

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"

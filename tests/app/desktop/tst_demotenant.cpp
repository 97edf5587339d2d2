#include "app/desktop/DemoTenant.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"
#include "tests/sim/SimHttp.h"

#include <QTest>

#include <algorithm>

// The demo tenant's tasks over real loopback HTTP: every scenario entry is accepted with its fixed id, and the
// stuck one stays at 40 % however much simulated time passes.
class TestDemoTenant : public QObject
{
    Q_OBJECT

private:
    static TaskStatus stuckStatus(SimHttp &http, const QByteArray &token)
    {
        const HttpResult result =
                http.api(http.url(ApiVersions::taskPath(ApiVersion::V2025, QString(DemoTenant::StuckTaskId))), token);
        return TaskStatus::fromJson(result.body).value();
    }

private Q_SLOTS:
    void everyTaskWithItsFixedId()
    {
        DemoTenant demo;
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        QCOMPARE(demo.taskIds().size(), DemoTenant::scenario().size());
        for (const QJsonObject &entry : DemoTenant::scenario())
            QVERIFY(demo.taskIds().contains(entry.value(u"id").toString()));
        QVERIFY(demo.taskIds().contains(QString(DemoTenant::FailedTaskId)));
        QVERIFY(demo.taskIds().contains(QString(DemoTenant::StuckTaskId)));
    }

    // The scenario's clock: a task ends createdAgo - startDelay - duration seconds before the start (negative:
    // after it). The first failure after the start comes within 30 s, so `taskwatch --demo` notifies one soon.
    void aTaskFailsWithinHalfAMinuteOfTheStart()
    {
        double firstFailure = 1e9;
        for (const QJsonObject &entry : DemoTenant::scenario()) {
            const double endsIn = entry.value(u"startDelay").toDouble() + entry.value(u"duration").toDouble()
                    - entry.value(u"createdAgo").toDouble();
            if (entry.value(u"outcome").toString() == u"ERROR" && endsIn > 0)
                firstFailure = std::min(firstFailure, endsIn);
        }
        QVERIFY2(firstFailure <= 30, qPrintable(QString::number(firstFailure)));
        QVERIFY(firstFailure >= 5); // not at once: the window is up and the task seen running first
    }

    void theStuckTaskNeverMoves()
    {
        DemoTenant demo(20000); // two simulated hours in well under a second
        QVERIFY2(demo.start(), qPrintable(demo.errorString()));
        SimHttp http(demo.server()->baseUrl());
        const QByteArray token = http.token(QString(DemoTenant::ClientId), QString(DemoTenant::ClientSecret));
        const TaskStatus first = stuckStatus(http, token);
        QCOMPARE(first.state(), TaskState::Running);
        QCOMPARE(first.percentComplete, 40);
        QCOMPARE(first.launched.msecsTo(first.modified), 720000); // 40 % of 30 minutes, then nothing
        const QDateTime started =
                QDateTime::fromString(demo.server()->stats().value(u"simulatedTime").toString(), Qt::ISODateWithMs);
        QVERIFY(first.launched.secsTo(started) >= 3 * 3600); // launched three hours before the demo began

        // Two simulated hours later every other demo task has finished; the stuck one has not moved.
        QTRY_VERIFY_WITH_TIMEOUT(started.secsTo(QDateTime::fromString(
                                         demo.server()->stats().value(u"simulatedTime").toString(), Qt::ISODateWithMs))
                                         > 2 * 3600,
                                 20000);
        const TaskStatus later = stuckStatus(http, token);
        QCOMPARE(later.state(), TaskState::Running);
        QCOMPARE(later.percentComplete, 40);
        QCOMPARE(later.modified, first.modified);
        QCOMPARE(later.progress, first.progress);
        const HttpResult pending = http.api(http.url(QStringLiteral("/v2025/task-status/pending-tasks")), token);
        QCOMPARE(pending.array().size(), 1);
        QCOMPARE(pending.array().first().toObject().value(u"id").toString(), QString(DemoTenant::StuckTaskId));
    }
};

QTEST_GUILESS_MAIN(TestDemoTenant)
#include "tst_demotenant.moc"

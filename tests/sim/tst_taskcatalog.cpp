#include "sim/FaultInjector.h"
#include "sim/TaskCatalog.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

class TestTaskCatalog : public QObject
{
    Q_OBJECT

private:
    static void verifyReturnsInAttributes(const ScenarioTask &task)
    {
        for (const QJsonValue &entry : *task.returns) {
            const QString attribute = entry.toObject().value(QStringLiteral("attributeName")).toString();
            QVERIFY2(task.attributes->contains(attribute), qPrintable(attribute));
        }
    }

private Q_SLOTS:
    void sameSeedSameTasks()
    {
        QRandomGenerator a = seededGenerator(42, 1);
        QRandomGenerator b = seededGenerator(42, 1);
        QRandomGenerator c = seededGenerator(43, 1);
        const QList<ScenarioTask> first = TaskCatalog::seededTasks(50, a);
        const QList<ScenarioTask> second = TaskCatalog::seededTasks(50, b);
        const QList<ScenarioTask> other = TaskCatalog::seededTasks(50, c);
        QCOMPARE(first.size(), 50);
        for (qsizetype i = 0; i < first.size(); ++i)
            QCOMPARE(first.at(i).toJson(), second.at(i).toJson());
        QVERIFY(first.first().id != other.first().id);
    }

    void realisticMix()
    {
        QRandomGenerator random = seededGenerator(7, 1);
        const QList<ScenarioTask> tasks = TaskCatalog::seededTasks(2000, random);
        static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
        QSet<QString> ids;
        QHash<CompletionStatus, int> outcomes;
        QSet<QString> kinds;
        int finished = 0, running = 0, queued = 0;
        for (const ScenarioTask &task : tasks) {
            QVERIFY2(hex32.match(task.id).hasMatch(), qPrintable(task.id));
            ids.insert(task.id);
            ++outcomes[task.outcome];
            kinds.insert(task.typeCode);
            QVERIFY(!task.name.isEmpty());
            QVERIFY(task.duration > 0);
            verifyReturnsInAttributes(task);
            QVERIFY(!task.returns->isEmpty());
            QVERIFY(!task.messages->isEmpty());
            QVERIFY(!task.progress->isEmpty());
            const TaskKind kind = TaskCatalog::kind(task.typeCode);
            if (kind.targetsSource) {
                QVERIFY(*task.target);
                QVERIFY((*task.target)->name.endsWith(u" [source]"));
                QCOMPARE(*task.sourceId, (*task.target)->id);
                QCOMPARE(task.attributes->value(QStringLiteral("appId")).toString(), *task.sourceId);
            } else {
                QVERIFY(!*task.target);
            }
            if (task.createdAgo >= task.startDelay + task.duration)
                ++finished;
            else if (task.createdAgo >= task.startDelay)
                ++running;
            else
                ++queued;
        }
        QCOMPARE(ids.size(), tasks.size());
        QCOMPARE(kinds.size(), TaskCatalog::kinds().size());
        // Mostly SUCCESS, every other outcome present.
        QVERIFY(outcomes[CompletionStatus::Success] > 1200 && outcomes[CompletionStatus::Success] < 1600);
        for (CompletionStatus other : {CompletionStatus::Warning, CompletionStatus::Error, CompletionStatus::Terminated,
                                       CompletionStatus::TempError})
            QVERIFY(outcomes[other] > 20);
        QVERIFY(finished > 800 && running > 400 && queued > 200);
    }

    void resolveFillsOnlyWhatIsMissing()
    {
        QRandomGenerator random = seededGenerator(1, 1);
        ScenarioTask given;
        given.outcome = CompletionStatus::Error;
        const ScenarioTask filled = TaskCatalog::resolve(given, random);
        QCOMPARE(filled.typeCode, QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
        QCOMPARE(filled.name, QStringLiteral("Cloud Account Aggregation"));
        QCOMPARE(filled.statusType, QStringLiteral("QUARTZ"));
        QCOMPARE(filled.id.size(), 32);
        QVERIFY(*filled.finalPercent < 100);
        QCOMPARE(filled.messages->first().toObject().value(QStringLiteral("type")).toString(), QStringLiteral("ERROR"));
        verifyReturnsInAttributes(filled);

        ScenarioTask exact;
        exact.id = QStringLiteral("t1");
        exact.typeCode = QStringLiteral("IDENTITY_REFRESH");
        exact.attributes = QJsonObject {{QStringLiteral("x"), 1}};
        exact.messages = QJsonArray();
        exact.target = SimTarget {QString(), QStringLiteral("APPLICATION"), QStringLiteral("HR [source]")};
        const ScenarioTask kept = TaskCatalog::resolve(exact, random);
        QCOMPARE(kept.id, QStringLiteral("t1"));
        QCOMPARE(*kept.attributes, *exact.attributes);
        QVERIFY(kept.returns->isEmpty()); // attributes given without returns: none invented
        QVERIFY(kept.messages->isEmpty());
        QCOMPARE((*kept.target)->id, TaskCatalog::sourceId(QStringLiteral("HR [source]")));
        QCOMPARE(*kept.sourceId, (*kept.target)->id);
        QCOMPARE(*kept.finalPercent, 100);
    }

    void unknownKindGetsAName()
    {
        const TaskKind kind = TaskCatalog::kind(QStringLiteral("MACHINE_IDENTITY_AGGREGATION"));
        QCOMPARE(kind.code, QStringLiteral("MACHINE_IDENTITY_AGGREGATION"));
        QCOMPARE(kind.uniqueName, QStringLiteral("Machine Identity Aggregation"));
        QCOMPARE(TaskCatalog::kind(QStringLiteral("identity_refresh")).code, QStringLiteral("IDENTITY_REFRESH"));
    }

    void sourceIdsAreStable()
    {
        QCOMPARE(TaskCatalog::sourceId(QStringLiteral("Workday [source]")),
                 TaskCatalog::sourceId(QStringLiteral("Workday [source]")));
        QVERIFY(TaskCatalog::sourceId(QStringLiteral("A")) != TaskCatalog::sourceId(QStringLiteral("B")));
        QCOMPARE(TaskCatalog::sourceId(QStringLiteral("A")).size(), 32);
    }
};

QTEST_APPLESS_MAIN(TestTaskCatalog)
#include "tst_taskcatalog.moc"

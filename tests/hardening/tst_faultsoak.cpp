#include "HardeningSupport.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "client/WatchList.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;

// The fault soak: the real engine (TaskMonitor with its watch list, in this process) watches 300 tasks with
// known outcomes on the taskwatch-sim program (a child process) that fails, drops, truncates, delays,
// expires tokens quickly and rate-limits tightly. Every task must end in exactly its outcome, none may
// leave the watch list, tokens must be renewed, Retry-After must be honoured, and the sim must not crash.
class TestFaultSoak : public QObject
{
    Q_OBJECT

    static constexpr int taskCount = 300;

private Q_SLOTS:
    void watchesThreeHundredTasksThroughFaults()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());

        // Known outcomes, evenly spread; starts and durations from a fixed seed, in simulated seconds.
        const QStringList outcomes {QStringLiteral("SUCCESS"), QStringLiteral("WARNING"), QStringLiteral("ERROR"),
                                    QStringLiteral("TERMINATED"), QStringLiteral("TEMPERROR")};
        QRandomGenerator random(20240917);
        QHash<QString, QString> expected;
        QStringList ids;
        QJsonArray scenario;
        for (int i = 0; i < taskCount; ++i) {
            const QString id = QStringLiteral("soak-%1").arg(i, 4, 10, QLatin1Char('0'));
            const QString outcome = outcomes.at(i % outcomes.size());
            ids.append(id);
            expected.insert(id, outcome);
            scenario.append(QJsonObject {{QStringLiteral("id"), id},
                                         {QStringLiteral("outcome"), outcome},
                                         {QStringLiteral("startDelay"), random.bounded(60)},
                                         {QStringLiteral("duration"), 20 + random.bounded(600)}});
        }
        const QString scenarioFile = dir.filePath(QStringLiteral("soak.json"));
        {
            QFile file(scenarioFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(QJsonObject {{QStringLiteral("tasks"), scenario}}).toJson());
        }

        const QString secret = QStringLiteral("soak-secret-0f3a9c");
        // 10 % 500s, 5 % dropped connections, 5 % truncated bodies, 0.05–2 s latency, tokens of 20 s, and a
        // limit of 4 requests per 5 s where the engine budgets for SailPoint's 100 per 10 s: 429s happen.
        // --speed 5: tasks end over about two minutes (the longest, 660 simulated s, after 132 real s), which
        // with one request in flight at a time and 0.05–2 s latency makes about 150 requests: enough for
        // every kind of fault to happen several times.
        Hardening::SimProcess sim({QStringLiteral("--scenario"),      scenarioFile,
                                   QStringLiteral("--seed"),          QStringLiteral("7"),
                                   QStringLiteral("--speed"),         QStringLiteral("5"),
                                   QStringLiteral("--client-id"),     QStringLiteral("soak"),
                                   QStringLiteral("--client-secret"), secret,
                                   QStringLiteral("--token-ttl"),     QStringLiteral("20"),
                                   QStringLiteral("--rate-limit"),    QStringLiteral("4/5"),
                                   QStringLiteral("--fail-rate"),     QStringLiteral("0.10"),
                                   QStringLiteral("--drop-rate"),     QStringLiteral("0.05"),
                                   QStringLiteral("--truncate-rate"), QStringLiteral("0.05"),
                                   QStringLiteral("--latency"),       QStringLiteral("50..2000")});
        const QUrl base = sim.waitUntilListening();
        QVERIFY2(base.isValid(), sim.standardError().constData());

        ConnectionProfile profile;
        profile.name = QStringLiteral("soak");
        profile.baseUrl = base;
        profile.apiVersion = ApiVersion::V2025;
        profile.clientId = QStringLiteral("soak");

        const QString listFile = dir.filePath(QStringLiteral("watchlist.json"));
        WatchList list(listFile);
        QVERIFY(list.load());
        list.setSaveDelay(200ms);
        TaskMonitor monitor(profile);
        // As many requests in flight as in production (ApiTransport::DefaultMaxInFlight). Every request the
        // engine sends is checked against its own hold when it goes out: none while a Retry-After holds.
        QCOMPARE(monitor.client()->transport()->inFlightCount(), 0);
        int sentDuringHold = 0;
        connect(monitor.client()->transport(), &ApiTransport::requestSent, this, [&](const QUrl &) {
            sentDuringHold += monitor.client()->transport()->rateLimitedUntil().isValid() ? 1 : 0;
        });
        monitor.setPollInterval(2s);
        monitor.setWatchList(&list);
        monitor.setSecret(secret);
        QSignalSpy removed(&monitor, &TaskMonitor::taskRemoved);
        int rateLimitedStates = 0;
        connect(&monitor, &TaskMonitor::connectionStateChanged, this, [&](const ConnectionState &state) {
            rateLimitedStates += state.kind == ConnectionState::Kind::RateLimited ? 1 : 0;
        });
        monitor.addTasks(ids);
        QCOMPARE(monitor.tasks().size(), taskCount);

        auto finishedCount = [&] {
            int finished = 0;
            for (const WatchedTask &task : monitor.tasks())
                finished += task.status && isFinished(task.status->state()) ? 1 : 0;
            return finished;
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() == taskCount,
                                 600000); // a deadline, not a timing: about 140-330 s seen
        QVERIFY2(sim.isRunning(), "the simulated tenant ended during the soak");

        // Every task in exactly its scenario outcome, and still watched.
        QCOMPARE(removed.count(), 0);
        QCOMPARE(monitor.tasks().size(), taskCount);
        for (const WatchedTask &task : monitor.tasks())
            QCOMPARE(completionStatusToString(task.status->completionStatus), expected.value(task.id));

        // The watch list holds them all too, as a restart would read it: the file the engine saved by itself,
        // under the faults (no save is forced here).
        const auto storedOutcomes = [&] {
            WatchList reread(listFile);
            QHash<QString, QString> outcomes;
            if (!reread.load())
                return outcomes;
            for (const WatchedTask &task : reread.tasks(profile.name))
                outcomes.insert(task.id,
                                task.status ? completionStatusToString(task.status->completionStatus)
                                            : QStringLiteral("none"));
            return outcomes;
        };
        QTRY_COMPARE_WITH_TIMEOUT(storedOutcomes(), expected, 30000);

        QNetworkAccessManager manager;
        const QJsonObject stats = Hardening::getJson(base.resolved(QUrl(QStringLiteral("/__sim/stats"))), manager);
        qInfo().noquote() << "soak figures:" << QJsonDocument(stats).toJson(QJsonDocument::Compact)
                          << "engine requests sent:" << monitor.client()->transport()->sentCount();
        QVERIFY(!stats.isEmpty());
        QCOMPARE(sentDuringHold, 0);
        // What the sim saw arrive during its Retry-After had left the engine before it read the 429: at most
        // the other requests in flight then.
        QVERIFY(stats.value(u"requestsDuringRetryAfter").toInteger(-1)
                <= (ApiTransport::DefaultMaxInFlight - 1) * stats.value(u"rateLimited").toInteger());
        QVERIFY2(stats.value(u"tokensIssued").toInteger() > 1, "the 20 s tokens were never renewed");
        // The faults really happened (otherwise this soak would prove nothing). Drawn per request from the seed:
        // with seed 7 the 1st request fails, the 6th is dropped, the 18th truncated.
        for (const char *key : {"failed", "dropped", "truncated", "rateLimited"})
            QVERIFY2(stats.value(QLatin1String(key)).toInteger() > 0, key);
        QVERIFY(rateLimitedStates > 0);

        QVERIFY2(sim.stopCleanly(), sim.standardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestFaultSoak)
#include "tst_faultsoak.moc"

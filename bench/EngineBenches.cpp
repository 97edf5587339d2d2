#include "EngineBenches.h"

#include "RateArithmetic.h"
#include "SimProcess.h"
#include "client/ApiTransport.h"
#include "client/Batching.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <unistd.h>

using namespace std::chrono;
using Bench::Args;

namespace EngineBenches {

ConnectionProfile profileFor(const QUrl &baseUrl)
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.baseUrl = baseUrl;
    profile.apiVersion = ApiVersion::V2025;
    profile.clientId = QStringLiteral("demo");
    return profile;
}

namespace {

const QString ClientId = QStringLiteral("demo");
const QString ClientSecret = QStringLiteral("demo");
constexpr int DefaultLimit = 100;
constexpr int DefaultWindow = 10;

// Tasks that stay running for the whole benchmark.
QJsonObject runningEntry()
{
    return {{QStringLiteral("duration"), 86400}};
}

// Tasks that finished long before the benchmark.
QJsonObject finishedEntry()
{
    return {{QStringLiteral("createdAgo"), 7200}, {QStringLiteral("duration"), 60}};
}

// "N/S" → {N, S}; {100, 10} when it cannot be read.
std::pair<int, int> parseRate(const QString &text)
{
    const QStringList parts = text.split(u'/');
    bool okRequests = false;
    bool okSeconds = false;
    const int requests = parts.value(0).toInt(&okRequests);
    const int seconds = parts.value(1).toInt(&okSeconds);
    if (parts.size() != 2 || !okRequests || !okSeconds || seconds <= 0)
        return {DefaultLimit, DefaultWindow};
    return {requests, seconds};
}

// A timer that ends a local event loop; it dies with the scope, so that no timeout outlives its wait and
// wakes the process later (the idle benchmark counts every timer event).
class LoopTimeout
{
public:
    LoopTimeout(QEventLoop &loop, int ms, std::function<void()> onTimeout = {})
    {
        m_timer.setSingleShot(true);
        QObject::connect(&m_timer, &QTimer::timeout, &loop, [&loop, onTimeout] {
            if (onTimeout)
                onTimeout();
            loop.quit();
        });
        m_timer.start(ms);
    }

private:
    QTimer m_timer;
};

// Runs the event loop until `signal` is emitted by `sender` or `timeoutMs` passes; false on timeout.
template<typename Sender, typename Signal>
bool waitFor(Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool timedOut = false;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    const LoopTimeout timeout(loop, timeoutMs, [&] { timedOut = true; });
    loop.exec();
    return !timedOut;
}

void runFor(int ms)
{
    QEventLoop loop;
    const LoopTimeout timeout(loop, ms);
    loop.exec();
}

int freshCount(const TaskMonitor &monitor)
{
    int fresh = 0;
    for (const WatchedTask &task : monitor.tasks())
        fresh += task.status && task.problem.isNone() ? 1 : 0;
    return fresh;
}

// The most send times that fall in any window of `windowMs` (sorted input).
int maxInWindow(const QList<qint64> &times, qint64 windowMs)
{
    int best = 0;
    qsizetype first = 0;
    for (qsizetype last = 0; last < times.size(); ++last) {
        while (times.at(last) - times.at(first) >= windowMs)
            ++first;
        best = std::max(best, int(last - first + 1));
    }
    return best;
}

struct Session
{
    SimProcess sim;
    QStringList ids;
    QString error;

    bool start(const Args &args, const EngineBenches::Programs &programs, int tasks, const QJsonObject &entry,
               const QString &rate)
    {
        QStringList simArguments {QStringLiteral("--rate-limit"), rate};
        if (!sim.start(args.value(QStringLiteral("sim"), programs.sim), simArguments)) {
            error = sim.error();
            return false;
        }
        ids = sim.addTasks(tasks, entry);
        if (ids.size() != tasks) {
            error = sim.error();
            return false;
        }
        return true;
    }
};

} // namespace

// The fewest requests the API allows, and a check that the simulated tenant agrees: the largest batch is
// answered, one more id is refused with 414.
int floor(const Args &args, const Programs &programs)
{
    Session session;
    if (!session.start(args, programs, 0, {}, QStringLiteral("100/10")))
        return Bench::fail(session.error);
    SimProcess &sim = session.sim;
    const int perRequest = RateArithmetic::idsPerRequest(sim.baseUrl());

    // The engine's own split of 1,000 ids at this URL.
    QStringList ids;
    for (int i = 0; i < 1000; ++i)
        ids.append(QStringLiteral("%1").arg(i, RateArithmetic::IdLength, 16, QLatin1Char('0')));
    const QList<QStringList> batches = Batching::splitForList(ids, sim.baseUrl(), ApiVersion::V2025);
    qsizetype engineLargest = 0;
    for (const QStringList &batch : batches)
        engineLargest = std::max(engineLargest, batch.size());

    const QByteArray token = sim.demoToken();
    const auto probe = [&](int count) {
        QStringList probeIds = ids.mid(0, count);
        QString filter = QStringLiteral("id in (");
        for (int i = 0; i < count; ++i)
            filter += (i ? QStringLiteral(",\"") : QStringLiteral("\"")) + probeIds.at(i) + u'"';
        filter += u')';
        QString base = sim.baseUrl().toString();
        const QUrl url(base + QStringLiteral("/v2025/task-status?filters=")
                               + QString::fromLatin1(QUrl::toPercentEncoding(filter)),
                       QUrl::StrictMode);
        int answer = 0;
        sim.call("GET", url, {}, &answer, {{"Authorization", "Bearer " + token}, {"X-SailPoint-Experimental", "true"}});
        return answer;
    };
    const int atFloor = probe(perRequest);
    const int beyond = probe(perRequest + 1);
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("floor")},
                        {QStringLiteral("idsPerRequest"), perRequest},
                        {QStringLiteral("urlBytesAtFloor"),
                         qint64(RateArithmetic::minimalListUrlLength(sim.baseUrl(), perRequest))},
                        {QStringLiteral("engineIdsPerRequest"), qint64(engineLargest)},
                        {QStringLiteral("simStatusAtFloor"), atFloor},
                        {QStringLiteral("simStatusBeyond"), beyond},
                        {QStringLiteral("floor100"), RateArithmetic::floorRequests(100, perRequest)},
                        {QStringLiteral("floor1000"), RateArithmetic::floorRequests(1000, perRequest)},
                        {QStringLiteral("floor10000"), RateArithmetic::floorRequests(10000, perRequest)}};
    Bench::emitResult(result);
    if (args.flag(QStringLiteral("check"))) {
        if (token.isEmpty())
            return Bench::fail(QStringLiteral("no token from the sim"));
        if (atFloor != 200)
            return Bench::fail(QStringLiteral("the sim refused %1 ids with HTTP %2").arg(perRequest).arg(atFloor));
        if (beyond != 414)
            return Bench::fail(QStringLiteral("the sim answered %1 ids beyond the floor with HTTP %2 (expected 414)")
                                       .arg(perRequest + 1)
                                       .arg(beyond));
        if (engineLargest > perRequest)
            return Bench::fail(QStringLiteral("the engine put %1 ids in a list call; the floor allows %2")
                                       .arg(engineLargest)
                                       .arg(perRequest));
    }
    return 0;
}

// One full refresh of N running tasks: requests, 429s, wall time, client CPU, peak RSS.
int refresh(const Args &args, const Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 100);
    const bool perId = args.value(QStringLiteral("mode"), QStringLiteral("batched")) == QStringLiteral("per-id");
    const QString rate = args.value(QStringLiteral("rate-limit"), QStringLiteral("100/10"));
    const auto [limit, window] = parseRate(rate);

    Session session;
    if (!session.start(args, programs, tasks, runningEntry(), rate))
        return Bench::fail(session.error);
    SimProcess &sim = session.sim;
    const SimCounts before = SimCounts::from(sim.stats());

    TaskMonitor monitor(profileFor(sim.baseUrl()));
    // One refresh only: a per-id refresh outlasts the default 5 s interval, and the next round's checks of
    // the tasks answered first would mix in.
    monitor.setPollInterval(PollScheduler::MaxInterval);
    if (perId)
        monitor.setFetchMode(Batching::FetchMode::PerId);
    if (limit != DefaultLimit || window != DefaultWindow)
        monitor.setRequestBudget(limit > 0 ? limit : 1000000, seconds(window)); // the client follows the sim
    monitor.setSecret(ClientSecret);

    const qint64 rssBefore = Bench::statusKiB(getpid(), "VmRSS");
    const Bench::CpuTimes cpuBefore = Bench::selfCpu();
    QElapsedTimer timer;
    timer.start();
    monitor.addTasks(session.ids);
    const int timeoutMs = args.integer(QStringLiteral("timeout"), 1800) * 1000;
    const bool done = waitFor(&monitor, &TaskMonitor::refreshed, timeoutMs);
    const qint64 wallMs = timer.elapsed();
    const Bench::CpuTimes cpuAfter = Bench::selfCpu();
    const qint64 peakKiB = Bench::statusKiB(getpid(), "VmHWM");
    const int fresh = freshCount(monitor);
    const SimCounts counts = SimCounts::from(sim.stats()) - before;

    const int perRequest = RateArithmetic::idsPerRequest(sim.baseUrl());
    const int floorRequests = RateArithmetic::floorRequests(tasks, perRequest);
    // The token request counts against the same allowance as the task-status calls.
    const double floorSeconds = RateArithmetic::floorSeconds(floorRequests + 1, DefaultLimit, DefaultWindow);
    const double perIdSeconds = RateArithmetic::floorSeconds(tasks + 1, DefaultLimit, DefaultWindow);
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("refresh")},
                        {QStringLiteral("mode"), perId ? QStringLiteral("per-id") : QStringLiteral("batched")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("rateLimit"), rate},
                        {QStringLiteral("completed"), done},
                        {QStringLiteral("fresh"), fresh},
                        {QStringLiteral("apiRequests"), counts.apiRequests},
                        {QStringLiteral("tokenRequests"), counts.tokenRequests},
                        {QStringLiteral("rateLimited"), counts.rateLimited},
                        {QStringLiteral("wallMs"), wallMs},
                        {QStringLiteral("cpuMs"), cpuAfter.totalMs() - cpuBefore.totalMs()},
                        {QStringLiteral("cpuUserMs"), cpuAfter.userMs - cpuBefore.userMs},
                        {QStringLiteral("cpuSysMs"), cpuAfter.systemMs - cpuBefore.systemMs},
                        {QStringLiteral("rssBeforeKiB"), rssBefore},
                        {QStringLiteral("peakRssKiB"), peakKiB},
                        {QStringLiteral("idsPerRequest"), perRequest},
                        {QStringLiteral("floorRequests"), floorRequests},
                        {QStringLiteral("floorSeconds"), floorSeconds},
                        {QStringLiteral("perIdFloorSeconds"), perIdSeconds}};
    Bench::emitResult(result);

    if (args.flag(QStringLiteral("check"))) {
        if (!done)
            return Bench::fail(QStringLiteral("the refresh did not finish"));
        if (fresh != tasks)
            return Bench::fail(QStringLiteral("%1 of %2 tasks fresh").arg(fresh).arg(tasks));
        if (counts.rateLimited != 0)
            return Bench::fail(QStringLiteral("%1 429s").arg(counts.rateLimited));
        if (counts.tokenRequests != 1)
            return Bench::fail(QStringLiteral("%1 token requests").arg(counts.tokenRequests));
        const qint64 expected = perId ? tasks : floorRequests;
        if (perId ? counts.apiRequests != expected : counts.apiRequests > expected)
            return Bench::fail(QStringLiteral("%1 task-status requests, expected %2%3")
                                       .arg(counts.apiRequests)
                                       .arg(perId ? QString() : QStringLiteral("at most "))
                                       .arg(expected));
    }
    return 0;
}

// N running tasks polled every `interval` s for `duration` s under the default rate limit: 429s, requests
// per 10 s, and the worst staleness (the longest any task went without a fresh status, from its first one).
int sustained(const Args &args, const Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 100);
    const int interval = args.integer(QStringLiteral("interval"), 5);
    const double durationS = args.number(QStringLiteral("duration"), 60);
    const QString rate = args.value(QStringLiteral("rate-limit"), QStringLiteral("100/10"));
    // The engine alone uses the whole allowance; the app and the CLI use 50 % by default (--budget-share 50).
    const int share = args.integer(QStringLiteral("budget-share"), 100);

    Session session;
    if (!session.start(args, programs, tasks, runningEntry(), rate))
        return Bench::fail(session.error);
    SimProcess &sim = session.sim;
    const SimCounts before = SimCounts::from(sim.stats());

    // As the desktop app runs it: with the watch list persisted (--watch-list); the CLI has none.
    const bool withWatchList = args.flag(QStringLiteral("watch-list"));
    QTemporaryDir dir;
    WatchList list(dir.filePath(QStringLiteral("watchlist.json")));
    TaskMonitor monitor(profileFor(sim.baseUrl()));
    monitor.setPollInterval(seconds(interval));
    monitor.setBudgetShare(share);
    if (withWatchList)
        monitor.setWatchList(&list);
    monitor.setSecret(ClientSecret);

    QElapsedTimer clock;
    QList<qint64> sent;
    QObject::connect(monitor.client()->transport(), &ApiTransport::requestSent, &monitor,
                     [&](const QUrl &) { sent.append(clock.elapsed()); });
    struct Freshness
    {
        QDateTime checkedAt;
        qint64 first = -1;
        qint64 last = -1;
        qint64 worstGap = 0;
        int answers = 0;
    };
    QHash<QString, Freshness> freshness;
    freshness.reserve(tasks);
    int firstFresh = 0;
    qint64 allFreshAt = -1;
    QObject::connect(&monitor, &TaskMonitor::taskChanged, &monitor, [&](const WatchedTask &task) {
        if (!task.status || !task.problem.isNone())
            return;
        Freshness &entry = freshness[task.id];
        if (task.checkedAt == entry.checkedAt)
            return; // only the next check moved
        const qint64 now = clock.elapsed();
        entry.checkedAt = task.checkedAt;
        ++entry.answers;
        if (entry.first < 0) {
            entry.first = now;
            if (++firstFresh == tasks)
                allFreshAt = now;
        } else {
            entry.worstGap = std::max(entry.worstGap, now - entry.last);
        }
        entry.last = now;
    });

    const Bench::CpuTimes cpuBefore = Bench::selfCpu();
    clock.start();
    monitor.addTasks(session.ids);
    runFor(int(durationS * 1000));
    const qint64 end = clock.elapsed();
    const Bench::CpuTimes cpuAfter = Bench::selfCpu();
    const SimCounts counts = SimCounts::from(sim.stats()) - before;

    qint64 worst = 0;
    qint64 answers = 0;
    int stale = 0; // tasks that went longer than 6 s without a fresh status
    int never = 0;
    for (const QString &id : std::as_const(session.ids)) {
        const Freshness entry = freshness.value(id);
        if (entry.first < 0) {
            ++never;
            continue;
        }
        const qint64 gap = std::max(entry.worstGap, end - entry.last);
        worst = std::max(worst, gap);
        stale += gap > 6000 ? 1 : 0;
        answers += entry.answers;
    }
    const int perRequest = RateArithmetic::idsPerRequest(sim.baseUrl());
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("sustained")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("intervalS"), interval},
                        {QStringLiteral("durationS"), durationS},
                        {QStringLiteral("watchList"), withWatchList},
                        {QStringLiteral("rateLimit"), rate},
                        {QStringLiteral("budgetShare"), share},
                        {QStringLiteral("shareRequestsPer10s"), monitor.client()->transport()->budget().requests()},
                        {QStringLiteral("rateLimited"), counts.rateLimited},
                        {QStringLiteral("duringRetryAfter"), counts.duringRetryAfter},
                        {QStringLiteral("apiRequests"), counts.apiRequests},
                        {QStringLiteral("tokenRequests"), counts.tokenRequests},
                        {QStringLiteral("requestsPer10s"), double(counts.total) * 10000.0 / double(end)},
                        {QStringLiteral("maxRequestsIn10s"), maxInWindow(sent, 10000)},
                        {QStringLiteral("worstStalenessMs"), worst},
                        {QStringLiteral("tasksOver6s"), stale},
                        {QStringLiteral("neverFresh"), never},
                        {QStringLiteral("allFreshMs"), allFreshAt},
                        {QStringLiteral("answersPerTask"), tasks ? double(answers) / tasks : 0.0},
                        {QStringLiteral("cpuMs"), cpuAfter.totalMs() - cpuBefore.totalMs()},
                        {QStringLiteral("peakRssKiB"), Bench::statusKiB(getpid(), "VmHWM")},
                        {QStringLiteral("requestsPerRound"), RateArithmetic::floorRequests(tasks, perRequest)}};
    Bench::emitResult(result);

    if (args.flag(QStringLiteral("check"))) {
        if (never != 0)
            return Bench::fail(QStringLiteral("%1 tasks never got a status").arg(never));
        if (counts.rateLimited != 0)
            return Bench::fail(QStringLiteral("%1 429s").arg(counts.rateLimited));
        if (counts.tokenRequests != 1)
            return Bench::fail(QStringLiteral("%1 token requests").arg(counts.tokenRequests));
        // Every task answered at least once per interval after its first answer.
        const qint64 rounds = std::max<qint64>(1, qint64(durationS) / interval - 1);
        if (answers < qint64(tasks) * rounds)
            return Bench::fail(
                    QStringLiteral("%1 answers for %2 tasks in %3 rounds").arg(answers).arg(tasks).arg(rounds));
    }
    return 0;
}

namespace {

// Counts the timer events delivered in this (the main) thread, by receiver class.
class TimerCounter : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Timer) {
            ++total;
            ++byClass[QString::fromLatin1(watched->metaObject()->className())];
        }
        return false;
    }
    qint64 total = 0;
    QHash<QString, qint64> byClass;
};

} // namespace

// Every watched task finished: what the engine does while there is nothing to watch.
int idle(const Args &args, const Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 100);
    const double durationS = args.number(QStringLiteral("duration"), 60);

    Session session;
    if (!session.start(args, programs, tasks, finishedEntry(), QStringLiteral("100/10")))
        return Bench::fail(session.error);
    SimProcess &sim = session.sim;

    QTemporaryDir dir;
    WatchList list(dir.filePath(QStringLiteral("watchlist.json")));
    TaskMonitor monitor(profileFor(sim.baseUrl()));
    monitor.setWatchList(&list);
    monitor.setSecret(ClientSecret);
    monitor.addTasks(session.ids);
    const bool done = waitFor(&monitor, &TaskMonitor::refreshed, 120000);
    const int fresh = freshCount(monitor);
    int finished = 0;
    for (const WatchedTask &task : monitor.tasks())
        finished += task.status && isFinished(task.status->state()) ? 1 : 0;
    runFor(3000); // the watch list's debounced save and the last answers settle

    const SimCounts before = SimCounts::from(sim.stats());
    TimerCounter counter;
    QCoreApplication::instance()->installEventFilter(&counter);
    const qint64 switchesBefore = Bench::contextSwitches(getpid(), true);
    const qint64 allSwitchesBefore = Bench::contextSwitches(getpid(), false);
    const Bench::CpuTimes cpuBefore = Bench::selfCpu();
    runFor(int(durationS * 1000));
    const Bench::CpuTimes cpuAfter = Bench::selfCpu();
    const qint64 switches = Bench::contextSwitches(getpid(), true) - switchesBefore;
    const qint64 allSwitches = Bench::contextSwitches(getpid(), false) - allSwitchesBefore;
    QCoreApplication::instance()->removeEventFilter(&counter);
    const SimCounts counts = SimCounts::from(sim.stats()) - before;

    const double perMinute = 60.0 / durationS;
    const qint64 ownTimer = 1; // the runFor timer that ends the measurement
    QJsonObject byClass;
    for (auto it = counter.byClass.cbegin(); it != counter.byClass.cend(); ++it)
        byClass.insert(it.key(), it.value());
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("idle")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("durationS"), durationS},
                        {QStringLiteral("completed"), done},
                        {QStringLiteral("fresh"), fresh},
                        {QStringLiteral("finished"), finished},
                        {QStringLiteral("requestsPerMinute"), double(counts.total) * perMinute},
                        {QStringLiteral("timerEventsPerMinute"), double(counter.total - ownTimer) * perMinute},
                        {QStringLiteral("timerEventsByClass"), byClass},
                        {QStringLiteral("voluntarySwitchesPerMinute"), double(switches) * perMinute},
                        {QStringLiteral("contextSwitchesPerMinute"), double(allSwitches) * perMinute},
                        {QStringLiteral("cpuMsPerMinute"), (cpuAfter.totalMs() - cpuBefore.totalMs()) * perMinute}};
    Bench::emitResult(result);

    if (args.flag(QStringLiteral("check"))) {
        if (!done || fresh != tasks || finished != tasks)
            return Bench::fail(QStringLiteral("%1 of %2 tasks fresh, %3 finished").arg(fresh).arg(tasks).arg(finished));
        if (counts.total != 0)
            return Bench::fail(QStringLiteral("%1 requests while idle").arg(counts.total));
    }
    return 0;
}

// taskwatch-cli wait on N running tasks until its --timeout: peak RSS, CPU and requests of the program.
int cliWait(const Args &args, const Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 100);
    const int timeout = args.integer(QStringLiteral("timeout"), 15);

    Session session;
    if (!session.start(args, programs, tasks, runningEntry(), QStringLiteral("100/10")))
        return Bench::fail(session.error);
    SimProcess &sim = session.sim;
    const SimCounts before = SimCounts::from(sim.stats());

    QProcess cli;
    cli.setProcessEnvironment(sim.cliEnvironment());
    cli.setStandardOutputFile(QProcess::nullDevice());
    cli.setStandardErrorFile(QProcess::nullDevice());
    QStringList arguments {QStringLiteral("wait")};
    arguments += session.ids;
    arguments += {QStringLiteral("--timeout"), QString::number(timeout)};

    qint64 peakKiB = -1;
    Bench::CpuTimes cpu;
    QTimer sampler;
    sampler.setInterval(50);
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        const qint64 pid = cli.processId();
        if (pid <= 0)
            return;
        const qint64 hwm = Bench::statusKiB(pid_t(pid), "VmHWM");
        if (hwm > 0) {
            peakKiB = std::max(peakKiB, hwm);
            cpu = Bench::processCpu(pid_t(pid));
        }
    });
    QElapsedTimer timer;
    timer.start();
    cli.start(args.value(QStringLiteral("cli"), programs.cli), arguments);
    sampler.start();
    const bool done = waitFor(&cli, &QProcess::finished, (timeout + 60) * 1000);
    sampler.stop();
    const qint64 wallMs = timer.elapsed();
    const int exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    const SimCounts counts = SimCounts::from(sim.stats()) - before;

    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("cli-wait")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("timeoutS"), timeout},
                        {QStringLiteral("exitCode"), exitCode},
                        {QStringLiteral("wallMs"), wallMs},
                        {QStringLiteral("peakRssKiB"), peakKiB},
                        {QStringLiteral("cpuMs"), cpu.totalMs()},
                        {QStringLiteral("apiRequests"), counts.apiRequests},
                        {QStringLiteral("tokenRequests"), counts.tokenRequests},
                        {QStringLiteral("rateLimited"), counts.rateLimited}};
    Bench::emitResult(result);

    if (args.flag(QStringLiteral("check"))) {
        if (!done || exitCode != 124) // the tasks outlive --timeout
            return Bench::fail(QStringLiteral("taskwatch-cli wait exited with %1 (expected 124)").arg(exitCode));
        if (counts.rateLimited != 0 || counts.apiRequests < 1)
            return Bench::fail(QStringLiteral("%1 requests, %2 429s").arg(counts.apiRequests).arg(counts.rateLimited));
    }
    return 0;
}

} // namespace EngineBenches

namespace EngineBenches {

// taskwatch itself, offscreen, with a cached watch list of N tasks of the "command line" profile, connected
// to the sim (which knows those tasks). The first window is the first "Painting and flushing" of a top-level
// window that Qt's qt.widgets.painting category logs, timed here when its line arrives (a monotonic timer of
// the bench, started just before the process: no clock of the host's uptime, which wraps on long-running hosts). RSS:
// at that moment, and once the first refresh is in.
//
// With --idle-duration S it is "app-idle" instead: the sim's tasks have all finished, and once the first refresh
// has shown that, the whole app (engine and UI timers alike) is watched for S s: requests at the sim, the app's
// wake-ups (voluntary context switches) and CPU.
//
// With --updates-duration S the sim's tasks stay running (their progress moves) and the app keeps watching them
// for S s after the first refresh: the peak RSS then covers start, first refresh, the first save and S s of
// updates (and the saves they cause). It prints the peak every 10 minutes on stderr as it goes.
int appStartup(const Args &args, const Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 10000);
    const int settleMs = args.integer(QStringLiteral("settle-ms"), 3000);
    const double idleS = args.number(QStringLiteral("idle-duration"), 0);
    const double updatesS = args.number(QStringLiteral("updates-duration"), 0);
    const QString app = args.value(QStringLiteral("app"), programs.app);
    if (app.isEmpty() || !QFileInfo::exists(app))
        return Bench::fail(QStringLiteral("taskwatch is not built"));

    QTemporaryDir dir;
    const QString watchListPath = dir.filePath(QStringLiteral("watchlist.json"));
    const QString uiBench = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("taskwatch-bench-ui"));
    if (QProcess::execute(uiBench,
                          {QStringLiteral("make-watch-list"), QStringLiteral("--tasks"), QString::number(tasks),
                           QStringLiteral("--out"), watchListPath, QStringLiteral("--profile"),
                           QStringLiteral("command line")})
        != 0)
        return Bench::fail(QStringLiteral("could not make the watch list with %1").arg(uiBench));
    QFile file(watchListPath);
    if (!file.open(QIODevice::ReadOnly))
        return Bench::fail(file.errorString());
    const Parsed<QList<WatchedTask>> cached = WatchListFormat::fromJson(file.readAll());
    if (!cached)
        return Bench::fail(cached.error().message());

    SimProcess sim;
    if (!sim.start(args.value(QStringLiteral("sim"), programs.sim), {}))
        return Bench::fail(sim.error());
    QJsonArray entries;
    for (const WatchedTask &task : cached.value())
        entries.append(idleS > 0 ? QJsonObject {{QStringLiteral("id"), task.id},
                                                {QStringLiteral("createdAgo"), 600},
                                                {QStringLiteral("duration"), 10},
                                                {QStringLiteral("outcome"), QStringLiteral("SUCCESS")}}
                                 : QJsonObject {{QStringLiteral("id"), task.id}, {QStringLiteral("duration"), 86400}});
    if (sim.addTasks(entries).size() != entries.size())
        return Bench::fail(sim.error());
    const SimCounts before = SimCounts::from(sim.stats());

    const QString runtime = dir.filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    environment.insert(QStringLiteral("SAIL_CLIENT_SECRET"), ClientSecret);
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("qt.widgets.painting.info=true"));
    environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
    environment.remove(
            QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the secret comes from the environment

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(QProcess::nullDevice());
    double firstWindowMs = -1;
    qint64 shownRss = -1;
    qint64 loaded = -1;
    QByteArray pending;
    QElapsedTimer sinceStart;
    QEventLoop shown;
    QObject::connect(&process, &QProcess::readyReadStandardError, &process, [&] {
        pending += process.readAllStandardError();
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            if (firstWindowMs < 0 && line.contains("Painting and flushing")) {
                shownRss = Bench::statusKiB(pid_t(process.processId()), "VmRSS");
                firstWindowMs = double(sinceStart.nsecsElapsed()) / 1e6;
                shown.quit();
            }
            static const QRegularExpression loadedLine(QStringLiteral("loaded (\\d+) watched task"));
            const QRegularExpressionMatch match = loadedLine.match(QString::fromUtf8(line));
            if (match.hasMatch())
                loaded = match.captured(1).toLongLong();
        }
    });
    QObject::connect(&process, &QProcess::finished, &shown, &QEventLoop::quit);
    sinceStart.start();
    process.start(app,
                  {QStringLiteral("--watch-list"), watchListPath, QStringLiteral("--base-url"),
                   sim.baseUrl().toString(), QStringLiteral("--client-id"), ClientId});
    {
        const LoopTimeout timeout(shown, 60000);
        shown.exec();
    }
    runFor(settleMs); // the first refresh comes in
    const pid_t pid = pid_t(process.processId());
    QJsonObject idle;
    if (updatesS > 0) {
        const SimCounts updatesBefore = SimCounts::from(sim.stats());
        QElapsedTimer updating;
        updating.start();
        for (qint64 leftMs = qint64(updatesS * 1000); leftMs > 0;
             leftMs = qint64(updatesS * 1000) - updating.elapsed()) {
            runFor(int(std::min<qint64>(leftMs, 600000)));
            QTextStream(stderr) << "app-updates: " << updating.elapsed() / 1000 << " s, peak RSS "
                                << Bench::statusKiB(pid, "VmHWM") << " KiB" << Qt::endl;
        }
        const SimCounts updateCounts = SimCounts::from(sim.stats()) - updatesBefore;
        idle = {{QStringLiteral("bench"), QStringLiteral("app-updates")},
                {QStringLiteral("durationS"), updatesS},
                {QStringLiteral("updateRequests"), double(updateCounts.apiRequests)},
                {QStringLiteral("updateRateLimited"), double(updateCounts.rateLimited)}};
    }
    if (idleS > 0) {
        const SimCounts idleBefore = SimCounts::from(sim.stats());
        // The main thread's (the event loop's, where every UI and engine timer fires): a sum over all threads
        // would shrink when one ends.
        const qint64 wakeupsBefore = Bench::statusKiB(pid, "voluntary_ctxt_switches");
        const Bench::CpuTimes cpuBefore = Bench::processCpu(pid);
        runFor(int(idleS * 1000));
        const double perMinute = 60.0 / idleS;
        const SimCounts idleCounts = SimCounts::from(sim.stats()) - idleBefore;
        idle = {{QStringLiteral("bench"), QStringLiteral("app-idle")},
                {QStringLiteral("durationS"), idleS},
                {QStringLiteral("requestsPerMinute"), double(idleCounts.total) * perMinute},
                {QStringLiteral("wakeupsPerMinute"),
                 double(Bench::statusKiB(pid, "voluntary_ctxt_switches") - wakeupsBefore) * perMinute},
                {QStringLiteral("cpuMsPerMinute"),
                 double(Bench::processCpu(pid).totalMs() - cpuBefore.totalMs()) * perMinute}};
    }
    const qint64 settledRss = Bench::statusKiB(pid, "VmRSS");
    const qint64 peakRss = Bench::statusKiB(pid, "VmHWM");
    const Bench::CpuTimes cpu = Bench::processCpu(pid);
    process.terminate();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(5000);
    }
    const SimCounts counts = SimCounts::from(sim.stats()) - before;

    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("app-startup")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("loaded"), loaded},
                        {QStringLiteral("firstWindowMs"), firstWindowMs},
                        {QStringLiteral("shownRssKiB"), shownRss},
                        {QStringLiteral("settledRssKiB"), settledRss},
                        {QStringLiteral("peakRssKiB"), peakRss},
                        {QStringLiteral("cpuMsAfterSettle"), cpu.totalMs()},
                        {QStringLiteral("apiRequests"), counts.apiRequests},
                        {QStringLiteral("rateLimited"), counts.rateLimited}};
    for (auto it = idle.constBegin(); it != idle.constEnd(); ++it)
        result.insert(it.key(), it.value());
    Bench::emitResult(result);
    if (args.flag(QStringLiteral("check"))) {
        if (firstWindowMs < 0)
            return Bench::fail(QStringLiteral("taskwatch never painted a window"));
        if (loaded != tasks)
            return Bench::fail(QStringLiteral("taskwatch loaded %1 of %2 cached tasks").arg(loaded).arg(tasks));
    }
    return 0;
}

} // namespace EngineBenches

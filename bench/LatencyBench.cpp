#include "LatencyBench.h"

#include "SimProcess.h"
#include "client/TaskMonitor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

using namespace std::chrono;

namespace LatencyBench {

namespace {

const QString ClientSecret = QStringLiteral("demo");

struct Phase
{
    QString name; // "engine", "engine-fixed", "cli", "cli-fixed"
    bool cli = false;
    bool fixed = false;
};

// When each finishing task was known (ms since the epoch), by id.
using Arrivals = QHash<QString, qint64>;

// The sim's request count every 250 ms, and the most requests that any 10 s held. A sample can be up to 250 ms
// late, so a window may hold slightly more than the figure; the sim's 429 count is the exact check.
class WindowPeak
{
public:
    explicit WindowPeak(SimProcess &sim)
        : m_sim(sim)
    {
        m_clock.start();
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
        sample();
        m_timer.start(250);
    }
    void stop()
    {
        m_timer.stop();
        sample();
    }
    qint64 peak() const
    {
        qint64 most = 0;
        for (qsizetype i = 0; i < m_samples.size(); ++i) {
            for (qsizetype j = i + 1; j < m_samples.size() && m_samples[j].first - m_samples[i].first <= 10000; ++j)
                most = std::max(most, m_samples[j].second - m_samples[i].second);
        }
        return most;
    }

private:
    void sample()
    {
        if (m_sampling)
            return; // stats() waits in an event loop of its own
        m_sampling = true;
        const qint64 at = m_clock.elapsed();
        m_samples.append({at, SimCounts::from(m_sim.stats()).total});
        m_sampling = false;
    }

    SimProcess &m_sim;
    QElapsedTimer m_clock;
    QTimer m_timer;
    QList<std::pair<qint64, qint64>> m_samples;
    bool m_sampling = false;
};

// `tasks` running tasks; `finishing` of them end with SUCCESS between `first` and `last` seconds from now,
// evenly spread. Returns every id; the finishing ones first.
QStringList addScenario(SimProcess &sim, int tasks, int finishing, double first, double last)
{
    QJsonArray entries;
    for (int i = 0; i < tasks; ++i) {
        const bool ends = i < finishing;
        const double at = finishing > 1 ? first + (last - first) * i / (finishing - 1) : first;
        entries.append(QJsonObject {{QStringLiteral("createdAgo"), 0},
                                    {QStringLiteral("startDelay"), 0},
                                    {QStringLiteral("duration"), ends ? at : 86400.0},
                                    {QStringLiteral("outcome"), QStringLiteral("SUCCESS")}});
    }
    return sim.addTasks(entries);
}

void runLoop(QEventLoop &loop, int timeoutMs)
{
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    loop.exec();
}

// The engine as the desktop app runs it (DesktopMonitor connects taskChanged to the window's row).
Arrivals watchWithEngine(SimProcess &sim, const QStringList &ids, const QSet<QString> &finishing, int share, bool fixed,
                         int timeoutMs, QHash<QString, qint64> *completed)
{
    TaskMonitor monitor(EngineBenches::profileFor(sim.baseUrl()));
    monitor.setSecret(ClientSecret);
    monitor.setBudgetShare(share);
    if (fixed)
        monitor.setPollPace(PollScheduler::Pace::Fixed);
    Arrivals arrivals;
    QEventLoop loop;
    QObject::connect(&monitor, &TaskMonitor::taskChanged, &loop, [&](const WatchedTask &task) {
        if (!finishing.contains(task.id) || arrivals.contains(task.id) || !task.status
            || !isFinished(task.status->state()))
            return;
        arrivals.insert(task.id, QDateTime::currentMSecsSinceEpoch());
        completed->insert(task.id, task.status->completed.toMSecsSinceEpoch());
        if (arrivals.size() == finishing.size())
            loop.quit();
    });
    monitor.addTasks(ids);
    runLoop(loop, timeoutMs);
    return arrivals;
}

// taskwatch-cli wait without a terminal: one line per change, "HH:mm:ss ID STATE ...", flushed as written.
Arrivals watchWithCli(const QString &program, SimProcess &sim, const QStringList &ids, const QSet<QString> &finishing,
                      int share, bool fixed, int timeoutMs)
{
    QProcess cli;
    cli.setProcessEnvironment(sim.cliEnvironment());
    cli.setStandardErrorFile(QProcess::nullDevice());
    QStringList arguments {QStringLiteral("wait")};
    arguments += ids;
    arguments += {QStringLiteral("--timeout"), QString::number(timeoutMs / 1000 + 5), QStringLiteral("--budget-share"),
                  QString::number(share)};
    if (fixed)
        arguments.append(QStringLiteral("--fixed-interval"));
    const QString success = displayStateName(DisplayState::Success);
    Arrivals arrivals;
    QEventLoop loop;
    QObject::connect(&cli, &QProcess::readyReadStandardOutput, &loop, [&] {
        while (cli.canReadLine()) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const QStringList fields = QString::fromUtf8(cli.readLine()).split(u' ', Qt::SkipEmptyParts);
            if (fields.size() < 3 || !finishing.contains(fields.at(1)) || fields.at(2) != success
                || arrivals.contains(fields.at(1)))
                continue;
            arrivals.insert(fields.at(1), now);
            if (arrivals.size() == finishing.size())
                loop.quit();
        }
    });
    QObject::connect(&cli, &QProcess::finished, &loop, &QEventLoop::quit);
    cli.start(program, arguments);
    runLoop(loop, timeoutMs);
    cli.kill();
    cli.waitForFinished(5000);
    return arrivals;
}

// The finished tasks' `completed`, read from the tenant's API after the measurement.
QHash<QString, qint64> completedTimes(SimProcess &sim, const QStringList &ids)
{
    const QByteArray token = sim.demoToken();
    QUrl url = sim.baseUrl();
    url.setPath(QStringLiteral("/v2025/task-status"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filters"),
                       QStringLiteral("id in (\"%1\")").arg(ids.join(QStringLiteral("\",\""))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("250"));
    url.setQuery(query);
    const QByteArray answer = sim.call("GET", url, {}, nullptr,
                                       {{"Authorization", "Bearer " + token}, {"X-SailPoint-Experimental", "true"}});
    QHash<QString, qint64> completed;
    for (const QJsonValue &value : QJsonDocument::fromJson(answer).array()) {
        const QJsonObject task = value.toObject();
        const QDateTime at =
                QDateTime::fromString(task.value(QStringLiteral("completed")).toString(), Qt::ISODateWithMs);
        if (at.isValid())
            completed.insert(task.value(QStringLiteral("id")).toString(), at.toMSecsSinceEpoch());
    }
    return completed;
}

QList<qint64> latencies(const Arrivals &arrivals, const QHash<QString, qint64> &completed)
{
    QList<qint64> result;
    for (auto it = arrivals.cbegin(); it != arrivals.cend(); ++it) {
        if (completed.contains(it.key()))
            result.append(it.value() - completed.value(it.key()));
    }
    std::sort(result.begin(), result.end());
    return result;
}

double median(const QList<qint64> &sorted)
{
    if (sorted.isEmpty())
        return -1;
    const qsizetype n = sorted.size();
    return n % 2 ? double(sorted.at(n / 2)) : (sorted.at(n / 2 - 1) + sorted.at(n / 2)) / 2.0;
}

} // namespace

int run(const Bench::Args &args, const EngineBenches::Programs &programs)
{
    const int tasks = args.integer(QStringLiteral("tasks"), 200);
    const int finishingCount = std::min(tasks, args.integer(QStringLiteral("finishing"), 10));
    const double first = args.number(QStringLiteral("first"), 3);
    const double last = args.number(QStringLiteral("last"), 13);
    const int share = args.integer(QStringLiteral("share"), TaskMonitor::DefaultBudgetShare);
    const QStringList wanted =
            args.value(QStringLiteral("phases"), QStringLiteral("engine,engine-fixed,cli,cli-fixed")).split(u',');
    const int timeoutMs = int((last + 15) * 1000);

    SimProcess sim;
    if (!sim.start(args.value(QStringLiteral("sim"), programs.sim),
                   {QStringLiteral("--rate-limit"), QStringLiteral("100/10")}))
        return Bench::fail(sim.error());

    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("latency")},
                        {QStringLiteral("tasks"), tasks},
                        {QStringLiteral("finishing"), finishingCount},
                        {QStringLiteral("firstS"), first},
                        {QStringLiteral("lastS"), last},
                        {QStringLiteral("sharePercent"), share},
                        {QStringLiteral("shareRequestsPer10s"), 100 * share / 100}};
    const QList<Phase> phases {{QStringLiteral("engine"), false, false},
                               {QStringLiteral("engine-fixed"), false, true},
                               {QStringLiteral("cli"), true, false},
                               {QStringLiteral("cli-fixed"), true, true}};
    qint64 peak = 0;
    qint64 rateLimited = 0;
    QStringList missing;
    for (const Phase &phase : phases) {
        if (!wanted.contains(phase.name))
            continue;
        const QStringList ids = addScenario(sim, tasks, finishingCount, first, last);
        if (ids.size() != tasks)
            return Bench::fail(sim.error());
        const QSet<QString> finishing(ids.cbegin(), ids.cbegin() + finishingCount);
        const SimCounts before = SimCounts::from(sim.stats());
        WindowPeak window(sim);
        QHash<QString, qint64> completed;
        const Arrivals arrivals = phase.cli
                ? watchWithCli(args.value(QStringLiteral("cli"), programs.cli), sim, ids, finishing, share, phase.fixed,
                               timeoutMs)
                : watchWithEngine(sim, ids, finishing, share, phase.fixed, timeoutMs, &completed);
        window.stop();
        const SimCounts counts = SimCounts::from(sim.stats()) - before;
        if (phase.cli)
            completed = completedTimes(sim, QStringList(finishing.cbegin(), finishing.cend()));
        const QList<qint64> measured = latencies(arrivals, completed);
        const QString key = phase.name == u"engine" ? QStringLiteral("engine")
                : phase.name == u"engine-fixed"     ? QStringLiteral("engineFixed5s")
                : phase.name == u"cli"              ? QStringLiteral("cli")
                                                    : QStringLiteral("cliFixed5s");
        result.insert(key + QStringLiteral("MedianMs"), median(measured));
        result.insert(key + QStringLiteral("WorstMs"), measured.isEmpty() ? -1.0 : double(measured.last()));
        result.insert(key + QStringLiteral("Seen"), int(measured.size()));
        result.insert(key + QStringLiteral("Requests"), counts.total);
        result.insert(key + QStringLiteral("PeakIn10s"), window.peak());
        peak = std::max(peak, window.peak());
        rateLimited += counts.rateLimited;
        if (measured.size() != finishingCount)
            missing.append(phase.name);
    }
    result.insert(QStringLiteral("peakRequestsIn10s"), peak);
    result.insert(QStringLiteral("rateLimited"), rateLimited);
    Bench::emitResult(result);

    if (args.flag(QStringLiteral("check"))) {
        if (!missing.isEmpty())
            return Bench::fail(QStringLiteral("not every finish was seen in: %1").arg(missing.join(u',')));
        if (rateLimited != 0 || peak > 100 * share / 100)
            return Bench::fail(QStringLiteral("%1 × 429, at most %2 requests in 10 s for a share of %3")
                                       .arg(rateLimited)
                                       .arg(peak)
                                       .arg(100 * share / 100));
    }
    return 0;
}

} // namespace LatencyBench

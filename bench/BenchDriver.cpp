#include "BenchDriver.h"

#include "BenchTargets.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace BenchDriver {

namespace {

struct Case
{
    QString name; // as the table and the JSON name it
    QString program;
    QStringList arguments;
    int runs = 1;
    QList<QJsonObject> results;
    QJsonObject median;
    QString failure;
};

void say(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stderr);
    std::fflush(stderr);
}

void print(const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stdout);
    std::fflush(stdout);
}

// The commit the programs were built from, and whether the source tree differed from it: a figure names the
// code it describes. Empty when the sources are not a git checkout.
QJsonObject sourceState()
{
    const auto git = [](const QStringList &arguments) {
        QProcess process;
        process.start(QStringLiteral("git"),
                      QStringList {QStringLiteral("-C"), QStringLiteral(TASKWATCH_SOURCE_DIR)} + arguments);
        return process.waitForFinished(10000) && process.exitCode() == 0
                ? QString::fromUtf8(process.readAllStandardOutput()).trimmed()
                : QString();
    };
    const QString commit = git({QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    if (commit.isEmpty())
        return {};
    return {{QStringLiteral("commit"), commit},
            {QStringLiteral("clean"), git({QStringLiteral("status"), QStringLiteral("--porcelain")}).isEmpty()}};
}

// The median of every numeric field over the runs; other fields are taken from the first run.
QJsonObject medianOf(const QList<QJsonObject> &results)
{
    if (results.isEmpty())
        return {};
    QJsonObject median = results.first();
    for (auto it = median.begin(); it != median.end(); ++it) {
        if (!it.value().isDouble())
            continue;
        QList<double> values;
        for (const QJsonObject &result : results)
            values.append(result.value(it.key()).toDouble());
        std::sort(values.begin(), values.end());
        const qsizetype n = values.size();
        const double value = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
        it.value() = value;
    }
    return median;
}

bool runOnce(Case &c)
{
    const QString load = Bench::loadAverage(); // recorded with the run: other work on the machine skews timings
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(c.program, c.arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(-1)) {
        c.failure = QStringLiteral("could not run %1").arg(c.program);
        return false;
    }
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    QJsonObject result = QJsonDocument::fromJson(lines.last()).object();
    if (process.exitCode() != 0 || result.isEmpty()) {
        c.failure =
                QStringLiteral("%1 %2 exited with %3").arg(c.program, c.arguments.join(u' ')).arg(process.exitCode());
        return false;
    }
    result.insert(QStringLiteral("loadAtRun"), load);
    c.results.append(result);
    return true;
}

QString number(const QJsonObject &o, const QString &key, int decimals = 0)
{
    if (!o.contains(key))
        return QStringLiteral("-");
    return QString::number(o.value(key).toDouble(), 'f', decimals);
}

QString mib(const QJsonObject &o, const QString &key)
{
    if (!o.contains(key) || o.value(key).toDouble() < 0)
        return QStringLiteral("-");
    return QString::number(o.value(key).toDouble() / 1024.0, 'f', 1);
}

void table(const QStringList &header, const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths.append(title.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    const auto line = [&](const QStringList &cells) {
        QString text = QStringLiteral("|");
        for (qsizetype i = 0; i < header.size(); ++i)
            text += u' ' + cells.value(i).leftJustified(widths.at(i)) + QStringLiteral(" |");
        print(text);
    };
    line(header);
    QStringList rule;
    for (qsizetype width : widths)
        rule.append(QString(width, u'-'));
    line(rule);
    for (const QStringList &row : rows)
        line(row);
    print({});
}

void printTables(const QList<Case> &cases)
{
    QList<QStringList> floorRows, refreshRows, sustainedRows, updateRows, startupRows, idleRows, latencyRows;
    QHash<int, double> batchedRequests;
    for (const Case &c : cases) {
        if (c.median.value(QStringLiteral("mode")).toString() == QStringLiteral("batched"))
            batchedRequests.insert(c.median.value(QStringLiteral("tasks")).toInt(),
                                   c.median.value(QStringLiteral("apiRequests")).toDouble()
                                           + c.median.value(QStringLiteral("tokenRequests")).toDouble());
    }
    for (const Case &c : cases) {
        const QJsonObject &m = c.median;
        const QString bench = m.value(QStringLiteral("bench")).toString();
        const QString runs = QString::number(c.results.size());
        if (!c.failure.isEmpty() && c.results.isEmpty())
            continue;
        if (bench == QStringLiteral("floor")) {
            floorRows.append({number(m, QStringLiteral("idsPerRequest")),
                              number(m, QStringLiteral("engineIdsPerRequest")),
                              number(m, QStringLiteral("urlBytesAtFloor")),
                              number(m, QStringLiteral("simStatusAtFloor")) + u'/'
                                      + number(m, QStringLiteral("simStatusBeyond")),
                              number(m, QStringLiteral("floor100")) + u'/' + number(m, QStringLiteral("floor1000"))
                                      + u'/' + number(m, QStringLiteral("floor10000"))});
        } else if (bench == QStringLiteral("refresh")) {
            const double requests = m.value(QStringLiteral("apiRequests")).toDouble()
                    + m.value(QStringLiteral("tokenRequests")).toDouble();
            const int tasks = m.value(QStringLiteral("tasks")).toInt();
            const QString ratio = batchedRequests.contains(tasks) && batchedRequests.value(tasks) > 0
                    ? QString::number(requests / batchedRequests.value(tasks), 'f', 1) + u'x'
                    : QStringLiteral("-");
            refreshRows.append({m.value(QStringLiteral("mode")).toString(), QString::number(tasks),
                                m.value(QStringLiteral("rateLimit")).toString(),
                                QString::number(requests, 'f', 0) + QStringLiteral(" (")
                                        + number(m, QStringLiteral("tokenRequests")) + QStringLiteral(" token)"),
                                QString::number(m.value(QStringLiteral("floorRequests")).toInt() + 1), ratio,
                                number(m, QStringLiteral("rateLimited")), number(m, QStringLiteral("wallMs")),
                                number(m, QStringLiteral("floorSeconds"), 0) + u'/'
                                        + number(m, QStringLiteral("perIdFloorSeconds"), 0),
                                number(m, QStringLiteral("cpuMs")), mib(m, QStringLiteral("peakRssKiB")), runs});
        } else if (bench == QStringLiteral("sustained")) {
            sustainedRows.append(
                    {number(m, QStringLiteral("tasks")), number(m, QStringLiteral("intervalS")) + QStringLiteral(" s"),
                     number(m, QStringLiteral("durationS")) + QStringLiteral(" s"),
                     number(m, QStringLiteral("requestsPerRound")), number(m, QStringLiteral("rateLimited")),
                     number(m, QStringLiteral("requestsPer10s"), 1), number(m, QStringLiteral("maxRequestsIn10s")),
                     QString::number(m.value(QStringLiteral("worstStalenessMs")).toDouble() / 1000, 'f', 2)
                             + QStringLiteral(" s"),
                     number(m, QStringLiteral("tasksOver6s")), number(m, QStringLiteral("cpuMs")), runs});
        } else if (bench == QStringLiteral("update")) {
            updateRows.append({m.value(QStringLiteral("throughWindow")).toBool() ? QStringLiteral("MainWindow")
                                                                                 : QStringLiteral("WatchListModel"),
                               number(m, QStringLiteral("rows")), number(m, QStringLiteral("changedPercent"), 0) + u'%',
                               number(m, QStringLiteral("cpuMsPer1000"), 2),
                               number(m, QStringLiteral("parseMsPer1000"), 2),
                               number(m, QStringLiteral("applyMsPer1000"), 2), number(m, QStringLiteral("dataChanged")),
                               number(m, QStringLiteral("changedRows")), runs});
        } else if (bench == QStringLiteral("window") || bench == QStringLiteral("app-startup")
                   || bench == QStringLiteral("cli-wait")) {
            const QString what = bench == QStringLiteral("window") ? QStringLiteral("MainWindow (bench program)")
                    : bench == QStringLiteral("app-startup")       ? QStringLiteral("taskwatch")
                                                                   : QStringLiteral("taskwatch-cli wait");
            startupRows.append({what, number(m, QStringLiteral("tasks")),
                                m.contains(QStringLiteral("firstWindowMs")) ? number(m, QStringLiteral("firstWindowMs"))
                                                                            : QStringLiteral("-"),
                                mib(m,
                                    m.contains(QStringLiteral("shownRssKiB")) ? QStringLiteral("shownRssKiB")
                                                                              : QStringLiteral("peakRssKiB")),
                                mib(m, QStringLiteral("peakRssKiB")), runs});
        } else if (bench == QStringLiteral("latency")) {
            // Goal (issue 16): at most 1 s median and 2 s worst from a task's completion to the watcher's knowing.
            for (const auto &[key, what] : {std::pair {QStringLiteral("engine"), QStringLiteral("engine (app's row)")},
                                            std::pair {QStringLiteral("cli"), QStringLiteral("taskwatch-cli wait")}}) {
                const double median = m.value(key + QStringLiteral("MedianMs")).toDouble(-1);
                const double worst = m.value(key + QStringLiteral("WorstMs")).toDouble(-1);
                const bool met = median >= 0 && worst >= 0 && median <= 1000 && worst <= 2000;
                latencyRows.append({what, number(m, QStringLiteral("tasks")),
                                    number(m, key + QStringLiteral("MedianMs")) + u'/'
                                            + number(m, key + QStringLiteral("WorstMs")),
                                    number(m, key + QStringLiteral("Fixed5sMedianMs")) + u'/'
                                            + number(m, key + QStringLiteral("Fixed5sWorstMs")),
                                    number(m, key + QStringLiteral("Requests")) + u'/'
                                            + number(m, key + QStringLiteral("Fixed5sRequests")),
                                    number(m, key + QStringLiteral("PeakIn10s")) + u'/'
                                            + number(m, QStringLiteral("shareRequestsPer10s")),
                                    number(m, QStringLiteral("rateLimited")),
                                    met ? QStringLiteral("met") : QStringLiteral("not met"), runs});
            }
        } else if (bench == QStringLiteral("idle")) {
            idleRows.append(
                    {number(m, QStringLiteral("tasks")), number(m, QStringLiteral("durationS")) + QStringLiteral(" s"),
                     number(m, QStringLiteral("requestsPerMinute")), number(m, QStringLiteral("timerEventsPerMinute")),
                     number(m, QStringLiteral("voluntarySwitchesPerMinute")),
                     number(m, QStringLiteral("cpuMsPerMinute"), 1), runs});
        }
    }
    table({QStringLiteral("ids per request (floor)"), QStringLiteral("engine's"), QStringLiteral("URL bytes"),
           QStringLiteral("sim: floor/+1 id"), QStringLiteral("floor requests 100/1k/10k")},
          floorRows);
    table({QStringLiteral("mode"), QStringLiteral("tasks"), QStringLiteral("limit"), QStringLiteral("requests"),
           QStringLiteral("floor+1"), QStringLiteral("vs batched"), QStringLiteral("429s"), QStringLiteral("wall ms"),
           QStringLiteral("rate floor s (batched/per-id)"), QStringLiteral("CPU ms"), QStringLiteral("peak RSS MiB"),
           QStringLiteral("runs")},
          refreshRows);
    table({QStringLiteral("tasks"), QStringLiteral("interval"), QStringLiteral("run"), QStringLiteral("req/round"),
           QStringLiteral("429s"), QStringLiteral("req/10 s"), QStringLiteral("max in 10 s"),
           QStringLiteral("worst staleness"), QStringLiteral("tasks > 6 s"), QStringLiteral("CPU ms"),
           QStringLiteral("runs")},
          sustainedRows);
    table({QStringLiteral("fed to"), QStringLiteral("rows"), QStringLiteral("changed"),
           QStringLiteral("CPU ms / 1000 updates"), QStringLiteral("parse"), QStringLiteral("apply"),
           QStringLiteral("dataChanged"), QStringLiteral("changed rows"), QStringLiteral("runs")},
          updateRows);
    table({QStringLiteral("program"), QStringLiteral("tasks"), QStringLiteral("first window ms"),
           QStringLiteral("RSS MiB (shown)"), QStringLiteral("peak RSS MiB"), QStringLiteral("runs")},
          startupRows);
    table({QStringLiteral("finish seen by"), QStringLiteral("tasks"), QStringLiteral("adaptive ms median/worst"),
           QStringLiteral("fixed 5 s ms median/worst"), QStringLiteral("requests adaptive/fixed"),
           QStringLiteral("most in 10 s / share"), QStringLiteral("429s"), QStringLiteral("≤ 1 s / ≤ 2 s"),
           QStringLiteral("runs")},
          latencyRows);
    table({QStringLiteral("finished tasks"), QStringLiteral("measured"), QStringLiteral("requests/min"),
           QStringLiteral("timer events/min (main thread)"), QStringLiteral("voluntary switches/min (all threads)"),
           QStringLiteral("CPU ms/min"), QStringLiteral("runs")},
          idleRows);
}

} // namespace

int run(const Bench::Args &args, const QString &benchProgram, const QString &uiBenchProgram, bool appAvailable)
{
    const bool quick = args.flag(QStringLiteral("quick"));
    const int runs = args.integer(QStringLiteral("runs"), quick ? 1 : 3);
    const QString only = args.value(QStringLiteral("only"));
    const QString jsonPath = args.value(QStringLiteral("json"), QStringLiteral("bench-results.json"));
    const QStringList sustainedSizes = args.value(QStringLiteral("sustained-sizes"),
                                                  quick ? QStringLiteral("1000") : QStringLiteral("9000,9702,9703"))
                                               .split(u',');
    const QString sustainedDuration =
            args.value(QStringLiteral("sustained-duration"), quick ? QStringLiteral("15") : QStringLiteral("60"));
    const QString idleDuration =
            args.value(QStringLiteral("idle-duration"), quick ? QStringLiteral("10") : QStringLiteral("60"));
    const QString big = quick ? QStringLiteral("1000") : QStringLiteral("10000");

    QList<Case> cases;
    const auto add = [&](const QString &name, const QString &program, const QStringList &arguments, int times) {
        if (only.isEmpty() || only.split(u',').contains(name.section(u' ', 0, 0)))
            cases.append({name, program, arguments, times, {}, {}, {}});
    };
    add(QStringLiteral("floor"), benchProgram, {QStringLiteral("floor")}, 1);
    for (const QString &n : quick
                 ? QStringList {QStringLiteral("100"), QStringLiteral("1000")}
                 : QStringList {QStringLiteral("100"), QStringLiteral("1000"), QStringLiteral("10000")})
        add(QStringLiteral("refresh batched ") + n, benchProgram,
            {QStringLiteral("refresh"), QStringLiteral("--tasks"), n, QStringLiteral("--mode"),
             QStringLiteral("batched")},
            runs);
    for (const QString &n :
         quick ? QStringList {QStringLiteral("100")} : QStringList {QStringLiteral("100"), QStringLiteral("1000")})
        add(QStringLiteral("refresh per-id ") + n, benchProgram,
            {QStringLiteral("refresh"), QStringLiteral("--tasks"), n, QStringLiteral("--mode"),
             QStringLiteral("per-id")},
            runs);
    // Per-id at 10,000 under 100/10 s would take over 16 minutes: measured with the sim's limit raised.
    add(QStringLiteral("refresh per-id ") + big + QStringLiteral(" raised"), benchProgram,
        {QStringLiteral("refresh"), QStringLiteral("--tasks"), big, QStringLiteral("--mode"), QStringLiteral("per-id"),
         QStringLiteral("--rate-limit"), QStringLiteral("1000000/10")},
        runs);
    for (const QString &n : sustainedSizes)
        add(QStringLiteral("sustained ") + n, benchProgram,
            {QStringLiteral("sustained"), QStringLiteral("--tasks"), n, QStringLiteral("--duration"),
             sustainedDuration},
            runs);
    // Issue 16's goal at 10,000 running tasks with the default share: the rounds stay at the floor of list calls.
    add(QStringLiteral("sustained ") + big + QStringLiteral(" share 50"), benchProgram,
        {QStringLiteral("sustained"), QStringLiteral("--tasks"), big, QStringLiteral("--duration"), sustainedDuration,
         QStringLiteral("--budget-share"), QStringLiteral("50")},
        runs);
    for (const QString &percent : {QStringLiteral("1"), QStringLiteral("10"), QStringLiteral("100")})
        add(QStringLiteral("update ") + percent, uiBenchProgram,
            {QStringLiteral("update"), QStringLiteral("--rows"), QStringLiteral("1000"),
             QStringLiteral("--changed-percent"), percent},
            runs);
    // The same through MainWindow (proxy, sorted view, history, notifier), as the app applies them.
    add(QStringLiteral("update 100 via MainWindow"), uiBenchProgram,
        {QStringLiteral("update"), QStringLiteral("--rows"), QStringLiteral("1000"),
         QStringLiteral("--changed-percent"), QStringLiteral("100"), QStringLiteral("--window")},
        runs);
    add(QStringLiteral("window ") + big, uiBenchProgram, {QStringLiteral("window"), QStringLiteral("--tasks"), big},
        runs);
    if (appAvailable) {
        add(QStringLiteral("app-startup ") + big, benchProgram,
            {QStringLiteral("app-startup"), QStringLiteral("--tasks"), big}, runs);
        // Idle for the whole desktop app, UI timers included: every task finished, nothing followed.
        add(QStringLiteral("app-idle ") + big, benchProgram,
            {QStringLiteral("app-startup"), QStringLiteral("--tasks"), big, QStringLiteral("--idle-duration"),
             idleDuration},
            runs);
    }
    if (!quick)
        add(QStringLiteral("cli-wait 1000"), benchProgram,
            {QStringLiteral("cli-wait"), QStringLiteral("--tasks"), QStringLiteral("1000")}, runs);
    add(QStringLiteral("cli-wait ") + big, benchProgram, {QStringLiteral("cli-wait"), QStringLiteral("--tasks"), big},
        runs);
    add(QStringLiteral("latency 200"), benchProgram,
        {QStringLiteral("latency"), QStringLiteral("--tasks"), QStringLiteral("200")}, runs);
    add(QStringLiteral("idle ") + big, benchProgram,
        {QStringLiteral("idle"), QStringLiteral("--tasks"), big, QStringLiteral("--duration"), idleDuration}, runs);

    const QString loadAtStart = Bench::loadAverage();
    // The source as it is when the runs start: a commit made while they run must not be recorded as measured.
    const QJsonObject source = sourceState();
    const QDateTime started = QDateTime::currentDateTimeUtc();
    QElapsedTimer total;
    total.start();
    bool failed = false;
    for (Case &c : cases) {
        for (int i = 0; i < c.runs; ++i) {
            say(QStringLiteral("[%1 s, load %2] %3, run %4 of %5")
                        .arg(total.elapsed() / 1000)
                        .arg(Bench::loadAverage(), c.name)
                        .arg(i + 1)
                        .arg(c.runs));
            if (!runOnce(c)) {
                say(QStringLiteral("  failed: ") + c.failure);
                failed = true;
                break;
            }
        }
        c.median = medianOf(c.results);
    }
    const QString loadAtEnd = Bench::loadAverage();

    print(QStringLiteral("\nTaskwatch benchmarks, medians of %1 run(s) each; load average %2 at start, %3 at end\n")
                  .arg(runs)
                  .arg(loadAtStart, loadAtEnd));
    printTables(cases);

    // The targets, each met or not with its figure; one not met (or a benchmark that did not complete) makes the
    // exit code 1, after the tables above.
    QList<BenchTargets::Measured> measured;
    for (const Case &c : cases)
        measured.append({c.name, c.runs, c.results, c.median, c.failure});
    const QList<BenchTargets::Verdict> verdicts = BenchTargets::check(measured);
    print(QStringLiteral("\nTargets (docs/performance.md)\n"));
    QJsonArray targetArray;
    bool missed = false;
    for (const BenchTargets::Verdict &v : verdicts) {
        print(QStringLiteral("%1  %2 — %3: %4")
                      .arg(v.met ? QStringLiteral("met    ") : QStringLiteral("NOT MET"), v.benchmark, v.target,
                           v.figure));
        missed = missed || !v.met;
        targetArray.append(QJsonObject {{QStringLiteral("benchmark"), v.benchmark},
                                        {QStringLiteral("target"), v.target},
                                        {QStringLiteral("figure"), v.figure},
                                        {QStringLiteral("met"), v.met}});
    }

    QJsonArray caseArray;
    for (const Case &c : cases) {
        QJsonArray results;
        for (const QJsonObject &result : c.results)
            results.append(result);
        QJsonObject entry {{QStringLiteral("name"), c.name},
                           {QStringLiteral("arguments"), QJsonArray::fromStringList(c.arguments)},
                           {QStringLiteral("runs"), results},
                           {QStringLiteral("median"), c.median}};
        if (!c.failure.isEmpty())
            entry.insert(QStringLiteral("failure"), c.failure);
        caseArray.append(entry);
    }
    const QJsonObject document {{QStringLiteral("machine"), Bench::machine()},
                                {QStringLiteral("source"), source},
                                {QStringLiteral("started"), started.toString(Qt::ISODate)},
                                {QStringLiteral("seconds"), double(total.elapsed()) / 1000},
                                {QStringLiteral("loadAtStart"), loadAtStart},
                                {QStringLiteral("loadAtEnd"), loadAtEnd},
                                {QStringLiteral("cases"), caseArray},
                                {QStringLiteral("targets"), targetArray}};
    QFile file(jsonPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        say(QStringLiteral("cannot write %1: %2").arg(jsonPath, file.errorString()));
        return 1;
    }
    file.write(QJsonDocument(document).toJson());
    say(QStringLiteral("results written to %1").arg(jsonPath));
    return failed || missed ? 1 : 0;
}

} // namespace BenchDriver

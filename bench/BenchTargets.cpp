#include "BenchTargets.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace BenchTargets {

namespace {

// A figure of a result; NaN when the result lacks it, which fails every comparison: a missing figure is never
// taken for a good one.
double value(const QJsonObject &result, const char *key)
{
    const QJsonValue figure = result.value(QLatin1String(key));
    return figure.isDouble() ? figure.toDouble() : std::nan("");
}

// The largest value of `key` over the runs: the worst run, for a worst case or a peak. NaN when a run lacks it.
double worst(const QList<QJsonObject> &runs, const char *key)
{
    double most = -std::numeric_limits<double>::infinity();
    for (const QJsonObject &run : runs) {
        const double figure = value(run, key);
        if (std::isnan(figure))
            return figure;
        most = std::max(most, figure);
    }
    return runs.isEmpty() ? std::nan("") : most;
}

// Every run saw what it was meant to see (e.g. the latency bench: every finishing task).
bool everyRunSaw(const QList<QJsonObject> &runs, const char *seen, const char *expected)
{
    return std::all_of(runs.cbegin(), runs.cend(),
                       [&](const QJsonObject &run) { return value(run, seen) == value(run, expected); });
}

QString number(double figure)
{
    if (std::isnan(figure))
        return QStringLiteral("missing");
    return QString::number(figure, 'f', figure == std::floor(figure) ? 0 : 1);
}

// The batched refresh of the same size, for the per-id ratio.
const Measured *batchedOf(const QList<Measured> &cases, double tasks)
{
    for (const Measured &c : cases)
        if (c.median.value(u"mode").toString() == u"batched" && value(c.median, "tasks") == tasks
            && c.failure.isEmpty())
            return &c;
    return nullptr;
}

void checkOne(const Measured &c, const QList<Measured> &cases, QList<Verdict> &verdicts)
{
    const QJsonObject &m = c.median;
    const QString bench = m.value(u"bench").toString();
    const auto add = [&](const QString &target, const QString &figure, bool met) {
        verdicts.append({c.name, target, figure, met});
    };
    if (bench == u"refresh" && m.value(u"mode").toString() == u"batched") {
        add(QStringLiteral("requests <= floor, no 429"),
            QStringLiteral("%1 requests (floor %2), %3 x 429")
                    .arg(number(value(m, "apiRequests")), number(value(m, "floorRequests")),
                         number(worst(c.runs, "rateLimited"))),
            value(m, "apiRequests") <= value(m, "floorRequests") && worst(c.runs, "rateLimited") == 0);
    } else if (bench == u"refresh" && value(m, "tasks") == 10000) {
        const Measured *batched = batchedOf(cases, 10000);
        const double perId = value(m, "apiRequests") + value(m, "tokenRequests");
        const double ratio =
                batched ? perId / (value(batched->median, "apiRequests") + value(batched->median, "tokenRequests")) : 0;
        add(QStringLiteral(">= 150x fewer requests batched than per id"),
            batched ? QStringLiteral("%1x").arg(number(ratio)) : QStringLiteral("no batched run to compare"),
            ratio >= 150);
    } else if (bench == u"sustained" && value(m, "budgetShare") < 100) {
        // A part of the allowance: a round of calls takes longer than the interval, but stays at the floor.
        const double perRound =
                value(m, "answersPerTask") > 0 ? value(m, "apiRequests") / value(m, "answersPerTask") : 0;
        add(QStringLiteral("calls per round at most the floor + 1 (the last round is cut short), the share never "
                           "exceeded, no 429"),
            QStringLiteral("%1 calls per round (floor %2), at most %3 of %4 in any 10 s, %5 x 429")
                    .arg(number(perRound), number(value(m, "requestsPerRound")),
                         number(worst(c.runs, "maxRequestsIn10s")), number(value(m, "shareRequestsPer10s")),
                         number(worst(c.runs, "rateLimited"))),
            perRound > 0 && perRound <= value(m, "requestsPerRound") + 1
                    && worst(c.runs, "maxRequestsIn10s") <= value(m, "shareRequestsPer10s")
                    && worst(c.runs, "rateLimited") == 0);
    } else if (bench == u"sustained") {
        const bool atFiveSeconds = value(m, "tasks") <= 9000;
        const double staleness = worst(c.runs, "worstStalenessMs");
        add(atFiveSeconds ? QStringLiteral("no 429, worst staleness <= 6 s") : QStringLiteral("no 429"),
            QStringLiteral("%1 x 429, worst staleness %2 ms")
                    .arg(number(worst(c.runs, "rateLimited")), number(staleness)),
            worst(c.runs, "rateLimited") == 0 && worst(c.runs, "duringRetryAfter") == 0
                    && (!atFiveSeconds || staleness <= 6000));
    } else if (bench == u"update") {
        add(QStringLiteral("<= 20 ms CPU per 1,000 updates; dataChanged = changed rows"),
            QStringLiteral("%1 ms; counts %2")
                    .arg(number(value(m, "cpuMsPer1000")),
                         m.value(u"countsMatch").toBool() ? QStringLiteral("equal") : QStringLiteral("differ")),
            value(m, "cpuMsPer1000") <= 20 && m.value(u"countsMatch").toBool());
    } else if (bench == u"window" || bench == u"app-startup") {
        add(QStringLiteral("first window <= 1 s"), QStringLiteral("%1 ms").arg(number(value(m, "firstWindowMs"))),
            value(m, "firstWindowMs") > 0 && value(m, "firstWindowMs") <= 1000);
        if (bench == u"app-startup")
            add(QStringLiteral("peak RSS <= 150 MB (%1 KiB)").arg(AppPeakRssKiB),
                QStringLiteral("%1 KiB at the worst run").arg(number(worst(c.runs, "peakRssKiB"))),
                worst(c.runs, "peakRssKiB") <= AppPeakRssKiB && value(m, "loaded") == value(m, "tasks"));
    } else if (bench == u"cli-wait" && value(m, "tasks") == 10000) {
        add(QStringLiteral("peak RSS <= 60 MB (%1 KiB), no 429").arg(CliPeakRssKiB),
            QStringLiteral("%1 KiB at the worst run").arg(number(worst(c.runs, "peakRssKiB"))),
            worst(c.runs, "peakRssKiB") <= CliPeakRssKiB && worst(c.runs, "rateLimited") == 0);
    } else if (bench == u"idle" || bench == u"app-idle") {
        add(QStringLiteral("idle: 0 requests"),
            QStringLiteral("%1 requests per minute at the worst run").arg(number(worst(c.runs, "requestsPerMinute"))),
            worst(c.runs, "requestsPerMinute") == 0);
        if (bench == u"app-idle") // the app's peak over start, first refresh and the idle minute
            add(QStringLiteral("peak RSS <= 150 MB (%1 KiB)").arg(AppPeakRssKiB),
                QStringLiteral("%1 KiB at the worst run").arg(number(worst(c.runs, "peakRssKiB"))),
                worst(c.runs, "peakRssKiB") <= AppPeakRssKiB);
    } else if (bench == u"latency") {
        for (const char *who : {"engine", "cli"}) {
            const QByteArray medianKey = QByteArray(who) + "MedianMs";
            const QByteArray worstKey = QByteArray(who) + "WorstMs";
            const QByteArray seenKey = QByteArray(who) + "Seen";
            const bool allSeen = everyRunSaw(c.runs, seenKey.constData(), "finishing");
            add(QStringLiteral("%1: every finish seen, known <= 1 s median, <= 2 s at worst").arg(QLatin1String(who)),
                QStringLiteral("%1 ms median, %2 ms worst%3")
                        .arg(number(value(m, medianKey.constData())), number(worst(c.runs, worstKey.constData())),
                             allSeen ? QString() : QStringLiteral("; a run missed finishes")),
                allSeen && value(m, medianKey.constData()) >= 0 && value(m, medianKey.constData()) <= 1000
                        && worst(c.runs, worstKey.constData()) <= 2000);
        }
        add(QStringLiteral("the share never exceeded, no 429"),
            QStringLiteral("at most %1 of %2 in any 10 s, %3 x 429")
                    .arg(number(worst(c.runs, "peakRequestsIn10s")), number(value(m, "shareRequestsPer10s")),
                         number(worst(c.runs, "rateLimited"))),
            worst(c.runs, "peakRequestsIn10s") <= value(m, "shareRequestsPer10s") && worst(c.runs, "rateLimited") == 0);
    }
}

} // namespace

QList<Verdict> check(const QList<Measured> &cases)
{
    QList<Verdict> verdicts;
    for (const Measured &c : cases) {
        if (!c.failure.isEmpty() || c.runs.size() < c.runsWanted) {
            verdicts.append({c.name, QStringLiteral("every run completes"),
                             QStringLiteral("did not complete (%1 of %2 runs): %3")
                                     .arg(c.runs.size())
                                     .arg(c.runsWanted)
                                     .arg(c.failure),
                             false});
            continue;
        }
        checkOne(c, cases, verdicts);
    }
    return verdicts;
}

} // namespace BenchTargets

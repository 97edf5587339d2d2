#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// The targets `make bench` asserts (docs/performance.md, "Targets"): each benchmark's runs against its bound.
// Counts and times are checked where the figure is a median of runs; the latency goal's worst case and the
// memory peak are checked on the worst run. A benchmark that did not complete every run is "not met", never
// judged on the runs it has.
namespace BenchTargets {

struct Measured
{
    QString name; // "refresh batched 10000", as the table names it
    int runsWanted = 1;
    QList<QJsonObject> runs;
    QJsonObject median;
    QString failure; // why a run did not complete; empty when all did
};

struct Verdict
{
    QString benchmark;
    QString target; // "requests <= floor, no 429"
    QString figure; // what was measured: "51 requests (floor 51), 0 x 429"
    bool met = false;
};

constexpr qint64 AppPeakRssKiB = 146484; // 150 MB (10^6 bytes)
constexpr qint64 CliPeakRssKiB = 58593; // 60 MB

QList<Verdict> check(const QList<Measured> &cases);

} // namespace BenchTargets

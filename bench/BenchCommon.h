#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <sys/types.h>

// Small pieces every benchmark program shares: arguments, process figures, results on stdout.
namespace Bench {

// `--name value` and `--flag` arguments after the subcommand.
class Args
{
public:
    Args(const QStringList &arguments, const QStringList &flags);
    QString value(const QString &name, const QString &fallback = {}) const;
    int integer(const QString &name, int fallback) const;
    double number(const QString &name, double fallback) const;
    bool flag(const QString &name) const { return m_flags.contains(name); }
    QString error() const { return m_error; }

private:
    QHash<QString, QString> m_values;
    QStringList m_flags;
    QString m_error;
};

struct CpuTimes
{
    double userMs = 0;
    double systemMs = 0;
    double totalMs() const { return userMs + systemMs; }
};

CpuTimes selfCpu(); // this process, every thread (getrusage)
CpuTimes processCpu(pid_t pid); // from /proc/PID/stat, while it runs
qint64 statusKiB(pid_t pid, const char *field); // VmHWM, VmRSS, … from /proc/PID/status; -1 when unknown
qint64 contextSwitches(pid_t pid, bool voluntaryOnly); // summed over the process's threads
double msSinceProcessStart();
qint64 heapInUseKiB(); // malloc's bytes in use (glibc mallinfo2): what RSS would be without allocator slack // from
                       // /proc/self/stat starttime to now (CLOCK_BOOTTIME), ms

QString loadAverage(); // the first three fields of /proc/loadavg
QJsonObject machine(); // CPU model, cores, memory, kernel, Qt, build type

// One result object as a single JSON line on stdout (the driver reads it), plus a readable line on stderr.
void emitResult(const QJsonObject &result);
// A failed smoke check: prints why on stderr; main returns non-zero.
int fail(const QString &message);

} // namespace Bench

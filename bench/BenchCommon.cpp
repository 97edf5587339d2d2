#include "BenchCommon.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSysInfo>
#include <QThread>

#include <cstdio>
#include <ctime>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

namespace Bench {

Args::Args(const QStringList &arguments, const QStringList &flags)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (!argument.startsWith(QStringLiteral("--"))) {
            m_error = QStringLiteral("unexpected argument \"%1\"").arg(argument);
            return;
        }
        const QString name = argument.mid(2);
        if (flags.contains(name)) {
            m_flags.append(name);
        } else if (i + 1 < arguments.size()) {
            m_values.insert(name, arguments.at(++i));
        } else {
            m_error = QStringLiteral("%1 needs a value").arg(argument);
            return;
        }
    }
}

QString Args::value(const QString &name, const QString &fallback) const
{
    return m_values.value(name, fallback);
}

int Args::integer(const QString &name, int fallback) const
{
    bool ok = false;
    const int result = value(name).toInt(&ok);
    return ok ? result : fallback;
}

double Args::number(const QString &name, double fallback) const
{
    bool ok = false;
    const double result = value(name).toDouble(&ok);
    return ok ? result : fallback;
}

namespace {

double ms(const timeval &time)
{
    return double(time.tv_sec) * 1000.0 + double(time.tv_usec) / 1000.0;
}

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0: readAll reads until the end
}

// The fields of /proc/PID/stat after the command name (which may hold spaces), numbered from 3 (state).
QList<QByteArray> statFields(pid_t pid)
{
    const QByteArray stat = readProcFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return {};
    return stat.mid(close + 2).trimmed().split(' ');
}

} // namespace

CpuTimes selfCpu()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return {ms(usage.ru_utime), ms(usage.ru_stime)};
}

CpuTimes processCpu(pid_t pid)
{
    const QList<QByteArray> fields = statFields(pid);
    if (fields.size() < 13)
        return {};
    const double tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
    // utime and stime are fields 14 and 15 of the file: 11 and 12 counted from the state.
    return {fields.at(11).toDouble() * tick, fields.at(12).toDouble() * tick};
}

qint64 statusKiB(pid_t pid, const char *field)
{
    const QByteArray status = readProcFile(QStringLiteral("/proc/%1/status").arg(pid));
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

qint64 contextSwitches(pid_t pid, bool voluntaryOnly)
{
    qint64 total = 0;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QByteArray status = readProcFile(tasks.filePath(tid) + QStringLiteral("/status"));
        for (const QByteArray &line : status.split('\n')) {
            const bool voluntary = line.startsWith("voluntary_ctxt_switches:");
            if (voluntary || (!voluntaryOnly && line.startsWith("nonvoluntary_ctxt_switches:")))
                total += line.mid(line.indexOf(':') + 1).trimmed().toLongLong();
        }
    }
    return total;
}

double msSinceProcessStart()
{
    const QList<QByteArray> fields = statFields(getpid());
    if (fields.size() < 20)
        return -1;
    // starttime is field 22: clock ticks after boot.
    const double startMs = fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs;
}

qint64 heapInUseKiB()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return qint64((info.uordblks + info.hblkhd) / 1024);
#else
    return -1;
#endif
}

QString loadAverage()
{
    const QList<QByteArray> fields = readProcFile(QStringLiteral("/proc/loadavg")).split(' ');
    return fields.size() >= 3 ? QString::fromLatin1(fields.mid(0, 3).join(' ')) : QString();
}

QJsonObject machine()
{
    QString cpu;
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/cpuinfo")).split('\n')) {
        if (line.startsWith("model name")) {
            cpu = QString::fromLatin1(line.mid(line.indexOf(':') + 1).trimmed());
            break;
        }
    }
    qint64 memoryKiB = 0;
    for (const QByteArray &line : readProcFile(QStringLiteral("/proc/meminfo")).split('\n')) {
        if (line.startsWith("MemTotal:"))
            memoryKiB = line.mid(9).trimmed().split(' ').first().toLongLong();
    }
    return {{QStringLiteral("cpu"), cpu},
            {QStringLiteral("cores"), QThread::idealThreadCount()},
            {QStringLiteral("memoryMiB"), memoryKiB / 1024},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
#ifdef TASKWATCH_BENCH_BUILD_TYPE
            {QStringLiteral("buildType"), QStringLiteral(TASKWATCH_BENCH_BUILD_TYPE)},
#endif
            {QStringLiteral("load"), loadAverage()}};
}

void emitResult(const QJsonObject &result)
{
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString &message)
{
    std::fprintf(stderr, "bench check failed: %s\n", qPrintable(message));
    return 1;
}

} // namespace Bench

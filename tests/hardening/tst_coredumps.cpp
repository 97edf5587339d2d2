// Processes that hold a secret in memory write no core dump (Linux): the real taskwatch-cli and taskwatch,
// started with core dumps allowed (an unlimited core size), run with a core size limit of 0 and are not
// dumpable. The kernel shows "not dumpable" to other processes only through the ownership of /proc/<pid>:
// its files belong to root then. So the programs run as an unprivileged user when the test runs as root,
// and as the test's own user otherwise; either way their /proc files must belong to root.

#include "client/CoreDumps.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <cstdlib>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr uid_t Nobody = 65534;

// The "Max core file size" line of /proc/<pid>/limits: {soft, hard} as written ("0", "unlimited", ...).
QStringList coreLimits(qint64 pid)
{
    QFile limits(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!limits.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : limits.readAll().split('\n')) {
        if (line.startsWith("Max core file size")) {
            const QStringList fields = QString::fromLatin1(line.mid(18)).split(u' ', Qt::SkipEmptyParts);
            return fields.mid(0, 2);
        }
    }
    return {};
}

} // namespace

class TestCoreDumps : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    QTcpServer m_silent; // accepts and never answers: the CLI waits for it, holding its secret

    // Starts `program` with core dumps allowed (unlimited), as nobody when the test is root. Then it runs a copy
    // in the test's world-readable folder: nobody may not reach the build tree (a clone in /root, say).
    void start(QProcess &process, QString program, const QStringList &arguments, const QProcessEnvironment &env)
    {
        if (geteuid() == 0) {
            const QString copy = m_home.filePath(QFileInfo(program).fileName());
            if (!QFile::exists(copy) && QFile::copy(program, copy))
                QFile::setPermissions(copy,
                                      QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                                              | QFileDevice::ExeOther);
            program = copy;
        }
        process.setProcessEnvironment(env);
        process.setChildProcessModifier([] {
            const rlimit unlimited {RLIM_INFINITY, RLIM_INFINITY};
            if (setrlimit(RLIMIT_CORE, &unlimited) != 0) { // not root: as far as the hard limit goes
                rlimit current {};
                getrlimit(RLIMIT_CORE, &current);
                current.rlim_cur = current.rlim_max;
                setrlimit(RLIMIT_CORE, &current);
            }
            if (geteuid() == 0 && (setgid(Nobody) != 0 || setuid(Nobody) != 0))
                std::_Exit(99);
        });
        process.start(program, arguments);
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"SAIL_BASE_URL", "SAIL_CLIENT_ID", "QT_LOGGING_RULES", "TASKWATCH_ALLOW_CORE_DUMPS",
                                 "DBUS_SESSION_BUS_ADDRESS"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral("Core-Dump-Secret-4f1a"));
        return env;
    }

    // The program runs (waiting for the silent tenant, or showing its window): its limits and dumpability.
    void verifyNoCoreDumps(QProcess &process, bool allowed)
    {
        QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
        const qint64 pid = process.processId();
        // Past main()'s first line once it has connected (the CLI) or stays up a moment (the app): wait until
        // the limit is no longer the one it was started with, or the process settles in its event loop.
        QTRY_VERIFY_WITH_TIMEOUT(m_silent.hasPendingConnections() || coreLimits(pid).value(0) == u"0"
                                         || process.state() != QProcess::Running,
                                 20000);
        QCOMPARE(process.state(), QProcess::Running);
        const QStringList limits = coreLimits(pid);
        const uint owner = QFileInfo(QStringLiteral("/proc/%1/status").arg(pid)).ownerId();
        const uint user = geteuid() == 0 ? Nobody : geteuid();
        process.kill();
        process.waitForFinished();
        if (allowed) {
            QCOMPARE(limits.value(0), QStringLiteral("unlimited"));
            QCOMPARE(owner, user);
        } else {
            QCOMPARE(limits, (QStringList {QStringLiteral("0"), QStringLiteral("0")}));
            QCOMPARE(owner, 0u); // not dumpable: /proc/<pid> belongs to root
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QFile::setPermissions(m_home.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                              | QFileDevice::ReadOther | QFileDevice::WriteOther
                                              | QFileDevice::ExeOther));
        QVERIFY(m_silent.listen(QHostAddress::LocalHost));
        rlimit unlimited {RLIM_INFINITY, RLIM_INFINITY};
        if (geteuid() != 0) {
            getrlimit(RLIMIT_CORE, &unlimited);
            if (unlimited.rlim_max == 0)
                QSKIP("core dumps are off for this user already (hard limit 0): nothing to show");
        }
    }

    void cliWritesNoCoreDump_data()
    {
        QTest::addColumn<bool>("allowed");
        QTest::newRow("default") << false;
        QTest::newRow("TASKWATCH_ALLOW_CORE_DUMPS=1") << true;
    }
    void cliWritesNoCoreDump()
    {
        QFETCH(bool, allowed);
        QProcessEnvironment env = environment();
        if (allowed)
            env.insert(QStringLiteral("TASKWATCH_ALLOW_CORE_DUMPS"), QStringLiteral("1"));
        QProcess cli;
        start(cli, QStringLiteral(TASKWATCH_CLI),
              {QStringLiteral("get"), QStringLiteral("abc"), QStringLiteral("--base-url"),
               QStringLiteral("http://127.0.0.1:%1").arg(m_silent.serverPort()), QStringLiteral("--client-id"),
               QStringLiteral("core")},
              env);
        verifyNoCoreDumps(cli, allowed);
        while (QTcpSocket *socket = m_silent.nextPendingConnection())
            delete socket;
    }

    void desktopAppWritesNoCoreDump()
    {
        QProcess app;
        start(app, QStringLiteral(TASKWATCH_APP),
              {QStringLiteral("--demo"), QStringLiteral("--watch-list"), m_home.filePath(QStringLiteral("wl.json"))},
              environment());
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
        // The app has no connection to wait for: it is up once its limit changed (the check is the same).
        QTRY_VERIFY_WITH_TIMEOUT(coreLimits(app.processId()).value(0) == u"0" || app.state() != QProcess::Running,
                                 20000);
        verifyNoCoreDumps(app, false);
    }

    // The seam itself, in a child process of this test (so that this one stays as it was).
    void seamTurnsCoreDumpsOff()
    {
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            rlimit some {};
            getrlimit(RLIMIT_CORE, &some);
            some.rlim_cur = some.rlim_max;
            setrlimit(RLIMIT_CORE, &some);
            int code = coreDumpsDisabled() ? 1 : 0; // allowed before
            setenv("TASKWATCH_ALLOW_CORE_DUMPS", "1", 1);
            disableCoreDumps();
            code |= coreDumpsDisabled() ? 2 : 0; // the override leaves them alone
            unsetenv("TASKWATCH_ALLOW_CORE_DUMPS");
            disableCoreDumps();
            code |= coreDumpsDisabled() ? 0 : 4;
            code |= prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0 ? 0 : 8;
            std::_Exit(code);
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }
};

QTEST_GUILESS_MAIN(TestCoreDumps)
#include "tst_coredumps.moc"

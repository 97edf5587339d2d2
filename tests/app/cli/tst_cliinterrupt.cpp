// taskwatch-cli on a terminal and when interrupted: `wait` redraws its live lines in place on a
// pseudo-terminal, and Ctrl-C (SIGINT, as the terminal sends it) ends `wait` and `follow` cleanly with exit
// code 130: the last state drawn, "interrupted" on a line of its own, every line written whole.

#include "CliTestSupport.h"
#include "PseudoTerminal.h"
#include "tests/client/SimFixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace CliTest;

class TestCliInterrupt : public QObject
{
    Q_OBJECT
private:
    Home m_home;

#ifdef Q_OS_UNIX
    // Starts the CLI with `arguments`, its stdout on `stdoutPath` (a terminal, or a file).
    bool start(QProcess &process, const SimServer &sim, const QStringList &arguments, const QString &stdoutPath)
    {
        process.setProcessEnvironment(m_home.environmentFor(sim.baseUrl()));
        process.setStandardOutputFile(stdoutPath);
        process.start(QStringLiteral(TASKWATCH_CLI), arguments);
        return process.waitForStarted();
    }

    static bool interruptAndWait(QProcess &process)
    {
        return ::kill(pid_t(process.processId()), SIGINT) == 0 && process.waitForFinished(30000);
    }

private Q_SLOTS:
    void ctrlCEndsAWaitOnATerminalCleanly()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 120)); // moves about 1 % a second
        PseudoTerminal tty;
        QVERIFY(tty.open());
        QProcess process;
        QVERIFY(start(process, *sim, {QStringLiteral("wait"), id}, tty.slavePath));
        // Drawn, then drawn again in place: back up over the live line, erase it, write it anew.
        QByteArray screen;
        const QByteArray up = "\x1b[1A";
        QVERIFY2(QTest::qWaitFor(
                         [&] {
                             screen += PseudoTerminal::drain(tty.master);
                             return screen.contains(id.toLatin1()) && screen.count(up) >= 2;
                         },
                         60000),
                 screen.constData());
        QVERIFY(screen.contains("\x1b[2K"));

        QVERIFY(interruptAndWait(process));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit); // ended by itself, not killed by the signal
        QCOMPARE(process.exitCode(), 130);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.endsWith("taskwatch-cli: interrupted\n"), err.constData());
        QTest::qWait(0);
        screen += PseudoTerminal::drain(tty.master);
        QVERIFY2(screen.endsWith("\n"), screen.right(200).constData()); // the cursor on a fresh line
    }

    void ctrlCEndsAFollowCleanly()
    {
        auto sim = startSim();
        QTemporaryDir dir;
        const QString outPath = dir.filePath(QStringLiteral("out.jsonl"));
        QProcess process;
        QVERIFY(start(process, *sim, {QStringLiteral("follow"), QStringLiteral("--all"), QStringLiteral("--json")},
                      outPath));
        // Its first round is answered before a new task comes: that task is news.
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, listRoute(ApiVersion::V2025), QStringLiteral("200")) >= 1, 30000);
        const QString id = sim->addTask(scenarioTask(0, 600));
        const auto written = [&outPath] {
            QFile out(outPath);
            return out.open(QIODevice::ReadOnly) ? out.readAll() : QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(written().contains(id.toLatin1()), 30000);

        QVERIFY(interruptAndWait(process));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);
        QVERIFY(process.readAllStandardError().contains("interrupted"));
        const QByteArray lines = written();
        QVERIFY(lines.endsWith('\n')); // whole lines only
        for (const QByteArray &line : lines.trimmed().split('\n'))
            QVERIFY2(QJsonDocument::fromJson(line).isObject(), line.constData());
    }
#endif
};

QTEST_GUILESS_MAIN(TestCliInterrupt)
#include "tst_cliinterrupt.moc"

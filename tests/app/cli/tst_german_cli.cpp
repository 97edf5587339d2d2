#include "tests/app/cli/CliTestSupport.h"
#include "tests/client/SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

// The real taskwatch-cli under LANG=de_DE.UTF-8: --help and errors for people are German, output for programs
// (--json, and its error lines) stays English.
class TestGermanCli : public QObject
{
    Q_OBJECT
private:
    CliTest::Home m_home;

    QProcessEnvironment german(const SimServer *sim = nullptr) const
    {
        QProcessEnvironment env = m_home.environment();
        for (const char *name : {"LANGUAGE", "LC_MESSAGES"})
            env.remove(QLatin1String(name));
        // LC_ALL would win over LANG: set both, as a German session does.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
        if (sim) {
            env.insert(QStringLiteral("SAIL_BASE_URL"), sim->baseUrl().toString());
            env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
            env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral("demo"));
        }
        return env;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void helpIsGerman()
    {
        const CliTest::Run help = CliTest::run({QStringLiteral("--help")}, german());
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("Aufruf: taskwatch-cli BEFEHL")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("Exit-Codes:")));
        // Every command's lines, as lines: a translation once held the two characters \ n instead of line ends.
        QVERIFY2(!help.out.contains(QStringLiteral("\\n")), qPrintable(help.out));
        QVERIFY(help.out.contains(QStringLiteral("\n  follow       Meldet neue Aufgaben")));
    }

    void usageErrorsAreGerman()
    {
        // Ours, and QCommandLineParser's own (from Qt's German translation).
        const CliTest::Run noCommand = CliTest::run({}, german());
        QCOMPARE(noCommand.exitCode, 2);
        QVERIFY2(noCommand.err.contains(QStringLiteral("kein Befehl angegeben")), qPrintable(noCommand.err));
        QVERIFY2(noCommand.err.contains(QStringLiteral("Siehe „taskwatch-cli --help“.")), qPrintable(noCommand.err));
        const CliTest::Run unknown = CliTest::run({QStringLiteral("--bogus")}, german());
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains(QStringLiteral("Unbekannte Option 'bogus'.")), qPrintable(unknown.err));
    }

    void jsonStaysEnglish()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 3600));
        const QString missing = QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        const CliTest::Run result =
                CliTest::run({QStringLiteral("get"), id, missing, QStringLiteral("--json")}, german(sim.get()));
        QCOMPARE(result.exitCode, 4); // the missing task
        const QJsonArray tasks = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QCOMPARE(tasks.size(), 1);
        const QJsonObject task = tasks.first().toObject();
        QCOMPARE(task.value(QStringLiteral("id")).toString(), id);
        QVERIFY(task.contains(QStringLiteral("completionStatus")));
        // The error line names the missing task in English, as without a locale.
        QVERIFY2(result.err.startsWith(QStringLiteral("taskwatch-cli: ") + missing + QStringLiteral(": ")),
                 qPrintable(result.err));
        const CliTest::Run english = CliTest::run({QStringLiteral("get"), missing, QStringLiteral("--json")}, [&] {
            QProcessEnvironment env = german(sim.get());
            env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
            env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
            return env;
        }());
        // Same words as under the C locale, the tracking id (new for every request) aside.
        const QRegularExpression trackingId(QStringLiteral("\\(tracking id [0-9a-f]+\\)"));
        QVERIFY2(result.err.contains(trackingId), qPrintable(result.err));
        QCOMPARE(QString(result.err).remove(trackingId), QString(english.err).remove(trackingId));
        // And a usage error of a --json run: English too.
        const CliTest::Run usage =
                CliTest::run({QStringLiteral("wait"), id, QStringLiteral("--json")}, german(sim.get()));
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains(QStringLiteral("--json belongs to get, list and follow")), qPrintable(usage.err));
    }

    void waitLinesIntoAPipeStayEnglish()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 0.5));
        const CliTest::Run result =
                CliTest::run({QStringLiteral("wait"), id, QStringLiteral("--interval"), QStringLiteral("1"),
                              QStringLiteral("--timeout"), QStringLiteral("0")},
                             german(sim.get()));
        // --timeout 0 is refused: the message is English because stdout is a pipe (a program reads it).
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("expected a number of seconds")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestGermanCli)
#include "tst_german_cli.moc"

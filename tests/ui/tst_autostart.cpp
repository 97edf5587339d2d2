#include "ui/Autostart.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// Restores an environment variable when the test ends, however it ends.
class EnvGuard
{
public:
    explicit EnvGuard(const char *name)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    { }
    ~EnvGuard()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_value;
};

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private:
    // desktop-file-validate (desktop-file-utils) when it is installed; it is on the project's CI image.
    static void validateIfPossible(const QString &path)
    {
        const QString validator = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
        if (validator.isEmpty()) {
            qInfo("desktop-file-validate is not on PATH: the entry's syntax is checked by the comparisons only");
            return;
        }
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(validator, {path});
        QVERIFY(process.waitForFinished(30000));
        const QString output = QString::fromUtf8(process.readAll());
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0, qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("error:")) && !output.contains(QStringLiteral("warning:")),
                 qPrintable(output));
    }

private Q_SLOTS:
    void defaultPathFollowsXdg()
    {
        EnvGuard guard("XDG_CONFIG_HOME");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
        QCOMPARE(Autostart::defaultPath(),
                 dir.path() + QStringLiteral("/autostart/io.github.taskwatch.Taskwatch.desktop"));

        const QString fallback =
                QDir::homePath() + QStringLiteral("/.config/autostart/io.github.taskwatch.Taskwatch.desktop");
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(Autostart::defaultPath(), fallback);
        qputenv("XDG_CONFIG_HOME", "relative/dir"); // the XDG rules say: ignore a relative path
        QCOMPARE(Autostart::defaultPath(), fallback);
        qputenv("XDG_CONFIG_HOME", "");
        QCOMPARE(Autostart::defaultPath(), fallback);
    }

    void writesAndRemovesTheEntry()
    {
        EnvGuard guard("XDG_CONFIG_HOME");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
        const QString expectedPath = dir.path() + QStringLiteral("/autostart/io.github.taskwatch.Taskwatch.desktop");

        Autostart autostart; // the default path, now inside the temporary XDG_CONFIG_HOME
        QCOMPARE(autostart.path(), expectedPath);
        QVERIFY(!autostart.isEnabled());
        QVERIFY(!QDir(dir.filePath(QStringLiteral("autostart"))).exists());

        QVERIFY2(autostart.enable(QStringLiteral("taskwatch"), {QStringLiteral("--minimized")}),
                 qPrintable(autostart.errorString()));
        QVERIFY(autostart.errorString().isEmpty());
        QVERIFY(QFile::exists(expectedPath));
        QVERIFY(autostart.isEnabled());
        const QString contents = readAll(expectedPath);
        QVERIFY(contents.startsWith(QStringLiteral("[Desktop Entry]\n")));
        QVERIFY(contents.contains(QStringLiteral("\nType=Application\n")));
        QVERIFY(contents.contains(QStringLiteral("\nName=Taskwatch\n")));
        QVERIFY(contents.contains(QStringLiteral("\nExec=taskwatch --minimized\n")));
        validateIfPossible(expectedPath);
        // Only the entry is left behind (QSaveFile's temporary file is gone).
        QCOMPARE(QDir(dir.filePath(QStringLiteral("autostart"))).entryList(QDir::Files | QDir::Hidden),
                 QStringList {QStringLiteral("io.github.taskwatch.Taskwatch.desktop")});

        // Written again (e.g. without --minimized): replaced, not appended.
        QVERIFY(autostart.enable(QStringLiteral("taskwatch"), {}));
        QVERIFY(readAll(expectedPath).contains(QStringLiteral("\nExec=taskwatch\n")));
        QCOMPARE(readAll(expectedPath).count(QStringLiteral("[Desktop Entry]")), 1);

        QVERIFY(autostart.disable());
        QVERIFY(!QFile::exists(expectedPath));
        QVERIFY(!autostart.isEnabled());
        QVERIFY(autostart.disable()); // nothing to remove is not an error
        QVERIFY(autostart.errorString().isEmpty());
    }

    void reportsWhyItCannotWrite()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile blocker(dir.filePath(QStringLiteral("autostart")));
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();

        Autostart autostart(dir.filePath(QStringLiteral("autostart/io.github.taskwatch.Taskwatch.desktop")));
        QVERIFY(!autostart.enable(QStringLiteral("taskwatch"), {}));
        QVERIFY(autostart.errorString().contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("autostart")))));
        QVERIFY(!autostart.isEnabled());
    }

    void quotesTheCommandLine()
    {
        QCOMPARE(Autostart::execValue(QStringLiteral("taskwatch"), {QStringLiteral("--minimized")}),
                 QStringLiteral("taskwatch --minimized"));
        QCOMPARE(Autostart::execValue(QStringLiteral("/opt/Task Watch/bin/taskwatch"), {QStringLiteral("--minimized")}),
                 QStringLiteral("\"/opt/Task Watch/bin/taskwatch\" --minimized"));
        // Inside quotes " ` $ \ take a backslash; then the string escapes double every backslash.
        QCOMPARE(Autostart::execValue(QStringLiteral("taskwatch"), {QStringLiteral("$HOME")}),
                 QStringLiteral("taskwatch \"\\\\$HOME\""));
        QCOMPARE(Autostart::execValue(QStringLiteral("taskwatch"), {QStringLiteral("say \"hi\"")}),
                 QStringLiteral("taskwatch \"say \\\\\"hi\\\\\"\""));
        QCOMPARE(Autostart::execValue(QStringLiteral("taskwatch"), {QStringLiteral("100%")}),
                 QStringLiteral("taskwatch 100%%"));
        QCOMPARE(Autostart::execValue(QStringLiteral("taskwatch"), {QString()}), QStringLiteral("taskwatch \"\""));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Autostart autostart(dir.filePath(QStringLiteral("io.github.taskwatch.Taskwatch.desktop")));
        QVERIFY(autostart.enable(QStringLiteral("/opt/Task Watch ($beta)/taskwatch"), {QStringLiteral("--minimized")}));
        validateIfPossible(autostart.path());
    }

    void switchedOffEntriesAreNotEnabled()
    {
        const QString base = Autostart::desktopEntry(QStringLiteral("taskwatch"), {});
        QVERIFY(Autostart::entryIsActive(base));
        QVERIFY(!Autostart::entryIsActive(base + QStringLiteral("Hidden=true\n")));
        QVERIFY(Autostart::entryIsActive(base + QStringLiteral("Hidden=false\n")));
        QVERIFY(!Autostart::entryIsActive(QString(base).replace(QStringLiteral("X-GNOME-Autostart-enabled=true"),
                                                                QStringLiteral("X-GNOME-Autostart-enabled=false"))));
        QVERIFY(Autostart::entryIsActive(base + QStringLiteral("[Desktop Action quit]\nHidden=true\n")));

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Autostart autostart(dir.filePath(QStringLiteral("io.github.taskwatch.Taskwatch.desktop")));
        QVERIFY(autostart.enable(QStringLiteral("taskwatch"), {}));
        QFile file(autostart.path());
        QVERIFY(file.open(QIODevice::Append));
        file.write("Hidden=true\n"); // what desktop settings tools write to switch an entry off
        file.close();
        QVERIFY(!autostart.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"

#include "app/cli/CliOptions.h"
#include "app/common/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

// Loading the translations: the German one is embedded and found for a German locale (ours and Qt's own),
// an English locale installs nothing, and the CLI keeps output for programs English.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanIsEmbedded() { QVERIFY(QFile::exists(Translations::resourceFolder() + u"/taskwatch_de.qm")); }

    void germanLocaleTranslatesOursAndQts()
    {
        Translations translations;
        translations.install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(translations.hasOwn());
        QVERIFY(translations.hasQt());
        QCOMPARE(QCoreApplication::translate("CliOptions", "--json belongs to get, list and follow"),
                 QStringLiteral("--json gehört zu get, list und follow"));
        QVERIFY(cliHelpText().startsWith(QStringLiteral("Aufruf: taskwatch-cli BEFEHL")));
        // Qt's own string (QCommandLineParser), from qtbase_de.
        QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Unknown option '%1'."),
                 QStringLiteral("Unbekannte Option '%1'."));
    }

    void translatorsGoWithTheObject()
    {
        {
            Translations translations;
            translations.install(QLocale(QLocale::German, QLocale::Austria)); // de_AT falls back to de
            QVERIFY(translations.hasOwn());
        }
        QCOMPARE(QCoreApplication::translate("CliOptions", "--json belongs to get, list and follow"),
                 QStringLiteral("--json belongs to get, list and follow"));
    }

    void englishInstallsNothing()
    {
        Translations translations;
        translations.install(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(!translations.hasOwn());
        QVERIFY(cliHelpText().startsWith(QStringLiteral("Usage: taskwatch-cli COMMAND")));
    }

    void cliOutputIsForPrograms_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("terminal");
        QTest::addColumn<bool>("forPrograms");
        const QString cli = QStringLiteral("taskwatch-cli");
        QTest::newRow("get --json") << QStringList {cli, QStringLiteral("get"), QStringLiteral("a"),
                                                    QStringLiteral("--json")}
                                    << true << true;
        QTest::newRow("list --json") << QStringList {cli, QStringLiteral("--json"), QStringLiteral("list")} << true
                                     << true;
        QTest::newRow("get on a terminal")
                << QStringList {cli, QStringLiteral("get"), QStringLiteral("a")} << true << false;
        QTest::newRow("get into a pipe") << QStringList {cli, QStringLiteral("get"), QStringLiteral("a")} << false
                                         << false;
        QTest::newRow("wait on a terminal")
                << QStringList {cli, QStringLiteral("wait"), QStringLiteral("a")} << true << false;
        QTest::newRow("wait into a pipe")
                << QStringList {cli, QStringLiteral("wait"), QStringLiteral("a")} << false << true;
        QTest::newRow("wait after an option")
                << QStringList {cli, QStringLiteral("--interval=2"), QStringLiteral("wait"), QStringLiteral("a")}
                << false << true;
        QTest::newRow("follow on a terminal")
                << QStringList {cli, QStringLiteral("follow"), QStringLiteral("--all")} << true << false;
        QTest::newRow("follow into a pipe")
                << QStringList {cli, QStringLiteral("follow"), QStringLiteral("--all")} << false << true;
        QTest::newRow("an id named wait")
                << QStringList {cli, QStringLiteral("get"), QStringLiteral("wait")} << false << false;
        QTest::newRow("help into a pipe") << QStringList {cli, QStringLiteral("--help")} << false << false;
        QTest::newRow("nothing") << QStringList {cli} << false << false;
    }
    void cliOutputIsForPrograms()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, terminal);
        QFETCH(bool, forPrograms);
        QCOMPARE(::cliOutputIsForPrograms(arguments, terminal), forPrograms);
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"

#include "fuzz/FuzzChecks.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

// Replays, in the normal test suite, every input the fuzzers have found trouble with
// (tests/data/fuzz-regressions/<target>/) and every seed they start from, through the same property
// checks the fuzz targets run (fuzz/FuzzChecks.cpp). Also checks the independent `id in (…)` reader
// those properties rely on.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT

    using Check = QString (*)(const QByteArray &);

    static Check checkFor(const QString &target)
    {
        if (target == u"taskstatus")
            return FuzzChecks::taskStatus;
        if (target == u"apierror")
            return FuzzChecks::apiError;
        if (target == u"pastedids")
            return FuzzChecks::pastedIds;
        if (target == u"idfilter")
            return FuzzChecks::idFilter;
        return nullptr;
    }

    static void addFiles(const QString &target, const QString &directory, bool recursive)
    {
        QDirIterator it(directory, QDir::Files,
                        recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.endsWith(u".md"))
                QTest::addRow("%s: %s", qPrintable(target),
                              qPrintable(QDir(QStringLiteral(TASKWATCH_TEST_DATA)).relativeFilePath(path)))
                        << target << path;
        }
    }

private Q_SLOTS:
    void everyTargetHasRegressionInputs()
    {
        for (const char *target : {"taskstatus", "apierror", "pastedids", "idfilter"}) {
            const QDir dir(QStringLiteral(TASKWATCH_TEST_DATA "/fuzz-regressions/") + QLatin1String(target));
            QVERIFY2(!dir.entryList(QDir::Files).isEmpty(), target);
        }
    }

    void replay_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        for (const char *target : {"taskstatus", "apierror", "pastedids", "idfilter"})
            addFiles(QLatin1String(target),
                     QStringLiteral(TASKWATCH_TEST_DATA "/fuzz-regressions/") + QLatin1String(target), false);
        // The JSON seeds: every spec example is a valid input of both JSON parsers.
        addFiles(QStringLiteral("taskstatus"), QStringLiteral(TASKWATCH_TEST_DATA "/spec"), true);
        addFiles(QStringLiteral("apierror"), QStringLiteral(TASKWATCH_TEST_DATA "/spec"), true);
    }

    void replay()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Check check = checkFor(target);
        QVERIFY(check);
        const QString problem = check(file.readAll());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void idInReader_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("ids"); // {"<none>"}: not a filter of ids
        const QStringList none {QStringLiteral("<none>")};
        QTest::addRow("two") << QStringLiteral("id in (\"a\",\"b\")")
                             << QStringList {QStringLiteral("a"), QStringLiteral("b")};
        QTest::addRow("spaces") << QStringLiteral(" id  in ( \"a\" , \"b\" ) ")
                                << QStringList {QStringLiteral("a"), QStringLiteral("b")};
        QTest::addRow("empty") << QStringLiteral("id in ()") << QStringList {};
        QTest::addRow("escaped quote") << QStringLiteral("id in (\"a\\\"b\")") << QStringList {QStringLiteral("a\"b")};
        QTest::addRow("escaped backslash")
                << QStringLiteral("id in (\"a\\\\\")") << QStringList {QStringLiteral("a\\")};
        QTest::addRow("injection") << QStringLiteral("id in (\"a\") or id in (\"b\")") << none;
        QTest::addRow("trailing and") << QStringLiteral("id in (\"a\") and type eq \"x\"") << none;
        QTest::addRow("unquoted") << QStringLiteral("id in (a)") << none;
        QTest::addRow("unterminated") << QStringLiteral("id in (\"a)") << none;
        QTest::addRow("bad escape") << QStringLiteral("id in (\"a\\n\")") << none;
        QTest::addRow("trailing comma") << QStringLiteral("id in (\"a\",)") << none;
        QTest::addRow("eq") << QStringLiteral("id eq \"a\"") << none;
        QTest::addRow("idin") << QStringLiteral("idin (\"a\")") << none;
    }

    void idInReader()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, ids);
        const std::optional<QStringList> parsed = FuzzChecks::parseIdInFilter(filter);
        if (ids == QStringList {QStringLiteral("<none>")})
            QVERIFY2(!parsed, qPrintable(parsed.value_or(QStringList()).join(u'|')));
        else
            QCOMPARE(parsed.value_or(QStringList {QStringLiteral("<unparsed>")}), ids);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"

#include "models/TaskId.h"

#include <QElapsedTimer>
#include <QTest>

// Task ids go into filter expressions (id in ("…", "…")), so nothing that is not [A-Za-z0-9_-]{1,64} may
// pass; and people paste them in every shape, which parsePasted must take apart.
namespace {

// A string of `n` ids in SailPoint's shape: 32 lowercase hex characters.
QStringList hexIds(int n, int salt = 0)
{
    QStringList ids;
    ids.reserve(n);
    for (int i = 0; i < n; ++i)
        ids.append(QStringLiteral("%1%2").arg(salt, 8, 16, QLatin1Char('0')).arg(i, 24, 16, QLatin1Char('0')));
    return ids;
}

QStringList texts(const QList<TaskId::RejectedId> &rejected)
{
    QStringList result;
    for (const TaskId::RejectedId &entry : rejected)
        result.append(entry.text);
    return result;
}

} // namespace

class TestTaskId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("sailpoint hex") << QStringLiteral("2c9180835d2e5168015d32f890ca1581");
        QTest::newRow("spec path example") << QStringLiteral("00eebcf881994e419d72e757fd30dc0e");
        QTest::newRow("spec schema example") << QStringLiteral("id12345");
        QTest::newRow("one character") << QStringLiteral("a");
        QTest::newRow("digits") << QStringLiteral("0123456789");
        QTest::newRow("upper case") << QStringLiteral("ABCDEF");
        QTest::newRow("uuid with dashes") << QStringLiteral("b61429f5-203d-494c-94c3-04f54e17bc5c");
        QTest::newRow("underscores") << QStringLiteral("task_id_1");
        QTest::newRow("64 characters") << QString(TaskId::MaxLength, u'f');
    }

    void valid()
    {
        QFETCH(QString, id);
        QVERIFY(TaskId::isValid(id));
        QCOMPARE(TaskId::invalidReason(id), QString());
    }

    void invalid_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("reason"); // a part of the reason
        QTest::newRow("empty") << QString() << QStringLiteral("empty");
        QTest::newRow("65 characters") << QString(TaskId::MaxLength + 1, u'f') << QStringLiteral("65 characters");
        QTest::newRow("100,000 characters") << QString(100000, u'a') << QStringLiteral("at most 64");
        QTest::newRow("double quote") << QStringLiteral("ab\"cd") << QStringLiteral("'\"'");
        QTest::newRow("single quote") << QStringLiteral("ab'cd") << QStringLiteral("'''");
        QTest::newRow("injection") << QStringLiteral("a\") or id in (\"b") << QStringLiteral("'\"'");
        QTest::newRow("parenthesis") << QStringLiteral("abc)") << QStringLiteral("')'");
        QTest::newRow("backslash") << QStringLiteral("ab\\cd") << QStringLiteral("'\\'");
        QTest::newRow("space") << QStringLiteral("ab cd") << QStringLiteral("U+0020");
        QTest::newRow("tab") << QStringLiteral("ab\tcd") << QStringLiteral("U+0009");
        QTest::newRow("newline") << QStringLiteral("ab\ncd") << QStringLiteral("U+000A");
        QTest::newRow("NUL") << QString(QStringLiteral("ab") + QChar(0) + QStringLiteral("cd"))
                             << QStringLiteral("U+0000");
        QTest::newRow("no-break space") << QStringLiteral("ab\u00A0cd") << QStringLiteral("U+00A0");
        QTest::newRow("zero-width space") << QStringLiteral("ab\u200Bcd") << QStringLiteral("U+200B");
        QTest::newRow("right-to-left mark") << QStringLiteral("ab\u200Fcd") << QStringLiteral("U+200F");
        QTest::newRow("é") << QStringLiteral("café") << QStringLiteral("'é'");
        QTest::newRow("fullwidth a") << QStringLiteral("\uFF41bc") << QStringLiteral("'\uFF41'");
        QTest::newRow("cyrillic а (looks latin)") << QStringLiteral("\u0430bc") << QStringLiteral("'\u0430'");
        QTest::newRow("arabic-indic digit") << QStringLiteral("\u0661\u0662") << QStringLiteral("'\u0661'");
        QTest::newRow("emoji") << QStringLiteral("ab😀") << QStringLiteral("'😀'");
        QTest::newRow("lone surrogate") << QString(QStringLiteral("ab") + QChar(0xD83D)) << QStringLiteral("U+D83D");
        QTest::newRow("dot") << QStringLiteral("a.b") << QStringLiteral("'.'");
        QTest::newRow("percent") << QStringLiteral("a%22b") << QStringLiteral("'%'");
        QTest::newRow("wildcard") << QStringLiteral("*") << QStringLiteral("'*'");
    }

    void invalid()
    {
        QFETCH(QString, id);
        QFETCH(QString, reason);
        QVERIFY(!TaskId::isValid(id));
        const QString actual = TaskId::invalidReason(id);
        QVERIFY2(actual.contains(reason), qPrintable(actual));
        QVERIFY(actual.size() < 200); // a reason, not an echo of the input
    }

    void looksLikeSailPointId_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("looksLike");
        QTest::newRow("sailpoint hex") << QStringLiteral("2c9180835d2e5168015d32f890ca1581") << true;
        QTest::newRow("spec path example") << QStringLiteral("00eebcf881994e419d72e757fd30dc0e") << true;
        QTest::newRow("upper-case hex") << QStringLiteral("2C9180835D2E5168015D32F890CA1581") << true;
        QTest::newRow("all digits") << QString(32, u'7') << true;
        QTest::newRow("hello") << QStringLiteral("hello") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("31 hex") << QString(31, u'a') << false;
        QTest::newRow("33 hex") << QString(33, u'a') << false;
        QTest::newRow("32 with a g") << QStringLiteral("2c9180835d2e5168015d32f890ca158g") << false;
        QTest::newRow("32 with a dash") << QStringLiteral("2c9180835d2e5168-15d32f890ca1581") << false;
        QTest::newRow("32 with an underscore") << QStringLiteral("_c9180835d2e5168015d32f890ca1581") << false;
        QTest::newRow("uuid with dashes") << QStringLiteral("b61429f5-203d-494c-94c3-04f54e17bc5c") << false;
        QTest::newRow("spec schema example") << QStringLiteral("id12345") << false;
        QTest::newRow("fullwidth digit") << QString(QString(31, u'a') + QChar(0xFF11)) << false;
    }

    void looksLikeSailPointId()
    {
        QFETCH(QString, id);
        QFETCH(bool, looksLike);
        QCOMPARE(TaskId::looksLikeSailPointId(id), looksLike);
    }

    // Every character outside [A-Za-z0-9_-] among the first 0x3000 code units is refused.
    void everyOtherCharacterRefused()
    {
        for (char16_t u = 0; u < 0x3000; ++u) {
            const QChar c(u);
            const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                    || u == u'-' || u == u'_';
            const QString id = QStringLiteral("ab") + c + QStringLiteral("cd");
            QVERIFY2(TaskId::isValid(id) == allowed, qPrintable(QString::number(u, 16)));
        }
    }

    void separators_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("lines") << QStringLiteral("aaa\nbbb\nccc");
        QTest::newRow("windows lines") << QStringLiteral("aaa\r\nbbb\r\nccc\r\n");
        QTest::newRow("commas") << QStringLiteral("aaa,bbb,ccc");
        QTest::newRow("commas and spaces") << QStringLiteral("aaa, bbb ,  ccc");
        QTest::newRow("semicolons") << QStringLiteral("aaa;bbb;ccc");
        QTest::newRow("spaces") << QStringLiteral("  aaa bbb    ccc  ");
        QTest::newRow("tabs") << QStringLiteral("aaa\tbbb\t\tccc");
        QTest::newRow("no-break spaces") << QStringLiteral("aaa\u00A0bbb\u00A0ccc");
        QTest::newRow("ideographic space") << QStringLiteral("aaa\u3000bbb\u3000ccc");
        QTest::newRow("line separator") << QStringLiteral("aaa\u2028bbb\u2029ccc");
        QTest::newRow("double quotes") << QStringLiteral(R"("aaa" "bbb" "ccc")");
        QTest::newRow("single quotes") << QStringLiteral("'aaa','bbb','ccc'");
        QTest::newRow("json array") << QStringLiteral(R"(["aaa", "bbb", "ccc"])");
        QTest::newRow("json array on lines") << QStringLiteral("[\n  \"aaa\",\n  \"bbb\",\n  \"ccc\"\n]");
        QTest::newRow("typographic quotes") << QStringLiteral("“aaa” ‘bbb’ `ccc`");
        QTest::newRow("mixed") << QStringLiteral("aaa,\n 'bbb';\t\"ccc\"\n\n");
        QTest::newRow("empty quotes between") << QStringLiteral("aaa \"\" bbb [] ccc");
    }

    void separators()
    {
        QFETCH(QString, text);
        const TaskId::PastedIds pasted = TaskId::parsePasted(text);
        QCOMPARE(pasted.ids, (QStringList {QStringLiteral("aaa"), QStringLiteral("bbb"), QStringLiteral("ccc")}));
        QVERIFY(pasted.duplicates.isEmpty());
        QVERIFY2(pasted.rejected.isEmpty(), qPrintable(texts(pasted.rejected).join(u'|')));
    }

    void nothingPasted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("whitespace") << QStringLiteral(" \n\t\r\n ");
        QTest::newRow("separators") << QStringLiteral(",;, ;\n");
        QTest::newRow("empty array") << QStringLiteral("[]");
    }

    void nothingPasted()
    {
        QFETCH(QString, text);
        const TaskId::PastedIds pasted = TaskId::parsePasted(text);
        QVERIFY(pasted.ids.isEmpty());
        QVERIFY(pasted.duplicates.isEmpty());
        QVERIFY(pasted.rejected.isEmpty());
    }

    void duplicatesWithinPaste()
    {
        const TaskId::PastedIds pasted = TaskId::parsePasted(QStringLiteral("aaa bbb aaa \"bbb\" aaa ccc"));
        QCOMPARE(pasted.ids, (QStringList {QStringLiteral("aaa"), QStringLiteral("bbb"), QStringLiteral("ccc")}));
        QCOMPARE(pasted.duplicates,
                 (QStringList {QStringLiteral("aaa"), QStringLiteral("bbb"), QStringLiteral("aaa")}));
        QVERIFY(pasted.rejected.isEmpty());
    }

    void duplicatesAgainstKnown()
    {
        const QStringList known = {QStringLiteral("bbb"), QStringLiteral("zzz")};
        const TaskId::PastedIds pasted = TaskId::parsePasted(QStringLiteral("aaa\nbbb\nccc\nbbb"), known);
        QCOMPARE(pasted.ids, (QStringList {QStringLiteral("aaa"), QStringLiteral("ccc")}));
        QCOMPARE(pasted.duplicates, (QStringList {QStringLiteral("bbb"), QStringLiteral("bbb")}));
        // Ids differ by case: SailPoint's are lower case, and an upper-case paste is another id.
        const TaskId::PastedIds cased = TaskId::parsePasted(QStringLiteral("BBB"), known);
        QCOMPARE(cased.ids, QStringList {QStringLiteral("BBB")});
    }

    void limit()
    {
        const TaskId::PastedIds pasted =
                TaskId::parsePasted(QStringLiteral("a1 a2 a1 a3 a4 bad\"id a5"), {QStringLiteral("a2")}, 2);
        QCOMPARE(pasted.ids, (QStringList {QStringLiteral("a1"), QStringLiteral("a3")}));
        QCOMPARE(pasted.duplicates, (QStringList {QStringLiteral("a2"), QStringLiteral("a1")}));
        QCOMPARE(texts(pasted.rejected),
                 (QStringList {QStringLiteral("a4"), QStringLiteral("bad\"id"), QStringLiteral("a5")}));
        QVERIFY(pasted.rejected.at(0).reason.contains(QStringLiteral("limit of 2")));
        QVERIFY(pasted.rejected.at(1).reason.contains(QStringLiteral("'\"'")));
        QVERIFY(pasted.rejected.at(2).reason.contains(QStringLiteral("limit")));

        const TaskId::PastedIds none = TaskId::parsePasted(QStringLiteral("a1 a2"), {}, 0);
        QVERIFY(none.ids.isEmpty());
        QCOMPARE(none.rejected.size(), 2);
    }

    // Text meant to break out of the filter's quotes yields only harmless ids and rejections.
    void filterInjection_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("ids");
        QTest::newRow("close and reopen")
                << QStringLiteral(R"(a") or id in ("b)")
                << QStringList {QStringLiteral("or"), QStringLiteral("id"), QStringLiteral("in")};
        QTest::newRow("no spaces") << QStringLiteral("a\")or(id\"in\")") << QStringList();
        QTest::newRow("single quotes") << QStringLiteral("x' or '1'='1") << QStringList {QStringLiteral("or")};
        QTest::newRow("escaped quote") << QStringLiteral("abc\\\"") << QStringList();
        QTest::newRow("url encoded") << QStringLiteral("abc%22%29") << QStringList();
        QTest::newRow("sw operator") << QStringLiteral("a*\" or name sw \"\"")
                                     << QStringList {QStringLiteral("or"), QStringLiteral("name"),
                                                     QStringLiteral("sw")};
        QTest::newRow("newline in quotes") << QStringLiteral("\"a\nb\"") << QStringList();
    }

    void filterInjection()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, ids);
        const TaskId::PastedIds pasted = TaskId::parsePasted(text);
        QCOMPARE(pasted.ids, ids);
        for (const QString &id : pasted.ids) {
            QVERIFY(TaskId::isValid(id));
            for (const QChar c : id)
                QVERIFY(c.isLetterOrNumber() || c == u'-' || c == u'_');
        }
        for (const TaskId::RejectedId &rejected : pasted.rejected)
            QVERIFY(!rejected.reason.isEmpty());
    }

    void unicodePaste()
    {
        const TaskId::PastedIds pasted = TaskId::parsePasted(QStringLiteral("abc café ｆｕｌｌ 😀 def \u200Bghi"));
        QCOMPARE(pasted.ids, (QStringList {QStringLiteral("abc"), QStringLiteral("def")}));
        QCOMPARE(pasted.rejected.size(), 4);
        QVERIFY(pasted.rejected.at(2).reason.contains(QStringLiteral("'😀'")));
        QVERIFY(pasted.rejected.at(3).reason.contains(QStringLiteral("U+200B")));
    }

    void longRejectShortened()
    {
        const QString huge(1000000, u'!');
        const TaskId::PastedIds pasted = TaskId::parsePasted(huge);
        QCOMPARE(pasted.rejected.size(), 1);
        QVERIFY(pasted.rejected.at(0).text.size() <= 81);
        QVERIFY(pasted.rejected.at(0).reason.size() < 200);
    }

    void hundredThousandIds()
    {
        const QStringList all = hexIds(100000);
        const QString text = all.join(u'\n');
        QElapsedTimer timer;
        timer.start();

        const TaskId::PastedIds capped = TaskId::parsePasted(text); // default limit: 10,000
        QCOMPARE(capped.ids, all.mid(0, 10000));
        QCOMPARE(capped.rejected.size(), 90000);
        QVERIFY(capped.rejected.last().reason.contains(QStringLiteral("limit")));
        QCOMPARE(capped.rejected.last().text, all.last());

        const TaskId::PastedIds everything = TaskId::parsePasted(text + u'\n' + text, hexIds(1000, 1), 100000);
        QCOMPARE(everything.ids, all);
        QCOMPARE(everything.duplicates.size(), 100000);
        QVERIFY(everything.rejected.isEmpty());

        const TaskId::PastedIds known = TaskId::parsePasted(text, all.mid(50000), 100000);
        QCOMPARE(known.ids, all.mid(0, 50000));
        QCOMPARE(known.duplicates.size(), 50000);
        QVERIFY2(timer.elapsed() < 20000, "parsing 400,000 pasted ids took over 20 s");
    }
};

QTEST_GUILESS_MAIN(TestTaskId)
#include "tst_taskid.moc"

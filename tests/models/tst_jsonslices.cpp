#include "models/JsonSlices.h"

#include <QTest>

using Elements = std::optional<QList<QByteArray>>;

// The split of a list answer into its elements' own bytes: whitespace between tokens goes, everything inside
// strings stays (escaped quotes and backslashes, brackets, commas), and what is not an array is refused.
class TestJsonSlices : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splits_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<Elements>("expected");
        const auto list = [](std::initializer_list<const char *> items) {
            QList<QByteArray> elements;
            for (const char *item : items)
                elements.append(item);
            return Elements(elements);
        };
        QTest::newRow("empty") << QByteArray("[]") << list({});
        QTest::newRow("empty, spaced") << QByteArray(" [ \n ] ") << list({});
        QTest::newRow("two objects") << QByteArray("[{\"a\":1},{\"b\":2}]") << list({"{\"a\":1}", "{\"b\":2}"});
        QTest::newRow("indented") << QByteArray("[\n  {\n    \"a\": 1,\n\t\"b\": [1, 2]\r\n  }\n]")
                                  << list({"{\"a\":1,\"b\":[1,2]}"});
        QTest::newRow("spaces in strings stay")
                << QByteArray("[ {\"m\": \"a b , ] } [ {\"} ]") << list({"{\"m\":\"a b , ] } [ {\"}"});
        QTest::newRow("escaped quote") << QByteArray("[{\"m\":\"say \\\"hi\\\", ok\"}, 2]")
                                       << list({"{\"m\":\"say \\\"hi\\\", ok\"}", "2"});
        QTest::newRow("escaped backslash ends the string")
                << QByteArray("[\"a\\\\\", \"b\"]") << list({"\"a\\\\\"", "\"b\""});
        QTest::newRow("three backslashes and a quote")
                << QByteArray("[\"a\\\\\\\"]\", 1]") << list({"\"a\\\\\\\"]\"", "1"});
        QTest::newRow("nested arrays") << QByteArray("[[1,[2]],[]]") << list({"[1,[2]]", "[]"});
        QTest::newRow("scalars") << QByteArray("[1, true, null, \"x\"]") << list({"1", "true", "null", "\"x\""});
        QTest::newRow("an empty element") << QByteArray("[1,,2]") << list({"1", "", "2"});
        QTest::newRow("not an array") << QByteArray("{\"a\":[1]}") << Elements();
        QTest::newRow("nothing") << QByteArray("  ") << Elements();
        QTest::newRow("unterminated string") << QByteArray("[\"abc") << Elements();
        QTest::newRow("escaped last quote") << QByteArray("[\"abc\\\"]") << Elements();
        QTest::newRow("unclosed array") << QByteArray("[1, 2") << Elements();
        QTest::newRow("a brace closing nothing") << QByteArray("[1}]") << Elements();
    }

    void splits()
    {
        QFETCH(QByteArray, json);
        QFETCH(Elements, expected);
        QCOMPARE(JsonSlices::arrayElements(json), expected);
    }

    // What may be kept as a status's bytes: an object whose strings hold only what JSON's writer would write.
    void keepableObjects_data()
    {
        QTest::addColumn<QByteArray>("slice");
        QTest::addColumn<bool>("keepable");
        QTest::newRow("empty object") << QByteArray("{}") << true;
        QTest::newRow("object") << QByteArray("{\"a\":\"b\",\"n\":[1,{}]}") << true;
        QTest::newRow("every escape JSON has")
                << QByteArray("{\"e\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\"}") << true;
        QTest::newRow("UTF-8 as it came") << QByteArray("{\"m\":\"d\xC3\xA9j\xC3\xA0\"}") << true;
        QTest::newRow("nothing") << QByteArray() << false;
        QTest::newRow("half an object") << QByteArray("{") << false;
        QTest::newRow("an array") << QByteArray("[{}]") << false;
        QTest::newRow("a string") << QByteArray("\"{}\"") << false;
        QTest::newRow("byte-order mark first") << QByteArray("\xEF\xBB\xBF{}") << false;
        QTest::newRow("raw line break in a string") << QByteArray("{\"m\":\"a\nb\"}") << false;
        QTest::newRow("raw tab in a string") << QByteArray("{\"m\":\"a\tb\"}") << false;
        QTest::newRow("raw NUL in a string") << QByteArray("{\"m\":\"a\0b\"}", 11) << false;
        QTest::newRow("unknown escape") << QByteArray("{\"m\":\"\\q\"}") << false;
        QTest::newRow("escaped NUL") << QByteArray("{\"m\":\"\\\0\"}", 9) << false;
        QTest::newRow("backslash last") << QByteArray("{\\") << false;
    }
    void keepableObjects()
    {
        QFETCH(QByteArray, slice);
        QFETCH(bool, keepable);
        QCOMPARE(JsonSlices::isKeepableObject(slice), keepable);
    }
};

QTEST_GUILESS_MAIN(TestJsonSlices)
#include "tst_jsonslices.moc"

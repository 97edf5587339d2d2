#include "sim/JsonText.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

class TestJsonText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dateTimesAgreeWithQt()
    {
        // Every day of a span of years around leap years and the epoch, at varied times of day.
        for (qint64 ms = -86400000LL * 800; ms < 86400000LL * 25000; ms += 86400000LL * 7 + 3601237) {
            const QByteArray ours = JsonText::dateTime(ms);
            const QString qt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
            QCOMPARE(QString::fromLatin1(ours), QString(u'"' + qt + u'"'));
        }
        QCOMPARE(JsonText::dateTime(0), QByteArray("\"1970-01-01T00:00:00.000Z\""));
        QCOMPARE(JsonText::dateTime(1594502595000), QByteArray("\"2020-07-11T21:23:15.000Z\""));
    }

    void stringsRoundTrip()
    {
        const QString nasty =
                QStringLiteral("quote\" backslash\\ newline\n tab\t bell\x07 unicode é 漢 \U0001F600 end");
        QByteArray json = "[";
        JsonText::appendString(json, nasty);
        json += "]";
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.array().first().toString(), nasty);
        QCOMPARE(JsonText::string(u"a\"b"), QByteArray("\"a\\\"b\""));
    }
};

QTEST_APPLESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"

#include "models/Sentence.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

namespace {

// A translator with a few German entries, as lrelease would build them: Sentence asks through
// QCoreApplication::translate like every tr() does.
class GermanTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QString key = QString::fromUtf8(context) + u'|' + QString::fromUtf8(source);
        if (key == u"Test|No answer from %1 within %2 s.")
            return QStringLiteral("Keine Antwort von %1 innerhalb von %2 s.");
        if (key == u"Test|Authentication failed: %1")
            return QStringLiteral("Anmeldung fehlgeschlagen: %1");
        if (key == u"Test|the request was cancelled")
            return QStringLiteral("die Anfrage wurde abgebrochen");
        if (key == u"Test|%2 before %1")
            return QStringLiteral("%1 nach %2");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestSentence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void untranslatedReadsTheSourceBothWays()
    {
        const Sentence s = Sentence::translate("Test", "No answer from %1 within %2 s.")
                                   .arg(QStringLiteral("acme.example"))
                                   .arg(30);
        QCOMPARE(s.english(), QStringLiteral("No answer from acme.example within 30 s."));
        QCOMPARE(s.translated(), s.english());
        QVERIFY(!s.isEmpty());
    }

    void translatedAndEnglishFromOneValue()
    {
        GermanTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const Sentence inner = Sentence::translate("Test", "the request was cancelled");
        const Sentence s = Sentence::translate("Test", "Authentication failed: %1").arg(inner);
        QCOMPARE(s.english(), QStringLiteral("Authentication failed: the request was cancelled"));
        // Nested sentences are translated too; verbatim values are not.
        QCOMPARE(s.translated(), QStringLiteral("Anmeldung fehlgeschlagen: die Anfrage wurde abgebrochen"));
        const Sentence host = Sentence::translate("Test", "No answer from %1 within %2 s.")
                                      .arg(QStringLiteral("acme.example"))
                                      .arg(30);
        QCOMPARE(host.translated(), QStringLiteral("Keine Antwort von acme.example innerhalb von 30 s."));
        QCOMPARE(host.english(), QStringLiteral("No answer from acme.example within 30 s."));
        // A translation may reorder the placeholders.
        const Sentence order =
                Sentence::translate("Test", "%2 before %1").arg(QStringLiteral("A")).arg(QStringLiteral("B"));
        QCOMPARE(order.english(), QStringLiteral("B before A"));
        QCOMPARE(order.translated(), QStringLiteral("A nach B"));
        QVERIFY(QCoreApplication::removeTranslator(&german));
        QCOMPARE(s.translated(), s.english());
    }

    void valuesAreNotSubstitutedAgain()
    {
        // A tenant's text or a file name containing "%1" stays as it is.
        const Sentence s = Sentence::translate("Test", "Authentication failed: %1 (%2)")
                                   .arg(QStringLiteral("100%1 sure"))
                                   .arg(QStringLiteral("x"));
        QCOMPARE(s.english(), QStringLiteral("Authentication failed: 100%1 sure (x)"));
    }

    void placeholdersWithoutValueStay()
    {
        QCOMPARE(Sentence::translate("Test", "50% of %1, %3 and %").arg(QStringLiteral("a")).english(),
                 QStringLiteral("50% of a, %3 and %"));
        QCOMPARE(Sentence::translate("Test", "%10 then %1")
                         .arg(QStringLiteral("one"))
                         .arg(QStringLiteral("2"))
                         .arg(QStringLiteral("3"))
                         .arg(QStringLiteral("4"))
                         .arg(QStringLiteral("5"))
                         .arg(QStringLiteral("6"))
                         .arg(QStringLiteral("7"))
                         .arg(QStringLiteral("8"))
                         .arg(QStringLiteral("9"))
                         .arg(QStringLiteral("ten"))
                         .english(),
                 QStringLiteral("ten then one"));
    }

    void verbatimAndEmpty()
    {
        QVERIFY(Sentence().isEmpty());
        QVERIFY(Sentence().english().isEmpty());
        QVERIFY(Sentence::verbatim({}).isEmpty());
        const Sentence tenant = Sentence::verbatim(QStringLiteral("HTTP 500: Kaputt %1"));
        QVERIFY(!tenant.isEmpty());
        QCOMPARE(tenant.english(), QStringLiteral("HTTP 500: Kaputt %1"));
        QCOMPARE(tenant.translated(), tenant.english());
        QVERIFY(tenant == Sentence::verbatim(QStringLiteral("HTTP 500: Kaputt %1")));
        QVERIFY(!(tenant == Sentence()));
    }

    void joinedKeepsBothReadings()
    {
        GermanTranslator german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const Sentence joined = Sentence::joined(
                {Sentence::translate("Test", "the request was cancelled"), Sentence::verbatim(QStringLiteral("X"))},
                QStringLiteral("; "));
        QCOMPARE(joined.english(), QStringLiteral("the request was cancelled; X"));
        QCOMPARE(joined.translated(), QStringLiteral("die Anfrage wurde abgebrochen; X"));
        QVERIFY(QCoreApplication::removeTranslator(&german));
        QVERIFY(Sentence::joined({}, QStringLiteral("; ")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSentence)
#include "tst_sentence.moc"

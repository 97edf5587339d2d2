#include "client/PollStops.h"

#include <QTest>

using Reason = PollStops::Reason;
using Demand = PollStops::Demand;

class TestPollStops : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noReasonAllowsEverything()
    {
        const PollStops none;
        QVERIFY(none.isEmpty());
        QVERIFY(none.allows(Demand::Timed));
        QVERIFY(none.allows(Demand::OnRequest));
        QVERIFY(none.why().isEmpty());
    }

    void eachReasonAlone_data()
    {
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<bool>("onRequest");
        QTest::newRow("paused") << Reason::Paused << true;
        QTest::newRow("credentials refused") << Reason::CredentialsRefused << false;
        QTest::newRow("request refused") << Reason::RequestRefused << false;
        QTest::newRow("misconfigured") << Reason::Misconfigured << false;
    }
    void eachReasonAlone()
    {
        QFETCH(Reason, reason);
        QFETCH(bool, onRequest);
        const Sentence why = Sentence::verbatim(QStringLiteral("because"));
        const PollStops stops = PollStops().with(reason, true, why);
        QVERIFY(stops.has(reason));
        QVERIFY(!stops.isEmpty());
        QVERIFY(!stops.allows(Demand::Timed)); // every reason stops the timed checks
        QCOMPARE(stops.allows(Demand::OnRequest), onRequest);
        // Only reasons that stop requests explain themselves in the connection state.
        QCOMPARE(stops.why().english(), onRequest ? QString() : QStringLiteral("because"));
        const PollStops lifted = stops.with(reason, false);
        QVERIFY(lifted.isEmpty());
        QVERIFY(lifted == PollStops());
    }

    void reasonsCombine()
    {
        const PollStops paused = PollStops().with(Reason::Paused, true);
        const PollStops both =
                paused.with(Reason::CredentialsRefused, true, Sentence::verbatim(QStringLiteral("refused")));
        QVERIFY(both.has(Reason::Paused) && both.has(Reason::CredentialsRefused));
        QVERIFY(!both.allows(Demand::OnRequest));
        // New credentials lift the refusal; the pause stays.
        const PollStops later = both.with(Reason::CredentialsRefused, false);
        QVERIFY(later == paused);
        QVERIFY(later.allows(Demand::OnRequest));
        QVERIFY(!later.allows(Demand::Timed));
    }

    void whyPrefersRefusedCredentialsThenTheProfile()
    {
        const PollStops stops =
                PollStops()
                        .with(Reason::RequestRefused, true, Sentence::verbatim(QStringLiteral("url")))
                        .with(Reason::Misconfigured, true, Sentence::verbatim(QStringLiteral("secret")));
        QCOMPARE(stops.why().english(), QStringLiteral("secret"));
        QCOMPARE(stops.with(Reason::Misconfigured, false).why().english(), QStringLiteral("url"));
        const PollStops refused =
                stops.with(Reason::CredentialsRefused, true, Sentence::verbatim(QStringLiteral("401")));
        QCOMPARE(refused.why().english(), QStringLiteral("401"));
    }

    void aNewExplanationIsAChange()
    {
        const PollStops a = PollStops().with(Reason::Misconfigured, true, Sentence::verbatim(QStringLiteral("a")));
        const PollStops b = a.with(Reason::Misconfigured, true, Sentence::verbatim(QStringLiteral("b")));
        QVERIFY(!(a == b));
        QVERIFY(a == PollStops().with(Reason::Misconfigured, true, Sentence::verbatim(QStringLiteral("a"))));
    }
};

QTEST_GUILESS_MAIN(TestPollStops)
#include "tst_pollstops.moc"

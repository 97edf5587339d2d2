#include "sim/FaultInjector.h"

#include <QTest>

using Fault = FaultInjector::Fault;

class TestFaultInjector : public QObject
{
    Q_OBJECT

private:
    static QList<FaultInjector::Decision> draw(FaultInjector &faults, int count)
    {
        QList<FaultInjector::Decision> decisions;
        for (int i = 0; i < count; ++i)
            decisions.append(faults.next());
        return decisions;
    }
    static bool same(const QList<FaultInjector::Decision> &a, const QList<FaultInjector::Decision> &b)
    {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).fault != b.at(i).fault || a.at(i).latencyMs != b.at(i).latencyMs)
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void noFaultsByDefault()
    {
        FaultInjector faults(0, 0, 0, 0, 0, 1);
        for (const FaultInjector::Decision &decision : draw(faults, 1000)) {
            QCOMPARE(decision.fault, Fault::None);
            QCOMPARE(decision.latencyMs, 0);
        }
    }

    void ratesAreHonoured()
    {
        FaultInjector faults(0.1, 0.2, 0.3, 0, 0, 99);
        QHash<Fault, int> counts;
        for (const FaultInjector::Decision &decision : draw(faults, 10000))
            ++counts[decision.fault];
        QVERIFY(qAbs(counts[Fault::Drop] - 1000) < 200);
        QVERIFY(qAbs(counts[Fault::Fail] - 2000) < 250);
        QVERIFY(qAbs(counts[Fault::Truncate] - 3000) < 300);
        QVERIFY(qAbs(counts[Fault::None] - 4000) < 300);
    }

    void everyRequestAtRateOne()
    {
        FaultInjector drop(1, 0, 0, 0, 0, 5);
        FaultInjector fail(0, 1, 0, 0, 0, 5);
        FaultInjector truncate(0, 0, 1, 0, 0, 5);
        for (int i = 0; i < 100; ++i) {
            QCOMPARE(drop.next().fault, Fault::Drop);
            QCOMPARE(fail.next().fault, Fault::Fail);
            QCOMPARE(truncate.next().fault, Fault::Truncate);
        }
    }

    void latencyWithinRange()
    {
        FaultInjector faults(0, 0, 0, 20, 30, 3);
        QSet<int> seen;
        for (const FaultInjector::Decision &decision : draw(faults, 1000)) {
            QVERIFY(decision.latencyMs >= 20 && decision.latencyMs <= 30);
            seen.insert(decision.latencyMs);
        }
        QCOMPARE(seen.size(), 11);
        FaultInjector fixed(0, 0, 0, 15, 15, 3);
        QCOMPARE(fixed.next().latencyMs, 15);
    }

    void deterministicUnderSeed()
    {
        FaultInjector a(0.2, 0.2, 0.2, 0, 100, 1234);
        FaultInjector b(0.2, 0.2, 0.2, 0, 100, 1234);
        FaultInjector c(0.2, 0.2, 0.2, 0, 100, 1235);
        const QList<FaultInjector::Decision> first = draw(a, 200);
        QVERIFY(same(first, draw(b, 200)));
        QVERIFY(!same(first, draw(c, 200)));
        a.reset();
        QVERIFY(same(first, draw(a, 200)));
    }
};

QTEST_APPLESS_MAIN(TestFaultInjector)
#include "tst_faultinjector.moc"

#include <QTest>

class TestTaskid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_GUILESS_MAIN(TestTaskid)
#include "tst_taskid.moc"

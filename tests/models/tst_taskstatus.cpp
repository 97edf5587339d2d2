#include <QTest>

class TestTaskstatus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_GUILESS_MAIN(TestTaskstatus)
#include "tst_taskstatus.moc"

#include <QTest>

class TestApierror : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QVERIFY(true); }
};

QTEST_GUILESS_MAIN(TestApierror)
#include "tst_apierror.moc"

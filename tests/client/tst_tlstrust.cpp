#include "client/TlsTrust.h"

#include <QSet>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

// TlsTrust without a network: a CA file's certificates come on top of every system root (Qt turns off the
// on-demand loading of system roots once a configuration holds CA certificates), the system's roots are read
// once and shared, unusable files say why, and refusals name the certificate's facts. tests/hardening/tst_tls
// shows the same against real handshakes.
class TestTlsTrust : public QObject
{
    Q_OBJECT

    const QString m_data = QStringLiteral(TASKWATCH_CLIENT_TEST_DATA);

    QSslCertificate server() const
    {
        return QSslCertificate::fromPath(m_data + QStringLiteral("/localhost.pem")).value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSslSocket::supportsSsl())
            QSKIP("Qt has no TLS backend here");
    }

    void withoutCaFileTheDefaultConfigurationIsKept()
    {
        const TlsTrust::Trust trust = TlsTrust::forCaFile({});
        QVERIFY(trust.problem.isEmpty());
        QCOMPARE(trust.extraCertificates, 0);
        QCOMPARE(trust.ssl.caCertificates(), QSslConfiguration::defaultConfiguration().caCertificates());
    }

    void caFileAddsToEverySystemRoot()
    {
        const QList<QSslCertificate> roots = TlsTrust::systemRoots();
        QVERIFY2(!roots.isEmpty(), "this computer has no system root certificates");
        const TlsTrust::Trust trust = TlsTrust::forCaFile(m_data + QStringLiteral("/test-ca.pem"));
        QVERIFY2(trust.problem.isEmpty(), qPrintable(trust.problem.english()));
        QCOMPARE(trust.extraCertificates, 1);
        const QList<QSslCertificate> trusted = trust.ssl.caCertificates();
        const QSslCertificate testCa = QSslCertificate::fromPath(m_data + QStringLiteral("/test-ca.pem")).value(0);
        QVERIFY(trusted.contains(testCa));
        for (const QSslCertificate &root : roots)
            QVERIFY2(trusted.contains(root), qPrintable(root.subjectDisplayName()));
        QCOMPARE(trusted.size(), QSslConfiguration::defaultConfiguration().caCertificates().size() + roots.size() + 1);
    }

    void systemRootsAreReadOnceAndShared()
    {
        const QList<QSslCertificate> first = TlsTrust::systemRoots();
        const QList<QSslCertificate> second = TlsTrust::systemRoots();
        QCOMPARE(first.constData(), second.constData()); // the same list, not a second read
        const QSet<QSslCertificate> unique(first.cbegin(), first.cend());
        QCOMPARE(unique.size(), first.size());
    }

    void unusableFilesSayWhy()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("missing.pem"));
        QVERIFY(TlsTrust::forCaFile(missing).problem.english().startsWith(QStringLiteral("Cannot read the CA file ")
                                                                          + missing));
        const QString key = m_data + QStringLiteral("/localhost.key"); // a key, not a certificate
        QCOMPARE(TlsTrust::forCaFile(key).problem.english(),
                 QStringLiteral("The CA file %1 holds no PEM or DER certificate.").arg(key));
        QVERIFY(TlsTrust::forCaFile(dir.path()).problem.english().contains(dir.path()));
    }

    void refusalsNameTheCertificatesFacts()
    {
        const QSslCertificate certificate = server();
        QVERIFY(!certificate.isNull());
        const QString mismatch = TlsTrust::describe(QSslError(QSslError::HostNameMismatch, certificate)).english();
        QVERIFY2(mismatch.contains(QStringLiteral("host name did not match")), qPrintable(mismatch));
        QVERIFY2(mismatch.contains(QStringLiteral("127.0.0.1")) && mismatch.contains(QStringLiteral("localhost")),
                 qPrintable(mismatch));
        const QString expired = TlsTrust::describe(QSslError(QSslError::CertificateExpired, certificate)).english();
        QVERIFY2(expired.contains(QStringLiteral("expired on")) && expired.contains(QStringLiteral("2126")),
                 qPrintable(expired));
        const QString early = TlsTrust::describe(QSslError(QSslError::CertificateNotYetValid, certificate)).english();
        QVERIFY2(early.contains(QStringLiteral("valid from")), qPrintable(early));
        const QString other = TlsTrust::describe(QSslError(QSslError::SelfSignedCertificate, certificate)).english();
        QCOMPARE(other, QSslError(QSslError::SelfSignedCertificate, certificate).errorString());
        QCOMPARE(TlsTrust::describe(QSslError(QSslError::HostNameMismatch)).english(),
                 QSslError(QSslError::HostNameMismatch).errorString());
    }
};

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"

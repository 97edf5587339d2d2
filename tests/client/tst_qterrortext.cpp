#include "client/QtErrorText.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

namespace {

// Stands in for qtbase_de: translates the two sentences QtErrorText asks about and the ones Qt would show.
class QtGerman : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QString key = QString::fromUtf8(context) + u'|' + QString::fromUtf8(source);
        if (key == u"QNetworkAccessManager|Connection refused")
            return QStringLiteral("Verbindung verweigert");
        if (key == u"QSslSocket|The certificate has expired")
            return QStringLiteral("Die Gültigkeit des Zertifikats ist abgelaufen");
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestQtErrorText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enumKeysReadAsWords()
    {
        QCOMPARE(QtErrorText::words("ConnectionRefusedError"), QStringLiteral("Connection refused error"));
        QCOMPARE(QtErrorText::words("CertificateExpired"), QStringLiteral("Certificate expired"));
        QCOMPARE(QtErrorText::words("SslHandshakeFailedError"), QStringLiteral("Ssl handshake failed error"));
        QCOMPARE(QtErrorText::words("HostNameMismatch"), QStringLiteral("Host name mismatch"));
    }

    void englishQtKeepsItsSentence()
    {
        const Sentence refused =
                QtErrorText::network(QNetworkReply::ConnectionRefusedError, QStringLiteral("Connection refused"));
        QCOMPARE(refused.english(), QStringLiteral("Connection refused"));
        QCOMPARE(refused.translated(), QStringLiteral("Connection refused"));
    }

    // With Qt's German installed, errorString() is German: the English reading names the error instead.
    void translatedQtNeverReachesTheEnglishReading()
    {
        QtGerman german;
        QVERIFY(QCoreApplication::installTranslator(&german));
        const Sentence refused =
                QtErrorText::network(QNetworkReply::ConnectionRefusedError, QStringLiteral("Verbindung verweigert"));
        QCOMPARE(refused.english(), QStringLiteral("Connection refused error"));
        QCOMPARE(refused.translated(), QStringLiteral("Verbindung verweigert"));
#if QT_CONFIG(ssl)
        const Sentence expired = QtErrorText::ssl(QSslError(QSslError::CertificateExpired));
        QCOMPARE(expired.english(), QStringLiteral("Certificate expired"));
        QCOMPARE(expired.translated(), QSslError(QSslError::CertificateExpired).errorString());
#endif
        QVERIFY(QCoreApplication::removeTranslator(&german));
    }
};

QTEST_GUILESS_MAIN(TestQtErrorText)
#include "tst_qterrortext.moc"

#include "SimTcpServer.h"

#include "SimLog.h"

#include <QFile>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#endif

bool SimTcpServer::tlsSupported()
{
#if QT_CONFIG(ssl)
    return QSslSocket::supportsSsl();
#else
    return false;
#endif
}

bool SimTcpServer::useTls(const QString &certificateFile, const QString &keyFile, QString *error)
{
#if QT_CONFIG(ssl)
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!tlsSupported())
        return fail(QStringLiteral("TLS is not available (no OpenSSL backend for Qt)"));
    QFile certificate(certificateFile);
    if (!certificate.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the TLS certificate %1: %2")
                            .arg(certificateFile, certificate.errorString()));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificate.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return fail(QStringLiteral("the TLS certificate %1 holds no PEM certificate").arg(certificateFile));
    QFile keyData(keyFile);
    if (!keyData.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read the TLS key %1: %2").arg(keyFile, keyData.errorString()));
    const QByteArray pem = keyData.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(QStringLiteral("the TLS key %1 holds no unencrypted PEM RSA or EC private key").arg(keyFile));

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(chain.first());
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens, not certificates
    m_tls = tls;
    return true;
#else
    Q_UNUSED(certificateFile)
    Q_UNUSED(keyFile)
    if (error)
        *error = QStringLiteral("this build of taskwatch-sim has no TLS support");
    return false;
#endif
}

bool SimTcpServer::isTls() const
{
#if QT_CONFIG(ssl)
    return m_tls.has_value();
#else
    return false;
#endif
}

void SimTcpServer::incomingConnection(qintptr descriptor)
{
#if QT_CONFIG(ssl)
    if (m_tls) {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->setSslConfiguration(*m_tls);
        // A client that refuses the certificate just closes: log why, the connection cleans up on close.
        connect(socket, &QSslSocket::sslErrors, socket, [](const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                qCInfo(lcSim).noquote() << "TLS handshake:" << error.errorString();
        });
        // Handed out at once: HttpConnection sees bytes only once the handshake is done and they decrypt.
        addPendingConnection(socket);
        socket->startServerEncryption();
        return;
    }
#endif
    QTcpServer::incomingConnection(descriptor);
}

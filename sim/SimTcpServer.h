#pragma once

#include <QTcpServer>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <optional>

// The simulator's listening socket: plain TCP, or TLS when given a certificate and key. Qt 6.4's
// QSslServer hands out connections only after their handshake and has changed since; a QTcpServer that
// wraps each accepted descriptor in a QSslSocket works the same on every Qt 6, and HttpConnection reads
// the decrypted bytes through the QTcpSocket interface either way.
class SimTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    using QTcpServer::QTcpServer;

    static bool tlsSupported();
    // Reads a PEM certificate (chain) and a PEM private key (RSA or EC) and serves TLS with them from the
    // next connection on; false with `error` saying what is wrong with the files.
    bool useTls(const QString &certificateFile, const QString &keyFile, QString *error);
    bool isTls() const;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
#if QT_CONFIG(ssl)
    std::optional<QSslConfiguration> m_tls;
#endif
};

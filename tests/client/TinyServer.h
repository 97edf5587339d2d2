#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

// A few lines of HTTP/1.1 on loopback for the edge cases the simulated tenant cannot produce (it is
// strict and correct by design): capturing request headers, absurd token answers, silence.
// One request per connection (answers carry Connection: close), unless an answer is made with keepAlive():
// then the connection stays open for the client's next request, which closed() can answer by hanging up.
class TinyServer
{
public:
    struct Request
    {
        QByteArray method;
        QByteArray target;
        QHash<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
        int connection = 0; // which connection it came on: 1 for the first one accepted
    };
    // The whole raw response; an empty one means "never answer".
    using Handler = std::function<QByteArray(const Request &)>;

    // With a TLS configuration (certificate and key) it speaks HTTPS.
    explicit TinyServer(Handler handler, const std::optional<QSslConfiguration> &tls = std::nullopt)
        : m_handler(std::move(handler))
    {
        if (tls) {
            auto *server = new QSslServer;
            server->setSslConfiguration(*tls);
            m_server.reset(server);
            m_scheme = QStringLiteral("https");
            QObject::connect(server, &QSslServer::pendingConnectionAvailable, server, [this] { accept(); });
        } else {
            m_server = std::make_unique<QTcpServer>();
            QObject::connect(m_server.get(), &QTcpServer::newConnection, m_server.get(), [this] { accept(); });
        }
        m_server->listen(QHostAddress::LocalHost);
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(m_scheme).arg(m_server->serverPort())); }
    const QList<Request> &requests() const { return m_requests; }
    qsizetype count(const QByteArray &method, const QByteArray &pathStart) const
    {
        qsizetype n = 0;
        for (const Request &request : m_requests)
            n += request.method == method && request.target.startsWith(pathStart) ? 1 : 0;
        return n;
    }

    static QByteArray response(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
    }
    static QByteArray keepAlive(int status, const QByteArray &body)
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: keep-alive\r\n\r\n" + body;
    }
    // Not an answer: the connection is closed without one (on a reused keep-alive connection, the moment an
    // HTTP client may send the request again by itself).
    static QByteArray closed() { return QByteArrayLiteral("\0close"); }
    int connections() const { return m_connections; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            const int connection = ++m_connections;
            auto *buffer = new QByteArray;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                delete buffer;
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, connection] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request request;
                request.connection = connection;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines.at(i).indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                               lines.at(i).mid(colon + 1).trimmed());
                }
                const qsizetype length = request.headers.value("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->clear();
                m_requests.append(request);
                const QByteArray answer = m_handler(request);
                if (answer == closed()) {
                    socket->disconnectFromHost();
                } else if (!answer.isEmpty()) {
                    socket->write(answer);
                    if (!answer.contains("\r\nConnection: keep-alive\r\n"))
                        socket->disconnectFromHost();
                }
            });
        }
    }

    std::unique_ptr<QTcpServer> m_server;
    QString m_scheme = QStringLiteral("http");
    int m_handshakeFailures = 0;
    int m_connections = 0;
    Handler m_handler;
    QList<Request> m_requests;
};

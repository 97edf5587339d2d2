#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

// A tenant that misbehaves on purpose, on loopback: it issues tokens like SailPoint, but answers every
// task-status request with a body that is huge (announced or chunked) or never ends. It also counts every
// connection and request line, so tests can show that a refused URL never reached it (proxied requests
// arrive here as CONNECT or absolute-URL lines when it is set as the HTTP proxy).
class HostileServer : public QObject
{
public:
    enum class Answer {
        Huge, // 200 with Content-Length: 50 MB, and the bytes
        HugeChunked, // 200, chunked, 50 MB in all
        Endless, // 200, chunked, a few bytes every 50 ms, forever
    };
    static constexpr qint64 hugeBytes = 50 * 1024 * 1024;

    explicit HostileServer(Answer answer = Answer::Huge)
        : m_answer(answer)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HostileServer::accept);
        m_server.listen(QHostAddress::LocalHost);
    }

    ~HostileServer() override
    {
        // The connections' handlers use the members below: end the connections while those still exist.
        m_server.close();
        qDeleteAll(m_server.findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly));
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }
    const QList<QByteArray> &requestLines() const { return m_requestLines; }
    qint64 bodyBytesSent() const { return m_bodyBytesSent; }

private:
    struct Stream
    {
        qint64 left = 0; // body bytes still to send; -1: endless
        bool chunked = false;
    };

    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        const QByteArray line = head.left(head.indexOf("\r\n"));
        qsizetype length = 0;
        for (const QByteArray &header : head.split('\n')) {
            if (header.toLower().startsWith("content-length:"))
                length = header.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return;
        buffer.clear();
        m_requestLines.append(line);
        if (line.startsWith("CONNECT ")) { // a proxy request: counted, refused
            socket->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
            return;
        }
        if (line.startsWith("POST ") && line.contains("/oauth/token")) {
            const QByteArray body = R"({"access_token":"hostile.token.value","token_type":"bearer","expires_in":600})";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            return;
        }
        startStream(socket);
    }

    void startStream(QTcpSocket *socket)
    {
        Stream stream;
        if (m_answer == Answer::Huge) {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(hugeBytes) + "\r\n\r\n");
            stream.left = hugeBytes;
        } else {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
            stream.left = m_answer == Answer::Endless ? -1 : hugeBytes;
            stream.chunked = true;
        }
        const QPointer<QTcpSocket> guard(socket);
        if (stream.left < 0) {
            auto *timer = new QTimer(socket);
            connect(timer, &QTimer::timeout, socket, [this, socket] {
                socket->write("10\r\n[               \r\n"); // 16 bytes of a JSON array that never closes
                m_bodyBytesSent += 16;
            });
            timer->start(50);
            return;
        }
        // Keep a few chunks queued; more whenever the client has taken some.
        auto pump = [this, guard, stream]() mutable {
            while (guard && stream.left > 0 && guard->bytesToWrite() < 1024 * 1024) {
                const qint64 size = std::min<qint64>(stream.left, 64 * 1024);
                const QByteArray bytes(size, ' ');
                if (stream.chunked)
                    guard->write(QByteArray::number(size, 16) + "\r\n" + bytes + "\r\n");
                else
                    guard->write(bytes);
                stream.left -= size;
                m_bodyBytesSent += size;
                if (stream.left == 0 && stream.chunked)
                    guard->write("0\r\n\r\n");
            }
        };
        connect(socket, &QTcpSocket::bytesWritten, socket, pump);
        pump();
    }

    Answer m_answer;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_requestLines;
    int m_connections = 0;
    qint64 m_bodyBytesSent = 0;
};

#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

// A byte-for-byte relay on loopback between the engine and the simulated tenant that keeps the request
// target of every HTTP request passing through, and every byte answered: the tests read from it exactly which
// filters the tenant received and which tokens the engine was given, without the tenant (or the engine) telling.
class RecordingProxy : public QObject
{
public:
    explicit RecordingProxy(const QUrl &upstream)
        : m_upstream(upstream)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &RecordingProxy::accept);
        m_server.listen(QHostAddress::LocalHost);
    }

    ~RecordingProxy() override
    {
        // The connections' handlers use the members below: end the connections while those still exist.
        m_server.close();
        qDeleteAll(m_server.findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly));
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    // "GET /v2025/task-status?limit=…" as sent, in order of arrival.
    const QList<QByteArray> &requests() const { return m_requests; }
    // Every byte the tenant sent back, all connections one after another.
    const QByteArray &answers() const { return m_answers; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            auto *pending = new QByteArray; // client bytes not parsed into whole requests yet
            connect(client, &QObject::destroyed, client, [pending] { delete pending; });
            connect(client, &QTcpSocket::readyRead, client, [this, client, upstream, pending] {
                const QByteArray bytes = client->readAll();
                record(*pending, bytes);
                m_unsent[upstream] += bytes;
                flush(upstream);
            });
            connect(upstream, &QTcpSocket::connected, upstream, [this, upstream] { flush(upstream); });
            connect(upstream, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
                const QByteArray bytes = upstream->readAll();
                m_answers += bytes;
                client->write(bytes);
            });
            connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            connect(client, &QTcpSocket::disconnected, client, [this, client, upstream] {
                m_unsent.remove(upstream);
                upstream->abort();
                client->deleteLater();
            });
            upstream->connectToHost(m_upstream.host(), quint16(m_upstream.port()));
        }
    }

    void flush(QTcpSocket *upstream)
    {
        if (upstream->state() != QAbstractSocket::ConnectedState)
            return;
        const QByteArray bytes = m_unsent.take(upstream);
        if (!bytes.isEmpty())
            upstream->write(bytes);
    }

    // Splits the client's stream into requests (head, then Content-Length bytes of body).
    void record(QByteArray &pending, const QByteArray &bytes)
    {
        pending += bytes;
        for (;;) {
            const qsizetype end = pending.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = pending.left(end);
            qsizetype length = 0;
            for (const QByteArray &header : head.split('\n')) {
                if (header.toLower().startsWith("content-length:"))
                    length = header.mid(15).trimmed().toLongLong();
            }
            if (pending.size() < end + 4 + length)
                return;
            m_requests.append(head.left(head.indexOf("\r\n")));
            pending.remove(0, end + 4 + length);
        }
    }

    QUrl m_upstream;
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_unsent;
    QList<QByteArray> m_requests;
    QByteArray m_answers;
};

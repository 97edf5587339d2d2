#include "HttpConnection.h"

#include "SimErrors.h"

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, int idleTimeoutMs, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
{
    socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        // Idle keep-alive connection, or a client that never finishes its request.
        if (!m_waiting)
            drop();
    });
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readRequests);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    m_idle.start();
    // Bytes may have arrived before this object connected to readyRead.
    QMetaObject::invokeMethod(this, &HttpConnection::readRequests, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    // Quietly: no signals from a connection that is going away.
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

QHostAddress HttpConnection::peerAddress() const
{
    return m_socket ? m_socket->peerAddress() : QHostAddress();
}

void HttpConnection::readRequests()
{
    if (!m_socket || m_closing)
        return;
    m_buffer.append(m_socket->readAll());
    if (m_waiting || m_buffer.isEmpty())
        return;
    m_idle.start();

    HttpParseResult result = parseHttpRequest(m_buffer, m_limits);
    switch (result.status) {
    case HttpParseResult::Status::NeedMore:
        m_buffer.remove(0, result.consumed);
        if (result.expectsContinue && !m_sentContinue) {
            m_sentContinue = true;
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        return;
    case HttpParseResult::Status::Error: {
        // The rest of the stream cannot be trusted to start a new request: answer and close.
        m_waiting = true;
        m_buffer.clear();
        Q_EMIT requestRejected(result.errorStatus, result.method);
        m_keepAlive = false;
        const HttpResponse refusal = SimErrors::protocolError(result.errorStatus, result.errorReason);
        write(result.method == "HEAD" ? refusal.serializedHead(false) : refusal.serialized(false), true);
        return;
    }
    case HttpParseResult::Status::Complete:
        m_buffer.remove(0, result.consumed);
        m_waiting = true;
        m_sentContinue = false;
        m_keepAlive = result.request.keepAlive;
        m_headOnly = result.request.method == "HEAD";
        Q_EMIT requestReceived(result.request);
        return;
    }
}

void HttpConnection::respond(const HttpResponse &response)
{
    if (!m_waiting || m_closing)
        return;
    write(m_headOnly ? response.serializedHead(m_keepAlive) : response.serialized(m_keepAlive), !m_keepAlive);
}

void HttpConnection::respondTruncated(const HttpResponse &response, qsizetype bodyBytes)
{
    if (!m_waiting || m_closing)
        return;
    write(response.serializedHead(false) + (m_headOnly ? QByteArray() : response.body.left(bodyBytes)), true);
}

void HttpConnection::drop()
{
    m_closing = true;
    m_waiting = false;
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

void HttpConnection::write(const QByteArray &bytes, bool close)
{
    if (!m_socket)
        return;
    m_socket->write(bytes);
    m_waiting = false;
    m_idle.start();
    if (close) {
        closeAfterWrite();
        return;
    }
    // A pipelined request may already be buffered.
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::readRequests, Qt::QueuedConnection);
}

void HttpConnection::closeAfterWrite()
{
    m_closing = true;
    // disconnectFromHost() sends what is buffered, then closes.
    if (m_socket)
        m_socket->disconnectFromHost();
}

void HttpConnection::onDisconnected()
{
    m_idle.stop();
    if (m_closedSignalled)
        return;
    m_closedSignalled = true;
    Q_EMIT closed();
}

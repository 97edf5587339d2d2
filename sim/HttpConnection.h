#pragma once

#include "HttpRequestParser.h"
#include "HttpResponse.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

// One client connection of the hand-written HTTP/1.1 server: reads requests one at a time (a pipelined
// request waits until the one before it is answered), writes responses in order, keeps the connection
// alive when the client wants, and closes it when idle. The server decides what to answer — including
// faults: no answer at all, or a body cut short.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, int idleTimeoutMs, QObject *parent = nullptr);
    ~HttpConnection() override;

    // The answer to a HEAD request is sent without its body (Content-Length as for GET, RFC 9110 9.3.2).
    void respond(const HttpResponse &response);
    // Announces the whole body in Content-Length, sends only `bodyBytes` of it, then closes.
    void respondTruncated(const HttpResponse &response, qsizetype bodyBytes);
    // Closes the connection without any response.
    void drop();

    bool isWaitingForResponse() const { return m_waiting; }
    QHostAddress peerAddress() const;

Q_SIGNALS:
    void requestReceived(const HttpRequest &request);
    // The request could not be read; the connection has answered `status` and closes.
    void requestRejected(int status, const QByteArray &method);
    void closed();

private:
    void readRequests();
    void write(const QByteArray &bytes, bool close);
    void closeAfterWrite();
    void onDisconnected();

    QPointer<QTcpSocket> m_socket;
    HttpLimits m_limits;
    QByteArray m_buffer;
    QTimer m_idle;
    bool m_waiting = false; // a request is with the server; read no further until it is answered
    bool m_keepAlive = true; // of the request being answered
    bool m_headOnly = false; // the request being answered is a HEAD
    bool m_closing = false;
    bool m_sentContinue = false;
    bool m_closedSignalled = false;
};

#include "client/ApiRoutes.h"
#include "client/ApiTransport.h"
#include "client/TokenProvider.h"
#include "sim/HttpRequestParser.h"
#include "sim/SimServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <optional>

// Retry-After, beyond the soak: the simulator's requestsDuringRetryAfter really counts a client that ignores
// it (the soak asserts 0), and the two 429s the soak met that let the transport send during a wait before the
// fix: a 429 whose body was cut short (it counted as a dropped connection), and the 429 that makes the
// transport give up on a request (it reached the caller without holding the others). A small tenant on
// loopback counts, as the simulator does, the requests that arrive while a Retry-After it sent is in force.
class RetryAfterTenant : public QObject
{
public:
    enum class Mode { TruncatedOnce, AlwaysForPathA };

    explicit RetryAfterTenant(Mode mode)
        : m_mode(mode)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        });
        m_server.listen(QHostAddress::LocalHost);
        m_clock.start();
    }
    ~RetryAfterTenant() override
    {
        m_server.close();
        qDeleteAll(m_server.findChildren<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly));
    }

    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int rateLimited = 0; // 429s sent
    int duringRetryAfter = 0; // API requests that arrived while one was in force
    int apiRequests = 0;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const HttpParseResult parsed = parseHttpRequest(buffer); // the sim's own reader
        if (parsed.status != HttpParseResult::Status::Complete)
            return; // the client under test sends only well-formed requests; more bytes may follow
        buffer.remove(0, parsed.consumed);
        const HttpRequest &request = parsed.request;

        if (request.method == "POST") {
            answer(socket, 200, R"({"access_token":"t.t.t","token_type":"bearer","expires_in":600})");
            return;
        }
        ++apiRequests;
        if (m_clock.elapsed() < m_retryAfterEnd)
            ++duringRetryAfter;
        const bool limit =
                m_mode == Mode::TruncatedOnce ? rateLimited == 0 : request.method == "GET" && request.target == "/a";
        if (!limit) {
            answer(socket, 200, "{}");
            return;
        }
        ++rateLimited;
        m_retryAfterEnd = m_clock.elapsed() + 1000;
        const QByteArray body = R"({"message":" Rate Limit Exceeded "})";
        const QByteArray head = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n";
        if (m_mode == Mode::TruncatedOnce) {
            socket->write(head + body.left(10)); // the whole head, half the body, then the connection closes
            socket->disconnectFromHost();
        } else {
            socket->write(head + body);
        }
    }

    static void answer(QTcpSocket *socket, int status, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + QByteArray::number(status)
                      + " X\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n\r\n" + body);
    }

    Mode m_mode;
    QTcpServer m_server;
    QElapsedTimer m_clock;
    qint64 m_retryAfterEnd = 0;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

class TestRetryAfterHold : public QObject
{
    Q_OBJECT

    struct Call
    {
        std::optional<ApiResponse> response;
    };

    static void send(ApiTransport &transport, const QUrl &url, Call &call)
    {
        transport.get(url, nullptr, [&call](const ApiResponse &response) { call.response = response; });
    }

    static int get(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        request.setRawHeader("X-SailPoint-Experimental", "true");
        std::unique_ptr<QNetworkReply> reply(manager.get(request));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(30000))
            return -1;
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

private Q_SLOTS:
    void simCountsRequestsThatIgnoreRetryAfter()
    {
        // The simulator's requestsDuringRetryAfter (asserted 0 by the fault soak) does count a client
        // that ignores Retry-After, as SailPoint's SDKs do.
        SimConfig config;
        config.rateLimitRequests = 1;
        config.rateLimitSeconds = 60;
        SimServer sim(config);
        QVERIFY(sim.listen());
        QNetworkAccessManager manager;
        QNetworkRequest tokenRequest(ApiRoutes::tokenUrl(sim.baseUrl()));
        tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader,
                               QByteArrayLiteral("application/x-www-form-urlencoded"));
        std::unique_ptr<QNetworkReply> tokenReply(
                manager.post(tokenRequest, "grant_type=client_credentials&client_id=demo&client_secret=demo"));
        QSignalSpy issued(tokenReply.get(), &QNetworkReply::finished);
        QVERIFY(issued.wait(30000));
        const QByteArray token =
                QJsonDocument::fromJson(tokenReply->readAll()).object().value(u"access_token").toString().toLatin1();
        QVERIFY(!token.isEmpty());

        const QUrl v2025 = ApiRoutes::taskUrl(sim.baseUrl(), ApiVersion::V2025, QStringLiteral("x"));
        const QUrl beta = ApiRoutes::taskUrl(sim.baseUrl(), ApiVersion::Beta, QStringLiteral("x"));
        QCOMPARE(get(manager, v2025, token), 404); // admitted (no such task)
        QCOMPARE(get(manager, v2025, token), 429); // over the limit: Retry-After starts
        QCOMPARE(sim.stats().value(u"requestsDuringRetryAfter").toInteger(), 0);
        QCOMPARE(get(manager, beta, token), 404); // another API version has its own budget
        QCOMPARE(sim.stats().value(u"requestsDuringRetryAfter").toInteger(), 0);
        QCOMPARE(get(manager, v2025, token), 429); // sent during the wait
        QCOMPARE(get(manager, v2025, token), 429);
        QCOMPARE(sim.stats().value(u"requestsDuringRetryAfter").toInteger(), 2);
        sim.reset();
        QCOMPARE(sim.stats().value(u"requestsDuringRetryAfter").toInteger(), 0);
    }

    void truncatedRateLimitAnswerIsHonoured()
    {
        RetryAfterTenant tenant(RetryAfterTenant::Mode::TruncatedOnce);
        ApiTransport transport;
        transport.setMaxInFlight(1);
        transport.tokens()->setCredentials(ApiRoutes::tokenUrl(tenant.baseUrl()), QStringLiteral("demo"),
                                           QStringLiteral("demo"));
        QSignalSpy waits(&transport, &ApiTransport::rateLimited);
        Call calls[3];
        for (Call &call : calls)
            send(transport, tenant.baseUrl().resolved(QUrl(QStringLiteral("/b"))), call);
        QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(std::begin(calls), std::end(calls), [](const Call &c) { return c.response.has_value(); }),
                30000);
        QCOMPARE(tenant.rateLimited, 1);
        QCOMPARE(tenant.duringRetryAfter, 0);
        QCOMPARE(waits.count(), 1);
        // The cut-short 429 was retried after the wait like any 429: every call got its answer.
        for (const Call &call : calls)
            QCOMPARE(call.response->httpStatus, 200);
        QCOMPARE(tenant.apiRequests, 4);
    }

    void givingUpOnARequestStillHoldsTheOthers()
    {
        RetryAfterTenant tenant(RetryAfterTenant::Mode::AlwaysForPathA);
        ApiTransport transport;
        transport.setMaxInFlight(1);
        transport.tokens()->setCredentials(ApiRoutes::tokenUrl(tenant.baseUrl()), QStringLiteral("demo"),
                                           QStringLiteral("demo"));
        Call limited, other;
        send(transport, tenant.baseUrl().resolved(QUrl(QStringLiteral("/a"))), limited);
        send(transport, tenant.baseUrl().resolved(QUrl(QStringLiteral("/b"))), other);
        QTRY_VERIFY_WITH_TIMEOUT(limited.response && other.response, 60000);
        QCOMPARE(limited.response->httpStatus, 429); // given up after MaxRateLimitedRetries waits
        QCOMPARE(tenant.rateLimited, ApiTransport::MaxRateLimitedRetries + 1);
        QCOMPARE(other.response->httpStatus, 200);
        QCOMPARE(tenant.duringRetryAfter, 0); // the other request waited for the last Retry-After too
    }
};

QTEST_GUILESS_MAIN(TestRetryAfterHold)
#include "tst_retryafterhold.moc"

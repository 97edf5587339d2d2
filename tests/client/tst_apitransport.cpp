#include "ManualClock.h"
#include "SimFixture.h"
#include "TaskwatchVersion.h"
#include "TinyServer.h"
#include "client/ApiRoutes.h"
#include "client/ApiTransport.h"
#include "client/TokenProvider.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <list>

using namespace std::chrono;

namespace {

const QByteArray tokenAnswer = R"({"access_token":"tok","token_type":"bearer","expires_in":749})";

// Sends a GET and collects its answer.
struct Call
{
    std::optional<ApiResponse> response;
    void send(ApiTransport &transport, const QUrl &url)
    {
        transport.get(url, nullptr, [this](const ApiResponse &r) { response = r; });
    }
};

void useCredentials(ApiTransport &transport, const QUrl &base, const QString &secret = QStringLiteral("demo"))
{
    transport.tokens()->setCredentials(ApiRoutes::tokenUrl(base), QStringLiteral("demo"), secret);
}

QUrl taskUrl(const QUrl &base, const QString &id = QStringLiteral("abc"))
{
    return ApiRoutes::taskUrl(base, ApiVersion::V2025, id);
}

} // namespace

class TestApiTransport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sendsTheHeadersEveryRequestNeeds()
    {
        TinyServer server([](const TinyServer::Request &request) {
            return request.target == "/oauth/token" ? TinyServer::response(200, tokenAnswer)
                                                    : TinyServer::response(200, "{}");
        });
        ApiTransport transport;
        useCredentials(transport, server.baseUrl(), QStringLiteral("s3cr&t"));
        Call call;
        call.send(transport, taskUrl(server.baseUrl()));
        QTRY_VERIFY(call.response.has_value());
        QVERIFY(call.response->ok());
        QCOMPARE(server.requests().size(), 2);

        const TinyServer::Request &token = server.requests().at(0);
        QCOMPARE(token.method, QByteArray("POST"));
        QCOMPARE(token.headers.value("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(token.body, QByteArray("grant_type=client_credentials&client_id=demo&client_secret=s3cr%26t"));
        QVERIFY(!token.headers.contains("authorization"));

        const TinyServer::Request &get = server.requests().at(1);
        QCOMPARE(get.target, QByteArray("/v2025/task-status/abc"));
        QCOMPARE(get.headers.value("authorization"), QByteArray("Bearer tok"));
        QCOMPARE(get.headers.value("x-sailpoint-experimental"), QByteArray("true"));
        QCOMPARE(get.headers.value("accept"), QByteArray("application/json"));
        QVERIFY(get.headers.value("user-agent").startsWith("Taskwatch/" TASKWATCH_VERSION " "));
        QCOMPARE(transport.sentCount(), quint64(2));
    }

    void concurrentRequestsShareOneToken()
    {
        auto sim = startSim();
        const QString id = sim->addTask(scenarioTask(0, 60));
        ApiTransport transport;
        useCredentials(transport, sim->baseUrl());
        QList<Call> calls(20);
        for (Call &call : calls)
            call.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(std::all_of(calls.begin(), calls.end(), [](const Call &c) { return c.response.has_value(); }));
        for (const Call &call : calls)
            QCOMPARE(call.response->httpStatus, 200);
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 1);
        QCOMPARE(transport.tokens()->tokensObtained(), 1);
    }

    void renewsTheTokenBeforeItExpires()
    {
        SimConfig config;
        config.tokenTtlSeconds = 60;
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ManualClock clock;
        ApiTransport transport(clock.engine());
        useCredentials(transport, sim->baseUrl());
        Call first;
        first.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(first.response.has_value());
        clock.advance(seconds(44)); // still within the renewal margin (60 − 15 s): the same token
        Call second;
        second.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(second.response.has_value());
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 1);
        clock.advance(seconds(2)); // 46 s: due for renewal before the next request
        Call third;
        third.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(third.response.has_value());
        QVERIFY(third.response->ok());
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 2);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("401")), 0); // renewed, not refused
    }

    void tokenRenewalIgnoresWallClockSteps()
    {
        // A wall clock set an hour forwards does not throw a good token away; set back, it does not keep one
        // past its renewal time.
        SimConfig config;
        config.tokenTtlSeconds = 60;
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ManualClock clock;
        ApiTransport transport(clock.engine());
        useCredentials(transport, sim->baseUrl());
        Call first;
        first.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(first.response.has_value());
        clock.stepWall(hours(1));
        Call second;
        second.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(second.response.has_value());
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 1);
        clock.stepWall(-hours(2));
        clock.advance(seconds(46)); // due for renewal (60 s − 15 s), whatever the wall clock says
        Call third;
        third.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(third.response.has_value());
        QVERIFY(third.response->ok());
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 2);
    }

    void retryAfterHoldIgnoresWallClockSteps_data()
    {
        QTest::addColumn<int>("stepHours");
        QTest::newRow("wall clock +1 h") << 1;
        QTest::newRow("wall clock -1 h") << -1;
    }
    void retryAfterHoldIgnoresWallClockSteps()
    {
        // A 429 asks for 5 s. The wall clock is then set an hour forwards or back: nothing may go out before
        // the 5 s have passed on the monotonic clock (forwards ended the hold at once before), and requests
        // resume once they have (back held them an hour before). The labels follow the new wall time.
        QFETCH(int, stepHours);
        int gets = 0;
        TinyServer server([&gets](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, tokenAnswer);
            return ++gets == 1
                    ? TinyServer::response(429, R"({"message":" Rate Limit Exceeded "})", "Retry-After: 5\r\n")
                    : TinyServer::response(200, "{}");
        });
        ManualClock clock;
        ApiTransport transport(clock.engine());
        useCredentials(transport, server.baseUrl());
        QSignalSpy limited(&transport, &ApiTransport::rateLimited);
        Call first;
        first.send(transport, taskUrl(server.baseUrl(), QStringLiteral("a")));
        QTRY_COMPARE(limited.count(), 1);
        QCOMPARE(limited.first().first().toDateTime(), clock.now.addSecs(5));

        clock.stepWall(hours(stepHours));
        QSignalSpy sent(&transport, &ApiTransport::requestSent);
        Call second;
        second.send(transport, taskUrl(server.baseUrl(), QStringLiteral("b")));
        QVERIFY(!sent.wait(1500));
        QCOMPARE(gets, 1);
        QCOMPARE(transport.rateLimitedUntil(), clock.now.addSecs(5)); // "resuming at" on the new wall time

        clock.advance(seconds(5));
        QTRY_VERIFY_WITH_TIMEOUT(first.response && second.response, 20000);
        QCOMPARE(first.response->httpStatus, 200);
        QCOMPARE(second.response->httpStatus, 200);
        QCOMPARE(gets, 3);
    }

    void renewsTheTokenAfterA401AndRetriesOnce()
    {
        SimConfig config;
        config.tokenTtlSeconds = 1; // expires on the tenant long before Taskwatch's minimum lifetime (10 s)
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ApiTransport transport;
        useCredentials(transport, sim->baseUrl());
        // Ask every 200 ms until the tenant's token has expired under us; every call must still succeed.
        std::list<Call> calls;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] {
            calls.emplace_back();
            calls.back().send(transport, taskUrl(sim->baseUrl(), id));
        });
        ticker.start(200);
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("401")) > 0, 15000);
        ticker.stop();
        QTRY_VERIFY(std::all_of(calls.begin(), calls.end(), [](const Call &c) { return c.response.has_value(); }));
        for (const Call &call : calls)
            QVERIFY(call.response->ok());
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("401")), 1);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")), qint64(calls.size()));
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 2);
    }

    void aTokenRefusedAgainEndsInAuthFailedWithoutALoop()
    {
        SimConfig config;
        config.tokenTtlSeconds = 0; // tokens are expired when issued and expires_in says 0
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ApiTransport transport;
        useCredentials(transport, sim->baseUrl());
        Call call;
        call.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY(call.response.has_value());
        QCOMPARE(call.response->kind, ApiResponse::Kind::AuthFailed);
        QCOMPARE(call.response->httpStatus, 401);
        QCOMPARE(simStat(*sim, QStringLiteral("tokensIssued")), 2);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025)), 2);
    }

    void absurdExpiresInDoesNotCauseATokenPerCall_data()
    {
        QTest::addColumn<QByteArray>("expiresIn");
        QTest::newRow("zero") << QByteArray("0");
        QTest::newRow("negative") << QByteArray("-3600");
        QTest::newRow("huge") << QByteArray("1e300");
        QTest::newRow("text") << QByteArray("\"soon\"");
        QTest::newRow("null") << QByteArray("null");
    }
    void absurdExpiresInDoesNotCauseATokenPerCall()
    {
        QFETCH(QByteArray, expiresIn);
        TinyServer server([&](const TinyServer::Request &request) {
            if (request.target == "/oauth/token")
                return TinyServer::response(200, R"({"access_token":"t","expires_in":)" + expiresIn + "}");
            return TinyServer::response(200, "{}");
        });
        ApiTransport transport;
        useCredentials(transport, server.baseUrl());
        for (int i = 0; i < 10; ++i) {
            Call call;
            call.send(transport, taskUrl(server.baseUrl()));
            QTRY_VERIFY(call.response.has_value());
            QVERIFY(call.response->ok());
        }
        QCOMPARE(server.count("POST", "/oauth/token"), 1);
        QCOMPARE(server.count("GET", "/v2025/"), 10);
    }

    void wrongCredentialsAreRefusedOnce()
    {
        auto sim = startSim();
        ApiTransport transport;
        useCredentials(transport, sim->baseUrl(), QStringLiteral("wrong"));
        Call first;
        first.send(transport, taskUrl(sim->baseUrl()));
        QTRY_VERIFY(first.response.has_value());
        QCOMPARE(first.response->kind, ApiResponse::Kind::AuthFailed);
        QVERIFY2(first.response->errorText.english().startsWith(QStringLiteral("Authentication failed")),
                 qPrintable(first.response->errorText.english()));
        QVERIFY(transport.tokens()->isRejected());
        // Until the credentials change, nothing more is sent.
        Call second;
        second.send(transport, taskUrl(sim->baseUrl()));
        QTRY_VERIFY(second.response.has_value());
        QCOMPARE(second.response->kind, ApiResponse::Kind::AuthFailed);
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 1);
        QCOMPARE(simCount(*sim, QStringLiteral("POST /oauth/token"), QStringLiteral("401")), 1);
        // New credentials are tried.
        useCredentials(transport, sim->baseUrl(), QStringLiteral("demo"));
        Call third;
        third.send(transport, taskUrl(sim->baseUrl()));
        QTRY_VERIFY(third.response.has_value());
        QCOMPARE(third.response->httpStatus, 404);
    }

    void noSecretNoRequest()
    {
        auto sim = startSim();
        ApiTransport transport;
        Call call;
        call.send(transport, taskUrl(sim->baseUrl()));
        QTRY_VERIFY(call.response.has_value());
        QCOMPARE(call.response->kind, ApiResponse::Kind::Refused);
        QCOMPARE(simStat(*sim, QStringLiteral("totalRequests")), 0);
    }

    void refusesUnsafeUrlsBeforeSending_data()
    {
        QTest::addColumn<QString>("url");
        QTest::newRow("plain http to a remote host")
                << QStringLiteral("http://acme.api.identitynow.com/v2025/task-status/a");
        QTest::newRow("user info") << QStringLiteral("https://u:p@acme.api.identitynow.com/v2025/task-status/a");
        QTest::newRow("ftp") << QStringLiteral("ftp://acme.api.identitynow.com/x");
    }
    void refusesUnsafeUrlsBeforeSending()
    {
        QFETCH(QString, url);
        ApiTransport transport;
        useCredentials(transport, QUrl(url));
        Call call;
        call.send(transport, QUrl(url));
        QTRY_VERIFY(call.response.has_value());
        QCOMPARE(call.response->kind, ApiResponse::Kind::Refused);
        QVERIFY(!call.response->errorText.english().isEmpty());
        QCOMPARE(transport.sentCount(), quint64(0)); // not even the token request
    }

    void unusableCaFileRefusesRequests()
    {
        QTemporaryDir dir;
        const QString garbage = dir.filePath(QStringLiteral("ca.pem"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate");
        file.close();
        ApiTransport transport;
        QVERIFY(!transport.setCaFile(dir.filePath(QStringLiteral("missing.pem"))).isEmpty());
        QVERIFY(transport.setCaFile(garbage).english().contains(QStringLiteral("no PEM or DER certificate")));
        useCredentials(transport, QUrl(QStringLiteral("https://acme.api.identitynow.com")));
        Call call;
        call.send(transport, QUrl(QStringLiteral("https://acme.api.identitynow.com/v2025/task-status/a")));
        QTRY_VERIFY(call.response.has_value());
        QCOMPARE(call.response->kind, ApiResponse::Kind::Refused);
        QCOMPARE(transport.sentCount(), quint64(0));
        QVERIFY(transport.setCaFile(QString()).isEmpty());
    }

    void tlsIsVerifiedAndAProfileCaFileIsTrusted()
    {
        const QString data = QStringLiteral(TASKWATCH_CLIENT_TEST_DATA);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        QFile certificate(data + QStringLiteral("/localhost.pem"));
        QFile key(data + QStringLiteral("/localhost.key"));
        QVERIFY(certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        tls.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
        tls.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        TinyServer server(
                [](const TinyServer::Request &request) {
                    return request.target == "/oauth/token" ? TinyServer::response(200, tokenAnswer)
                                                            : TinyServer::response(200, "{}");
                },
                tls);
        QCOMPARE(server.baseUrl().scheme(), QStringLiteral("https"));

        // A certificate from a CA the system does not know: refused, never ignored.
        ApiTransport untrusting;
        useCredentials(untrusting, server.baseUrl());
        Call refused;
        refused.send(untrusting, taskUrl(server.baseUrl()));
        QTRY_VERIFY(refused.response.has_value());
        QCOMPARE(refused.response->kind, ApiResponse::Kind::Network);
        QVERIFY2(refused.response->errorText.english().contains(QStringLiteral("not trusted")),
                 qPrintable(refused.response->errorText.english()));
        QVERIFY(server.requests().isEmpty()); // nothing, not even the secret, went over the connection

        // The profile's CA file (a corporate proxy's CA, say) makes it trusted.
        ApiTransport trusting;
        QVERIFY(trusting.setCaFile(data + QStringLiteral("/test-ca.pem")).isEmpty());
        useCredentials(trusting, server.baseUrl());
        Call accepted;
        accepted.send(trusting, taskUrl(server.baseUrl()));
        QTRY_VERIFY(accepted.response.has_value());
        QVERIFY2(accepted.response->ok(), qPrintable(accepted.response->errorText.english()));
        QCOMPARE(server.requests().size(), 2);
    }

    void silentServerTimesOut()
    {
        TinyServer server([](const TinyServer::Request &request) {
            return request.target == "/oauth/token" ? TinyServer::response(200, tokenAnswer) : QByteArray();
        });
        ApiTransport transport;
        transport.setTransferTimeout(milliseconds(300));
        useCredentials(transport, server.baseUrl());
        Call call;
        call.send(transport, taskUrl(server.baseUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(call.response.has_value(), 10000);
        QCOMPARE(call.response->kind, ApiResponse::Kind::Network);
        QVERIFY2(call.response->errorText.english().startsWith(QStringLiteral("No answer from 127.0.0.1")),
                 qPrintable(call.response->errorText.english()));
    }

    void connectionRefusedIsANetworkFailure()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            port = probe.serverPort();
        }
        const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(port));
        ApiTransport transport;
        useCredentials(transport, base);
        Call call;
        call.send(transport, taskUrl(base));
        QTRY_VERIFY(call.response.has_value());
        QCOMPARE(call.response->kind, ApiResponse::Kind::Network);
        QCOMPARE(call.response->httpStatus, 0);
    }

    void rateLimitStormSendsNothingDuringRetryAfter()
    {
        SimConfig config;
        config.rateLimitRequests = 3;
        config.rateLimitSeconds = 2;
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ApiTransport transport; // its own budget is the default 100 / 10 s: the tenant's is far lower
        useCredentials(transport, sim->baseUrl());

        // Every request sent is checked against the transport's own hold when it goes out (its monotonic clock:
        // wall-clock readings would differ by their rounding).
        QList<QDateTime> waitsUntil;
        QStringList violations;
        int inFlightAtWaits = 0;
        connect(&transport, &ApiTransport::rateLimited, this, [&](const QDateTime &until) {
            waitsUntil.append(until);
            inFlightAtWaits += transport.inFlightCount() + 1; // those already sent may meet the limit too
        });
        connect(&transport, &ApiTransport::requestSent, this, [&] {
            if (transport.rateLimitedUntil().isValid())
                violations.append(QStringLiteral("sent while held until %1")
                                          .arg(transport.rateLimitedUntil().toString(Qt::ISODateWithMs)));
        });
        QSignalSpy lifted(&transport, &ApiTransport::rateLimitLifted);

        QList<Call> calls(12);
        for (Call &call : calls)
            call.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(calls.begin(), calls.end(), [](const Call &c) { return c.response.has_value(); }), 60000);
        for (const Call &call : calls)
            QCOMPARE(call.response->httpStatus, 200);
        QVERIFY(!waitsUntil.isEmpty());
        QVERIFY(lifted.count() >= 1);
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
        // Every 429 the tenant sent went to a request that was already on its way when a wait began.
        QVERIFY(simStat(*sim, QStringLiteral("rateLimited")) >= 1);
        QVERIFY(simStat(*sim, QStringLiteral("rateLimited")) <= inFlightAtWaits);
    }

    void budgetKeepsUnderTheTenantsLimit()
    {
        SimConfig config;
        config.rateLimitRequests = 8;
        config.rateLimitSeconds = 1;
        auto sim = startSim(config);
        const QString id = sim->addTask(scenarioTask(0, 600));
        ApiTransport transport;
        transport.setRequestBudget(8, seconds(1));
        useCredentials(transport, sim->baseUrl());
        QList<Call> calls(30);
        for (Call &call : calls)
            call.send(transport, taskUrl(sim->baseUrl(), id));
        QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(calls.begin(), calls.end(), [](const Call &c) { return c.response.has_value(); }), 60000);
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
        QCOMPARE(simCount(*sim, taskRoute(ApiVersion::V2025), QStringLiteral("200")), 30);
    }

    void cancelAllEndsEveryRequest()
    {
        TinyServer server([](const TinyServer::Request &request) {
            return request.target == "/oauth/token" ? TinyServer::response(200, tokenAnswer) : QByteArray();
        });
        ApiTransport transport;
        transport.setMaxInFlight(1);
        useCredentials(transport, server.baseUrl());
        Call running, queued;
        running.send(transport, taskUrl(server.baseUrl()));
        queued.send(transport, taskUrl(server.baseUrl()));
        QTRY_COMPARE(server.count("GET", "/v2025/"), 1);
        transport.cancelAll();
        QTRY_VERIFY(running.response.has_value() && queued.response.has_value());
        QCOMPARE(running.response->kind, ApiResponse::Kind::Cancelled);
        QCOMPARE(queued.response->kind, ApiResponse::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestApiTransport)
#include "tst_apitransport.moc"

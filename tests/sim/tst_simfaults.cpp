#include "SimHttp.h"
#include "models/ApiError.h"
#include "models/TaskStatus.h"
#include "sim/SimServer.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

// --fail-rate, --drop-rate, --truncate-rate and --latency, and their determinism under --seed.
class TestSimFaults : public QObject
{
    Q_OBJECT

private:
    static SimConfig faulty(double fail, double drop, double truncate, quint64 seed = 1)
    {
        SimConfig config;
        config.failRate = fail;
        config.dropRate = drop;
        config.truncateRate = truncate;
        config.seed = seed;
        config.seededTasks = 5;
        config.rateLimitRequests = 0;
        return config;
    }

    // Sends one request on a fresh connection and waits until the server closes it (each request gets a
    // connection of its own, so no client-side retry or reuse blurs what the server decided).
    static QByteArray rawRequest(const QUrl &base, const QByteArray &request)
    {
        return SimHttp::rawExchange(base, request);
    }

    // The outcomes the server reports for `count` requests made one after another.
    static QStringList outcomes(const SimConfig &config, int count)
    {
        SimServer server(config);
        if (!server.listen())
            return {};
        QStringList seen;
        QObject::connect(&server, &SimServer::requestHandled, &server,
                         [&](const QString &, const QString &outcome) { seen.append(outcome); });
        const QByteArray request = "GET /task-status/v1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < count; ++i)
            rawRequest(server.baseUrl(), request);
        return seen;
    }

private Q_SLOTS:
    void failRateAnswers500()
    {
        SimServer server(faulty(1, 0, 0));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult token = http.tokenRequest();
        QCOMPARE(token.status, 500); // the token endpoint is a SailPoint endpoint too
        for (const QString &path : {QStringLiteral("/v2025/task-status"), QStringLiteral("/beta/task-status/x")}) {
            const HttpResult result = http.api(http.url(path), "any");
            QCOMPARE(result.status, 500);
            const ApiError error = ApiError::fromResponse(result.status, result.body);
            QCOMPARE(error.detailCode, QStringLiteral("500.0 Internal Fault"));
            QCOMPARE(error.messages, QStringList {QStringLiteral("An internal fault occurred.")});
            QCOMPARE(error.trackingId.size(), 32);
        }
        QCOMPARE(server.stats().value(u"failed").toInt(), 3);
        // Control endpoints are never faulty.
        QCOMPARE(http.get(http.url(QStringLiteral("/__sim/stats"))).status, 200);
    }

    void dropRateClosesWithoutResponse()
    {
        SimServer server(faulty(0, 1, 0));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.tokenRequest();
        QCOMPARE(result.status, 0);
        QVERIFY(result.error != QNetworkReply::NoError);
        QVERIFY(result.body.isEmpty());
        const QJsonObject stats = server.stats();
        QVERIFY(stats.value(u"dropped").toInt() >= 1); // Qt may resend once on a fresh connection
        QCOMPARE(stats.value(u"requests").toObject().value(u"POST /oauth/token").toObject().value(u"dropped").toInt(),
                 stats.value(u"dropped").toInt());
        QCOMPARE(rawRequest(server.baseUrl(), "GET /task-status/v1 HTTP/1.1\r\n\r\n"), QByteArray());
    }

    void truncateRateCutsTheBody()
    {
        SimServer server(faulty(0, 0, 1));
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.tokenRequest();
        QVERIFY(result.error != QNetworkReply::NoError);
        QVERIFY(!QJsonDocument::fromJson(result.body).isObject());
        QCOMPARE(server.stats().value(u"truncated").toInt(), 1);

        const QByteArray raw =
                rawRequest(server.baseUrl(), "GET /task-status/v1 HTTP/1.1\r\nAuthorization: Bearer x.y.z\r\n\r\n");
        const qsizetype headEnd = raw.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QByteArray head = raw.left(headEnd);
        QVERIFY(head.startsWith("HTTP/1.1 401 "));
        const qsizetype lengthAt = head.indexOf("Content-Length: ") + 16;
        const int announced = head.mid(lengthAt, head.indexOf("\r\n", lengthAt) - lengthAt).toInt();
        const QByteArray body = raw.mid(headEnd + 4);
        QVERIFY(announced > 0);
        QCOMPARE(body.size(), announced / 2);
        QVERIFY(QByteArray(R"({"error":"JWT validation failed: JWT is malformed"})").startsWith(body));
    }

    void latencyDelaysResponses()
    {
        SimConfig config = faulty(0, 0, 0);
        config.latencyMinMs = 300;
        config.latencyMaxMs = 300;
        SimServer server(config);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(http.tokenRequest().status, 200);
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed()))); // never sooner than asked

        // A client that gives up sooner sees a timeout; the server copes with the vanished client.
        config.latencyMinMs = config.latencyMaxMs = 3000;
        SimServer slow(config);
        QVERIFY(slow.listen());
        SimHttp impatient(slow.baseUrl());
        QNetworkRequest request(impatient.url(QStringLiteral("/oauth/token")));
        request.setTransferTimeout(100);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        QNetworkReply *reply = impatient.manager().post(
                request, QByteArray("grant_type=client_credentials&client_id=demo&client_secret=demo"));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        reply->deleteLater();
        QCOMPARE(impatient.get(impatient.url(QStringLiteral("/__sim/stats"))).status, 200); // control: no latency
        QCOMPARE(impatient.tokenRequest().status, 200); // a patient client is still served
    }

    void faultsAreDeterministicUnderSeed()
    {
        const SimConfig mixed = faulty(0.25, 0.25, 0.25, 77);
        const QStringList first = outcomes(mixed, 40);
        QCOMPARE(first.size(), 40);
        QCOMPARE(outcomes(mixed, 40), first);
        QVERIFY(first.contains(QStringLiteral("dropped")));
        QVERIFY(first.contains(QStringLiteral("500")));
        QVERIFY(first.contains(QStringLiteral("401"))); // truncated or not, the token check ran
        QVERIFY(outcomes(faulty(0.25, 0.25, 0.25, 78), 40) != first);
    }

    void resetRestartsTheFaultSequence()
    {
        SimServer server(faulty(0.3, 0.3, 0.3, 5));
        QVERIFY(server.listen());
        QStringList seen;
        connect(&server, &SimServer::requestHandled, this,
                [&](const QString &, const QString &outcome) { seen.append(outcome); });
        const QByteArray request = "GET /beta/task-status HTTP/1.1\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            rawRequest(server.baseUrl(), request);
        const QStringList before = seen;
        seen.clear();
        server.reset();
        for (int i = 0; i < 20; ++i)
            rawRequest(server.baseUrl(), request);
        QCOMPARE(seen, before);
    }
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"

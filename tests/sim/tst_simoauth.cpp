#include "SimHttp.h"
#include "models/ApiError.h"
#include "sim/SimServer.h"

#include <QHttpMultiPart>
#include <QRegularExpression>
#include <QTest>

// POST /oauth/token and the bearer token rule of every API call, over real loopback HTTP.
class TestSimOAuth : public QObject
{
    Q_OBJECT

private:
    static SimConfig twoClients()
    {
        SimConfig config;
        config.credentials = {{QStringLiteral("demo"), QStringLiteral("demo")},
                              {QStringLiteral("ci-bot"), QStringLiteral("s3cr3t+/=")}};
        config.seededTasks = 3;
        return config;
    }

private Q_SLOTS:
    void issuesJwtShapedTokens()
    {
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.tokenRequest();
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("Content-Type").startsWith("application/json"));
        QCOMPARE(result.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject body = result.object();
        QCOMPARE(body.value(u"token_type").toString(), QStringLiteral("bearer"));
        QCOMPARE(body.value(u"expires_in").toInt(), 749);
        QVERIFY(!body.value(u"scope").toString().isEmpty());
        static const QRegularExpression jwt(QStringLiteral("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$"));
        QVERIFY(jwt.match(body.value(u"access_token").toString()).hasMatch());
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 1);
        QCOMPARE(http.api(http.url(QStringLiteral("/v2025/task-status")),
                          body.value(u"access_token").toString().toLatin1())
                         .status,
                 200);
    }

    void credentialsInQueryOrBasicAuth()
    {
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QUrl inQuery = http.url(QStringLiteral("/oauth/token"),
                                      {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                       {QStringLiteral("client_id"), QStringLiteral("ci-bot")},
                                       {QStringLiteral("client_secret"), QStringLiteral("s3cr3t+/=")}});
        HttpResult result = http.post(inQuery, QByteArray(), "application/x-www-form-urlencoded");
        QCOMPARE(result.status, 200);
        result = http.post(http.url(QStringLiteral("/oauth/token")), "grant_type=client_credentials",
                           "application/x-www-form-urlencoded",
                           {{"Authorization", "Basic " + QByteArray("demo:demo").toBase64()}});
        QCOMPARE(result.status, 200);
        QCOMPARE(http.tokenRequest(QStringLiteral("ci-bot"), QStringLiteral("s3cr3t+/=")).status, 200);
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 3);
    }

    void theFourFormsRealClientsSend()
    {
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QUrl endpoint = http.url(QStringLiteral("/oauth/token"));
        auto accepted = [&](const HttpResult &result) {
            const QByteArray token = result.object().value(u"access_token").toString().toLatin1();
            return result.status == 200
                    && http.api(http.url(QStringLiteral("/v2026/task-status")), token).status == 200;
        };

        // 1. A form-urlencoded body (what Taskwatch and most SDKs send).
        QVERIFY(accepted(http.tokenRequest(QStringLiteral("ci-bot"), QStringLiteral("s3cr3t+/="))));
        // 2. The parameters in the query string, no body.
        QVERIFY(accepted(http.post(http.url(QStringLiteral("/oauth/token"),
                                            {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                             {QStringLiteral("client_id"), QStringLiteral("ci-bot")},
                                             {QStringLiteral("client_secret"), QStringLiteral("s3cr3t+/=")}}),
                                   QByteArray(), "application/x-www-form-urlencoded")));
        // 3. HTTP Basic client authentication (RFC 6749 2.3.1: id and secret form-urlencoded, then base64).
        QVERIFY(accepted(http.post(endpoint, "grant_type=client_credentials", "application/x-www-form-urlencoded",
                                   {{"Authorization", "Basic " + QByteArray("ci-bot:s3cr3t%2B%2F%3D").toBase64()}})));
        // 4. multipart/form-data, as Qt's QHttpMultiPart builds it (boundary="boundary_.oOo._…", quoted)...
        auto *multiPart = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        for (const auto &[name, value] : {std::pair("grant_type", "client_credentials"),
                                          std::pair("client_id", "ci-bot"), std::pair("client_secret", "s3cr3t+/=")}) {
            QHttpPart part;
            part.setHeader(QNetworkRequest::ContentDispositionHeader,
                           QStringLiteral("form-data; name=\"%1\"").arg(QLatin1String(name)));
            part.setBody(value);
            multiPart->append(part);
        }
        QNetworkRequest request(endpoint);
        QNetworkReply *reply = http.manager().post(request, multiPart);
        multiPart->setParent(reply);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        // ...and as curl -F does (an unquoted boundary of dashes and hex).
        const QByteArray boundary = "------------------------d74496d66958873e";
        QByteArray body;
        for (const auto &[name, value] : {std::pair("grant_type", "client_credentials"), std::pair("client_id", "demo"),
                                          std::pair("client_secret", "demo")})
            body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n";
        body += "--" + boundary + "--\r\n";
        QVERIFY(accepted(http.post(endpoint, body, "multipart/form-data; boundary=" + boundary)));
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 5);
    }

    void wrongFormsGetOAuthErrors_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("description");
        const QByteArray part = "--b\r\nContent-Disposition: form-data; name=\"%1\"\r\n\r\n%2\r\n";
        auto multipart = [&](const char *grant, const char *id, const char *secret) -> QByteArray {
            return QByteArray(part).replace("%1", "grant_type").replace("%2", grant)
                    + QByteArray(part).replace("%1", "client_id").replace("%2", id)
                    + QByteArray(part).replace("%1", "client_secret").replace("%2", secret) + "--b--\r\n";
        };
        QTest::newRow("JSON body")
                << QByteArray("application/json")
                << QByteArray(R"({"grant_type":"client_credentials","client_id":"demo","client_secret":"demo"})") << 400
                << QStringLiteral("invalid_request") << QStringLiteral("application/json");
        QTest::newRow("plain text") << QByteArray("text/plain")
                                    << QByteArray("grant_type=client_credentials&client_id=demo&client_secret=demo")
                                    << 400 << QStringLiteral("invalid_request") << QStringLiteral("text/plain");
        QTest::newRow("multipart without boundary")
                << QByteArray("multipart/form-data") << multipart("client_credentials", "demo", "demo") << 400
                << QStringLiteral("invalid_request") << QStringLiteral("boundary");
        QTest::newRow("multipart unclosed") << QByteArray("multipart/form-data; boundary=b")
                                            << multipart("client_credentials", "demo", "demo").chopped(7) << 400
                                            << QStringLiteral("invalid_request") << QStringLiteral("closing");
        QTest::newRow("multipart wrong secret")
                << QByteArray("multipart/form-data; boundary=b") << multipart("client_credentials", "demo", "nope")
                << 401 << QStringLiteral("invalid_client") << QStringLiteral("Bad credentials");
        QTest::newRow("multipart password grant")
                << QByteArray("multipart/form-data; boundary=b") << multipart("password", "demo", "demo") << 400
                << QStringLiteral("unsupported_grant_type") << QStringLiteral("password");
    }
    void wrongFormsGetOAuthErrors()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(QString, description);
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.post(http.url(QStringLiteral("/oauth/token")), body, contentType);
        QCOMPARE(result.status, status);
        QCOMPARE(result.object().value(u"error").toString(), error);
        const QString said = result.object().value(u"error_description").toString();
        QVERIFY2(said.contains(description), qPrintable(said));
        QCOMPARE(result.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(ApiError::fromResponse(result.status, result.body).error, error);
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 0);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("wrong secret") << QByteArray("grant_type=client_credentials&client_id=demo&client_secret=nope")
                                      << 401 << QStringLiteral("invalid_client");
        QTest::newRow("unknown client") << QByteArray("grant_type=client_credentials&client_id=x&client_secret=demo")
                                        << 401 << QStringLiteral("invalid_client");
        QTest::newRow("other client's secret")
                << QByteArray("grant_type=client_credentials&client_id=demo&client_secret=s3cr3t%2B%2F%3D") << 401
                << QStringLiteral("invalid_client");
        QTest::newRow("no credentials") << QByteArray("grant_type=client_credentials") << 401
                                        << QStringLiteral("invalid_client");
        QTest::newRow("password grant") << QByteArray("grant_type=password&client_id=demo&client_secret=demo") << 400
                                        << QStringLiteral("unsupported_grant_type");
        QTest::newRow("refresh grant") << QByteArray("grant_type=refresh_token&client_id=demo&client_secret=demo")
                                       << 400 << QStringLiteral("unsupported_grant_type");
        QTest::newRow("no grant type") << QByteArray("client_id=demo&client_secret=demo") << 400
                                       << QStringLiteral("invalid_request");
    }
    void refusals()
    {
        QFETCH(QByteArray, form);
        QFETCH(int, status);
        QFETCH(QString, error);
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result =
                http.post(http.url(QStringLiteral("/oauth/token")), form, "application/x-www-form-urlencoded");
        QCOMPARE(result.status, status);
        QCOMPARE(result.object().value(u"error").toString(), error);
        QVERIFY(!result.object().value(u"error_description").toString().isEmpty());
        QVERIFY(!result.object().contains(u"access_token"));
        const ApiError parsed = ApiError::fromResponse(result.status, result.body);
        QCOMPARE(parsed.error, error);
        QCOMPARE(server.stats().value(u"tokensIssued").toInt(), 0);
    }

    void tokenEndpointIsPostOnly()
    {
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult result = http.get(http.url(QStringLiteral("/oauth/token")));
        QCOMPARE(result.status, 405);
        QCOMPARE(result.header("Allow"), QByteArray("POST"));
        // In OAuth's words, like every other refusal of the token endpoint.
        QCOMPARE(result.object().value(u"error").toString(), QStringLiteral("invalid_request"));
        QVERIFY(result.object().value(u"error_description").toString().contains(u"POST"));
    }

    void apiNeedsAValidToken_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("beta list") << QStringLiteral("/beta/task-status");
        QTest::newRow("v2024 by id") << QStringLiteral("/v2024/task-status/x");
        QTest::newRow("v2025 list") << QStringLiteral("/v2025/task-status");
        QTest::newRow("v2026 by id") << QStringLiteral("/v2026/task-status/x");
        QTest::newRow("v1 list") << QStringLiteral("/task-status/v1");
        QTest::newRow("v1 by id") << QStringLiteral("/task-status/v1/x");
        QTest::newRow("unknown route") << QStringLiteral("/v3/task-status");
    }
    void apiNeedsAValidToken()
    {
        QFETCH(QString, path);
        SimServer server(twoClients());
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QUrl url = http.url(path);

        HttpResult result = http.get(url, {{"X-SailPoint-Experimental", "true"}});
        QCOMPARE(result.status, 401);
        QVERIFY(result.object().value(u"error").toString().startsWith(u"JWT validation failed"));
        QCOMPARE(ApiError::fromResponse(401, result.body).error, result.object().value(u"error").toString());

        result = http.api(url, "not.a.token");
        QCOMPARE(result.status, 401);
        result = http.get(url, {{"Authorization", "Basic ZGVtbzpkZW1v"}, {"X-SailPoint-Experimental", "true"}});
        QCOMPARE(result.status, 401);

        // A token of another tenant (another server instance) does not verify here.
        SimServer other(twoClients());
        QVERIFY(other.listen());
        SimHttp otherHttp(other.baseUrl());
        result = http.api(url, otherHttp.token());
        QCOMPARE(result.status, 401);
        QCOMPARE(result.object().value(u"error").toString(),
                 QStringLiteral("JWT validation failed: JWT signature does not match"));

        result = http.api(url, http.token());
        QVERIFY(result.status != 401);
    }

    void zeroTtlTokensAreExpired()
    {
        SimConfig config = twoClients();
        config.tokenTtlSeconds = 0;
        SimServer server(config);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const HttpResult token = http.tokenRequest();
        QCOMPARE(token.status, 200);
        QCOMPARE(token.object().value(u"expires_in").toInt(), 0);
        const HttpResult result = http.api(http.url(QStringLiteral("/v2025/task-status")),
                                           token.object().value(u"access_token").toString().toLatin1());
        QCOMPARE(result.status, 401);
        QCOMPARE(result.body, QByteArray(R"({"error":"JWT validation failed: JWT is expired"})"));
    }

    void tokensExpireAfterTheirTtl()
    {
        SimConfig config = twoClients();
        config.tokenTtlSeconds = 1;
        SimServer server(config);
        QVERIFY(server.listen());
        SimHttp http(server.baseUrl());
        const QByteArray token = http.token();
        const QUrl url = http.url(QStringLiteral("/v2026/task-status"));
        QCOMPARE(http.api(url, token).status, 200); // lives at least the announced second
        QTRY_COMPARE_WITH_TIMEOUT(http.api(url, token).status, 401, 10000);
        QCOMPARE(http.api(url, token).object().value(u"error").toString(),
                 QStringLiteral("JWT validation failed: JWT is expired"));
        QCOMPARE(http.api(url, http.token()).status, 200); // a fresh token works again
    }
};

QTEST_GUILESS_MAIN(TestSimOAuth)
#include "tst_simoauth.moc"

#pragma once

// Test helper: real HTTP over loopback with QNetworkAccessManager, one request at a time.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

struct HttpResult
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QList<QNetworkReply::RawHeaderPair> headers;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return pair.second;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &pair : headers) {
            if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

class SimHttp
{
public:
    explicit SimHttp(const QUrl &baseUrl)
        : m_base(baseUrl)
    {
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const
    {
        QUrl url = m_base;
        url.setPath(path);
        if (!query.isEmpty()) {
            QUrlQuery items;
            for (const auto &item : query)
                items.addQueryItem(item.first, QString::fromUtf8(QUrl::toPercentEncoding(item.second)));
            url.setQuery(items);
        }
        return url;
    }

    HttpResult get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return run(m_nam.get(request(url, headers)));
    }
    HttpResult post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                    const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest r = request(url, headers);
        r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return run(m_nam.post(r, body));
    }
    HttpResult send(const QByteArray &verb, const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return run(m_nam.sendCustomRequest(request(url, headers), verb));
    }
    HttpResult head(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return run(m_nam.head(request(url, headers)));
    }
    // PATCH with a body, as a client clears a task: bearer token, experimental header, JSON Patch by default.
    HttpResult patch(const QUrl &url, const QByteArray &token, const QByteArray &body,
                     const QByteArray &contentType = "application/json-patch+json")
    {
        QNetworkRequest r = request(url, {{"Authorization", "Bearer " + token}, {"X-SailPoint-Experimental", "true"}});
        if (!contentType.isEmpty())
            r.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        return run(m_nam.sendCustomRequest(r, "PATCH", body));
    }

    HttpResult tokenRequest(const QString &clientId = QStringLiteral("demo"),
                            const QString &secret = QStringLiteral("demo"))
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        form.addQueryItem(QStringLiteral("client_id"), QString::fromUtf8(QUrl::toPercentEncoding(clientId)));
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromUtf8(QUrl::toPercentEncoding(secret)));
        return post(url(QStringLiteral("/oauth/token")), form.query(QUrl::FullyEncoded).toUtf8(),
                    "application/x-www-form-urlencoded");
    }
    // A fresh access token, or empty when the token endpoint refused.
    QByteArray token(const QString &clientId = QStringLiteral("demo"), const QString &secret = QStringLiteral("demo"))
    {
        return tokenRequest(clientId, secret).object().value(QStringLiteral("access_token")).toString().toLatin1();
    }

    // An API call as a well-behaved client makes it: bearer token and the experimental header.
    HttpResult api(const QUrl &url, const QByteArray &token, bool experimentalHeader = true)
    {
        QList<QPair<QByteArray, QByteArray>> headers {{"Authorization", "Bearer " + token}};
        if (experimentalHeader)
            headers.append(qMakePair(QByteArray("X-SailPoint-Experimental"), QByteArray("true")));
        return get(url, headers);
    }

    QNetworkAccessManager &manager() { return m_nam; }

    // Sends raw bytes on a fresh connection and collects what comes back until the server closes it. The
    // server runs in this thread: wait with the event loop running, never with blocking socket calls.
    static QByteArray rawExchange(const QUrl &base, const QByteArray &bytes)
    {
        QTcpSocket socket;
        QByteArray received;
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(base.port()));
        socket.write(bytes);
        closed.wait(20000);
        return received + socket.readAll();
    }

private:
    static QNetworkRequest request(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest r(url);
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        r.setTransferTimeout(30000);
        for (const auto &header : headers)
            r.setRawHeader(header.first, header.second);
        return r;
    }

    static HttpResult run(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(60000);
        }
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.error = reply->error();
        result.errorString = reply->errorString();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    QNetworkAccessManager m_nam;
    QUrl m_base;
};

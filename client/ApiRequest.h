#pragma once

#include <QByteArray>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QSslConfiguration;

// One request as ApiTransport queues it: the method, the URL, a body and its type, and whether it carries
// the bearer token (only the token request does not).
struct ApiRequest
{
    enum class Method { Get, Head, Post, Patch };

    Method method = Method::Get;
    QUrl url;
    QByteArray body;
    QByteArray contentType; // of the body; empty without one
    bool authenticated = true;

    QByteArray methodName() const; // "GET", "HEAD", "POST", "PATCH"
};

namespace ApiRequests {

// The network request with the headers every request carries (Accept, User-Agent, and with a token the
// bearer and X-SailPoint-Experimental), the silence timeout and, for https, the TLS configuration.
QNetworkRequest networkRequest(const ApiRequest &request, const QByteArray &token, const QByteArray &userAgent,
                               std::chrono::milliseconds transferTimeout, const QSslConfiguration *ssl);
QNetworkReply *send(QNetworkAccessManager &manager, const QNetworkRequest &networkRequest, const ApiRequest &request);
// The system's proxy settings (environment, GNOME/KDE, Windows, macOS), except for loopback hosts: a proxy
// cannot reach this computer's loopback interface (the simulated tenant lives there).
void useSystemProxyExceptLoopback(QNetworkAccessManager &manager);

} // namespace ApiRequests

#include "ApiRequest.h"

#include "models/UrlPolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace {

class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (UrlPolicy::isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};

} // namespace

QByteArray ApiRequest::methodName() const
{
    switch (method) {
    case Method::Get:
        break;
    case Method::Head:
        return QByteArrayLiteral("HEAD");
    case Method::Post:
        return QByteArrayLiteral("POST");
    case Method::Patch:
        return QByteArrayLiteral("PATCH");
    }
    return QByteArrayLiteral("GET");
}

namespace ApiRequests {

QNetworkRequest networkRequest(const ApiRequest &request, const QByteArray &token, const QByteArray &userAgent,
                               std::chrono::milliseconds transferTimeout, const QSslConfiguration *ssl)
{
    QNetworkRequest network(request.url);
    network.setRawHeader("Accept", "application/json");
    network.setHeader(QNetworkRequest::UserAgentHeader, userAgent);
    network.setTransferTimeout(int(transferTimeout.count()));
#if QT_CONFIG(ssl)
    if (ssl && request.url.scheme().compare(u"https", Qt::CaseInsensitive) == 0)
        network.setSslConfiguration(*ssl);
#else
    Q_UNUSED(ssl)
#endif
    if (request.authenticated) {
        network.setRawHeader("Authorization", "Bearer " + token);
        // Required by v2024–v2026 task status while experimental; harmless everywhere else.
        network.setRawHeader("X-SailPoint-Experimental", "true");
    }
    if (!request.contentType.isEmpty())
        network.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    return network;
}

QNetworkReply *send(QNetworkAccessManager &manager, const QNetworkRequest &networkRequest, const ApiRequest &request)
{
    switch (request.method) {
    case ApiRequest::Method::Get:
        break;
    case ApiRequest::Method::Head:
        return manager.head(networkRequest);
    case ApiRequest::Method::Post:
        return manager.post(networkRequest, request.body);
    case ApiRequest::Method::Patch:
        return manager.sendCustomRequest(networkRequest, request.methodName(), request.body);
    }
    return manager.get(networkRequest);
}

void useSystemProxyExceptLoopback(QNetworkAccessManager &manager)
{
    manager.setProxyFactory(new SystemProxyFactory); // the manager owns it
}

} // namespace ApiRequests

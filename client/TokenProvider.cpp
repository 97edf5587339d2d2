#include "TokenProvider.h"

#include "ApiTransport.h"
#include "Logging.h"
#include "TokenLifetime.h"
#include "models/UrlPolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

TokenProvider::TokenProvider(ApiTransport *transport, EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_clock(clock.orSystem())
{ }

void TokenProvider::setCredentials(const QUrl &tokenUrl, const QString &clientId, const QString &secret)
{
    m_tokenUrl = tokenUrl;
    m_clientId = clientId;
    m_secret = secret;
    m_token.clear();
    m_renewAt = SteadyTime();
    m_rejected = false;
    m_requesting = false;
    ++m_generation;
}

bool TokenProvider::hasCredentials() const
{
    return !m_clientId.isEmpty() && !m_secret.isEmpty() && m_tokenUrl.isValid();
}

QByteArray TokenProvider::usableToken() const
{
    if (m_token.isEmpty() || m_clock.steady() >= m_renewAt)
        return {};
    return m_token;
}

void TokenProvider::requestToken()
{
    if (m_requesting || m_rejected || !hasCredentials())
        return;
    m_requesting = true;
    qCDebug(lcAuth) << "requesting an access token from" << UrlPolicy::forDisplay(m_tokenUrl);
    const QByteArray form = "grant_type=client_credentials&client_id=" + QUrl::toPercentEncoding(m_clientId)
            + "&client_secret=" + QUrl::toPercentEncoding(m_secret);
    const quint64 generation = m_generation;
    m_transport->postForm(m_tokenUrl, form, this, [this, generation](const ApiResponse &response) {
        if (generation == m_generation)
            onTokenAnswer(response);
    });
}

void TokenProvider::invalidate(const QByteArray &token)
{
    if (!token.isEmpty() && token == m_token) {
        qCInfo(lcAuth) << "the tenant refused the access token; a new one will be requested";
        m_token.clear();
        m_renewAt = SteadyTime();
    }
}

void TokenProvider::onTokenAnswer(const ApiResponse &response)
{
    m_requesting = false;
    if (response.kind == ApiResponse::Kind::Ok) {
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        const QString token = answer.value(QStringLiteral("access_token")).toString();
        if (!token.isEmpty()) {
            const SteadyTime now = m_clock.steady();
            const auto lifetime = TokenLifetime::effective(answer.value(QStringLiteral("expires_in")));
            m_token = token.toUtf8();
            m_renewAt = TokenLifetime::renewAt(now, lifetime);
            ++m_tokensObtained;
            qCInfo(lcAuth) << "obtained an access token; it will be renewed in" << now.secsTo(m_renewAt) << "s";
            Q_EMIT tokenReady();
            return;
        }
        m_lastFailure = response;
        m_lastFailure.kind = ApiResponse::Kind::Http;
        m_lastFailure.errorText =
                Sentence::translate("TokenProvider", "The token endpoint answered without an access token.");
    } else {
        m_lastFailure = response;
        const int status = response.httpStatus;
        // 400 (invalid_client, invalid_grant), 401 and 403: these credentials will not work until changed.
        if (response.kind == ApiResponse::Kind::Http && (status == 400 || status == 401 || status == 403)) {
            m_rejected = true;
            m_lastFailure.kind = ApiResponse::Kind::AuthFailed;
            m_lastFailure.errorText = Sentence::translate("TokenProvider", "Authentication failed: %1")
                                              .arg(response.apiError().sentence());
        }
    }
    qCWarning(lcAuth).noquote() << "no access token:" << m_lastFailure.errorText.english();
    Q_EMIT tokenFailed(m_lastFailure);
}

#pragma once

#include "ApiResponse.h"
#include "EngineClock.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

class ApiTransport;

// The access token of one profile (OAuth client credentials), kept in memory only. ApiTransport asks it
// for a usable token before each authenticated request; concurrent requests share one token request,
// which goes through the same transport and so counts against the same request budget.
class TokenProvider : public QObject
{
    Q_OBJECT
public:
    TokenProvider(ApiTransport *transport, EngineClock clock, QObject *parent = nullptr);

    // A change of credentials forgets the token and lifts a refusal.
    void setCredentials(const QUrl &tokenUrl, const QString &clientId, const QString &secret);
    bool hasCredentials() const;

    // The token to send now; empty when there is none or it is due for renewal.
    QByteArray usableToken() const;
    bool isRequesting() const { return m_requesting; }
    // Asks the tenant for a token unless a request is already under way; ends in tokenReady or tokenFailed.
    void requestToken();
    // A request sent with `token` got a 401: forget it (unless a newer one already replaced it).
    void invalidate(const QByteArray &token);

    // The tenant refused the credentials: no further token request until they change.
    bool isRejected() const { return m_rejected; }
    const ApiResponse &lastFailure() const { return m_lastFailure; }
    int tokensObtained() const { return m_tokensObtained; }

Q_SIGNALS:
    void tokenReady();
    void tokenFailed(const ApiResponse &response);

private:
    void onTokenAnswer(const ApiResponse &response);

    ApiTransport *m_transport;
    EngineClock m_clock;
    QUrl m_tokenUrl;
    QString m_clientId;
    QString m_secret;
    QByteArray m_token;
    SteadyTime m_renewAt;
    bool m_requesting = false;
    bool m_rejected = false;
    quint64 m_generation = 0; // answers to requests made with older credentials are ignored
    int m_tokensObtained = 0;
    ApiResponse m_lastFailure;
};

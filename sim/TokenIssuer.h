#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// Issues and checks JWT-shaped bearer tokens (HS256 over a key of this server instance). A token names
// its client id, so each API client gets its own rate-limit budget; validation needs no server state.
// Times are passed in as milliseconds since the epoch (wall clock): `exp` is a real JWT claim.
class TokenIssuer
{
public:
    struct Token
    {
        QByteArray accessToken;
        QString jti;
        qint64 expiresAtSeconds = 0; // the exp claim
    };

    enum class Verdict { Valid, Missing, Malformed, BadSignature, Expired };

    struct Check
    {
        Verdict verdict = Verdict::Missing;
        QString clientId;
    };

    explicit TokenIssuer(QByteArray signingKey = randomKey());
    static QByteArray randomKey();

    // ttlSeconds > 0: the token lives at least that long (exp is rounded up to a whole second);
    // ttlSeconds ≤ 0: it is already expired when issued, as misconfigured servers do.
    // scope: the one entry of the token's `scope` claim.
    Token issue(const QString &clientId, int ttlSeconds, qint64 nowMs,
                const QString &scope = QStringLiteral("sp:scopes:all")) const;
    // authorization: the Authorization header's value, e.g. "Bearer eyJ…" (empty when absent).
    Check check(QByteArrayView authorization, qint64 nowMs) const;

    // The 401 body's "error" text for a failed check, in SailPoint's words where they are known.
    static QString errorText(Verdict verdict);

    static constexpr char tenantId[] = "3d4c1cd3-5c2e-4a1b-9b41-5a3e1f0c7e11";
    static constexpr char org[] = "taskwatch-sim";
    static constexpr char pod[] = "sim01-local";

private:
    QByteArray signature(QByteArrayView signingInput) const;

    QByteArray m_key;
};

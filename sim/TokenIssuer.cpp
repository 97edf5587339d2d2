#include "TokenIssuer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUuid>

namespace {

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodePart(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(base64Url);
}

qint64 floorSeconds(qint64 ms)
{
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

} // namespace

TokenIssuer::TokenIssuer(QByteArray signingKey)
    : m_key(std::move(signingKey))
{ }

QByteArray TokenIssuer::randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    return key;
}

TokenIssuer::Token TokenIssuer::issue(const QString &clientId, int ttlSeconds, qint64 nowMs, const QString &scope) const
{
    const qint64 issuedAt = floorSeconds(nowMs);
    const qint64 roundedUp = issuedAt * 1000 == nowMs ? issuedAt : issuedAt + 1;
    const qint64 expiresAt = ttlSeconds > 0 ? roundedUp + ttlSeconds : issuedAt + ttlSeconds;
    const QString jti = QUuid::createUuid().toString(QUuid::Id128);

    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("HS256")},
                              {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject payload {
            {QStringLiteral("tenant_id"), QLatin1String(tenantId)},
            {QStringLiteral("internal"), false},
            {QStringLiteral("pod"), QLatin1String(pod)},
            {QStringLiteral("org"), QLatin1String(org)},
            {QStringLiteral("strong_auth_supported"), false},
            {QStringLiteral("client_id"), clientId},
            {QStringLiteral("scope"), QJsonArray {scope}},
            {QStringLiteral("iat"), issuedAt},
            {QStringLiteral("exp"), expiresAt},
            {QStringLiteral("jti"), jti},
    };
    const QByteArray signingInput = encodePart(header) + '.' + encodePart(payload);
    return Token {signingInput + '.' + signature(signingInput), jti, expiresAt};
}

TokenIssuer::Check TokenIssuer::check(QByteArrayView authorization, qint64 nowMs) const
{
    const QByteArray value = authorization.toByteArray().trimmed();
    if (value.isEmpty())
        return Check {Verdict::Missing, {}};
    const qsizetype space = value.indexOf(' ');
    if (space < 0 || value.left(space).toLower() != "bearer")
        return Check {Verdict::Missing, {}};
    const QByteArray token = value.mid(space + 1).trimmed();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return Check {Verdict::Malformed, {}};

    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (signature(signingInput) != parts.at(2))
        return Check {Verdict::BadSignature, {}};

    const auto decoded =
            QByteArray::fromBase64Encoding(parts.at(1), base64Url | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject payload = decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
    const QJsonValue exp = payload.value(QStringLiteral("exp"));
    const QString clientId = payload.value(QStringLiteral("client_id")).toString();
    if (!exp.isDouble() || clientId.isEmpty())
        return Check {Verdict::Malformed, {}};
    if (nowMs >= static_cast<qint64>(exp.toDouble()) * 1000)
        return Check {Verdict::Expired, clientId};
    return Check {Verdict::Valid, clientId};
}

QString TokenIssuer::errorText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return {};
    case Verdict::Missing:
        return QStringLiteral("JWT validation failed: JWT is missing");
    case Verdict::Malformed:
        return QStringLiteral("JWT validation failed: JWT is malformed");
    case Verdict::BadSignature:
        return QStringLiteral("JWT validation failed: JWT signature does not match");
    case Verdict::Expired:
        return QStringLiteral("JWT validation failed: JWT is expired");
    }
    return {};
}

QByteArray TokenIssuer::signature(QByteArrayView signingInput) const
{
    return QMessageAuthenticationCode::hash(signingInput.toByteArray(), m_key, QCryptographicHash::Sha256)
            .toBase64(base64Url);
}

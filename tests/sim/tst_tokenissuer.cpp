#include "sim/TokenIssuer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using Verdict = TokenIssuer::Verdict;
Q_DECLARE_METATYPE(TokenIssuer::Verdict)

class TestTokenIssuer : public QObject
{
    Q_OBJECT

private:
    static QByteArray bearer(const QByteArray &token) { return "Bearer " + token; }
    static constexpr qint64 t0 = 1700000000000; // a whole second

private Q_SLOTS:
    void jwtShape()
    {
        const TokenIssuer issuer(QByteArray(32, 'k'));
        const TokenIssuer::Token token = issuer.issue(QStringLiteral("demo"), 749, t0 + 250);
        const QList<QByteArray> parts = token.accessToken.split('.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject header =
                QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(header.value(QStringLiteral("alg")).toString(), QStringLiteral("HS256"));
        const QJsonObject payload =
                QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
        QCOMPARE(payload.value(QStringLiteral("client_id")).toString(), QStringLiteral("demo"));
        QCOMPARE(payload.value(QStringLiteral("jti")).toString(), token.jti);
        QCOMPARE(token.jti.size(), 32);
        // exp rounds up: the token lives at least the announced 749 s.
        QCOMPARE(payload.value(QStringLiteral("exp")).toInteger(), t0 / 1000 + 1 + 749);
        QCOMPARE(token.expiresAtSeconds, t0 / 1000 + 1 + 749);
    }

    void validUntilExpiry()
    {
        const TokenIssuer issuer;
        const TokenIssuer::Token token = issuer.issue(QStringLiteral("demo"), 10, t0);
        TokenIssuer::Check check = issuer.check(bearer(token.accessToken), t0);
        QCOMPARE(check.verdict, Verdict::Valid);
        QCOMPARE(check.clientId, QStringLiteral("demo"));
        QCOMPARE(issuer.check(bearer(token.accessToken), t0 + 9999).verdict, Verdict::Valid);
        QCOMPARE(issuer.check(bearer(token.accessToken), t0 + 10000).verdict, Verdict::Expired);
        QCOMPARE(issuer.check(QByteArray("bearer  " + token.accessToken + " "), t0).verdict, Verdict::Valid);
    }

    void zeroAndNegativeTtlAreExpiredAtOnce()
    {
        const TokenIssuer issuer;
        for (int ttl : {0, -5}) {
            const TokenIssuer::Token token = issuer.issue(QStringLiteral("demo"), ttl, t0 + 500);
            QCOMPARE(issuer.check(bearer(token.accessToken), t0 + 500).verdict, Verdict::Expired);
        }
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<Verdict>("verdict");
        const TokenIssuer other(QByteArray(32, 'o'));
        const QByteArray foreign = other.issue(QStringLiteral("demo"), 100, t0).accessToken;
        QTest::newRow("absent") << QByteArray() << Verdict::Missing;
        QTest::newRow("basic") << QByteArray("Basic ZGVtbzpkZW1v") << Verdict::Missing;
        QTest::newRow("bearer only") << QByteArray("Bearer") << Verdict::Missing;
        QTest::newRow("not a jwt") << QByteArray("Bearer abc") << Verdict::Malformed;
        QTest::newRow("empty parts") << QByteArray("Bearer ..") << Verdict::Malformed;
        QTest::newRow("other server") << bearer(foreign) << Verdict::BadSignature;
        QByteArray tampered = foreign;
        tampered[tampered.indexOf('.') + 3] = tampered[tampered.indexOf('.') + 3] == 'A' ? 'B' : 'A';
        QTest::newRow("tampered") << bearer(tampered) << Verdict::BadSignature;
    }
    void rejects()
    {
        QFETCH(QByteArray, authorization);
        QFETCH(Verdict, verdict);
        const TokenIssuer issuer(QByteArray(32, 'k'));
        QCOMPARE(issuer.check(authorization, t0).verdict, verdict);
        QVERIFY(TokenIssuer::errorText(verdict).startsWith(u"JWT validation failed: "));
    }

    void expiredText()
    {
        QCOMPARE(TokenIssuer::errorText(Verdict::Expired), QStringLiteral("JWT validation failed: JWT is expired"));
        QVERIFY(TokenIssuer::errorText(Verdict::Valid).isEmpty());
    }

    void eachTokenIsNew()
    {
        const TokenIssuer issuer;
        QVERIFY(issuer.issue(QStringLiteral("demo"), 10, t0).accessToken
                != issuer.issue(QStringLiteral("demo"), 10, t0).accessToken);
    }
};

QTEST_APPLESS_MAIN(TestTokenIssuer)
#include "tst_tokenissuer.moc"

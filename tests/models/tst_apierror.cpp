#include "SpecFixtures.h"
#include "models/ApiError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// ApiError: every error example of the spec field by field, the other body shapes SailPoint sends, and
// bodies that say nothing useful, which still give one readable sentence per HTTP status.
namespace {

int statusOf(const QString &fixture) // "v2025/error-404.json" → 404
{
    return fixture.section(u'/', -1).section(u'-', 1, 1).section(u'.', 0, 0).toInt();
}

QStringList textsOf(const QJsonValue &array)
{
    QStringList texts;
    for (const QJsonValue &item : array.toArray())
        texts.append(item.toObject().value(QLatin1String("text")).toString());
    return texts;
}

bool isOneLine(const QString &text)
{
    return !text.contains(u'\n') && !text.contains(u'\r') && !text.contains(QStringLiteral("  "));
}

const QList<int> &statuses()
{
    static const QList<int> all = {400, 401, 403, 404, 405, 409, 414, 418, 429, 500, 501, 502, 503, 504, 599};
    return all;
}

} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void specExamples_data()
    {
        QTest::addColumn<QString>("fixture");
        const QStringList fixtures = SpecFixtures::list(QStringLiteral("error-*.json"));
        QCOMPARE(fixtures.size(), 5 * 6 + 5); // five API versions × 400/401/403/404/429/500, oauth without 404
        for (const QString &fixture : fixtures)
            QTest::newRow(qPrintable(fixture)) << fixture;
    }

    void specExamples()
    {
        QFETCH(QString, fixture);
        const int status = statusOf(fixture);
        QVERIFY(status >= 400);
        const QByteArray body = SpecFixtures::bytes(fixture);
        const QJsonObject expected = SpecFixtures::json(fixture).toObject();

        const ApiError error = ApiError::fromResponse(status, body);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.body, body);
        QCOMPARE(error.detailCode, expected.value(QLatin1String("detailCode")).toString());
        QCOMPARE(error.trackingId, expected.value(QLatin1String("trackingId")).toString());
        QCOMPARE(error.messages, textsOf(expected.value(QLatin1String("messages"))));
        QCOMPARE(error.causes, textsOf(expected.value(QLatin1String("causes"))));
        QCOMPARE(error.error, expected.value(QLatin1String("error")).toString());
        // The 429 example is " Rate Limit Exceeded ": kept without the padding.
        QCOMPARE(error.message, expected.value(QLatin1String("message")).toString().trimmed());

        // One sentence in SailPoint's words, then the tracking id when there is one.
        const QString summary = error.summary();
        QVERIFY(isOneLine(summary));
        QVERIFY(summary.startsWith(QStringLiteral("HTTP %1: ").arg(status)));
        QVERIFY(summary.endsWith(u'.'));
        const QString words = !error.messages.isEmpty() ? error.messages.first()
                : !error.error.isEmpty()                ? error.error
                                                        : error.message;
        QVERIFY(!words.isEmpty());
        QVERIFY2(summary.contains(words), qPrintable(summary));
        if (error.trackingId.isEmpty())
            QCOMPARE(error.text(), summary);
        else
            QCOMPARE(error.text(), summary + QStringLiteral(" (tracking id %1)").arg(error.trackingId));
    }

    void specSentences_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("text");
        QTest::newRow("400") << QStringLiteral("v2025/error-400.json")
                             << QStringLiteral("HTTP 400: The request was syntactically correct but its content is "
                                               "semantically invalid. (tracking id e7eab60924f64aa284175b9fa3309599)");
        QTest::newRow("401") << QStringLiteral("v2025/error-401.json")
                             << QStringLiteral("HTTP 401: JWT validation failed: JWT is expired.");
        QTest::newRow("403") << QStringLiteral("v1/error-403.json")
                             << QStringLiteral("HTTP 403: The server understood the request but refuses to authorize "
                                               "it. (tracking id b21b1f7ce4da4d639f2c62a57171b427)");
        QTest::newRow("404") << QStringLiteral("v2026/error-404.json")
                             << QStringLiteral("HTTP 404: The server did not find a current representation for the "
                                               "target resource. (tracking id b21b1f7ce4da4d639f2c62a57171b427)");
        QTest::newRow("429") << QStringLiteral("beta/error-429.json")
                             << QStringLiteral("HTTP 429: Rate Limit Exceeded.");
        QTest::newRow("500") << QStringLiteral("oauth/error-500.json")
                             << QStringLiteral("HTTP 500: An internal fault occurred. (tracking id "
                                               "b21b1f7ce4da4d639f2c62a57171b427)");
    }

    // What a person reads, written out. (The 400 example's cause repeats its message, so it is said once.)
    void specSentences()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, text);
        QCOMPARE(ApiError::fromResponse(statusOf(fixture), SpecFixtures::bytes(fixture)).text(), text);
    }

    void causes()
    {
        const ApiError error = ApiError::fromResponse(
                400,
                R"({"detailCode":"400.1 Bad Request Content","trackingId":"t1",)"
                R"("messages":[{"locale":"en-US","localeOrigin":"DEFAULT","text":"The filter is invalid"}],)"
                R"("causes":[{"text":"Unknown field sourceIds"},{"text":"Unknown field sourceIds"},{"text":"  "}]})");
        QCOMPARE(error.causes,
                 (QStringList {QStringLiteral("Unknown field sourceIds"), QStringLiteral("Unknown field sourceIds")}));
        QCOMPARE(error.text(),
                 QStringLiteral("HTTP 400: The filter is invalid. Cause: Unknown field sourceIds. (tracking id t1)"));
    }

    void oauthErrorDescription()
    {
        const ApiError error =
                ApiError::fromResponse(401, R"({"error":"invalid_client","error_description":"Bad credentials"})");
        QCOMPARE(error.error, QStringLiteral("invalid_client"));
        QCOMPARE(error.errorDescription, QStringLiteral("Bad credentials"));
        QCOMPARE(error.text(), QStringLiteral("HTTP 401: Bad credentials."));
    }

    void detailCodeOnly()
    {
        const ApiError error = ApiError::fromResponse(404, R"({"detailCode":"404 Not found","trackingId":"abc"})");
        QCOMPARE(error.text(), QStringLiteral("HTTP 404: 404 Not found. (tracking id abc)"));
    }

    void severalMessages()
    {
        const ApiError error =
                ApiError::fromResponse(400, R"({"messages":[{"text":"First problem"},{"text":"Second one!"}]})");
        QCOMPARE(error.messages.size(), 2);
        QCOMPARE(error.summary(), QStringLiteral("HTTP 400: First problem. Second one!"));
    }

    void lineBreaksBecomeSpaces()
    {
        const ApiError error = ApiError::fromResponse(500, "{\"messages\":[{\"text\":\"Line one\\n\\tline   two\"}]}");
        QCOMPARE(error.summary(), QStringLiteral("HTTP 500: Line one line two."));
    }

    // Empty and non-JSON bodies: our own sentence for the status, never an empty one.
    void bodiesThatSayNothing_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const QList<std::pair<const char *, QByteArray>> bodies = {
                {"empty", QByteArray()},
                {"spaces", QByteArray(" \r\n")},
                {"html", QByteArray("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")},
                {"text", QByteArray("Too Many Requests")},
                {"json array", QByteArray(R"([{"text":"x"}])")},
                {"json string", QByteArray(R"("oops")")},
                {"empty object", QByteArray("{}")},
                {"unknown fields", QByteArray(R"({"status":"down","code":7})")},
                {"wrong types", QByteArray(R"({"detailCode":404,"messages":"no","error":{"a":1},"message":[1]})")},
                {"blank texts", QByteArray(R"({"messages":[{"text":"  "},{"text":null},{"locale":"en"}],"error":""})")},
                {"truncated", QByteArray("{\"detailCode\":\"404 Not")},
                {"invalid utf-8", QByteArray("{\"error\":\"\xC0\xAF\"}")},
                {"nul bytes", QByteArray("\0\0\0", 3)},
        };
        for (const int status : statuses()) {
            for (const auto &[name, body] : bodies)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(status).arg(QLatin1String(name))))
                        << status << body;
        }
    }

    void bodiesThatSayNothing()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const ApiError error = ApiError::fromResponse(status, body);
        QCOMPARE(error.body, body);
        QCOMPARE(error.summary(), httpStatusSentence(status));
        QCOMPARE(error.text(), error.summary());
        QVERIFY(isOneLine(error.text()));
    }

    void statusSentences_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words"); // what the sentence must speak of
        QTest::newRow("400") << 400 << QStringLiteral("invalid");
        QTest::newRow("401") << 401 << QStringLiteral("token");
        QTest::newRow("403") << 403 << QStringLiteral("idn:task-management:read");
        QTest::newRow("404") << 404 << QStringLiteral("90 days");
        QTest::newRow("414") << 414 << QStringLiteral("too long");
        QTest::newRow("429") << 429 << QStringLiteral("rate limit");
        QTest::newRow("500") << 500 << QStringLiteral("internal");
        QTest::newRow("502") << 502 << QStringLiteral("unavailable");
        QTest::newRow("503") << 503 << QStringLiteral("unavailable");
        QTest::newRow("504") << 504 << QStringLiteral("timed out");
        QTest::newRow("599") << 599 << QStringLiteral("server");
        QTest::newRow("418") << 418 << QStringLiteral("failed");
    }

    void statusSentences()
    {
        QFETCH(int, status);
        QFETCH(QString, words);
        const QString sentence = httpStatusSentence(status);
        QVERIFY(sentence.startsWith(QStringLiteral("HTTP %1: ").arg(status)));
        QVERIFY2(sentence.contains(words), qPrintable(sentence));
        QVERIFY(sentence.endsWith(u'.'));
        QVERIFY(isOneLine(sentence));
    }

    // Every prefix of every example: a sentence, never a crash.
    void everyPrefix_data()
    {
        QTest::addColumn<QString>("fixture");
        for (const QString &fixture : SpecFixtures::list(QStringLiteral("error-*.json")))
            QTest::newRow(qPrintable(fixture)) << fixture;
    }

    void everyPrefix()
    {
        QFETCH(QString, fixture);
        const QByteArray full = SpecFixtures::bytes(fixture);
        const int status = statusOf(fixture);
        for (qsizetype length = 0; length <= full.size(); ++length) {
            const ApiError error = ApiError::fromResponse(status, full.left(length));
            QVERIFY(!error.text().isEmpty());
            QVERIFY(error.text().startsWith(QStringLiteral("HTTP %1: ").arg(status)));
        }
    }

    void hugeBody()
    {
        const QString huge(10 * 1024 * 1024, u'x');
        // (Plain literals: Qt 6.4's moc loses track of a raw string with an odd number of quotes.)
        const QByteArray body = "{\"trackingId\":\"t9\",\"messages\":[{\"text\":\"" + huge.toUtf8() + "\"}]}";
        const ApiError error = ApiError::fromResponse(500, body);
        QCOMPARE(error.messages.at(0).size(), huge.size()); // parsed whole
        QCOMPARE(error.body.size(), body.size()); // kept whole for the raw view
        QVERIFY(error.text().size() < 2000); // but the sentence stays a sentence
        QVERIFY(error.text().endsWith(QStringLiteral("… (tracking id t9)")));
    }

    void deepNesting()
    {
        const QByteArray deep = R"({"messages":)" + QByteArray(10000, '[') + QByteArray(10000, ']') + "}";
        const ApiError error = ApiError::fromResponse(400, deep);
        QCOMPARE(error.summary(), httpStatusSentence(400));
    }

    void unicodeKept()
    {
        const ApiError error = ApiError::fromResponse(
                400,
                QStringLiteral(R"({"messages":[{"locale":"fr-FR","text":"Filtre non valide : « 𝒳 »"}]})").toUtf8());
        QCOMPARE(error.messages, QStringList {QStringLiteral("Filtre non valide : « 𝒳 »")});
        QCOMPARE(error.summary(), QStringLiteral("HTTP 400: Filtre non valide : « 𝒳 »."));
    }

    // A 404 for one task and any 403 read in words people act on, with the tracking id; the tenant's own
    // words stay in sentence() for reports.
    void explainedNotFoundAndForbidden_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("aboutOneTask");
        QTest::addColumn<int>("access");
        QTest::addColumn<QString>("contains"); // empty: explained() is sentence()
        const QString notFound = QStringLiteral(
                "HTTP 404: not found on this tenant: older than 90 days, another tenant's id, or mistyped. "
                "(tracking id t-1)");
        QTest::newRow("404 for a task") << 404 << true << int(ApiAccess::Read) << notFound;
        QTest::newRow("404 for a task, PATCH") << 404 << true << int(ApiAccess::Write) << notFound;
        QTest::newRow("404 of a list") << 404 << false << int(ApiAccess::Read) << QString();
        QTest::newRow("403 reading") << 403 << true << int(ApiAccess::Read)
                                     << QStringLiteral("lack the scope idn:task-management:read");
        QTest::newRow("403 reading a list")
                << 403 << false << int(ApiAccess::Read) << QStringLiteral("lack the scope idn:task-management:read");
        QTest::newRow("403 writing") << 403 << true << int(ApiAccess::Write)
                                     << QStringLiteral("needs the scope idn:task-management:write, which only a "
                                                       "personal access token of an admin user has");
        for (int other : {400, 401, 429, 500})
            QTest::addRow("%d", other) << other << true << int(ApiAccess::Write) << QString();
    }
    void explainedNotFoundAndForbidden()
    {
        QFETCH(int, status);
        QFETCH(bool, aboutOneTask);
        QFETCH(int, access);
        QFETCH(QString, contains);
        const QByteArray body = R"({"detailCode":"x","trackingId":"t-1","messages":[{"text":"The server's words"}]})";
        const ApiError error = ApiError::fromResponse(status, body);
        QVERIFY(error.hasOwnWords());
        const Sentence explained = error.explained(ApiAccess(access), aboutOneTask);
        QCOMPARE(error.isExplained(aboutOneTask), !contains.isEmpty());
        if (contains.isEmpty()) {
            QCOMPARE(explained.english(), error.sentence().english());
            return;
        }
        QVERIFY2(explained.english().contains(contains), qPrintable(explained.english()));
        QVERIFY(explained.english().endsWith(QStringLiteral("(tracking id t-1)")));
        QVERIFY(!explained.english().contains(QStringLiteral("The server's words")));
        QCOMPARE(error.sentence().english(),
                 QStringLiteral("HTTP %1: The server's words. (tracking id t-1)").arg(status));
        if (status == 403 && ApiAccess(access) == ApiAccess::Write) // the user levels of the spec's PATCH
            for (const char *level : {"ORG_ADMIN", "CERT_ADMIN", "REPORT_ADMIN", "ROLE_ADMIN", "ROLE_SUBADMIN",
                                      "SOURCE_ADMIN", "SOURCE_SUBADMIN"})
                QVERIFY(explained.english().contains(QLatin1String(level)));
    }

    void explainedWithoutBodyOrTrackingId()
    {
        const ApiError empty = ApiError::fromResponse(404, {});
        QVERIFY(!empty.hasOwnWords());
        QCOMPARE(empty.explained(ApiAccess::Read, true).english(),
                 QStringLiteral("HTTP 404: not found on this tenant: older than 90 days, another tenant's id, or "
                                "mistyped."));
        const QByteArray rateLimited = "{\"message\":\" Rate Limit Exceeded \"}";
        const QByteArray expired = "{\"error\":\"JWT is expired\"}";
        QVERIFY(ApiError::fromResponse(429, rateLimited).hasOwnWords());
        QVERIFY(ApiError::fromResponse(401, expired).hasOwnWords());
        QVERIFY(!ApiError::fromResponse(500, "<html>oops</html>").hasOwnWords());
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"

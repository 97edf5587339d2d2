#include "sim/HttpRequestParser.h"

#include <QTest>

using Status = HttpParseResult::Status;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void completeGet()
    {
        const QByteArray wire =
                "GET /v2025/task-status?limit=5&filters=id%20eq%20%22a%22 HTTP/1.1\r\n"
                "Host: 127.0.0.1\r\nAuthorization: Bearer abc\r\nX-SailPoint-Experimental:  true \r\n\r\n";
        const HttpParseResult result = parseHttpRequest(wire);
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.consumed, wire.size());
        QCOMPARE(result.request.method, QByteArray("GET"));
        QCOMPARE(result.request.rawPath, QByteArray("/v2025/task-status"));
        QCOMPARE(result.request.rawQuery, QByteArray("limit=5&filters=id%20eq%20%22a%22"));
        QCOMPARE(result.request.header("authorization"), QByteArray("Bearer abc"));
        QCOMPARE(result.request.header("x-sailpoint-experimental"), QByteArray("true"));
        QVERIFY(result.request.keepAlive);
        QVERIFY(result.request.body.isEmpty());
    }

    void incrementalAndPipelined()
    {
        const QByteArray first = "POST /oauth/token HTTP/1.1\r\nContent-Length: 11\r\n\r\ngrant_type=";
        const QByteArray second = "GET /a HTTP/1.1\r\n\r\n";
        const QByteArray wire = first + second;
        for (qsizetype cut = 0; cut < first.size(); ++cut)
            QCOMPARE(parseHttpRequest(wire.left(cut)).status, Status::NeedMore);
        const HttpParseResult one = parseHttpRequest(wire);
        QCOMPARE(one.status, Status::Complete);
        QCOMPARE(one.request.body, QByteArray("grant_type="));
        QCOMPARE(one.consumed, first.size());
        const HttpParseResult two = parseHttpRequest(wire.mid(one.consumed));
        QCOMPARE(two.status, Status::Complete);
        QCOMPARE(two.request.rawPath, QByteArray("/a"));
    }

    void bareLineFeedsAndLeadingBlankLines()
    {
        const HttpParseResult result = parseHttpRequest("\r\n\nGET /x?y HTTP/1.0\nConnection: keep-alive\n\n");
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.request.rawPath, QByteArray("/x"));
        QCOMPARE(result.request.minorVersion, 0);
        QVERIFY(result.request.keepAlive);
        QVERIFY(!parseHttpRequest("GET / HTTP/1.0\r\n\r\n").request.keepAlive);
        QVERIFY(!parseHttpRequest("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n").request.keepAlive);
    }

    void absoluteFormTarget()
    {
        const HttpParseResult result =
                parseHttpRequest("GET http://127.0.0.1:8080/task-status/v1?x=1 HTTP/1.1\r\n\r\n");
        QCOMPARE(result.status, Status::Complete);
        QCOMPARE(result.request.rawPath, QByteArray("/task-status/v1"));
        QCOMPARE(result.request.rawQuery, QByteArray("x=1"));
    }

    void requestLineLimit()
    {
        HttpLimits limits;
        const QByteArray prefix = "GET /";
        const QByteArray suffix = " HTTP/1.1";
        const qsizetype fill = limits.maxRequestLine - prefix.size() - suffix.size();
        const QByteArray exact = prefix + QByteArray(fill, 'a') + suffix;
        QCOMPARE(exact.size(), limits.maxRequestLine);
        QCOMPARE(parseHttpRequest(exact + "\r\n\r\n").status, Status::Complete);

        const QByteArray over = prefix + QByteArray(fill + 1, 'a') + suffix;
        HttpParseResult result = parseHttpRequest(over + "\r\n\r\n");
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.errorStatus, 414);
        QCOMPARE(result.method, QByteArray("GET"));
        // Without the end of the line yet: refused as soon as it cannot fit, not buffered on.
        result = parseHttpRequest(prefix + QByteArray(limits.maxRequestLine, 'a'));
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.errorStatus, 414);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("two parts") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("not a path") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
        QTest::newRow("not http") << QByteArray("GET / FTP/1.0\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("folded") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths")
                << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
        QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n") << 413;
        QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 101; ++i)
            manyHeaders += "X-" + QByteArray::number(i) + ": 1\r\n";
        QTest::newRow("too many headers") << manyHeaders + "\r\n" << 431;
        QTest::newRow("header section too long")
                << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("endless header section") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(70000, 'a')) << 431;
    }
    void errors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        const HttpParseResult result = parseHttpRequest(wire);
        QCOMPARE(result.status, Status::Error);
        QCOMPARE(result.errorStatus, status);
        QVERIFY(!result.errorReason.isEmpty());
    }

    void expectContinue()
    {
        const HttpParseResult result =
                parseHttpRequest("POST /__sim/tasks HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        QCOMPARE(result.status, Status::NeedMore);
        QVERIFY(result.expectsContinue);
    }

    void formDecoding()
    {
        const auto items =
                decodeFormEncoded("grant_type=client_credentials&client_id=a+b&client_secret=%2B%C3%A9&flag&=x");
        QCOMPARE(firstValue(items, QStringLiteral("grant_type")), QStringLiteral("client_credentials"));
        QCOMPARE(firstValue(items, QStringLiteral("client_id")), QStringLiteral("a b"));
        QCOMPARE(firstValue(items, QStringLiteral("client_secret")), QStringLiteral("+é"));
        bool found = false;
        QCOMPARE(firstValue(items, QStringLiteral("flag"), &found), QString());
        QVERIFY(found);
        firstValue(items, QStringLiteral("missing"), &found);
        QVERIFY(!found);
        const auto repeated = decodeFormEncoded("limit=1&limit=2");
        QCOMPARE(firstValue(repeated, QStringLiteral("limit")), QStringLiteral("1"));
    }
};

QTEST_APPLESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"

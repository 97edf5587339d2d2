#include "sim/MultipartForm.h"

#include <QTest>

using Fields = QList<QPair<QString, QString>>;

// multipart/form-data bodies (RFC 7578) as OAuth clients send them, parsed without a server.
class TestMultipartForm : public QObject
{
    Q_OBJECT

private:
    static QByteArray part(const QByteArray &boundary, const QByteArray &name, const QByteArray &value,
                           const QByteArray &extraHeaders = {})
    {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n" + extraHeaders + "\r\n"
                + value + "\r\n";
    }

private Q_SLOTS:
    void detectsTheMediaType()
    {
        QVERIFY(MultipartForm::isMultipartFormData("multipart/form-data; boundary=x"));
        QVERIFY(MultipartForm::isMultipartFormData("Multipart/Form-Data;boundary=x"));
        QVERIFY(MultipartForm::isMultipartFormData(" multipart/form-data "));
        QVERIFY(!MultipartForm::isMultipartFormData("multipart/mixed; boundary=x"));
        QVERIFY(!MultipartForm::isMultipartFormData("application/x-www-form-urlencoded"));
        QVERIFY(!MultipartForm::isMultipartFormData({}));
    }

    void boundaries_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary");
        QTest::newRow("token") << QByteArray("multipart/form-data; boundary=----abc123") << QByteArray("----abc123");
        QTest::newRow("no space") << QByteArray("multipart/form-data;boundary=x") << QByteArray("x");
        QTest::newRow("upper-case name") << QByteArray("multipart/form-data; BOUNDARY=x") << QByteArray("x");
        QTest::newRow("quoted") << QByteArray("multipart/form-data; boundary=\"a b;c\"") << QByteArray("a b;c");
        QTest::newRow("quoted escape") << QByteArray("multipart/form-data; boundary=\"a\\\"b\"") << QByteArray("a\"b");
        QTest::newRow("after charset") << QByteArray("multipart/form-data; charset=utf-8; boundary=z")
                                       << QByteArray("z");
        QTest::newRow("missing") << QByteArray("multipart/form-data") << QByteArray();
        QTest::newRow("unclosed quote") << QByteArray("multipart/form-data; boundary=\"abc") << QByteArray();
    }
    void boundaries()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        QCOMPARE(MultipartForm::boundary(contentType), boundary);
    }

    void whatCurlSends()
    {
        // curl -F grant_type=client_credentials -F client_id=demo -F client_secret=demo
        const QByteArray boundary = "------------------------d74496d66958873e";
        const QByteArray body = part(boundary, "grant_type", "client_credentials") + part(boundary, "client_id", "demo")
                + part(boundary, "client_secret", "s3cr3t+/= ü") + "--" + boundary + "--\r\n";
        const auto fields = MultipartForm::parse("multipart/form-data; boundary=" + boundary, body);
        QVERIFY2(fields.ok(), qPrintable(fields.error().message()));
        QCOMPARE(fields.value(),
                 (Fields {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                          {QStringLiteral("client_id"), QStringLiteral("demo")},
                          {QStringLiteral("client_secret"), QStringLiteral("s3cr3t+/= ü")}}));
    }

    void quotedBoundaryPreambleEpilogueAndPartHeaders()
    {
        const QByteArray boundary = "my boundary";
        const QByteArray body = "This is a preamble.\r\n" + part(boundary, "grant_type", "client_credentials")
                + part(boundary, "client_id", "demo", "Content-Type: text/plain; charset=utf-8\r\n") + "--" + boundary
                + "\r\ncontent-disposition: Form-Data; name=client_secret; filename=\"s.txt\"\r\n\r\n"
                + "multi\r\nline\r\n" + "--" + boundary + "--   \r\nepilogue";
        const auto fields = MultipartForm::parse("multipart/form-data; boundary=\"my boundary\"", body);
        QVERIFY2(fields.ok(), qPrintable(fields.error().message()));
        QCOMPARE(fields->size(), 3);
        QCOMPARE(fields->at(1).second, QStringLiteral("demo"));
        QCOMPARE(fields->at(2), qMakePair(QStringLiteral("client_secret"), QStringLiteral("multi\r\nline")));
    }

    void emptyValuesAndTransportPadding()
    {
        const QByteArray body = "--b  \r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n"
                                "--b\r\nContent-Disposition: form-data; name=\"quoted \\\"name\\\"\"\r\n\r\nv\r\n--b--";
        const auto fields = MultipartForm::parse("multipart/form-data; boundary=b", body);
        QVERIFY2(fields.ok(), qPrintable(fields.error().message()));
        QCOMPARE(fields.value(),
                 (Fields {{QStringLiteral("a"), QString()}, {QStringLiteral("quoted \"name\""), QStringLiteral("v")}}));
    }

    void noPartsAtAll()
    {
        const auto fields = MultipartForm::parse("multipart/form-data; boundary=b", "--b--\r\n");
        QVERIFY(fields.ok());
        QVERIFY(fields->isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("says");
        const QByteArray type = "multipart/form-data; boundary=b";
        const QByteArray good = part("b", "grant_type", "client_credentials") + "--b--\r\n";
        QTest::newRow("not multipart") << QByteArray("text/plain") << good << QStringLiteral("not multipart");
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << good << QStringLiteral("no boundary");
        QTest::newRow("boundary too long")
                << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'x')) << good << QStringLiteral("70");
        QTest::newRow("other boundary") << QByteArray("multipart/form-data; boundary=c") << good
                                        << QStringLiteral("opening");
        QTest::newRow("empty body") << type << QByteArray() << QStringLiteral("opening");
        QTest::newRow("not closed") << type << part("b", "grant_type", "client_credentials")
                                    << QStringLiteral("closing");
        QTest::newRow("bare LF") << type << QByteArray("--b\nContent-Disposition: form-data; name=\"a\"\n\nv\n--b--\n")
                                 << QStringLiteral("CRLF");
        QTest::newRow("no disposition") << type << QByteArray("--b\r\nContent-Type: text/plain\r\n\r\nv\r\n--b--")
                                        << QStringLiteral("form-data");
        QTest::newRow("attachment") << type
                                    << QByteArray(
                                               "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--b--")
                                    << QStringLiteral("form-data");
        QTest::newRow("no name") << type << QByteArray("--b\r\nContent-Disposition: form-data\r\n\r\nv\r\n--b--")
                                 << QStringLiteral("no name");
        QTest::newRow("headers never end")
                << type << QByteArray("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n--b--")
                << QStringLiteral("empty line");
    }
    void refusals()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, says);
        const auto fields = MultipartForm::parse(contentType, body);
        QVERIFY(!fields.ok());
        QVERIFY2(fields.error().message().contains(says), qPrintable(fields.error().message()));
    }
};

QTEST_APPLESS_MAIN(TestMultipartForm)
#include "tst_multipartform.moc"

#include "sim/TaskPatch.h"

#include <QDateTime>
#include <QTest>

// The JSON Patch bodies PATCH /task-status/{id} accepts and refuses, without a server.
class TestTaskPatch : public QObject
{
    Q_OBJECT

private:
    static constexpr char patchType[] = "application/json-patch+json";

    static qint64 ms(const char *isoUtc)
    {
        return QDateTime::fromString(QLatin1String(isoUtc), Qt::ISODateWithMs).toMSecsSinceEpoch();
    }

private Q_SLOTS:
    void theSpecsExample()
    {
        // Verbatim from v2024/v2025/v2026/v1: "Error" in mixed case, a space-separated date with microseconds.
        const Parsed<TaskPatch> patch =
                TaskPatch::parse(patchType,
                                 R"([{"op":"replace","path":"/completionStatus","value":"Error"},)"
                                 R"({"op":"replace","path":"/completed","value":"2024-05-17 19:33:16.470000+00:00"}])");
        QVERIFY2(patch.ok(), qPrintable(patch.error().message()));
        QCOMPARE(patch->completionStatus, std::optional(CompletionStatus::Error));
        QCOMPARE(patch->completedMs, std::optional(ms("2024-05-17T19:33:16.470Z")));
    }

    void statusValuesInAnyCase_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<CompletionStatus>("status");
        QTest::newRow("Error") << QStringLiteral("Error") << CompletionStatus::Error;
        QTest::newRow("ERROR") << QStringLiteral("ERROR") << CompletionStatus::Error;
        QTest::newRow("terminated") << QStringLiteral("terminated") << CompletionStatus::Terminated;
        QTest::newRow("Terminated") << QStringLiteral("Terminated") << CompletionStatus::Terminated;
        QTest::newRow("Success") << QStringLiteral("Success") << CompletionStatus::Success;
        QTest::newRow("WARNING") << QStringLiteral("WARNING") << CompletionStatus::Warning;
        QTest::newRow("TempError") << QStringLiteral("TempError") << CompletionStatus::TempError;
        QTest::newRow("TEMPERROR") << QStringLiteral("TEMPERROR") << CompletionStatus::TempError;
    }
    void statusValuesInAnyCase()
    {
        QFETCH(QString, value);
        QFETCH(CompletionStatus, status);
        const QByteArray body =
                "[{\"op\":\"replace\",\"path\":\"/completionStatus\",\"value\":\"" + value.toUtf8() + "\"}]";
        const Parsed<TaskPatch> patch = TaskPatch::parse(patchType, body);
        QVERIFY2(patch.ok(), qPrintable(patch.error().message()));
        QCOMPARE(patch->completionStatus, std::optional(status));
        QCOMPARE(patch->completedMs, std::nullopt);
    }

    void dateForms_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("utc");
        QTest::newRow("RFC 3339 Z") << QStringLiteral("2024-05-17T19:33:16.470Z")
                                    << QStringLiteral("2024-05-17T19:33:16.470Z");
        QTest::newRow("no fraction") << QStringLiteral("2024-05-17T19:33:16Z")
                                     << QStringLiteral("2024-05-17T19:33:16.000Z");
        QTest::newRow("offset") << QStringLiteral("2024-05-17T21:33:16.470+02:00")
                                << QStringLiteral("2024-05-17T19:33:16.470Z");
        QTest::newRow("negative offset") << QStringLiteral("2024-05-17T14:33:16-05:00")
                                         << QStringLiteral("2024-05-17T19:33:16.000Z");
        QTest::newRow("lower case t z") << QStringLiteral("2024-05-17t19:33:16.4z")
                                        << QStringLiteral("2024-05-17T19:33:16.400Z");
        QTest::newRow("nanoseconds") << QStringLiteral("2024-05-17T19:33:16.470123456Z")
                                     << QStringLiteral("2024-05-17T19:33:16.470Z");
        QTest::newRow("spec example") << QStringLiteral("2024-05-17 19:33:16.470000+00:00")
                                      << QStringLiteral("2024-05-17T19:33:16.470Z");
    }
    void dateForms()
    {
        QFETCH(QString, value);
        QFETCH(QString, utc);
        const QByteArray body = "[{\"op\":\"replace\",\"path\":\"/completed\",\"value\":\"" + value.toUtf8() + "\"}]";
        const Parsed<TaskPatch> patch = TaskPatch::parse(patchType, body);
        QVERIFY2(patch.ok(), qPrintable(patch.error().message()));
        QCOMPARE(patch->completedMs, std::optional(ms(utc.toLatin1().constData())));
        QCOMPARE(patch->completionStatus, std::nullopt);
    }

    void laterOperationsWinAndUnknownMembersAreIgnored()
    {
        const Parsed<TaskPatch> patch = TaskPatch::parse(
                "Application/JSON-Patch+JSON; charset=utf-8",
                R"([{"op":"replace","path":"/completionStatus","value":"ERROR"},)"
                R"({"op":"replace","path":"/completionStatus","value":"terminated","from":"/x","note":1}])");
        QVERIFY2(patch.ok(), qPrintable(patch.error().message()));
        QCOMPARE(patch->completionStatus, std::optional(CompletionStatus::Terminated));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        const QByteArray p = patchType;
        const QByteArray ok = R"([{"op":"replace","path":"/completionStatus","value":"Error"}])";
        QTest::newRow("plain JSON type") << QByteArray("application/json") << ok << QString()
                                         << QStringLiteral("Content-Type");
        QTest::newRow("no type") << QByteArray() << ok << QString() << QStringLiteral("none");
        QTest::newRow("merge patch type")
                << QByteArray("application/merge-patch+json") << ok << QString() << QStringLiteral("json-patch");
        QTest::newRow("not JSON") << p << QByteArray("[{") << QString() << QStringLiteral("not JSON");
        QTest::newRow("empty body") << p << QByteArray() << QString() << QStringLiteral("not JSON");
        QTest::newRow("object") << p << QByteArray(R"({"completionStatus":"Error"})") << QString()
                                << QStringLiteral("array");
        QTest::newRow("empty array") << p << QByteArray("[]") << QString() << QStringLiteral("empty");
        QTest::newRow("not an operation")
                << p << QByteArray(R"(["replace"])") << QStringLiteral("[0]") << QStringLiteral("object");
        QTest::newRow("add") << p << QByteArray(R"([{"op":"add","path":"/completionStatus","value":"Error"}])")
                             << QStringLiteral("[0].op") << QStringLiteral("replace");
        QTest::newRow("remove") << p << QByteArray(R"([{"op":"remove","path":"/completed"}])")
                                << QStringLiteral("[0].op") << QStringLiteral("remove");
        QTest::newRow("upper-case op") << p
                                       << QByteArray(R"([{"op":"REPLACE","path":"/completionStatus","value":"Error"}])")
                                       << QStringLiteral("[0].op") << QStringLiteral("REPLACE");
        QTest::newRow("no op") << p << QByteArray(R"([{"path":"/completionStatus","value":"Error"}])")
                               << QStringLiteral("[0].op") << QStringLiteral("nothing");
        QTest::newRow("other path") << p << QByteArray(R"([{"op":"replace","path":"/progress","value":"x"}])")
                                    << QStringLiteral("[0].path") << QStringLiteral("/progress");
        QTest::newRow("path case") << p
                                   << QByteArray(R"([{"op":"replace","path":"/completionstatus","value":"Error"}])")
                                   << QStringLiteral("[0].path") << QStringLiteral("/completionstatus");
        QTest::newRow("no path") << p << QByteArray(R"([{"op":"replace","value":"Error"}])")
                                 << QStringLiteral("[0].path") << QStringLiteral("nothing");
        QTest::newRow("no value") << p << QByteArray(R"([{"op":"replace","path":"/completed"}])")
                                  << QStringLiteral("[0].value") << QStringLiteral("value");
        QTest::newRow("unknown status") << p
                                        << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":"Done"}])")
                                        << QStringLiteral("[0].value") << QStringLiteral("\"Done\"");
        QTest::newRow("null status") << p << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":null}])")
                                     << QStringLiteral("[0].value") << QStringLiteral("null");
        QTest::newRow("numeric status") << p << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":3}])")
                                        << QStringLiteral("[0].value") << QStringLiteral("number");
        QTest::newRow("bad date") << p << QByteArray(R"([{"op":"replace","path":"/completed","value":"yesterday"}])")
                                  << QStringLiteral("[0].value") << QStringLiteral("yesterday");
        QTest::newRow("impossible date")
                << p << QByteArray(R"([{"op":"replace","path":"/completed","value":"2024-02-30T10:00:00Z"}])")
                << QStringLiteral("[0].value") << QStringLiteral("2024-02-30");
        QTest::newRow("epoch number") << p << QByteArray(R"([{"op":"replace","path":"/completed","value":1715974396}])")
                                      << QStringLiteral("[0].value") << QStringLiteral("number");
        QTest::newRow("second op bad") << p
                                       << QByteArray(R"([{"op":"replace","path":"/completionStatus","value":"Error"},)"
                                                     R"({"op":"replace","path":"/completed","value":""}])")
                                       << QStringLiteral("[1].value") << QStringLiteral("date-time");
    }
    void refusals()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, says);
        const Parsed<TaskPatch> patch = TaskPatch::parse(contentType, body);
        QVERIFY(!patch.ok());
        QCOMPARE(patch.error().field, field);
        QVERIFY2(patch.error().reason.contains(says), qPrintable(patch.error().reason));
    }
};

QTEST_APPLESS_MAIN(TestTaskPatch)
#include "tst_taskpatch.moc"

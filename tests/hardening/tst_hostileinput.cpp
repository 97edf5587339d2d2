#include "HostileServer.h"
#include "RecordingProxy.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "fuzz/FuzzChecks.h"
#include "models/TaskId.h"
#include "sim/SimServer.h"

#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace std::chrono_literals;

// Hostile input from both sides: what a person pastes (100,000 ids; quotes, spaces, Unicode and filter
// syntax) never changes a filter the tenant receives, and what a tenant sends (50 MB, a body that never
// ends) or a tenant URL (credentials, odd schemes) is cut off or refused with a clear error.
// The filters the tenant received are read from a byte relay in front of it (RecordingProxy).
class TestHostileInput : public QObject
{
    Q_OBJECT

    static ConnectionProfile profileFor(const QUrl &base)
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("hostile");
        profile.baseUrl = base;
        profile.clientId = QStringLiteral("demo");
        return profile;
    }

    struct Received
    {
        QSet<QString> listIds; // every id in every list filter
        QSet<QString> singleIds; // every id of a single GET
        qsizetype longestLine = 0;
        QStringList unreadable; // filters that are not exactly `id in ("…",…)`
    };

    static Received received(const RecordingProxy &proxy)
    {
        Received result;
        for (const QByteArray &line : proxy.requests()) {
            result.longestLine = std::max(result.longestLine, line.size());
            const QList<QByteArray> parts = line.split(' ');
            if (parts.value(0) != "GET")
                continue;
            const QUrl url = QUrl::fromEncoded(parts.value(1));
            const QString path = url.path();
            if (path == u"/v2025/task-status") {
                const QString filter = QUrlQuery(url).queryItemValue(QStringLiteral("filters"), QUrl::FullyDecoded);
                const std::optional<QStringList> ids = FuzzChecks::parseIdInFilter(filter);
                if (!ids)
                    result.unreadable.append(filter);
                else
                    for (const QString &id : *ids)
                        result.listIds.insert(id);
            } else if (path.startsWith(u"/v2025/task-status/")) {
                result.singleIds.insert(QUrl::fromPercentEncoding(path.mid(19).toUtf8()));
            }
        }
        return result;
    }

    static QSet<QString> watchedIds(const TaskMonitor &monitor)
    {
        QSet<QString> ids;
        for (const WatchedTask &task : monitor.tasks())
            ids.insert(task.id);
        return ids;
    }

    static bool settled(const TaskMonitor &monitor)
    {
        const QList<WatchedTask> tasks = monitor.tasks();
        return std::all_of(tasks.begin(), tasks.end(), [](const WatchedTask &task) {
            return task.status || task.problem.kind == FetchProblem::Kind::NotFound;
        });
    }

private Q_SLOTS:
    void pasteOfAHundredThousandIds()
    {
        SimConfig config;
        config.seededTasks = 10000;
        SimServer sim(config);
        QVERIFY(sim.listen());
        RecordingProxy proxy(sim.baseUrl());
        const QStringList known = sim.taskIds();
        QCOMPARE(known.size(), 10000);

        // 100,000 ids as people paste them: mixed separators, quotes, brackets; the first 10,000 exist.
        QString text = QStringLiteral("[");
        const QStringList separators {QStringLiteral("\n"), QStringLiteral(", "), QStringLiteral(";\t"),
                                      QString(QChar(0x00A0))};
        for (int i = 0; i < 100000; ++i) {
            const QString id = i < known.size() ? known.at(i) : QStringLiteral("extra%1").arg(i);
            text += (i % 3 == 0 ? u'"' + id + u'"' : id) + separators.at(i % separators.size());
        }
        text += u']';
        const TaskId::PastedIds pasted = TaskId::parsePasted(text);
        QCOMPARE(pasted.ids, known); // the limit of 10,000 per paste, in pasted order
        QCOMPARE(pasted.rejected.size(), 90000);
        QVERIFY(pasted.rejected.first().reason.contains(QStringLiteral("over the limit of 10000")));

        TaskMonitor monitor(profileFor(proxy.baseUrl()));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks(pasted.ids);
        QTRY_VERIFY_WITH_TIMEOUT(settled(monitor), 180000);

        Received got = received(proxy);
        QVERIFY2(got.unreadable.isEmpty(), qPrintable(got.unreadable.value(0).left(200)));
        QCOMPARE(got.listIds, QSet<QString>(known.begin(), known.end()));
        QVERIFY(got.singleIds.isEmpty()); // every id was answered by a list call
        QVERIFY(got.longestLine < 8192);
        const QJsonObject requests = sim.stats().value(u"requests").toObject();
        const QJsonObject lists = requests.value(u"GET /v2025/task-status").toObject();
        QVERIFY(lists.value(u"200").toInteger() >= 10000 / 250);
        QCOMPARE(lists.keys(), QStringList {QStringLiteral("200")}); // no 400 and no 414
    }

    void hostileIdsNeverChangeAFilter()
    {
        SimServer sim {SimConfig()};
        for (const char *id : {"a", "victim", "good-2", "good_3"})
            QVERIFY(!sim.addTask(QJsonObject {{QStringLiteral("id"), QLatin1String(id)}}).isEmpty());
        QVERIFY(sim.listen());
        RecordingProxy proxy(sim.baseUrl());

        // "victim" exists on the tenant, and the lines below try to get it (or anything else) into a filter.
        const QStringList hostile {
                QStringLiteral("a\") or id in (\"victim"),
                QStringLiteral("x\" or id eq \"victim"),
                QStringLiteral("id in (\"victim\"x)"),
                QStringLiteral("\"quoted id\""),
                QStringLiteral("with space"),
                QStringLiteral("a\\\"victim"),
                QStringLiteral("%22victim%22"),
                QStringLiteral("victim%29"),
                QString::fromUtf8("ünïcödé"),
                QString::fromUtf8("\xF0\x9F\x99\x82"), // an emoji
                QString::fromUtf8("\xEF\xBD\x82"), // fullwidth b
                QString(QChar(0x202E)) + QStringLiteral("victim"), // right-to-left override
                QStringLiteral("a") + QChar(0) + QStringLiteral("b"),
                QString(65, u'a'),
                QStringLiteral("a'b"),
                QStringLiteral("good-2"),
                QStringLiteral("good_3"),
        };
        const TaskId::PastedIds pasted = TaskId::parsePasted(hostile.join(u'\n'));
        QSet<QString> expected(pasted.ids.begin(), pasted.ids.end());
        for (const QString &id : hostile) {
            if (TaskId::isValid(id))
                expected.insert(id);
        }
        QVERIFY(!expected.contains(QStringLiteral("victim")));
        QVERIFY(expected.contains(QStringLiteral("good-2")) && expected.contains(QStringLiteral("good_3")));

        TaskMonitor monitor(profileFor(proxy.baseUrl()));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks(pasted.ids);
        monitor.addTasks(hostile); // straight in, unparsed: the engine validates too
        QCOMPARE(watchedIds(monitor), expected);
        QTRY_VERIFY_WITH_TIMEOUT(settled(monitor), 60000);
        QVERIFY(monitor.task(QStringLiteral("good-2"))->status);

        Received got = received(proxy);
        QVERIFY2(got.unreadable.isEmpty(), qPrintable(got.unreadable.value(0)));
        QVERIFY(got.listIds.contains(QStringLiteral("good-2")));
        QVERIFY(!got.listIds.contains(QStringLiteral("victim")) && !got.singleIds.contains(QStringLiteral("victim")));
        QVERIFY2(got.listIds.subtract(expected).isEmpty(), "a filter held an id nobody watches");
        QVERIFY2(got.singleIds.subtract(expected).isEmpty(), "a task was read that nobody watches");
        const QJsonObject lists = sim.stats().value(u"requests").toObject().value(u"GET /v2025/task-status").toObject();
        QVERIFY(lists.value(u"200").toInteger() > 0);
        QCOMPARE(lists.value(u"400").toInteger(), 0);
    }

    void hugeAnswerIsCutOff_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addRow("50 MB announced") << int(HostileServer::Answer::Huge);
        QTest::addRow("50 MB chunked") << int(HostileServer::Answer::HugeChunked);
    }

    void hugeAnswerIsCutOff()
    {
        QFETCH(int, answer);
        HostileServer server {HostileServer::Answer(answer)};
        TaskMonitor monitor(profileFor(server.baseUrl()));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("a1")});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState().kind, ConnectionState::Kind::Offline, 60000);
        const QString message = monitor.connectionState().message;
        QVERIFY2(message.contains(QStringLiteral("larger than 16 MiB and was cut off")), qPrintable(message));
        QCOMPARE(monitor.task(QStringLiteral("a1"))->problem.message, message);
        QVERIFY(!monitor.task(QStringLiteral("a1"))->status);
    }

    void endlessAnswerIsCutOff()
    {
        HostileServer server(HostileServer::Answer::Endless);
        TaskMonitor monitor(profileFor(server.baseUrl()));
        monitor.client()->transport()->setTransferDeadline(3s);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("a1")});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState().kind, ConnectionState::Kind::Offline, 60000);
        const QString message = monitor.connectionState().message;
        QVERIFY2(message.contains(QStringLiteral("did not end within 3 s and was cut off")), qPrintable(message));
        QVERIFY(server.bodyBytesSent() > 0); // it was sending all along: a silence timeout would never fire
    }

    void tenantUrlIsRefused_data()
    {
        QTest::addColumn<QString>("url"); // PORT: the counting server's
        QTest::addColumn<QString>("why");
        const QString credentials = QStringLiteral("must not contain a user name or password");
        const QString scheme = QStringLiteral("must start with https://");
        QTest::addRow("user and password")
                << QStringLiteral("https://user:s3cret@127.0.0.1:PORT/refused") << credentials;
        QTest::addRow("user only, loopback http")
                << QStringLiteral("http://user@127.0.0.1:PORT/refused") << credentials;
        QTest::addRow("password only") << QStringLiteral("http://:s3cret@localhost:PORT/refused") << credentials;
        QTest::addRow("ftp") << QStringLiteral("ftp://127.0.0.1:PORT/refused") << scheme;
        QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << scheme;
        QTest::addRow("javascript") << QStringLiteral("javascript:alert(1)") << scheme;
        QTest::addRow("data") << QStringLiteral("data:text/plain,refused") << scheme;
        QTest::addRow("websocket") << QStringLiteral("ws://127.0.0.1:PORT/refused") << scheme;
        QTest::addRow("query") << QStringLiteral("http://127.0.0.1:PORT/refused?x=1")
                               << QStringLiteral("query or fragment");
        QTest::addRow("no host") << QStringLiteral("https:///refused") << QStringLiteral("no host");
    }

    void tenantUrlIsRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, why);
        HostileServer server;
        const QUrl refusedUrl(url.replace(QStringLiteral("PORT"), QString::number(server.port())));
        TaskMonitor refused(profileFor(refusedUrl));
        QCOMPARE(refused.connectionState().kind, ConnectionState::Kind::Misconfigured);
        QVERIFY2(refused.connectionState().message.contains(why), qPrintable(refused.connectionState().message));
        refused.setSecret(QStringLiteral("demo"));
        refused.addTasks({QStringLiteral("a1")});
        refused.refreshNow();
        QCOMPARE(refused.connectionState().kind, ConnectionState::Kind::Misconfigured);

        // The control: the same server under an acceptable URL is reached, so silence above means something.
        TaskMonitor control(profileFor(QUrl(QStringLiteral("http://127.0.0.1:%1/control").arg(server.port()))));
        control.setSecret(QStringLiteral("demo"));
        control.addTasks({QStringLiteral("a1")});
        QTRY_VERIFY_WITH_TIMEOUT(!server.requestLines().isEmpty(), 30000);
        for (const QByteArray &line : server.requestLines())
            QVERIFY2(line.contains("/control/"), line.constData());
        QCOMPARE(refused.client()->transport()->sentCount(), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostileinput.moc"

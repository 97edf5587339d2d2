// The single-instance socket's messages and key: every message survives its round trip, any other bytes
// are refused with a reason (never a crash), and the key tells different folders apart.

#include "app/desktop/SingleInstance.h"

#include <QDir>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestsRoundTrip()
    {
        for (const QStringList &ids : {QStringList {}, QStringList {QStringLiteral("a")},
                                       QStringList {QStringLiteral("2c9180858b3d4e5f"), QStringLiteral("x-y_z")}}) {
            const QByteArray line = InstanceMessage::encodeRequest({ids});
            QVERIFY(line.endsWith('\n'));
            QCOMPARE(line.count('\n'), 1); // one line per message
            const std::optional<InstanceRequest> back = InstanceMessage::decodeRequest(line.chopped(1));
            QVERIFY(back);
            QCOMPARE(back->ids, ids);
        }
    }

    void repliesRoundTrip()
    {
        InstanceReply yes;
        yes.ok = true;
        yes.added = 3;
        yes.alreadyWatched = 2;
        InstanceReply no;
        no.error = QStringLiteral("cannot save\nthe list “ü”");
        for (const InstanceReply &reply : {yes, no}) {
            const QByteArray line = InstanceMessage::encodeReply(reply);
            QCOMPARE(line.count('\n'), 1);
            const std::optional<InstanceReply> back = InstanceMessage::decodeReply(line.chopped(1));
            QVERIFY(back);
            QCOMPARE(*back, reply);
        }
    }

    void otherBytesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("JSON");
        QTest::newRow("garbage") << QByteArray("\x01\xff{[") << QStringLiteral("JSON");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("object");
        QTest::newRow("no version") << QByteArray(R"({"ids":[],"ok":true})") << QStringLiteral("version");
        QTest::newRow("other version") << QByteArray(R"({"taskwatch":2,"ids":[],"ok":true})")
                                       << QStringLiteral("version");
        QTest::newRow("huge") << QByteArray(InstanceMessage::MaxBytes + 1, ' ') << QStringLiteral("bytes");
    }

    void otherBytesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, mentions);
        QString why;
        QVERIFY(!InstanceMessage::decodeRequest(line, &why));
        QVERIFY2(why.contains(mentions), qPrintable(why));
        why.clear();
        QVERIFY(!InstanceMessage::decodeReply(line, &why));
        QVERIFY2(why.contains(mentions), qPrintable(why));
    }

    void wrongFieldsAreRefused()
    {
        QString why;
        QVERIFY(!InstanceMessage::decodeRequest(R"({"taskwatch":1,"ids":"a"})", &why));
        QVERIFY(why.contains(QLatin1String("array")));
        QVERIFY(!InstanceMessage::decodeRequest(R"({"taskwatch":1,"ids":["a",1]})", &why));
        QVERIFY(why.contains(QLatin1String("string")));
        QVERIFY(!InstanceMessage::decodeReply(R"({"taskwatch":1,"ok":"yes"})", &why));
        QVERIFY(why.contains(QLatin1String("ok")));
        // A refusal without words still tells the person something.
        const std::optional<InstanceReply> silent = InstanceMessage::decodeReply(R"({"taskwatch":1,"ok":false})");
        QVERIFY(silent && !silent->ok && !silent->error.isEmpty());
        // Negative counts from a confused peer read as none.
        const std::optional<InstanceReply> negative =
                InstanceMessage::decodeReply(R"({"taskwatch":1,"ok":true,"added":-5})");
        QVERIFY(negative && negative->ok);
        QCOMPARE(negative->added, 0);
    }

    void theKeyTellsFoldersApart()
    {
        const QString runtime = QStringLiteral("/run/user/1000");
        const QString settings = QStringLiteral("/home/a/.config/Taskwatch");
        const QString list = QStringLiteral("/home/a/.local/share/Taskwatch/taskwatch/watchlist.json");
        const QString key = SingleInstance::keyFor(runtime, settings, list);
        QCOMPARE(SingleInstance::keyFor(runtime, settings, list), key);
        QCOMPARE(SingleInstance::keyFor(QString(runtime + u'/'), QString(settings + QStringLiteral("/.")), list),
                 key); // same folders
        QVERIFY(SingleInstance::keyFor(QStringLiteral("/run/user/1001"), settings, list) != key);
        QVERIFY(SingleInstance::keyFor(runtime, QStringLiteral("/tmp/bench/config"), list) != key);
        QVERIFY(SingleInstance::keyFor(runtime, settings, QStringLiteral("/tmp/list.json")) != key);
        // The parts cannot run into each other.
        QVERIFY(SingleInstance::keyFor(QStringLiteral("/a"), QStringLiteral("b/c"), list)
                != SingleInstance::keyFor(QStringLiteral("/a/b"), QStringLiteral("c"), list));
    }

    void theSocketLivesInTheRuntimeFolder()
    {
        const QString key = SingleInstance::keyFor(QStringLiteral("/run/user/1000"), {}, {});
#ifdef Q_OS_UNIX
        QCOMPARE(SingleInstance::serverNameFor(QStringLiteral("/run/user/1000"), key),
                 QString(QStringLiteral("/run/user/1000/taskwatch-") + key));
        // Too long for a socket address: the plain name (in the temporary folder).
        const QString deep = QStringLiteral("/tmp/") + QString(120, u'd');
        QCOMPARE(SingleInstance::serverNameFor(deep, key), QString(QStringLiteral("taskwatch-") + key));
#endif
        QCOMPARE(SingleInstance::serverNameFor({}, key), QString(QStringLiteral("taskwatch-") + key));
    }

    // Another process of the same user that connects and says nothing must neither keep its connections
    // open for ever nor keep real hand-overs out.
    void silentConnectionsAreDroppedAndCapped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString name = dir.filePath(QStringLiteral("instance"));
        SingleInstance primary(name);
        QCOMPARE(primary.claimOrHandOver({}, std::chrono::milliseconds(2000)), SingleInstance::Role::Primary);
        primary.setRequestTimeout(std::chrono::milliseconds(300));
        int handled = 0;
        primary.setHandler([&handled](const InstanceRequest &request) {
            ++handled;
            InstanceReply reply;
            reply.ok = true;
            reply.added = int(request.ids.size());
            return reply;
        });

        std::vector<std::unique_ptr<QLocalSocket>> silent;
        for (int i = 0; i < SingleInstance::MaxPendingConnections; ++i) {
            silent.push_back(std::make_unique<QLocalSocket>());
            silent.back()->connectToServer(name);
            QVERIFY(silent.back()->waitForConnected(2000));
        }
        QTRY_COMPARE(primary.pendingConnections(), SingleInstance::MaxPendingConnections);
        QLocalSocket oneTooMany;
        QSignalSpy refused(&oneTooMany, &QLocalSocket::disconnected);
        oneTooMany.connectToServer(name);
        QVERIFY(refused.wait(5000));
        QCOMPARE(primary.pendingConnections(), SingleInstance::MaxPendingConnections);

        // The silent ones are dropped after the request timeout; then a real request is answered.
        QTRY_COMPARE(primary.pendingConnections(), 0);
        for (const auto &socket : silent)
            QCOMPARE(socket->state(), QLocalSocket::UnconnectedState);
        QLocalSocket client;
        client.connectToServer(name);
        QVERIFY(client.waitForConnected(2000));
        client.write(InstanceMessage::encodeRequest({{QStringLiteral("2c9180858b3d4e5f")}}));
        QTRY_VERIFY(client.canReadLine());
        const std::optional<InstanceReply> reply = InstanceMessage::decodeReply(client.readLine().trimmed());
        QVERIFY(reply);
        QVERIFY(reply->ok);
        QCOMPARE(reply->added, 1);
        QCOMPARE(handled, 1);
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"

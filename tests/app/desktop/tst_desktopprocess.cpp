// The real taskwatch program, as a person or a script starts it: one instance per user and set of files
// (a second start hands its task ids to the first over a local socket and ends; without ids it brings the
// first to the front; a socket left by a killed instance is no obstacle; other folders are another
// instance), and SIGTERM, SIGINT and SIGHUP save the watch list, progress included, before a clean exit.
// Every process runs offscreen with private HOME and XDG folders, against a small tenant on loopback.

#include "app/desktop/SingleInstance.h"
#include "client/WatchList.h"
#include "tests/client/TinyServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

const QString ClientId = QStringLiteral("process-test-client");
const QString Secret = QStringLiteral("process-test-S3cret");
const QString ProfileName = QStringLiteral("command line"); // DesktopApp::CommandLineProfileName
const QString Running = QStringLiteral("5a0c1e5f7a9d4b3c8e2f6a1b0c9d8e7f");

// A running task's body as the tenant sends it, at `percent`.
QJsonObject runningTask(const QString &id, int percent)
{
    const auto key = [](const char *name) { return QLatin1String(name); };
    const QJsonValue null(QJsonValue::Null);
    return {{key("id"), id},
            {key("type"), QStringLiteral("QUARTZ")},
            {key("uniqueName"), QStringLiteral("Cloud Account Aggregation")},
            {key("description"), QStringLiteral("Aggregate accounts")},
            {key("parentName"), null},
            {key("launcher"), QStringLiteral("process-test")},
            {key("created"), QStringLiteral("2026-01-05T10:00:00.000Z")},
            {key("modified"), QStringLiteral("2026-01-05T10:%1:00.000Z").arg(percent % 60, 2, 10, QLatin1Char('0'))},
            {key("launched"), QStringLiteral("2026-01-05T10:00:00.000Z")},
            {key("completed"), null},
            {key("completionStatus"), null},
            {key("messages"), QJsonArray()},
            {key("returns"), QJsonArray()},
            {key("attributes"), QJsonObject()},
            {key("progress"), QStringLiteral("Step %1").arg(percent)},
            {key("percentComplete"), percent}};
}

// One set of private folders: what makes two processes the same Taskwatch or not.
struct Sandbox
{
    QTemporaryDir dir;
    QString path(const QString &name) const { return dir.filePath(name); }
    QString runtime() const { return path(QStringLiteral("runtime")); }
    QString config() const { return path(QStringLiteral("config")); }
    QString watchList() const { return path(QStringLiteral("watchlist.json")); }

    Sandbox()
    {
        for (const char *sub : {"home", "config", "data", "cache", "runtime"})
            QDir().mkpath(path(QLatin1String(sub)));
        QFile(runtime()).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    QProcessEnvironment environment(const QString &configDir = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), configDir.isEmpty() ? config() : configDir);
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), path(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime());
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), Secret);
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        return env;
    }

    // The socket name the program derives for these folders (main.cpp: instanceName).
    QString serverName() const
    {
        const QString key = SingleInstance::keyFor(runtime(), config() + QStringLiteral("/Taskwatch"), watchList());
        return SingleInstance::serverNameFor(runtime(), key);
    }
};

// One taskwatch process with its output collected while the test's event loop runs.
struct App
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QByteArray out;
    QByteArray err;

    App(const Sandbox &sandbox, const QStringList &arguments, const QString &configDir = {})
    {
        process->setProcessEnvironment(sandbox.environment(configDir));
        QObject::connect(process.get(), &QProcess::readyReadStandardOutput, process.get(),
                         [this] { out += process->readAllStandardOutput(); });
        QObject::connect(process.get(), &QProcess::readyReadStandardError, process.get(),
                         [this] { err += process->readAllStandardError(); });
        process->start(QStringLiteral(TASKWATCH_BINARY_DIR "/app/taskwatch"), arguments);
    }

    ~App()
    {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(10000);
        }
    }

    bool finish(int timeoutMs = 60000)
    {
        if (process->state() == QProcess::NotRunning)
            return true;
        QSignalSpy finished(process.get(), &QProcess::finished);
        return finished.wait(timeoutMs) || process->state() == QProcess::NotRunning;
    }

    bool isNormalExitWith(int code) const
    {
        return process->exitStatus() == QProcess::NormalExit && process->exitCode() == code;
    }

    QString log() const { return QString::fromUtf8(out + err); }
};

QJsonArray fileTasks(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("tasks")).toArray();
}

QStringList fileIds(const QString &path)
{
    QStringList ids;
    for (const QJsonValue &task : fileTasks(path))
        ids.append(task.toObject().value(QStringLiteral("id")).toString());
    ids.sort();
    return ids;
}

int filePercent(const QString &path, const QString &id)
{
    for (const QJsonValue &task : fileTasks(path)) {
        const QJsonObject object = task.toObject();
        if (object.value(QStringLiteral("id")).toString() == id)
            return object.value(QStringLiteral("status")).toObject().value(QStringLiteral("percentComplete")).toInt(-1);
    }
    return -1;
}

} // namespace

class TestDesktopProcess : public QObject
{
    Q_OBJECT

private:
    // The tenant: tokens for ClientId, and the tasks in m_percent at the percentage the test sets.
    std::unique_ptr<TinyServer> m_tenant;
    QHash<QString, int> m_percent;
    QHash<QString, QList<int>> m_served; // per task: the percentages answered, in order

    QByteArray answer(const TinyServer::Request &request)
    {
        if (request.target.startsWith("/oauth/token"))
            return TinyServer::response(
                    200, R"({"access_token":"process-test-token","token_type":"bearer","expires_in":750})");
        const QString target = QUrl::fromPercentEncoding(request.target);
        QJsonArray found;
        for (auto it = m_percent.cbegin(); it != m_percent.cend(); ++it) {
            if (target.contains(it.key())) {
                found.append(runningTask(it.key(), it.value()));
                m_served[it.key()].append(it.value());
            }
        }
        if (target.contains(u'?')) // a list call: the known ones among the asked
            return TinyServer::response(200, QJsonDocument(found).toJson(QJsonDocument::Compact));
        if (found.isEmpty())
            return TinyServer::response(404, R"({"detailCode":"404 Not found","trackingId":"t","messages":[]})");
        return TinyServer::response(200, QJsonDocument(found.first().toObject()).toJson(QJsonDocument::Compact));
    }

    QStringList connection(const Sandbox &sandbox) const
    {
        return {QStringLiteral("--base-url"),      m_tenant->baseUrl().toString(),
                QStringLiteral("--client-id"),     ClientId,
                QStringLiteral("--watch-list"),    sandbox.watchList(),
                QStringLiteral("--poll-interval"), QStringLiteral("1")};
    }

    static QStringList watchListOnly(const Sandbox &sandbox)
    {
        return {QStringLiteral("--watch-list"), sandbox.watchList()};
    }

    // The first instance, once it watches (and so listens: it claims the socket before it starts).
    std::unique_ptr<App> startFirst(const Sandbox &sandbox, const QString &configDir = {})
    {
        auto app = std::make_unique<App>(sandbox, connection(sandbox), configDir);
        if (!QTest::qWaitFor(
                    [&] {
                        return app->log().contains(QLatin1String("watching profile"))
                                || app->process->state() == QProcess::NotRunning;
                    },
                    60000))
            qWarning("the first instance did not start watching");
        return app;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_tenant = std::make_unique<TinyServer>([this](const TinyServer::Request &r) { return answer(r); });
    }

    void init()
    {
        m_percent.clear();
        m_served.clear();
    }

    void aSecondStartHandsItsIdsToTheFirstAndEnds()
    {
        Sandbox sandbox;
        auto first = startFirst(sandbox);
        QVERIFY2(first->log().contains(QLatin1String("watching profile")), qPrintable(first->log()));
        QVERIFY(QFile::exists(sandbox.serverName()));

        // Any format the Add dialog takes: separate words, a comma list, a JSON array.
        const QStringList ids {QStringLiteral("aaaa0001"), QStringLiteral("aaaa0002"), QStringLiteral("aaaa0003"),
                               QStringLiteral("aaaa0004")};
        App second(sandbox,
                   watchListOnly(sandbox)
                           + QStringList {ids.at(0), ids.at(1) + u',' + ids.at(2),
                                          QStringLiteral("[\"%1\", \"%2\"]").arg(ids.at(3), ids.at(0))});
        QVERIFY(second.finish());
        QVERIFY2(second.isNormalExitWith(0), qPrintable(second.log()));
        QVERIFY2(second.log().contains(QLatin1String("4 task id(s) added")), qPrintable(second.log()));
        // Confirmed means on disk: the first wrote them before it answered.
        QCOMPARE(fileIds(sandbox.watchList()), ids);
        QTRY_VERIFY2(first->log().contains(QLatin1String("hand-over 1): window raised, 4 task ids added")),
                     qPrintable(first->log()));
        QCOMPARE(first->process->state(), QProcess::Running);

        // The same ids again: nothing new, still a yes.
        App again(sandbox, watchListOnly(sandbox) + QStringList {ids.at(1)});
        QVERIFY(again.finish());
        QVERIFY2(again.isNormalExitWith(0), qPrintable(again.log()));
        QVERIFY2(again.log().contains(QLatin1String("0 task id(s) added, 1 already watched")), qPrintable(again.log()));
        QCOMPARE(fileIds(sandbox.watchList()), ids);
    }

    void aSecondStartWithoutIdsRaisesTheFirst()
    {
        Sandbox sandbox;
        auto first = startFirst(sandbox);
        QVERIFY2(first->log().contains(QLatin1String("watching profile")), qPrintable(first->log()));
        for (int round = 1; round <= 2; ++round) {
            App second(sandbox, watchListOnly(sandbox));
            QVERIFY(second.finish());
            QVERIFY2(second.isNormalExitWith(0), qPrintable(second.log()));
            QVERIFY2(!second.log().contains(QLatin1String("watching")), qPrintable(second.log())); // never ran
            QTRY_VERIFY2(
                    first->log().contains(QStringLiteral("hand-over %1): window raised, 0 task ids added").arg(round)),
                    qPrintable(first->log()));
        }
        QCOMPARE(first->process->state(), QProcess::Running);
    }

    void aStaleSocketOfAKilledInstanceDoesNotBlockANewStart()
    {
        Sandbox sandbox;
        {
            auto first = startFirst(sandbox);
            QVERIFY2(first->log().contains(QLatin1String("watching profile")), qPrintable(first->log()));
            first->process->kill(); // SIGKILL: no clean-up of the socket file
            QVERIFY(first->finish());
        }
        QVERIFY2(QFile::exists(sandbox.serverName()), "the killed instance left its socket behind");

        // A plain start becomes the app (it does not hang on the dead socket) and takes hand-overs itself.
        auto next = startFirst(sandbox);
        QVERIFY2(next->log().contains(QLatin1String("watching profile")), qPrintable(next->log()));
        App second(sandbox, watchListOnly(sandbox) + QStringList {QStringLiteral("bbbb0001")});
        QVERIFY(second.finish());
        QVERIFY2(second.isNormalExitWith(0), qPrintable(second.log()));
        QCOMPARE(fileIds(sandbox.watchList()), QStringList {QStringLiteral("bbbb0001")});
        QTRY_VERIFY(next->log().contains(QLatin1String("hand-over 1)")));
    }

    void anotherSettingsFolderIsAnotherInstance()
    {
        Sandbox sandbox;
        auto first = startFirst(sandbox);
        QVERIFY2(first->log().contains(QLatin1String("watching profile")), qPrintable(first->log()));
        // Same user, same runtime folder and watch list, other settings: a Taskwatch of its own.
        auto other = startFirst(sandbox, sandbox.path(QStringLiteral("other-config")));
        QVERIFY2(other->log().contains(QLatin1String("watching profile")), qPrintable(other->log()));
        QCOMPARE(other->process->state(), QProcess::Running);
        QVERIFY(!first->log().contains(QLatin1String("hand-over")));
    }

    void aFirstThatCannotTakeTheIdsMakesTheSecondFailWithItsReason()
    {
        // The first's side of the socket, answering no (as an app without a tenant to watch or without a
        // writable watch list answers): the real second process must say so and exit non-zero.
        Sandbox sandbox;
        SingleInstance first(sandbox.serverName());
        QCOMPARE(first.claimOrHandOver({}), SingleInstance::Role::Primary);
        QStringList received;
        first.setHandler([&received](const InstanceRequest &request) {
            received = request.ids;
            InstanceReply reply;
            reply.error = QStringLiteral("Taskwatch is running but could not save its watch list.");
            return reply;
        });
        App second(sandbox, watchListOnly(sandbox) + QStringList {QStringLiteral("cccc0001")});
        QVERIFY(second.finish());
        QVERIFY2(second.isNormalExitWith(1), qPrintable(second.log()));
        QVERIFY2(second.log().contains(QLatin1String("could not save its watch list")), qPrintable(second.log()));
        QCOMPARE(received, QStringList {QStringLiteral("cccc0001")});
    }

    void eachStopSignalSavesTheLatestProgress_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }

    void eachStopSignalSavesTheLatestProgress()
    {
        QFETCH(int, signalNumber);
        Sandbox sandbox;
        // A watch list with the running task (written as the app writes it), before any status.
        {
            WatchList list(sandbox.watchList());
            WatchedTask task;
            task.id = Running;
            task.profile = ProfileName;
            list.upsert(task);
            QVERIFY(list.saveNow());
        }
        m_percent.insert(Running, 10);
        auto app = startFirst(sandbox);
        QVERIFY2(app->log().contains(QLatin1String("watching profile")), qPrintable(app->log()));
        // The first status is saved soon; progress after it waits for the once-a-minute save.
        QTRY_COMPARE_WITH_TIMEOUT(filePercent(sandbox.watchList(), Running), 10, 30000);
        for (const int percent : {20, 30, 47}) {
            m_percent.insert(Running, percent);
            QTRY_VERIFY_WITH_TIMEOUT(m_served.value(Running).contains(percent), 30000);
        }
        // One more check after 47 was answered: by then the app has taken the 47 in.
        const qsizetype answered = m_served.value(Running).size();
        QTRY_VERIFY_WITH_TIMEOUT(m_served.value(Running).size() > answered, 30000);
        QCOMPARE(filePercent(sandbox.watchList(), Running), 10); // the progress is in memory only

        QCOMPARE(::kill(pid_t(app->process->processId()), signalNumber), 0);
        QVERIFY(app->finish());
        QVERIFY2(app->isNormalExitWith(0), qPrintable(app->log()));
        QVERIFY2(app->log().contains(QStringLiteral("stopping on signal %1").arg(signalNumber)),
                 qPrintable(app->log()));
        QCOMPARE(filePercent(sandbox.watchList(), Running), 47);
    }
};

QTEST_GUILESS_MAIN(TestDesktopProcess)
#include "tst_desktopprocess.moc"

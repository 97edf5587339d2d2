#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

class QLocalServer;
class QLocalSocket;

// taskwatch.instance: a second start handing over to the running one (info: each hand-over, with a count).
Q_DECLARE_LOGGING_CATEGORY(lcInstance)

// What a second start asks of the running instance: come to the front, and watch these ids (may be none).
struct InstanceRequest
{
    QStringList ids;
};

// The running instance's answer: it has the ids (ok), or why it cannot take them.
struct InstanceReply
{
    bool ok = false;
    int added = 0; // new to the watch list
    int alreadyWatched = 0;
    QString error; // when !ok: a sentence for the person who started the second one

    bool operator==(const InstanceReply &) const = default;
};

// The wire format: one line of compact JSON per message, request then reply, over a QLocalSocket.
// Pure and total: any bytes decode to a message or to nullopt with a reason, never crash.
namespace InstanceMessage {

constexpr qsizetype MaxBytes = 2 * 1024 * 1024; // 10,000 ids of 64 characters fit with room to spare
constexpr int Version = 1;

QByteArray encodeRequest(const InstanceRequest &request);
std::optional<InstanceRequest> decodeRequest(const QByteArray &line, QString *why = nullptr);
QByteArray encodeReply(const InstanceReply &reply);
std::optional<InstanceReply> decodeReply(const QByteArray &line, QString *why = nullptr);

} // namespace InstanceMessage

// One Taskwatch per user and set of files. The first start listens on a local socket named after the
// instance key; a later start with the same key connects, hands over its request and ends once the first
// has answered. The key is a hash of the runtime folder (XDG_RUNTIME_DIR), the settings folder and the
// watch-list path, so runs with private folders (tests, benchmarks) never reach a person's running app.
// A socket file left by a crashed instance (nobody answers) is removed before listening; a lock file
// around "connect, else listen" keeps two simultaneous starts from both becoming the first.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    enum class Role {
        Primary, // no one else runs: this process listens and is the app
        HandedOver, // another instance answered; reply() says whether it took the request
        Unreachable, // another instance holds the socket but did not answer in time; errorString()
    };
    Q_ENUM(Role)

    static constexpr std::chrono::milliseconds DefaultReplyTimeout {30000};
    // A peer that connects must send its request line within this time, and only this many may wait at
    // once: another process of the same user that opens connections and sends nothing must not use up the
    // app's file descriptors and keep real hand-overs out.
    static constexpr std::chrono::milliseconds DefaultRequestTimeout {5000};
    static constexpr int MaxPendingConnections = 8;

    // The key's parts, as strings: the same folders give the same key, any difference another one.
    static QString keyFor(const QString &runtimeDir, const QString &settingsDir, const QString &watchListPath);
    // The socket: <runtimeDir>/taskwatch-<key> where the platform allows a path, else the plain name.
    static QString serverNameFor(const QString &runtimeDir, const QString &key);

    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    QString serverName() const { return m_serverName; }

    // Hands `request` to a running instance, or (none answers) starts listening. Blocks up to `timeout`
    // for the reply: the second process has nothing else to do.
    Role claimOrHandOver(const InstanceRequest &request, std::chrono::milliseconds timeout = DefaultReplyTimeout);
    InstanceReply reply() const { return m_reply; }
    QString errorString() const { return m_error; }
    bool isListening() const;

    // The primary answers each request with what `handler` returns (in the event loop).
    using Handler = std::function<InstanceReply(const InstanceRequest &)>;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    void setRequestTimeout(std::chrono::milliseconds timeout) { m_requestTimeout = timeout; }
    int pendingConnections() const { return m_pending; }

private:
    bool handOver(QLocalSocket &socket, const InstanceRequest &request, std::chrono::milliseconds timeout);
    bool listen();
    void accept();
    void answer(QLocalSocket *socket, QByteArray *buffer);

    QString m_serverName;
    QLocalServer *m_server = nullptr;
    Handler m_handler;
    std::chrono::milliseconds m_requestTimeout = DefaultRequestTimeout;
    int m_pending = 0; // connections accepted and not yet gone
    InstanceReply m_reply;
    QString m_error;
};

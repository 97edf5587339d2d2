#include "SingleInstance.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcInstance, "taskwatch.instance", QtInfoMsg)

namespace {

QString translated(const char *text)
{
    return QCoreApplication::translate("SingleInstance", text);
}

std::optional<QJsonObject> objectOf(const QByteArray &line, QString *why)
{
    const auto fail = [why](const QString &reason) -> std::optional<QJsonObject> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    if (line.size() > InstanceMessage::MaxBytes)
        return fail(QStringLiteral("message over %1 bytes").arg(InstanceMessage::MaxBytes));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON: %1").arg(error.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("not a JSON object"));
    const QJsonObject object = document.object();
    if (object.value(QLatin1String("taskwatch")).toInt(-1) != InstanceMessage::Version)
        return fail(QStringLiteral("not a Taskwatch message of version %1").arg(InstanceMessage::Version));
    return object;
}

QByteArray lineOf(QJsonObject object)
{
    object.insert(QLatin1String("taskwatch"), InstanceMessage::Version);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// sun_path holds 108 bytes on Linux, 104 on macOS: a longer runtime folder falls back to the plain name.
constexpr qsizetype MaxSocketPath = 100;

} // namespace

namespace InstanceMessage {

QByteArray encodeRequest(const InstanceRequest &request)
{
    return lineOf({{QLatin1String("ids"), QJsonArray::fromStringList(request.ids)}});
}

std::optional<InstanceRequest> decodeRequest(const QByteArray &line, QString *why)
{
    const std::optional<QJsonObject> object = objectOf(line, why);
    if (!object)
        return std::nullopt;
    const QJsonValue ids = object->value(QLatin1String("ids"));
    if (!ids.isArray()) {
        if (why)
            *why = QStringLiteral("\"ids\" is not an array");
        return std::nullopt;
    }
    InstanceRequest request;
    for (const QJsonValue &id : ids.toArray()) {
        if (!id.isString()) {
            if (why)
                *why = QStringLiteral("an id is not a string");
            return std::nullopt;
        }
        request.ids.append(id.toString());
    }
    return request;
}

QByteArray encodeReply(const InstanceReply &reply)
{
    QJsonObject object {{QLatin1String("ok"), reply.ok}};
    if (reply.ok) {
        object.insert(QLatin1String("added"), reply.added);
        object.insert(QLatin1String("alreadyWatched"), reply.alreadyWatched);
    } else {
        object.insert(QLatin1String("error"), reply.error);
    }
    return lineOf(object);
}

std::optional<InstanceReply> decodeReply(const QByteArray &line, QString *why)
{
    const std::optional<QJsonObject> object = objectOf(line, why);
    if (!object)
        return std::nullopt;
    const QJsonValue ok = object->value(QLatin1String("ok"));
    if (!ok.isBool()) {
        if (why)
            *why = QStringLiteral("\"ok\" is not true or false");
        return std::nullopt;
    }
    InstanceReply reply;
    reply.ok = ok.toBool();
    if (reply.ok) {
        reply.added = std::max(0, object->value(QLatin1String("added")).toInt());
        reply.alreadyWatched = std::max(0, object->value(QLatin1String("alreadyWatched")).toInt());
    } else {
        reply.error = object->value(QLatin1String("error")).toString();
        if (reply.error.isEmpty())
            reply.error = translated("The running Taskwatch refused without saying why.");
    }
    return reply;
}

} // namespace InstanceMessage

QString SingleInstance::keyFor(const QString &runtimeDir, const QString &settingsDir, const QString &watchListPath)
{
    // NUL between the parts: no two different triples hash the same text.
    QByteArray parts;
    for (const QString &part : {runtimeDir, settingsDir, watchListPath})
        parts += QDir::cleanPath(part).toUtf8() + '\0';
    return QString::fromLatin1(QCryptographicHash::hash(parts, QCryptographicHash::Sha256).toHex().left(20));
}

QString SingleInstance::serverNameFor(const QString &runtimeDir, const QString &key)
{
    const QString name = QStringLiteral("taskwatch-") + key;
#ifdef Q_OS_UNIX
    // In the runtime folder (private to the user, cleaned at logout) rather than /tmp.
    const QString path = QDir(runtimeDir).absoluteFilePath(name);
    if (!runtimeDir.isEmpty() && path.toLocal8Bit().size() < MaxSocketPath)
        return path;
#else
    Q_UNUSED(runtimeDir)
#endif
    return name;
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
{ }

SingleInstance::~SingleInstance() = default;

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

SingleInstance::Role SingleInstance::claimOrHandOver(const InstanceRequest &request, std::chrono::milliseconds timeout)
{
    // Two starts at once must not both find nobody and both listen (the second would remove the first's
    // socket): "connect, else listen" happens under a lock. QLockFile takes over a lock whose owner died.
    const QString lockPath = QFileInfo(m_serverName).isAbsolute()
            ? m_serverName + QStringLiteral(".lock")
            : QDir::temp().absoluteFilePath(m_serverName + QStringLiteral(".lock"));
    QLockFile lock(lockPath);
    if (!lock.tryLock(int(timeout.count())))
        qCWarning(lcInstance).noquote() << "could not take" << lockPath << "- going on without it";

    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (socket.waitForConnected(int(timeout.count()))) {
        lock.unlock(); // the other one answers; a third start may connect too
        return handOver(socket, request, timeout) ? Role::HandedOver : Role::Unreachable;
    }
    // Nobody listens. A socket file may be left from a crash: it would make listen() fail.
    qCDebug(lcInstance) << "no running instance at" << m_serverName << "-" << socket.errorString();
    QLocalServer::removeServer(m_serverName);
    if (!listen())
        qCWarning(lcInstance).noquote() << "cannot listen for other starts:" << m_error;
    return Role::Primary;
}

bool SingleInstance::handOver(QLocalSocket &socket, const InstanceRequest &request, std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    socket.write(InstanceMessage::encodeRequest(request));
    QByteArray received;
    while (!received.contains('\n')) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(int(deadline.remainingTime()));
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(int(deadline.remainingTime()))) {
            m_error = socket.state() == QLocalSocket::ConnectedState
                    ? tr("Taskwatch is already running but did not answer within %1 s.")
                              .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count())
                    : tr("Taskwatch is already running but closed the connection without an answer.");
            return false;
        }
        received += socket.readAll();
        if (received.size() > InstanceMessage::MaxBytes)
            break;
    }
    QString why;
    const std::optional<InstanceReply> reply =
            InstanceMessage::decodeReply(received.left(received.indexOf('\n')), &why);
    if (!reply) {
        m_error = tr("Taskwatch is already running but its answer was unreadable (%1).").arg(why);
        return false;
    }
    m_reply = *reply;
    return true;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // Only this user may connect (the runtime folder is private too; this also covers the plain name).
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    if (m_server->listen(m_serverName)) {
        qCDebug(lcInstance).noquote() << "listening at" << m_server->fullServerName();
        return true;
    }
    m_error = m_server->errorString();
    return false;
}

void SingleInstance::accept()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_pending >= MaxPendingConnections) {
            qCWarning(lcInstance) << "refused a connection:" << m_pending << "others wait for their request";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_pending;
        auto *buffer = new QByteArray;
        connect(socket, &QObject::destroyed, this, [this, buffer] {
            delete buffer;
            --m_pending;
        });
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        // Whatever the peer does, the connection ends: answered, refused, or dropped when it stays silent.
        QTimer::singleShot(m_requestTimeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        connect(socket, &QLocalSocket::readyRead, socket, [this, socket, buffer] { answer(socket, buffer); });
        if (socket->bytesAvailable() > 0)
            answer(socket, buffer);
    }
}

void SingleInstance::answer(QLocalSocket *socket, QByteArray *buffer)
{
    buffer->append(socket->readAll());
    const qsizetype end = buffer->indexOf('\n');
    if (end < 0 && buffer->size() <= InstanceMessage::MaxBytes)
        return; // more to come
    disconnect(socket, &QLocalSocket::readyRead, nullptr, nullptr);
    QString why;
    const std::optional<InstanceRequest> request =
            end < 0 ? std::nullopt : InstanceMessage::decodeRequest(buffer->left(end), &why);
    InstanceReply reply;
    if (!request) {
        qCWarning(lcInstance).noquote() << "unreadable request from another start:" << why;
        reply.error = tr("The running Taskwatch could not read the request (%1).").arg(why);
    } else if (!m_handler) {
        reply.error = tr("The running Taskwatch is still starting; try again.");
    } else {
        reply = m_handler(*request);
    }
    socket->write(InstanceMessage::encodeReply(reply));
    socket->disconnectFromServer(); // after the reply is written
}

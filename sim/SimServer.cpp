#include "SimServer.h"

#include "FaultInjector.h"
#include "HttpConnection.h"
#include "JsonText.h"
#include "SimClock.h"
#include "SimErrors.h"
#include "SimLog.h"
#include "SimRoute.h"
#include "SimStats.h"
#include "SimTcpServer.h"
#include "SimTenant.h"
#include "TaskCatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace {

constexpr quint32 taskSalt = 0x7461736b; // "task"
constexpr int maxConnections = 1000;
constexpr int idleTimeoutMs = 60000;

QJsonObject controlError(const QString &message)
{
    return QJsonObject {{QStringLiteral("error"), message}};
}

HttpResponse jsonResponse(int status, const QJsonObject &object)
{
    return HttpResponse::json(status, JsonText::compact(object));
}

QString phaseName(TaskPhase phase)
{
    switch (phase) {
    case TaskPhase::Queued:
        return QStringLiteral("queued");
    case TaskPhase::Running:
        return QStringLiteral("running");
    case TaskPhase::Completed:
        return QStringLiteral("completed");
    }
    return {};
}

} // namespace

struct SimServer::Private
{
    explicit Private(const SimConfig &config)
        : config(config)
        , clock(config.speed)
        , tenant(config)
        , faults(config.dropRate, config.failRate, config.truncateRate, config.latencyMinMs, config.latencyMaxMs,
                 config.seed)
    { }

    SimTenant::Now now() const { return SimTenant::Now {clock.wallMs(), clock.monotonicMs(), clock.simulatedMs()}; }

    // Resolves scenario tasks (filling what they leave out) and stores them as created now minus createdAgo.
    QString addTasks(const QList<ScenarioTask> &scenario, QStringList *ids)
    {
        const qint64 now = clock.simulatedMs();
        std::vector<SimTask> resolved;
        resolved.reserve(static_cast<size_t>(scenario.size()));
        QSet<QString> taken;
        for (const ScenarioTask &entry : scenario) {
            ScenarioTask task = TaskCatalog::resolve(entry, taskRandom);
            if (tenant.tasks().contains(task.id) || taken.contains(task.id))
                return QStringLiteral("a task with id %1 exists already").arg(task.id);
            taken.insert(task.id);
            const qint64 created = now - static_cast<qint64>(task.createdAgo * 1000.0);
            resolved.emplace_back(std::move(task), created, nextOrder++);
        }
        for (const SimTask &task : resolved) {
            if (ids)
                ids->append(task.id());
        }
        tenant.tasks().add(std::move(resolved));
        return {};
    }

    void buildTasks()
    {
        tenant.tasks().clear();
        taskRandom = seededGenerator(config.seed, taskSalt);
        nextOrder = 0;
        setupError.clear();
        addTasks(TaskCatalog::seededTasks(std::max(config.seededTasks, 0), taskRandom), nullptr);
        if (!config.scenarioFile.isEmpty()) {
            const Parsed<QList<ScenarioTask>> scenario = ScenarioTask::listFromFile(config.scenarioFile);
            if (!scenario)
                setupError = QStringLiteral("scenario %1: %2").arg(config.scenarioFile, scenario.error().message());
            else
                setupError = addTasks(*scenario, nullptr);
            if (!setupError.isEmpty())
                qCWarning(lcSim).noquote() << setupError;
        }
    }

    SimConfig config;
    SimClock clock;
    SimTenant tenant;
    FaultInjector faults;
    SimStats stats;
    QRandomGenerator taskRandom;
    quint64 nextOrder = 0;
    SimTcpServer server;
    // Per rate-limit key ("client|version"): until when (monotonic ms) the last 429's Retry-After runs.
    QHash<QString, qint64> retryAfterUntil;
    QString errorString;
    QString setupError; // a scenario file that cannot be used: listen() fails with it
    int connections = 0;
};

SimServer::SimServer(const SimConfig &config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(config))
{
    d->buildTasks();
    connect(&d->server, &QTcpServer::newConnection, this, &SimServer::onNewConnection);
}

SimServer::~SimServer()
{
    d->server.close();
    // Connections reach into d through their signals: delete them while d is alive.
    qDeleteAll(findChildren<HttpConnection *>(QString(), Qt::FindDirectChildrenOnly));
}

bool SimServer::listen(quint16 port)
{
    if (!d->setupError.isEmpty()) {
        d->errorString = d->setupError;
        return false;
    }
    if (d->server.isListening())
        return true;
    const bool wantsTls = !d->config.tlsCertificateFile.isEmpty() || !d->config.tlsKeyFile.isEmpty();
    if (wantsTls && !d->server.isTls()) {
        if (d->config.tlsCertificateFile.isEmpty() || d->config.tlsKeyFile.isEmpty()) {
            d->errorString = QStringLiteral("HTTPS needs both a certificate and a key file");
            return false;
        }
        if (!d->server.useTls(d->config.tlsCertificateFile, d->config.tlsKeyFile, &d->errorString))
            return false;
    }
    if (!d->server.listen(QHostAddress::LocalHost, port)) {
        d->errorString = QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(d->server.errorString());
        return false;
    }
    qCInfo(lcSim).noquote() << "listening on" << baseUrl().toString() << "with" << d->tenant.tasks().size() << "tasks";
    return true;
}

QUrl SimServer::baseUrl() const
{
    if (!d->server.isListening())
        return {};
    QUrl url;
    url.setScheme(d->server.isTls() ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(d->server.serverPort());
    return url;
}

QString SimServer::errorString() const
{
    return d->errorString;
}

QString SimServer::addTask(const QJsonObject &scenarioEntry)
{
    const Parsed<ScenarioTask> task = ScenarioTask::fromJson(scenarioEntry);
    if (!task) {
        d->errorString = QStringLiteral("scenario entry: %1").arg(task.error().message());
        return {};
    }
    QStringList ids;
    const QString error = d->addTasks({task.value()}, &ids);
    if (!error.isEmpty()) {
        d->errorString = error;
        return {};
    }
    return ids.value(0);
}

QStringList SimServer::taskIds() const
{
    return d->tenant.tasks().ids();
}

QJsonObject SimServer::stats() const
{
    QJsonObject body = d->stats.toJson();
    body.insert(QStringLiteral("tasks"), d->tenant.tasks().size());
    body.insert(QStringLiteral("simulatedTime"),
                QString::fromLatin1(JsonText::dateTime(d->clock.simulatedMs()).mid(1).chopped(1)));
    return body;
}

void SimServer::reset()
{
    d->clock.restart();
    d->tenant.resetRateLimits();
    d->faults.reset();
    d->stats.reset();
    d->retryAfterUntil.clear();
    d->buildTasks();
}

const SimConfig &SimServer::config() const
{
    return d->config;
}

void SimServer::onNewConnection()
{
    while (QTcpSocket *socket = d->server.nextPendingConnection()) {
        if (d->connections >= maxConnections) {
            qCWarning(lcSim) << "refusing a connection: already" << d->connections << "open";
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++d->connections;
        auto *connection = new HttpConnection(socket, HttpLimits(), idleTimeoutMs, this);
        connect(connection, &HttpConnection::requestReceived, this,
                [this, connection](const HttpRequest &request) { onRequest(connection, request); });
        connect(connection, &HttpConnection::requestRejected, this, [this](int status, const QByteArray &method) {
            const QString route = QString::fromLatin1(method.isEmpty() ? QByteArray("?") : method)
                    + QStringLiteral(" (unreadable request)");
            d->stats.record(route, QString::number(status));
            qCInfo(lcSimRequests).noquote() << route << status;
            Q_EMIT requestHandled(route, QString::number(status));
        });
        connect(connection, &HttpConnection::closed, this, [this, connection] {
            --d->connections;
            connection->deleteLater();
        });
    }
}

void SimServer::onRequest(HttpConnection *connection, const HttpRequest &request)
{
    const SimRoute route = SimRoute::match(request.method, request.rawPath);
    if (route.isControl()) {
        handleControl(connection, request, route);
        return;
    }

    // A request that arrives while a 429 sent to the same client and version is still in force was sent by
    // a client that ignored Retry-After (counted on arrival, before latency or faults could blur it).
    const QString key = d->tenant.rateLimitKey(route, request, d->clock.wallMs());
    if (!key.isEmpty() && d->retryAfterUntil.value(key, 0) > d->clock.monotonicMs())
        ++d->stats.requestsDuringRetryAfter;
    if (route.kind == SimRoute::Kind::TaskById && request.method == "PATCH")
        ++d->stats.patchRequests;
    if (route.kind == SimRoute::Kind::TaskList
        && QUrlQuery(QUrl::fromEncoded(request.target).query()).queryItemValue(QStringLiteral("sorters"))
                == u"-created")
        ++d->stats.newestFirstLists;

    const FaultInjector::Decision decision = d->faults.next();
    const QPointer<HttpConnection> guard(connection);
    auto deliver = [this, guard, route, request, decision] {
        if (!guard)
            return;
        // The path alone: a token request may carry client_secret in its query, and logs are no place for it.
        const qsizetype query = request.target.indexOf('?');
        const QByteArray target = (query < 0 ? request.target : request.target.left(query)).left(200);
        if (decision.fault == FaultInjector::Fault::Drop) {
            ++d->stats.dropped;
            d->stats.record(route.pattern, QStringLiteral("dropped"));
            qCInfo(lcSimRequests).noquote() << request.method << target << "dropped";
            guard->drop();
            Q_EMIT requestHandled(route.pattern, QStringLiteral("dropped"));
            return;
        }
        SimTenant::Reply reply;
        if (decision.fault == FaultInjector::Fault::Fail) {
            ++d->stats.failed;
            reply.response = SimErrors::internalFault();
        } else {
            reply = d->tenant.handle(route, request, d->now());
        }
        d->stats.tokensIssued += reply.tokenIssued ? 1 : 0;
        d->stats.rateLimited += reply.rateLimited ? 1 : 0;
        d->stats.patchesApplied += reply.patchApplied ? 1 : 0;
        if (reply.rateLimited) {
            qint64 &until = d->retryAfterUntil[reply.rateLimitKey];
            until = std::max(until, d->clock.monotonicMs() + qint64(reply.retryAfterSeconds) * 1000);
        }
        const QString outcome = QString::number(reply.response.status);
        d->stats.record(route.pattern, outcome);
        const bool truncate = decision.fault == FaultInjector::Fault::Truncate && !reply.response.body.isEmpty();
        const char *note = truncate                            ? " (truncated)"
                : decision.fault == FaultInjector::Fault::Fail ? " (injected)"
                                                               : "";
        qCInfo(lcSimRequests).noquote() << request.method << target
                                        << QString(QString::number(reply.response.status) + QLatin1String(note));
        if (truncate) {
            ++d->stats.truncated;
            guard->respondTruncated(reply.response, reply.response.body.size() / 2);
        } else {
            guard->respond(reply.response);
        }
        Q_EMIT requestHandled(route.pattern, outcome);
    };
    if (decision.latencyMs > 0)
        QTimer::singleShot(decision.latencyMs, connection, deliver);
    else
        deliver();
}

void SimServer::handleControl(HttpConnection *connection, const HttpRequest &request, const SimRoute &route)
{
    if (!connection->peerAddress().isLoopback()) {
        connection->respond(
                jsonResponse(403, controlError(QStringLiteral("control endpoints answer loopback clients only"))));
        return;
    }
    if (!route.methodAllowed) {
        HttpResponse response =
                jsonResponse(405, controlError(QStringLiteral("allowed: %1").arg(QString::fromLatin1(route.allow))));
        connection->respond(response.withHeader("Allow", route.allow));
        return;
    }

    switch (route.kind) {
    case SimRoute::Kind::ControlStats:
        connection->respond(jsonResponse(200, stats()));
        return;
    case SimRoute::Kind::ControlTasks:
        if (request.method == "POST")
            createTasks(connection, request.body);
        else
            listTasks(connection);
        return;
    case SimRoute::Kind::ControlReset:
        reset();
        connection->respond(jsonResponse(200, QJsonObject {{QStringLiteral("tasks"), d->tenant.tasks().size()}}));
        return;
    default:
        connection->respond(SimErrors::notFound());
        return;
    }
}

void SimServer::listTasks(HttpConnection *connection)
{
    // Ground truth for tests and benchmarks: every task with its scenario and its phase now.
    const qint64 now = d->clock.simulatedMs();
    QJsonArray tasks;
    for (const SimTask *task : d->tenant.tasks().byCreated()) {
        QJsonObject entry = task->scenario().toJson();
        entry.insert(QStringLiteral("id"), task->id());
        entry.insert(QStringLiteral("phase"), phaseName(task->momentAt(now).phase));
        entry.insert(QStringLiteral("patched"), task->isPatched());
        tasks.append(entry);
    }
    connection->respond(jsonResponse(200, QJsonObject {{QStringLiteral("tasks"), tasks}}));
}

void SimServer::createTasks(HttpConnection *connection, const QByteArray &body)
{
    // One scenario entry, or an array of them; entries before a bad one stay added.
    const QJsonDocument document = QJsonDocument::fromJson(body);
    QJsonArray entries;
    if (document.isObject()) {
        entries.append(document.object());
    } else if (document.isArray()) {
        entries = document.array();
    } else {
        connection->respond(jsonResponse(
                400, controlError(QStringLiteral("expected a scenario entry (a JSON object) or an array of them"))));
        return;
    }
    QStringList ids;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString id = entries.at(i).isObject() ? addTask(entries.at(i).toObject()) : QString();
        if (id.isEmpty()) {
            const QString why = entries.at(i).isObject() ? d->errorString : QStringLiteral("not an object");
            connection->respond(jsonResponse(
                    400,
                    controlError(QStringLiteral("entry %1: %2 (%3 added before it)").arg(i).arg(why).arg(ids.size()))));
            return;
        }
        ids.append(id);
    }
    connection->respond(jsonResponse(201,
                                     document.isObject()
                                             ? QJsonObject {{QStringLiteral("id"), ids.value(0)}}
                                             : QJsonObject {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}}));
}

#include "SimProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

SimProcess::SimProcess()
    : m_manager(new QNetworkAccessManager)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
}

SimProcess::~SimProcess()
{
    delete m_manager;
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
}

bool SimProcess::start(const QString &program, const QStringList &arguments)
{
    m_process.start(
            program,
            QStringList {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--tasks"), QStringLiteral("0")}
                    + arguments);
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, m_process.errorString());
        return false;
    }
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (!output.contains('\n') && timer.elapsed() < 20000) {
        if (!m_process.waitForReadyRead(1000) && m_process.state() == QProcess::NotRunning)
            break;
        output += m_process.readAllStandardOutput();
    }
    const QByteArray prefix = "listening on ";
    const qsizetype at = output.indexOf(prefix);
    if (at < 0) {
        m_error = QStringLiteral("%1 did not say where it listens: \"%2\"").arg(program, QString::fromUtf8(output));
        return false;
    }
    m_baseUrl = QUrl(QString::fromUtf8(output.mid(at + prefix.size()).trimmed()));
    return true;
}

QByteArray SimProcess::call(const QByteArray &verb, const QUrl &url, const QByteArray &body, int *status,
                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_manager->sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer timeout; // dies with this call: no timer left to wake the process later
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(60000);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray answer = reply->readAll();
    reply->deleteLater();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    return answer;
}

QStringList SimProcess::addTasks(int count, const QJsonObject &entry)
{
    QJsonArray entries;
    for (int i = 0; i < count; ++i)
        entries.append(entry);
    return addTasks(entries);
}

QStringList SimProcess::addTasks(const QJsonArray &entries)
{
    QStringList ids;
    constexpr qsizetype Chunk = 2500; // well under the sim's 1 MiB body limit
    for (qsizetype done = 0; done < entries.size(); done += Chunk) {
        QJsonArray chunk;
        for (qsizetype i = done; i < std::min(entries.size(), done + Chunk); ++i)
            chunk.append(entries.at(i));
        QUrl url = m_baseUrl;
        url.setPath(QStringLiteral("/__sim/tasks"));
        int status = 0;
        const QByteArray answer = call("POST", url, QJsonDocument(chunk).toJson(QJsonDocument::Compact), &status);
        const QJsonArray added = QJsonDocument::fromJson(answer).object().value(QStringLiteral("ids")).toArray();
        if (status != 201 || added.size() != chunk.size()) {
            m_error = QStringLiteral("POST /__sim/tasks answered %1: %2")
                              .arg(status)
                              .arg(QString::fromUtf8(answer.left(300)));
            return {};
        }
        for (const QJsonValue &id : added)
            ids.append(id.toString());
    }
    return ids;
}

QJsonObject SimProcess::stats()
{
    QUrl url = m_baseUrl;
    url.setPath(QStringLiteral("/__sim/stats"));
    return QJsonDocument::fromJson(call("GET", url)).object();
}

SimCounts SimCounts::from(const QJsonObject &stats)
{
    SimCounts counts;
    const QJsonObject routes = stats.value(QStringLiteral("requests")).toObject();
    for (auto route = routes.begin(); route != routes.end(); ++route) {
        qint64 sum = 0;
        const QJsonObject outcomes = route.value().toObject();
        for (auto outcome = outcomes.begin(); outcome != outcomes.end(); ++outcome)
            sum += outcome.value().toInteger();
        if (route.key().contains(QStringLiteral("/oauth/token")))
            counts.tokenRequests += sum;
        else if (route.key().contains(QStringLiteral("task-status")))
            counts.apiRequests += sum;
    }
    counts.rateLimited = stats.value(QStringLiteral("rateLimited")).toInteger();
    counts.duringRetryAfter = stats.value(QStringLiteral("requestsDuringRetryAfter")).toInteger();
    counts.total = stats.value(QStringLiteral("totalRequests")).toInteger();
    return counts;
}

SimCounts SimCounts::operator-(const SimCounts &other) const
{
    return {apiRequests - other.apiRequests, tokenRequests - other.tokenRequests, rateLimited - other.rateLimited,
            duringRetryAfter - other.duringRetryAfter, total - other.total};
}

QByteArray SimProcess::demoToken()
{
    QUrl tokenUrl = m_baseUrl;
    tokenUrl.setPath(QStringLiteral("/oauth/token"));
    const QByteArray answer = call("POST", tokenUrl, "grant_type=client_credentials&client_id=demo&client_secret=demo",
                                   nullptr, {{"Content-Type", "application/x-www-form-urlencoded"}});
    return QJsonDocument::fromJson(answer).object().value(QStringLiteral("access_token")).toString().toUtf8();
}

QProcessEnvironment SimProcess::cliEnvironment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SAIL_BASE_URL"), m_baseUrl.toString());
    environment.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
    environment.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral("demo"));
    return environment;
}

#pragma once

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

// taskwatch-sim as a separate process, and its control endpoints (/__sim/…, not counted in its statistics).
// Control calls are synchronous (a local event loop) and happen outside every measured interval.
class SimProcess
{
public:
    SimProcess();
    ~SimProcess(); // stops the process

    // `--port 0 --tasks 0` plus `arguments`; waits for "listening on URL".
    bool start(const QString &program, const QStringList &arguments);
    QString error() const { return m_error; }
    QUrl baseUrl() const { return m_baseUrl; }
    qint64 pid() const { return m_process.processId(); }

    // POST /__sim/tasks with `count` copies of `entry` (in chunks); returns the new ids in order.
    QStringList addTasks(int count, const QJsonObject &entry);
    QStringList addTasks(const QJsonArray &entries);
    QJsonObject stats();
    // A token for the sim's demo client (client credentials), for calls the benchmark makes itself.
    QByteArray demoToken();
    // The environment that points taskwatch-cli at this sim with the demo client.
    QProcessEnvironment cliEnvironment() const;

    // A raw call (control or API); `status` receives the HTTP status (0: no answer).
    QByteArray call(const QByteArray &verb, const QUrl &url, const QByteArray &body = {}, int *status = nullptr,
                    const QList<std::pair<QByteArray, QByteArray>> &headers = {});

private:
    QProcess m_process;
    QNetworkAccessManager *m_manager;
    QUrl m_baseUrl;
    QString m_error;
};

// The sim's counters, as the benchmarks read them.
struct SimCounts
{
    qint64 apiRequests = 0; // task-status calls, any answer
    qint64 tokenRequests = 0;
    qint64 rateLimited = 0; // 429s sent
    qint64 duringRetryAfter = 0;
    qint64 total = 0;

    static SimCounts from(const QJsonObject &stats);
    SimCounts operator-(const SimCounts &other) const;
};

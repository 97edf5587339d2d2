#pragma once

#include "SimConfig.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class HttpConnection;
struct HttpRequest;
struct SimRoute;

// A simulated Identity Security Cloud tenant: the OAuth token endpoint and the task-status API of every
// version, with tasks that live in simulated time, SailPoint's error bodies, rate limit and experimental
// header rule, fault injection, and control endpoints under /__sim/ (see sim/README.md).
// It listens on 127.0.0.1 only and runs in the thread that owns it: the demo mode and the tests embed it,
// taskwatch-sim wraps it in a program.
class SimServer : public QObject
{
    Q_OBJECT

public:
    explicit SimServer(const SimConfig &config, QObject *parent = nullptr);
    ~SimServer() override;

    // 127.0.0.1 only; false with errorString() on failure (also for unusable TLS certificate or key files).
    bool listen(quint16 port = 0);
    // e.g. http://127.0.0.1:PORT, or https:// with a TLS certificate (no version path); empty before listen()
    QUrl baseUrl() const;
    QString errorString() const;

    // Adds a task from a scenario entry (same shape as a --scenario entry); returns its id, or an empty
    // string with errorString() saying what is wrong with the entry.
    QString addTask(const QJsonObject &scenarioEntry);
    QStringList taskIds() const; // in order of creation
    QJsonObject stats() const; // same JSON as GET /__sim/stats
    // Back to the state after construction: tasks rebuilt from seed and scenario (added tasks are gone),
    // simulated time restarted, statistics, rate limits and fault draws cleared. Issued tokens stay valid.
    void reset();

    const SimConfig &config() const;

Q_SIGNALS:
    // After each request to the SailPoint API (not /__sim/): route pattern and outcome ("200", "dropped").
    void requestHandled(const QString &route, const QString &outcome);

private:
    void onNewConnection();
    void onRequest(HttpConnection *connection, const HttpRequest &request);
    void handleControl(HttpConnection *connection, const HttpRequest &request, const SimRoute &route);
    void listTasks(HttpConnection *connection);
    void createTasks(HttpConnection *connection, const QByteArray &body);

    struct Private;
    std::unique_ptr<Private> d;
};

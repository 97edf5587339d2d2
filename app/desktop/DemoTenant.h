#pragma once

#include "models/ConnectionProfile.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QList>
#include <QObject>
#include <QStringList>

#include <memory>

class SimServer;

// The embedded demo: a simulated tenant (sim/SimServer) on loopback with a hand-picked set of tasks that
// shows the product within seconds: running tasks whose percentage climbs, a few that finish soon (one of
// each outcome), some queued, a failed and a finished one from before the start, and one stuck for hours. The
// credentials are demo/demo, in memory only; nothing of the demo is saved.
class DemoTenant : public QObject
{
    Q_OBJECT

public:
    // Fixed ids, so that scripts can point at them (scripts/screenshots.sh selects the failed one).
    static constexpr QLatin1StringView FailedTaskId {"2c9180858b3d4e5f018b3e7a1f2d0c41"};
    // Running at 40 % for three hours and never finishing: what support clears with "Mark as finished…".
    static constexpr QLatin1StringView StuckTaskId {"2c9180858b3d4e5f018b3e7a1f2d0c4b"};
    static constexpr QLatin1StringView ClientId {"demo"};
    static constexpr QLatin1StringView ClientSecret {"demo"};

    // `speed`: simulated seconds per real second (1 in the app; tests go faster).
    explicit DemoTenant(double speed = 1.0, QObject *parent = nullptr);
    ~DemoTenant() override;

    // Listens on 127.0.0.1 (any free port) and creates the demo's tasks. False with errorString().
    bool start();
    QString errorString() const { return m_error; }

    SimServer *server() const { return m_server.get(); }
    // The connection to the demo tenant (never written to the settings).
    ConnectionProfile profile() const;
    QStringList taskIds() const { return m_taskIds; } // the tasks the demo watches, in display order

    // Pure: the demo's scenario entries (sim/README.md's format), in display order.
    static QList<QJsonObject> scenario();

private:
    std::unique_ptr<SimServer> m_server;
    QStringList m_taskIds;
    QString m_error;
};

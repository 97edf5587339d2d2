#include "DemoTenant.h"

#include "DesktopLog.h"
#include "sim/SimServer.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace {

QJsonObject message(const char *type, const char *key, const QString &text, const QJsonValue &parameters = {})
{
    return QJsonObject {{QStringLiteral("type"), QLatin1String(type)},
                        {QStringLiteral("key"), QLatin1String(key)},
                        {QStringLiteral("text"), text},
                        {QStringLiteral("parameters"), parameters}};
}

QJsonObject returnOf(const char *name, const char *attribute)
{
    return QJsonObject {{QStringLiteral("name"), QLatin1String(name)},
                        {QStringLiteral("attributeName"), QLatin1String(attribute)}};
}

// A task: kind, target, and its timing in simulated seconds (created `ago` seconds before the start).
QJsonObject task(const char *id, const char *type, const QJsonValue &target, double ago, double startDelay,
                 double duration, const char *outcome)
{
    QJsonObject entry {{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("type"), QLatin1String(type)},
                       {QStringLiteral("createdAgo"), ago},       {QStringLiteral("startDelay"), startDelay},
                       {QStringLiteral("duration"), duration},    {QStringLiteral("outcome"), QLatin1String(outcome)}};
    if (!target.isUndefined())
        entry.insert(QStringLiteral("target"), target);
    return entry;
}

} // namespace

DemoTenant::DemoTenant(double speed, QObject *parent)
    : QObject(parent)
{
    SimConfig config;
    config.credentials = {{QString(ClientId), QString(ClientSecret)}};
    config.speed = speed;
    config.seed = 20240517;
    m_server = std::make_unique<SimServer>(config);
}

DemoTenant::~DemoTenant() = default;

QList<QJsonObject> DemoTenant::scenario()
{
    const QString ad = QStringLiteral("Active Directory [source]");
    const QString workday = QStringLiteral("Workday [source]");
    const QString sap = QStringLiteral("SAP S/4HANA [source]");
    const QString serviceNow = QStringLiteral("ServiceNow [source]");
    const QString okta = QStringLiteral("Okta [source]");
    const QString salesforce = QStringLiteral("Salesforce [source]");
    const QString entra = QStringLiteral("Entra ID [source]");

    // Failed before the start: what support takes apart (messages of every type, returns with values).
    QJsonObject failed = task(FailedTaskId.data(), "CLOUD_ACCOUNT_AGGREGATION", sap, 540, 5, 170, "ERROR");
    failed.insert(QStringLiteral("launcher"), QStringLiteral("scheduler"));
    failed.insert(QStringLiteral("finalPercent"), 46);
    failed.insert(QStringLiteral("attributes"),
                  QJsonObject {{QStringLiteral("total"), 18234},
                               {QStringLiteral("created"), 112},
                               {QStringLiteral("updated"), 7300},
                               {QStringLiteral("errors"), 2},
                               {QStringLiteral("appId"), QStringLiteral("2c91808a7813090a017814121e121518")}});
    failed.insert(QStringLiteral("returns"),
                  QJsonArray {returnOf("Accounts Scanned", "total"), returnOf("Accounts Created", "created"),
                              returnOf("Accounts Updated", "updated"), returnOf("Errors", "errors")});
    failed.insert(
            QStringLiteral("messages"),
            QJsonArray {message("INFO", "task_started", QStringLiteral("Aggregation started by the nightly schedule.")),
                        message("WARN", "warn_slow_source",
                                QStringLiteral("The source answered slowly: 2,000 accounts took 94 s."),
                                QJsonArray {QJsonObject {{QStringLiteral("seconds"), 94}}}),
                        message("ERROR", "err_connector_exception",
                                // Long, over many lines, as connector exceptions are: the detail view reads it whole.
                                QStringLiteral(
                                        "sailpoint.connector.ConnectorException: Unable to read page 37 from SAP "
                                        "S/4HANA [source]: connection reset by peer.\n"
                                        "Request: GET /sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner?"
                                        "$skip=18000&$top=500 (attempt 3 of 3, timeout 120 s)\n"
                                        "Caused by: java.net.SocketException: Connection reset by peer\n"
                                        "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:328)\n"
                                        "\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:966)\n"
                                        "\tat sailpoint.connector.sap.ODataClient.readPage(ODataClient.java:412)\n"
                                        "\tat sailpoint.connector.sap.SAPS4Connector.iterate(SAPS4Connector.java:"
                                        "287)\n"
                                        "\tat sailpoint.connector.AggregationRunner.run(AggregationRunner.java:153)\n"
                                        "The virtual appliance va-cluster-eu-1 (va-02) lost the connection after "
                                        "8,412 accounts. Check the source's network path and the SAP gateway's "
                                        "idle timeout, then run the aggregation again; accounts read before the "
                                        "failure were kept."),
                                QJsonArray {QStringLiteral("connection reset by peer")}),
                        message("ERROR", "err_aggregation_aborted",
                                QStringLiteral("Aggregation aborted after 2 connector errors; 8,412 accounts were "
                                               "processed before the failure."),
                                QJsonArray {QJsonObject {{QStringLiteral("processed"), 8412}}})});

    // Launched three hours ago, reached 40 % after 12 minutes and has not moved since (sim/README.md: stuckAt).
    QJsonObject stuck {{QStringLiteral("id"), QString(StuckTaskId)},
                       {QStringLiteral("type"), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION")},
                       {QStringLiteral("target"), workday},
                       {QStringLiteral("launcher"), QStringLiteral("scheduler")},
                       {QStringLiteral("createdAgo"), 3 * 3600 + 30},
                       {QStringLiteral("startDelay"), 30},
                       {QStringLiteral("duration"), 1800},
                       {QStringLiteral("stuckAt"), 40}};

    // Fails 25 s after the demo starts: its first failure notification comes within half a minute.
    QJsonObject failsSoon =
            task("2c9180858b3d4e5f018b3e7a1f2d0c44", "CLOUD_ACCOUNT_AGGREGATION", workday, 20, 0, 45, "ERROR");
    failsSoon.insert(QStringLiteral("finalPercent"), 71);

    return {
            // Running now, percentages climbing; the first finishes soon.
            task("2c9180858b3d4e5f018b3e7a1f2d0c42", "CLOUD_ACCOUNT_AGGREGATION", ad, 70, 0, 180, "SUCCESS"),
            task("2c9180858b3d4e5f018b3e7a1f2d0c43", "IDENTITY_REFRESH", QJsonValue::Null, 18, 0, 40, "SUCCESS"),
            // Failed before the start, then one of each other outcome within a minute or so.
            failed,
            failsSoon,
            task("2c9180858b3d4e5f018b3e7a1f2d0c45", "CLOUD_GROUP_AGGREGATION", serviceNow, 20, 0, 70, "TERMINATED"),
            task("2c9180858b3d4e5f018b3e7a1f2d0c46", "CLOUD_ATTRIBUTE_SYNCHRONIZATION", okta, 35, 0, 80, "WARNING"),
            task("2c9180858b3d4e5f018b3e7a1f2d0c47", "CLOUD_PROCESS_UNCORRELATED_ACCOUNTS", entra, 50, 0, 150,
                 "SUCCESS"),
            // Queued: they start while you watch.
            task("2c9180858b3d4e5f018b3e7a1f2d0c48", "CLOUD_REFRESH_ROLE", QJsonValue::Null, 5, 25, 90, "SUCCESS"),
            task("2c9180858b3d4e5f018b3e7a1f2d0c49", "CLOUD_ACCOUNT_AGGREGATION", salesforce, 2, 50, 120, "SUCCESS"),
            // Finished before the start.
            task("2c9180858b3d4e5f018b3e7a1f2d0c4a", "IDENTITY_REFRESH", QJsonValue::Null, 900, 10, 160, "SUCCESS"),
            // Stuck: running at 40 % for three hours.
            stuck,
    };
}

bool DemoTenant::start()
{
    if (!m_server->listen()) {
        m_error = QCoreApplication::translate("DemoTenant", "The demo tenant cannot listen on 127.0.0.1: %1")
                          .arg(m_server->errorString());
        return false;
    }
    m_taskIds.clear();
    for (const QJsonObject &entry : scenario()) {
        const QString id = m_server->addTask(entry);
        if (id.isEmpty()) {
            m_error =
                    QCoreApplication::translate("DemoTenant", "A demo task is wrong: %1").arg(m_server->errorString());
            qCWarning(lcApp).noquote() << m_error;
            return false;
        }
        m_taskIds.append(id);
    }
    qCInfo(lcApp).noquote() << "demo tenant on" << m_server->baseUrl().toString() << "with" << m_taskIds.size()
                            << "tasks";
    return true;
}

ConnectionProfile DemoTenant::profile() const
{
    ConnectionProfile profile;
    profile.name = QStringLiteral("Demo tenant");
    profile.baseUrl = m_server->baseUrl();
    profile.apiVersion = ApiVersion::V2025;
    profile.clientId = QString(ClientId);
    return profile;
}

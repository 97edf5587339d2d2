#include "SimCommandLine.h"

#include "ScenarioTask.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace {

struct Failure
{
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw Failure {message};
}

qint64 integer(const QString &flag, const QString &text, qint64 low, qint64 high)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < low || value > high)
        fail(QStringLiteral("--%1: expected an integer from %2 to %3, got \"%4\"")
                     .arg(flag)
                     .arg(low)
                     .arg(high)
                     .arg(text));
    return value;
}

double number(const QString &flag, const QString &text, double low, double high, bool lowExclusive = false)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < low || value > high || (lowExclusive && value == low))
        fail(QStringLiteral("--%1: expected a number %2%3 to %4, got \"%5\"")
                     .arg(flag, lowExclusive ? QStringLiteral("above ") : QStringLiteral("from "))
                     .arg(low)
                     .arg(high)
                     .arg(text));
    return value;
}

QString fullHelpText(QCommandLineParser &parser)
{
    return parser.helpText() + QStringLiteral(R"(
Endpoints (base URL http://127.0.0.1:PORT, as SAIL_BASE_URL):
  POST /oauth/token                      client_credentials tokens
  GET  /{beta,v2024,v2025,v2026}/task-status[/{id}]   PATCH .../task-status/{id}
  GET|HEAD /{beta,v2024,v2025}/task-status/pending-tasks
  GET  /task-status/v1[/{id}]                        PATCH /task-status/v1/{id}
  GET  /__sim/stats  GET|POST /__sim/tasks  POST /__sim/reset   (control, no token)
The scenario format and every rule are described in sim/README.md.
)");
}

} // namespace

SimCommandLine SimCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
            "A simulated SailPoint Identity Security Cloud tenant: the OAuth token endpoint and the task-status API "
            "(beta, v2024, v2025, v2026, v1) with tasks that live, on 127.0.0.1 only."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Print the version and exit."));
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port on 127.0.0.1 (0: any free port; the listening line names it). "
                                                 "Default %1.")
                                          .arg(defaultPort),
                                  QStringLiteral("N"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QStringLiteral("Accepted client id; repeat with --client-secret for several "
                                                     "pairs, each with its own rate-limit budget. Default demo."),
                                      QStringLiteral("ID"));
    const QCommandLineOption clientSecret(QStringLiteral("client-secret"),
                                          QStringLiteral("Secret of the client id in the same position. Default demo."),
                                          QStringLiteral("SECRET"));
    const QCommandLineOption readOnlyClient(QStringLiteral("read-only-client"),
                                            QStringLiteral("This client id's tokens lack idn:task-management:write: "
                                                           "reads work, PATCH gets 403. Repeatable."),
                                            QStringLiteral("ID"));
    const QCommandLineOption rateLimit(QStringLiteral("rate-limit"),
                                       QStringLiteral("Requests allowed per SECONDS per client id and API version; "
                                                      "beyond: 429 with Retry-After. 0/S disables. Default 100/10."),
                                       QStringLiteral("N/SECONDS"));
    const QCommandLineOption experimental(QStringLiteral("experimental-header"),
                                          QStringLiteral("Whether v2024/v2025/v2026 require X-SailPoint-Experimental: "
                                                         "true (400 without it). Default required."),
                                          QStringLiteral("required|optional"));
    const QCommandLineOption tokenTtl(QStringLiteral("token-ttl"),
                                      QStringLiteral("Access token lifetime (expires_in); 0 or less issues tokens that "
                                                     "are already expired. Default 749."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("Simulated seconds per real second for task life. Default 1."),
                                   QStringLiteral("X"));
    const QCommandLineOption tasks(QStringLiteral("tasks"),
                                   QStringLiteral("Seeded tasks in a realistic mix (finished, running, queued). "
                                                  "Default %1, or 0 with --scenario.")
                                           .arg(defaultTasks),
                                   QStringLiteral("N"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for tasks and fault injection: same seed, same run. Default 1."),
                                  QStringLiteral("S"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("JSON file of tasks defined exactly (format in sim/README.md)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption failRate(QStringLiteral("fail-rate"),
                                      QStringLiteral("Share of API requests answered 500 with an ErrorResponseDto."),
                                      QStringLiteral("0..1"));
    const QCommandLineOption dropRate(QStringLiteral("drop-rate"),
                                      QStringLiteral("Share of API requests whose connection is closed without a "
                                                     "response."),
                                      QStringLiteral("0..1"));
    const QCommandLineOption truncateRate(QStringLiteral("truncate-rate"),
                                          QStringLiteral("Share of API responses whose body is cut short (the "
                                                         "connection closes after half of it)."),
                                          QStringLiteral("0..1"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Delay of each API response in milliseconds, uniform in "
                                                    "MIN..MAX (or a fixed N)."),
                                     QStringLiteral("MIN..MAX"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
                                     QStringLiteral("Serve HTTPS with this PEM certificate (with --tls-key)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("The unencrypted PEM private key of --tls-cert (RSA or EC)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                                     QStringLiteral("Log every request to stderr."));
    parser.addOptions({help,         version,      port,    clientId, clientSecret, readOnlyClient, rateLimit,
                       experimental, tokenTtl,     speed,   tasks,    seed,         scenario,       failRate,
                       dropRate,     truncateRate, latency, tlsCert,  tlsKey,       verbose});

    SimCommandLine result;
    if (!parser.parse(arguments)) {
        result.action = Action::Error;
        result.error = parser.errorText();
        return result;
    }
    if (parser.isSet(help)) {
        result.action = Action::Help;
        result.helpText = fullHelpText(parser);
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::Version;
        return result;
    }

    try {
        if (!parser.positionalArguments().isEmpty())
            fail(QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));
        SimConfig &config = result.config;
        if (parser.isSet(port))
            result.port = static_cast<quint16>(integer(QStringLiteral("port"), parser.value(port), 0, 65535));

        const QStringList ids = parser.values(clientId);
        const QStringList secrets = parser.values(clientSecret);
        if (ids.size() != secrets.size())
            fail(QStringLiteral("--client-id and --client-secret come in pairs: got %1 ids and %2 secrets")
                         .arg(ids.size())
                         .arg(secrets.size()));
        if (!ids.isEmpty()) {
            config.credentials.clear();
            for (qsizetype i = 0; i < ids.size(); ++i) {
                if (ids.at(i).isEmpty() || secrets.at(i).isEmpty())
                    fail(QStringLiteral("--client-id and --client-secret must not be empty"));
                config.credentials.append(SimCredentials {ids.at(i), secrets.at(i)});
            }
        }

        for (const QString &id : parser.values(readOnlyClient)) {
            if (!std::any_of(config.credentials.begin(), config.credentials.end(),
                             [&](const SimCredentials &pair) { return pair.clientId == id; }))
                fail(QStringLiteral("--read-only-client %1: not an accepted client id (see --client-id)").arg(id));
            config.readOnlyClients.append(id);
        }

        if (parser.isSet(rateLimit)) {
            static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*/\\s*(\\d+)\\s*$"));
            const QRegularExpressionMatch match = pattern.match(parser.value(rateLimit));
            if (!match.hasMatch())
                fail(QStringLiteral("--rate-limit: expected N/SECONDS such as 100/10, got \"%1\"")
                             .arg(parser.value(rateLimit)));
            config.rateLimitRequests =
                    static_cast<int>(integer(QStringLiteral("rate-limit"), match.captured(1), 0, 1000000));
            config.rateLimitSeconds =
                    static_cast<int>(integer(QStringLiteral("rate-limit"), match.captured(2), 1, 86400));
        }
        if (parser.isSet(experimental)) {
            const QString value = parser.value(experimental);
            if (value != u"required" && value != u"optional")
                fail(QStringLiteral("--experimental-header: expected required or optional, got \"%1\"").arg(value));
            config.experimentalHeaderRequired = value == u"required";
        }
        if (parser.isSet(tokenTtl))
            config.tokenTtlSeconds =
                    static_cast<int>(integer(QStringLiteral("token-ttl"), parser.value(tokenTtl), -86400, 31536000));
        if (parser.isSet(speed))
            config.speed = number(QStringLiteral("speed"), parser.value(speed), 0, 1e6, true);
        if (parser.isSet(seed)) {
            bool ok = false;
            config.seed = parser.value(seed).trimmed().toULongLong(&ok);
            if (!ok)
                fail(QStringLiteral("--seed: expected a non-negative integer, got \"%1\"").arg(parser.value(seed)));
        }
        if (parser.isSet(scenario)) {
            config.scenarioFile = parser.value(scenario);
            const Parsed<QList<ScenarioTask>> loaded = ScenarioTask::listFromFile(config.scenarioFile);
            if (!loaded)
                fail(QStringLiteral("--scenario %1: %2").arg(config.scenarioFile, loaded.error().message()));
        }
        if (parser.isSet(tasks))
            config.seededTasks = static_cast<int>(integer(QStringLiteral("tasks"), parser.value(tasks), 0, 1000000));
        else
            config.seededTasks = config.scenarioFile.isEmpty() ? defaultTasks : 0;

        if (parser.isSet(failRate))
            config.failRate = number(QStringLiteral("fail-rate"), parser.value(failRate), 0, 1);
        if (parser.isSet(dropRate))
            config.dropRate = number(QStringLiteral("drop-rate"), parser.value(dropRate), 0, 1);
        if (parser.isSet(truncateRate))
            config.truncateRate = number(QStringLiteral("truncate-rate"), parser.value(truncateRate), 0, 1);
        if (config.failRate + config.dropRate + config.truncateRate > 1.0 + 1e-9)
            fail(QStringLiteral("--fail-rate, --drop-rate and --truncate-rate add up to more than 1"));

        if (parser.isSet(latency)) {
            static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*(?:\\.\\.\\s*(\\d+)\\s*)?$"));
            const QRegularExpressionMatch match = pattern.match(parser.value(latency));
            if (!match.hasMatch())
                fail(QStringLiteral("--latency: expected MIN..MAX in milliseconds such as 20..200, got \"%1\"")
                             .arg(parser.value(latency)));
            config.latencyMinMs = static_cast<int>(integer(QStringLiteral("latency"), match.captured(1), 0, 600000));
            config.latencyMaxMs = match.captured(2).isEmpty()
                    ? config.latencyMinMs
                    : static_cast<int>(integer(QStringLiteral("latency"), match.captured(2), 0, 600000));
            if (config.latencyMaxMs < config.latencyMinMs)
                fail(QStringLiteral("--latency: MIN is above MAX in \"%1\"").arg(parser.value(latency)));
        }
        if (parser.isSet(tlsCert) != parser.isSet(tlsKey))
            fail(QStringLiteral("--tls-cert and --tls-key go together"));
        config.tlsCertificateFile = parser.value(tlsCert);
        config.tlsKeyFile = parser.value(tlsKey);
        result.verbose = parser.isSet(verbose);
    } catch (const Failure &failure) {
        result.action = Action::Error;
        result.error = failure.message;
    }
    return result;
}

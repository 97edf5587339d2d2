#include "ApiTransport.h"
#include "HardeningSupport.h"
#include "HostileServer.h"
#include "SimServer.h"
#include "TaskMonitor.h"
#include "TaskStatusClient.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

// TLS against the simulated tenant serving HTTPS with a certificate made now (openssl): a self-signed
// certificate is refused with an error that names the certificate problem, the same certificate given as
// the profile's CA file is trusted, the sim program serves HTTPS too, and plain http:// to a host other
// than this computer is refused before anything is sent.
class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Hardening::Certificate m_certificate;

    std::unique_ptr<SimServer> startTlsSim()
    {
        SimConfig config;
        config.tlsCertificateFile = m_certificate.certificateFile;
        config.tlsKeyFile = m_certificate.keyFile;
        auto sim = std::make_unique<SimServer>(config);
        sim->addTask(QJsonObject {{QStringLiteral("id"), QStringLiteral("tls-task")},
                                  {QStringLiteral("createdAgo"), 120},
                                  {QStringLiteral("duration"), 60}});
        if (!sim->listen())
            qWarning().noquote() << "the TLS sim cannot listen:" << sim->errorString();
        return sim;
    }

    static ConnectionProfile profileFor(const QUrl &base, const QString &caFile = {})
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("tls");
        profile.baseUrl = base;
        profile.clientId = QStringLiteral("demo");
        profile.caFile = caFile;
        return profile;
    }

    QProcessEnvironment cliEnvironment(const QUrl &base) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("SAIL_BASE_URL"), base.toString());
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), QStringLiteral("demo"));
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral("demo"));
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
        m_certificate = Hardening::makeSelfSignedCertificate(m_dir.path());
        QVERIFY2(m_certificate.error.isEmpty(), qPrintable(m_certificate.error));
    }

    void selfSignedCertificateIsRefusedNamingTheProblem()
    {
        const auto sim = startTlsSim();
        QCOMPARE(sim->baseUrl().scheme(), QStringLiteral("https"));
        TaskMonitor monitor(profileFor(sim->baseUrl()));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("tls-task")});
        QTRY_COMPARE_WITH_TIMEOUT(monitor.connectionState().kind, ConnectionState::Kind::Offline, 30000);
        const QString message = monitor.connectionState().message;
        QVERIFY2(message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(message));
        // Nothing got through the refused handshake: no token was asked for, no task was read.
        QCOMPARE(sim->stats().value(u"totalRequests").toInteger(), 0);
        QVERIFY(!monitor.task(QStringLiteral("tls-task"))->status);
    }

    void theSameCertificateAsCaFileIsTrusted()
    {
        const auto sim = startTlsSim();
        TaskMonitor monitor(profileFor(sim->baseUrl(), m_certificate.certificateFile));
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Idle);
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("tls-task")});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(QStringLiteral("tls-task"))->status.has_value(), 30000);
        QCOMPARE(monitor.task(QStringLiteral("tls-task"))->status->state(), TaskState::Success);
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Ok);
        QCOMPARE(sim->stats().value(u"tokensIssued").toInteger(), 1);
    }

    void simProgramServesHttpsAndTheCliNamesTheCertificateProblem()
    {
        Hardening::SimProcess sim({QStringLiteral("--tasks"), QStringLiteral("3"), QStringLiteral("--tls-cert"),
                                   m_certificate.certificateFile, QStringLiteral("--tls-key"), m_certificate.keyFile});
        const QUrl base = sim.waitUntilListening();
        QVERIFY2(base.isValid(), sim.standardError().constData());
        QCOMPARE(base.scheme(), QStringLiteral("https"));

        QProcess refused;
        refused.setProcessEnvironment(cliEnvironment(base));
        refused.start(QStringLiteral(TASKWATCH_CLI),
                      {QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3")});
        QVERIFY(refused.waitForFinished(60000));
        const QString error = QString::fromUtf8(refused.readAllStandardError());
        QCOMPARE(refused.exitCode(), 5); // network or server error
        QVERIFY2(error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("self-signed"), Qt::CaseInsensitive), qPrintable(error));

        QProcess trusted;
        trusted.setProcessEnvironment(cliEnvironment(base));
        trusted.start(QStringLiteral(TASKWATCH_CLI),
                      {QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json"),
                       QStringLiteral("--ca-file"), m_certificate.certificateFile});
        QVERIFY(trusted.waitForFinished(60000));
        QVERIFY2(trusted.exitCode() == 0, trusted.readAllStandardError().constData());
        QCOMPARE(QJsonDocument::fromJson(trusted.readAllStandardOutput()).array().size(), 3);
        QVERIFY2(sim.stopCleanly(), sim.standardError().constData());
    }

    void unusableCertificateFilesStopTheSim()
    {
        Hardening::SimProcess missing({QStringLiteral("--tls-cert"), m_dir.filePath(QStringLiteral("none.pem")),
                                       QStringLiteral("--tls-key"), m_certificate.keyFile});
        QVERIFY(missing.process().waitForFinished(60000));
        QCOMPARE(missing.process().exitCode(), 1);
        QVERIFY(missing.standardError().contains("cannot read the TLS certificate"));

        Hardening::SimProcess swapped({QStringLiteral("--tls-cert"), m_certificate.keyFile, QStringLiteral("--tls-key"),
                                       m_certificate.certificateFile});
        QVERIFY(swapped.process().waitForFinished(60000));
        QCOMPARE(swapped.process().exitCode(), 1);
        QVERIFY(swapped.standardError().contains("holds no PEM certificate"));

        Hardening::SimProcess half({QStringLiteral("--tls-cert"), m_certificate.certificateFile});
        QVERIFY(half.process().waitForFinished(60000));
        QCOMPARE(half.process().exitCode(), 2);
        QVERIFY(half.standardError().contains("--tls-cert and --tls-key go together"));
    }

    void plainHttpToAnotherHostIsRefusedBeforeAnyRequest()
    {
        // Every request to a host other than this computer goes through the system proxy: make that a
        // server that counts. http:// to such a host must never reach it; https:// does (the control).
        HostileServer proxy;
        const QByteArray proxyUrl = "http://127.0.0.1:" + QByteArray::number(proxy.port());
        const char *variables[] = {"http_proxy", "https_proxy", "no_proxy", "NO_PROXY"};
        QHash<QByteArray, std::optional<QByteArray>> saved;
        for (const char *name : variables)
            saved.insert(name, qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt);
        const auto restore = qScopeGuard([&saved] {
            for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
                if (it.value())
                    qputenv(it.key().constData(), *it.value());
                else
                    qunsetenv(it.key().constData());
            }
        });
        qputenv("http_proxy", proxyUrl);
        qputenv("https_proxy", proxyUrl);
        qunsetenv("no_proxy");
        qunsetenv("NO_PROXY");

        TaskMonitor plain(profileFor(QUrl(QStringLiteral("http://tenant.example.com"))));
        QCOMPARE(plain.connectionState().kind, ConnectionState::Kind::Misconfigured);
        QVERIFY2(plain.connectionState().message.contains(QStringLiteral("Refusing plain http://")),
                 qPrintable(plain.connectionState().message));
        QSignalSpy sent(plain.client()->transport(), &ApiTransport::requestSent);
        plain.setSecret(QStringLiteral("demo"));
        plain.addTasks({QStringLiteral("a1")});
        plain.refreshNow();
        plain.discover(false, 5);

        TaskMonitor secure(profileFor(QUrl(QStringLiteral("https://tenant.example.com"))));
        secure.setSecret(QStringLiteral("demo"));
        secure.addTasks({QStringLiteral("a1")});
        QTRY_VERIFY_WITH_TIMEOUT(!proxy.requestLines().isEmpty(), 30000);
        QVERIFY2(proxy.requestLines().first().startsWith("CONNECT tenant.example.com:443"),
                 proxy.requestLines().first().constData());

        // By now the plain monitor's event loop turns have long passed: it sent nothing, anywhere.
        QCOMPARE(sent.count(), 0);
        QCOMPARE(plain.client()->transport()->sentCount(), quint64(0));
        for (const QByteArray &line : proxy.requestLines())
            QVERIFY2(line.startsWith("CONNECT "), line.constData());
        QCOMPARE(plain.connectionState().kind, ConnectionState::Kind::Misconfigured);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"

#include "HardeningSupport.h"
#include "HostileServer.h"
#include "TlsSupport.h"
#include "client/ApiTransport.h"
#include "client/TaskMonitor.h"
#include "client/TaskStatusClient.h"
#include "sim/SimServer.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

// TLS against the simulated tenant serving HTTPS with a certificate made now (openssl): a self-signed
// certificate is refused with an error that names the certificate problem, the same certificate given as
// the profile's CA file is trusted, the sim program serves HTTPS too, and plain http:// to a host other
// than this computer is refused before anything is sent. A CA file adds to the system's roots (a server signed
// by a system-trusted CA still works with an unrelated CA file: the system's trust store is a private copy
// mounted in a user+mount namespace); a wrong host name and an expired certificate are refused by name.
class TestTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Hardening::Certificate m_certificate;
    Hardening::Certificate m_systemRoot; // trusted only inside the private trust store (m_trustStore)
    Hardening::Certificate m_corporateRoot; // what users give as --ca-file
    QString m_trustStore;

    struct CliRun
    {
        int exitCode = -1;
        QByteArray out;
        QString err;
    };

    std::unique_ptr<SimServer> startTlsSim(const Hardening::Certificate &certificate = {})
    {
        SimConfig config;
        const bool own = certificate.certificateFile.isEmpty();
        config.tlsCertificateFile = own ? m_certificate.certificateFile : certificate.certificateFile;
        config.tlsKeyFile = own ? m_certificate.keyFile : certificate.keyFile;
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

    // taskwatch-cli against the in-process sim: the test's event loop keeps serving while it runs. With
    // `privateTrust`, the program runs where m_trustStore is the system's trust store.
    CliRun runCli(const QUrl &base, const QStringList &arguments, bool privateTrust = false)
    {
        QProcess process;
        process.setProcessEnvironment(cliEnvironment(base));
        QSignalSpy finished(&process, &QProcess::finished);
        if (privateTrust)
            process.start(QStringLiteral("unshare"),
                          TlsSupport::inPrivateTrust(m_trustStore, QStringLiteral(TASKWATCH_CLI), arguments));
        else
            process.start(QStringLiteral(TASKWATCH_CLI), arguments);
        if (!process.waitForStarted() || !finished.wait(60000)) {
            process.kill();
            return {};
        }
        return CliRun {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
                       process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    // The engine's problem text for a profile whose tenant's certificate is refused.
    static QString engineProblem(const QUrl &base, const QString &caFile)
    {
        TaskMonitor monitor(profileFor(base, caFile));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("tls-task")});
        if (!QTest::qWaitFor([&] { return monitor.connectionState().kind == ConnectionState::Kind::Offline; }, 30000))
            return QStringLiteral("(no refusal; state %1)").arg(int(monitor.connectionState().kind));
        return monitor.connectionState().message;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend here");
        m_certificate = Hardening::makeSelfSignedCertificate(m_dir.path());
        QVERIFY2(m_certificate.error.isEmpty(), qPrintable(m_certificate.error));
        m_systemRoot = TlsSupport::makeCa(m_dir.path(), QStringLiteral("system-root"),
                                          QStringLiteral("Taskwatch Test Public Root"));
        QVERIFY2(m_systemRoot.error.isEmpty(), qPrintable(m_systemRoot.error));
        m_corporateRoot = TlsSupport::makeCa(m_dir.path(), QStringLiteral("corporate-root"),
                                             QStringLiteral("Taskwatch Test Corporate CA"));
        QVERIFY2(m_corporateRoot.error.isEmpty(), qPrintable(m_corporateRoot.error));
    }

    void systemTrustedServerStillWorksWithAnUnrelatedCaFile()
    {
#ifndef Q_OS_LINUX
        QSKIP("a private system trust store needs a Linux mount namespace");
#else
        if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
            QSKIP("the unshare program (util-linux) is missing: no private system trust store for this test");
        m_trustStore = m_dir.filePath(QStringLiteral("trust-store"));
        QVERIFY(QDir().mkpath(m_trustStore));
        const QString storeError = TlsSupport::makeTrustStore(m_trustStore, m_systemRoot.certificateFile);
        QVERIFY2(storeError.isEmpty(), qPrintable(storeError));
        QProcess probe;
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(QStringLiteral("unshare"),
                    TlsSupport::inPrivateTrust(
                            m_trustStore, QStringLiteral("test"),
                            {QStringLiteral("-f"), QStringLiteral("/etc/ssl/certs/taskwatch-test-root.pem")}));
        QVERIFY(probe.waitForFinished(60000));
        if (probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP(qPrintable(QStringLiteral("no user+mount namespace here (unshare -rm with a bind mount over "
                                            "/etc/ssl/certs failed: %1): the system-trust case cannot be shown")
                                     .arg(QString::fromUtf8(probe.readAll()).trimmed())));

        const Hardening::Certificate server =
                TlsSupport::makeSigned(m_dir.path(), QStringLiteral("public-server"), m_systemRoot,
                                       QStringLiteral("IP:127.0.0.1,DNS:localhost"), 2);
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        const auto sim = startTlsSim(server);
        const QStringList list {QStringLiteral("list"), QStringLiteral("--json")};

        // Controls: the private store makes the root trusted (no CA file), and only there.
        const CliRun trusted = runCli(sim->baseUrl(), list, true);
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        const CliRun outside = runCli(sim->baseUrl(), list);
        QCOMPARE(outside.exitCode, 5);
        QVERIFY2(outside.err.contains(QStringLiteral("certificate"), Qt::CaseInsensitive), qPrintable(outside.err));

        // The point: a CA file for something else adds to the system's roots, it does not replace them.
        const CliRun withCaFile =
                runCli(sim->baseUrl(),
                       list + QStringList {QStringLiteral("--ca-file"), m_corporateRoot.certificateFile}, true);
        QVERIFY2(withCaFile.exitCode == 0, qPrintable(withCaFile.err));
        QCOMPARE(QJsonDocument::fromJson(withCaFile.out).array().size(), 1);
        QCOMPARE(sim->stats().value(u"tokensIssued").toInteger(), 2); // the two runs that got through
#endif
    }

    void serverSignedByTheCaFilesCaIsTrusted()
    {
        const Hardening::Certificate server =
                TlsSupport::makeSigned(m_dir.path(), QStringLiteral("corporate-server"), m_corporateRoot,
                                       QStringLiteral("IP:127.0.0.1,DNS:localhost"), 2);
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        const auto sim = startTlsSim(server);
        const QStringList list {QStringLiteral("list"), QStringLiteral("--json")};

        const CliRun refused = runCli(sim->baseUrl(), list);
        QCOMPARE(refused.exitCode, 5);
        const CliRun trusted = runCli(
                sim->baseUrl(), list + QStringList {QStringLiteral("--ca-file"), m_corporateRoot.certificateFile});
        QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
        QCOMPARE(QJsonDocument::fromJson(trusted.out).array().size(), 1);

        TaskMonitor monitor(profileFor(sim->baseUrl(), m_corporateRoot.certificateFile));
        monitor.setSecret(QStringLiteral("demo"));
        monitor.addTasks({QStringLiteral("tls-task")});
        QTRY_VERIFY_WITH_TIMEOUT(monitor.task(QStringLiteral("tls-task"))->status.has_value(), 30000);
        QCOMPARE(monitor.connectionState().kind, ConnectionState::Kind::Ok);
    }

    // A certificate for another host, and one that has expired: both refused before any request, by the CLI
    // and the engine alike, each with a sentence that names the problem and the certificate's fact.
    void badCertificatesAreRefusedByName_data()
    {
        QTest::addColumn<QString>("hosts");
        QTest::addColumn<int>("validDays");
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QString>("fact");
        QTest::newRow("host name mismatch")
                << QStringLiteral("DNS:tenant.example.com") << 2 << QStringLiteral("host name did not match")
                << QStringLiteral("tenant.example.com");
        QTest::newRow("expired") << QStringLiteral("IP:127.0.0.1,DNS:localhost") << -1
                                 << QStringLiteral("certificate has expired") << QStringLiteral("expired on");
    }

    void badCertificatesAreRefusedByName()
    {
        QFETCH(QString, hosts);
        QFETCH(int, validDays);
        QFETCH(QString, cause);
        QFETCH(QString, fact);
        const Hardening::Certificate server =
                TlsSupport::makeSigned(m_dir.path(), QString::fromUtf8(QTest::currentDataTag()).replace(u' ', u'-'),
                                       m_corporateRoot, hosts, validDays);
        QVERIFY2(server.error.isEmpty(), qPrintable(server.error));
        const auto sim = startTlsSim(server);
        const CliRun cli = runCli(
                sim->baseUrl(), {QStringLiteral("list"), QStringLiteral("--ca-file"), m_corporateRoot.certificateFile});
        QCOMPARE(cli.exitCode, 5);
        const QString engine = engineProblem(sim->baseUrl(), m_corporateRoot.certificateFile);
        for (const QString &message : {cli.err, engine}) {
            QVERIFY2(message.contains(cause, Qt::CaseInsensitive), qPrintable(message));
            QVERIFY2(message.contains(fact), qPrintable(message));
        }
        QCOMPARE(sim->stats().value(u"totalRequests").toInteger(), 0);
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

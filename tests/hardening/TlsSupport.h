#pragma once

#include "HardeningSupport.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStringList>

// Certificate authorities and the server certificates they sign, made now with the openssl program, and a
// private copy of the system's trust store for a child process (tst_tls).
namespace TlsSupport {

// Runs openssl; empty when it succeeded, else what it said.
inline QString openssl(const QStringList &arguments)
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (program.isEmpty())
        return QStringLiteral("the openssl program is not installed (scripts/debian-packages.txt lists it)");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2").arg(arguments.value(0), QString::fromUtf8(process.readAll()));
    return {};
}

// A root CA named `name` (files `<directory>/<stem>.pem` and `.key`).
inline Hardening::Certificate makeCa(const QString &directory, const QString &stem, const QString &name)
{
    Hardening::Certificate ca {
            directory + u'/' + stem + QStringLiteral(".pem"), directory + u'/' + stem + QStringLiteral(".key"), {}};
    ca.error = openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                        QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"),
                        QStringLiteral("-keyout"), ca.keyFile, QStringLiteral("-out"), ca.certificateFile});
    return ca;
}

// A server certificate for the subject alternative names `altNames` (e.g. "IP:127.0.0.1,DNS:localhost"),
// signed by `ca`, valid for `days` from now; -1 makes one that expired a day ago.
inline Hardening::Certificate makeSigned(const QString &directory, const QString &stem,
                                         const Hardening::Certificate &ca, const QString &altNames, int days)
{
    const QString base = directory + u'/' + stem;
    Hardening::Certificate server {base + QStringLiteral(".pem"), base + QStringLiteral(".key"), {}};
    server.error = openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                            QStringLiteral("/CN=") + stem, QStringLiteral("-addext"),
                            QStringLiteral("subjectAltName=") + altNames, QStringLiteral("-keyout"), server.keyFile,
                            QStringLiteral("-out"), base + QStringLiteral(".csr")});
    if (server.error.isEmpty())
        server.error = openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                                base + QStringLiteral(".csr"), QStringLiteral("-CA"), ca.certificateFile,
                                QStringLiteral("-CAkey"), ca.keyFile, QStringLiteral("-set_serial"),
                                QString::number(QRandomGenerator::global()->bounded(1, 1 << 30)),
                                QStringLiteral("-days"), QString::number(days), QStringLiteral("-copy_extensions"),
                                QStringLiteral("copy"), QStringLiteral("-out"), server.certificateFile});
    return server;
}

// `directory` becomes a copy of /etc/ssl/certs plus `extraRoot` (as a .pem file and under its OpenSSL hash
// name, the two ways Qt finds system roots: read them all, or let OpenSSL look one up on demand).
inline QString makeTrustStore(const QString &directory, const QString &extraRoot)
{
    QProcess copy;
    copy.setProcessChannelMode(QProcess::MergedChannels);
    copy.start(QStringLiteral("cp"), {QStringLiteral("-a"), QStringLiteral("/etc/ssl/certs/."), directory});
    if (!copy.waitForFinished(60000) || copy.exitCode() != 0)
        return QStringLiteral("cannot copy /etc/ssl/certs: ") + QString::fromUtf8(copy.readAll());
    if (!QFile::copy(extraRoot, directory + QStringLiteral("/taskwatch-test-root.pem")))
        return QStringLiteral("cannot copy the test root into the trust store");
    return openssl({QStringLiteral("rehash"), directory});
}

// Arguments for `unshare` that run `program arguments` in a private user and mount namespace whose
// /etc/ssl/certs is `trustStore`: the process sees a system trust store with an extra root, nothing else
// on this computer does. Qt 6.4 reads system roots only from fixed folders (it ignores SSL_CERT_DIR).
inline QStringList inPrivateTrust(const QString &trustStore, const QString &program, const QStringList &arguments)
{
    return QStringList {QStringLiteral("-rm"),
                        QStringLiteral("--"),
                        QStringLiteral("/bin/sh"),
                        QStringLiteral("-c"),
                        QStringLiteral("mount --bind \"$0\" /etc/ssl/certs && exec \"$@\""),
                        trustStore,
                        program}
    + arguments;
}

} // namespace TlsSupport

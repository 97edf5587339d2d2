#pragma once

// Helpers shared by the CredentialStore tests: waiting for an asynchronous result, a private D-Bus session
// bus, secret-tool, and a scan of a directory tree for a secret.

#include "client/CredentialStore.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace CredentialTest {

// Starts one CredentialStore operation and waits for its callback (processing events, no sleeping).
inline CredentialResult await(const std::function<void(CredentialStore::Callback)> &start, int timeoutMs = 20000)
{
    auto answer = std::make_shared<std::optional<CredentialResult>>();
    start([answer](const CredentialResult &result) { *answer = result; });
    if (!QTest::qWaitFor([answer] { return answer->has_value(); }, timeoutMs)) {
        CredentialResult timedOut;
        timedOut.error = QKeychain::OtherError;
        timedOut.errorString = QStringLiteral("the test timed out waiting for the keychain");
        return timedOut;
    }
    return **answer;
}

inline CredentialResult read(CredentialStore &store, const QString &profile, const QString &clientId)
{
    return await([&](CredentialStore::Callback cb) { store.readSecret(profile, clientId, std::move(cb)); });
}

// The tenant a test secret is bound to unless a test names one.
inline QUrl testTenant()
{
    return QUrl(QStringLiteral("https://tenant.example.com"));
}

inline CredentialResult write(CredentialStore &store, const QString &profile, const QString &clientId,
                              const QString &secret, const QUrl &tenant = testTenant())
{
    return await(
            [&](CredentialStore::Callback cb) { store.writeSecret(profile, clientId, tenant, secret, std::move(cb)); });
}

inline CredentialResult readFor(CredentialStore &store, const QString &profile, const QString &clientId,
                                const QUrl &target, const QUrl &savedUrl)
{
    return await([&](CredentialStore::Callback cb) {
        store.readSecretFor(profile, clientId, target, savedUrl, std::move(cb));
    });
}

inline CredentialResult remove(CredentialStore &store, const QString &profile, const QString &clientId)
{
    return await([&](CredentialStore::Callback cb) { store.deleteSecret(profile, clientId, std::move(cb)); });
}

inline CredentialResult move(CredentialStore &store, const QString &profile, const QString &oldClientId,
                             const QString &newClientId)
{
    return await([&](CredentialStore::Callback cb) {
        store.moveSecret({profile, oldClientId}, {profile, newClientId}, std::move(cb));
    });
}

// Stores `text` as is under the key, as a version of Taskwatch before secrets were bound wrote it (the bare
// secret, no tenant), straight through qtkeychain. True when stored.
inline bool writeBareEntry(const QString &profile, const QString &clientId, const QString &text)
{
    auto *job = new QKeychain::WritePasswordJob(CredentialStore::serviceName());
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(CredentialStore::keyFor(profile, clientId));
    job->setTextData(text);
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, job, [&finished] { finished = true; });
    job->start();
    const bool ok = QTest::qWaitFor([&finished] { return finished; }, 20000) && job->error() == QKeychain::NoError;
    if (finished)
        delete job;
    return ok;
}

struct ToolOutput
{
    bool ran = false;
    int exitCode = -1;
    QString out;
    QString err;
};

inline ToolOutput runTool(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                          QProcess::ProcessChannelMode channels = QProcess::SeparateChannels)
{
    ToolOutput result;
    QProcess process;
    process.setProcessChannelMode(channels);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.ran = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// qtkeychain stores items with the attributes server=<service>, user=<key>, type=plaintext|base64.
// secret-tool prints the attributes on stderr, the rest on stdout: both land in `out`.
inline ToolOutput secretToolSearch()
{
    return runTool(QStringLiteral("secret-tool"),
                   {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                    CredentialStore::serviceName()},
                   {}, QProcess::MergedChannels);
}

inline ToolOutput secretToolLookup(const QString &key)
{
    return runTool(QStringLiteral("secret-tool"),
                   {QStringLiteral("lookup"), QStringLiteral("server"), CredentialStore::serviceName(),
                    QStringLiteral("user"), key});
}

// Every regular file under `root` whose bytes contain the secret as UTF-8, UTF-16 or Base64.
inline QStringList filesContaining(const QString &root, const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    const QByteArray base64 = utf8.toBase64();
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16) || bytes.contains(base64))
            found << path;
    }
    return found;
}

inline int fileCount(const QString &root)
{
    int count = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

// A D-Bus session bus of our own with no service directories: nothing can be activated on it, so no Secret
// Service appears unless a test starts one. Becomes this process's session bus with makeSessionBus(), which
// must happen before the first keychain call (GLib connects once per process).
class PrivateBus
{
public:
    ~PrivateBus() { stop(); }

    // Empty on success, else why it failed.
    QString start()
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temporary directory");
        const QString config = m_dir.filePath(QStringLiteral("bus.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return file.errorString();
        file.write(
                QByteArrayLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                                  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                                  "<busconfig>\n"
                                  "  <type>session</type>\n"
                                  "  <listen>unix:dir=")
                + QFile::encodeName(m_dir.path())
                + QByteArrayLiteral("</listen>\n"
                                    "  <auth>EXTERNAL</auth>\n"
                                    "  <policy context=\"default\">\n"
                                    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                                    "    <allow eavesdrop=\"true\"/>\n"
                                    "    <allow own=\"*\"/>\n"
                                    "  </policy>\n"
                                    "</busconfig>\n"));
        file.close();
        m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                        QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(10000))
            return QStringLiteral("dbus-daemon did not start: ") + m_daemon.errorString();
        while (!m_daemon.canReadLine()) {
            if (!m_daemon.waitForReadyRead(10000))
                return QStringLiteral("dbus-daemon printed no address");
        }
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        return m_address.isEmpty() ? QStringLiteral("dbus-daemon printed an empty address") : QString();
    }

    QString address() const { return m_address; }

    void makeSessionBus() const { qputenv("DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8()); }

    // Asks the bus itself, through dbus-send, whether someone owns `name`.
    bool hasOwner(const QString &name) const
    {
        const ToolOutput reply =
                runTool(QStringLiteral("dbus-send"),
                        {QStringLiteral("--bus=") + m_address, QStringLiteral("--print-reply"),
                         QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                         QStringLiteral("org.freedesktop.DBus.NameHasOwner"), QStringLiteral("string:") + name});
        return reply.ran && reply.exitCode == 0 && reply.out.contains(QLatin1String("boolean true"));
    }

    void stop()
    {
        if (m_daemon.state() == QProcess::NotRunning)
            return;
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(5000)) {
            m_daemon.kill();
            m_daemon.waitForFinished();
        }
    }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

} // namespace CredentialTest

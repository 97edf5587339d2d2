#pragma once

// Helpers shared by the taskwatch-cli tests that use the keychain: a private HOME per test (settings and
// everything else the CLI writes land under it), running the real program while the in-process simulated
// tenant keeps answering, and scanning bytes for secrets and JWTs.

#include "client/CredentialStore.h"
#include "tests/client/CredentialTestSupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

#include <utility>

namespace CliTest {

struct Run
{
    int exitCode = -1; // -2: crashed; -1: did not start or did not finish
    QString out;
    QString err;
};

// A HOME of the test's own, with the XDG directories inside it.
class Home
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    // Where QSettings("Taskwatch", "taskwatch") lives on Linux: the desktop app's settings file, which
    // taskwatch-cli shares.
    QString settingsFile() const { return m_dir.filePath(QStringLiteral(".config/Taskwatch/taskwatch.conf")); }

    // The system environment without SAIL_* and logging rules, with HOME and XDG_* pointing here. The session
    // bus (and with it the Secret Service) stays the test's.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"SAIL_BASE_URL", "SAIL_CLIENT_ID", "SAIL_CLIENT_SECRET", "QT_LOGGING_RULES"})
            env.remove(QLatin1String(name));
        env.insert(QStringLiteral("HOME"), path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), filePath(QStringLiteral(".local/share")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), filePath(QStringLiteral(".cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), filePath(QStringLiteral(".local/state")));
        return env;
    }

    // That environment with a tenant given as SAIL_* (the sim's demo client unless told).
    QProcessEnvironment environmentFor(const QUrl &baseUrl, const QString &clientId = QStringLiteral("demo"),
                                       const QString &secret = QStringLiteral("demo")) const
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("SAIL_BASE_URL"), baseUrl.toString());
        env.insert(QStringLiteral("SAIL_CLIENT_ID"), clientId);
        env.insert(QStringLiteral("SAIL_CLIENT_SECRET"), secret);
        return env;
    }

private:
    QTemporaryDir m_dir;
};

// Runs taskwatch-cli and waits on its signals (the in-process sim needs this event loop). `input` goes to
// stdin, which is then closed. With `outFile`/`errFile` the output goes to those files (and is read back).
inline Run run(const QStringList &arguments, const QProcessEnvironment &env, const QByteArray &input = {},
               const QString &outFile = {}, const QString &errFile = {})
{
    QProcess process;
    process.setProcessEnvironment(env);
    if (!outFile.isEmpty())
        process.setStandardOutputFile(outFile);
    if (!errFile.isEmpty())
        process.setStandardErrorFile(errFile);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TASKWATCH_CLI), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(90000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    const auto readBack = [](const QString &file, QProcess &p, QProcess::ProcessChannel channel) {
        if (file.isEmpty()) {
            p.setReadChannel(channel);
            return QString::fromUtf8(p.readAll());
        }
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    Run result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = readBack(outFile, process, QProcess::StandardOutput);
    result.err = readBack(errFile, process, QProcess::StandardError);
    return result;
}

inline QString uniqueName(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(12);
}

// What qtkeychain stored for the key through the Secret Service, read with secret-tool (empty: nothing).
inline QString keychainEntry(const QString &profile, const QString &clientId)
{
    const CredentialTest::ToolOutput found =
            CredentialTest::secretToolLookup(CredentialStore::keyFor(profile, clientId));
    return found.ran && found.exitCode == 0 ? found.out : QString();
}

// The secret in that entry (empty: nothing).
inline QString keychainItem(const QString &profile, const QString &clientId)
{
    return CredentialStore::decodeEntry(keychainEntry(profile, clientId)).secret;
}

// The tenant that entry is bound to (empty: nothing, or an entry of an older version).
inline QString keychainTenant(const QString &profile, const QString &clientId)
{
    return CredentialStore::decodeEntry(keychainEntry(profile, clientId)).tenant;
}

// Whether `secret-tool search --all server taskwatch` lists an item for the key (qtkeychain stores the
// attributes server=taskwatch, user=<key>). secret-tool prints attributes on stderr: both channels are read.
inline bool keychainListsItem(const QString &profile, const QString &clientId)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels);
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("server"),
                CredentialStore::serviceName()});
    if (!tool.waitForStarted() || !tool.waitForFinished(30000))
        return false;
    return QString::fromUtf8(tool.readAll())
            .contains(QStringLiteral("attribute.user = ") + CredentialStore::keyFor(profile, clientId));
}

// A JSON Web Token anywhere: three base64url parts, the first one a JSON object ("{" → "eyJ").
inline const QRegularExpression &jwtPattern()
{
    static const QRegularExpression pattern(QStringLiteral(R"(eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)"));
    return pattern;
}

// Every form a secret could take in a file or a log, by name: as is (UTF-8 and UTF-16), Base64 (plain and
// URL-safe), percent-encoded (a form body or URL), and as HTTP Basic credentials.
inline QList<std::pair<QString, QByteArray>> secretForms(const QString &clientId, const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    return {{QStringLiteral("UTF-8"), utf8},
            {QStringLiteral("UTF-16"), QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)},
            {QStringLiteral("Base64"), utf8.toBase64()},
            {QStringLiteral("Base64url"),
             utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)},
            {QStringLiteral("percent-encoded"), QUrl::toPercentEncoding(secret)},
            {QStringLiteral("HTTP Basic"), QByteArray(clientId.toUtf8() + ':' + utf8).toBase64()}};
}

} // namespace CliTest

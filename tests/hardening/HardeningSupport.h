#pragma once

#include <QByteArray>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

// Helpers shared by the hardening tests: the taskwatch-sim program as a child process, its control
// endpoints, and certificates made at run time. They return values and let the tests assert.
namespace Hardening {

// taskwatch-sim started with `arguments` (plus --port 0); ready once it printed its listening line.
class SimProcess
{
public:
    explicit SimProcess(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(TASKWATCH_SIM_EXECUTABLE));
        m_process.setArguments(QStringList {QStringLiteral("--port"), QStringLiteral("0")} + arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
    }
    ~SimProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }

    // Waits for "listening on URL"; an invalid URL if the program ended or never said it.
    QUrl waitUntilListening(int timeoutMs = 60000)
    {
        static const QRegularExpression line(QStringLiteral("listening on (https?://127\\.0\\.0\\.1:\\d+)\\n"));
        QSignalSpy output(&m_process, &QProcess::readyReadStandardOutput);
        for (;;) {
            m_stdout += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = line.match(QString::fromUtf8(m_stdout));
            if (match.hasMatch())
                return QUrl(match.captured(1));
            if (m_process.state() == QProcess::NotRunning || !output.wait(timeoutMs))
                return {};
        }
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QProcess &process() { return m_process; }
    QByteArray standardError() { return m_stderr += m_process.readAllStandardError(); }

    // SIGTERM, then the exit: true when the program stopped cleanly with code 0 (it never crashed).
    bool stopCleanly()
    {
        if (m_process.state() != QProcess::Running)
            return false;
        m_process.terminate();
        if (!m_process.waitForFinished(60000))
            return false;
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

// A GET answered with JSON (e.g. the sim's /__sim/stats); an empty object on any failure.
inline QJsonObject getJson(const QUrl &url, QNetworkAccessManager &manager)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(30000);
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(60000))
        return {};
    return QJsonDocument::fromJson(reply->readAll()).object();
}

struct Certificate
{
    QString certificateFile;
    QString keyFile;
    QString error; // why none could be made
};

// A self-signed certificate for 127.0.0.1 and localhost, made now with the openssl program.
inline Certificate makeSelfSignedCertificate(const QString &directory)
{
    Certificate result {directory + QStringLiteral("/server.pem"), directory + QStringLiteral("/server.key"), {}};
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        result.error = QStringLiteral("the openssl program is not installed (scripts/debian-packages.txt lists it)");
        return result;
    }
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"),
                   result.keyFile, QStringLiteral("-out"), result.certificateFile});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        result.error = QStringLiteral("openssl failed: ") + QString::fromUtf8(process.readAll());
    return result;
}

} // namespace Hardening

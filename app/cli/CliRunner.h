#pragma once

#include "CliClear.h"
#include "CliOptions.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTextStream>
#include <QTimer>

class CredentialStore;
class TaskMonitor;
struct WatchedTask;

// Runs one taskwatch-cli command on a TaskMonitor (the same engine as the desktop app) and reports the
// exit code through `finished`. Output goes to the given streams: results to `out`, errors to `err`.
// When the connection's secret is in the keychain, it is read (CredentialStore) before anything is sent; a
// missing secret or an unusable keychain ends the command with exit code 2.
class CliRunner : public QObject
{
    Q_OBJECT
public:
    // `terminal`: stdout is a terminal, so `wait` redraws live lines instead of printing changes.
    CliRunner(const CliOptions &options, const CliConnection &connection, QTextStream &out, QTextStream &err,
              bool terminal, QObject *parent = nullptr);
    ~CliRunner() override;

    void start();
    // Ctrl-C (or SIGTERM, SIGHUP): ends with CliExit::Interrupted, the live lines drawn last and whatever the
    // engine learned kept (the run history saves as the runner goes).
    void interrupt();
    // clear without --yes: how the question is put to the person at the terminal (see CliClear::Ask).
    void setAsk(CliClear::Ask ask) { m_ask = std::move(ask); }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void readSecretFromKeychain();
    void run(const QString &secret);
    void listPending();
    void onTaskChanged(const WatchedTask &task);
    void noteSettled(const WatchedTask &task);
    void finish(int code);
    void finishGetOrWait(bool timedOut);
    void drawLive();

    CliOptions m_options;
    CliConnection m_connection;
    CliClear::Ask m_ask;
    CredentialStore *m_store = nullptr;
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_terminal;
    TaskMonitor *m_monitor;
    QTimer m_timeout;
    QTimer m_redraw; // live lines are redrawn at most 4 times a second, not once per changed task
    QSet<QString> m_unsettled; // wait: ids still running or not yet answered; done when empty
    QHash<QString, QString> m_printed; // wait without a terminal: the last change line's signature per task
    int m_liveLines = 0;
    bool m_done = false;
};

#include "StopSignals.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>

#ifdef Q_OS_WIN
#include <windows.h>
#else
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_WIN
StopSignals *instance = nullptr;

BOOL WINAPI consoleHandler(DWORD type)
{
    if (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT || type == CTRL_CLOSE_EVENT) {
        // Runs on a thread of its own: hand over to the event loop.
        if (instance)
            QMetaObject::invokeMethod(instance, "stopRequested", Qt::QueuedConnection, Q_ARG(int, SIGINT));
        return TRUE;
    }
    return FALSE;
}
#else
// SIGHUP: the terminal went away (an ssh session closed) or a service manager asks to stop.
constexpr int StopSignalNumbers[] = {SIGINT, SIGTERM, SIGHUP};

// The self-pipe trick: a signal handler may only do async-signal-safe things such as write().
int pipeFds[2] = {-1, -1};

void handler(int signalNumber)
{
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(pipeFds[1], &byte, 1);
}
#endif

} // namespace

StopSignals::StopSignals(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_WIN
    instance = this;
    SetConsoleCtrlHandler(consoleHandler, TRUE);
    std::signal(SIGTERM, [](int) {
        if (instance)
            QMetaObject::invokeMethod(instance, "stopRequested", Qt::QueuedConnection, Q_ARG(int, SIGTERM));
    });
#else
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, pipeFds) != 0) {
        qWarning("cannot watch for SIGINT/SIGTERM/SIGHUP: socketpair failed");
        return;
    }
    m_notifier = new QSocketNotifier(pipeFds[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &StopSignals::onNotified);
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (const int signalNumber : StopSignalNumbers) {
        // A signal ignored by whoever started us (nohup, a shell's background job) stays ignored.
        struct sigaction previous = {};
        if (sigaction(signalNumber, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN)
            continue;
        sigaction(signalNumber, &action, nullptr);
    }
#endif
}

StopSignals::~StopSignals()
{
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(consoleHandler, FALSE);
    instance = nullptr;
#else
    for (const int signalNumber : StopSignalNumbers) {
        struct sigaction current = {};
        if (sigaction(signalNumber, nullptr, &current) == 0 && current.sa_handler == handler)
            std::signal(signalNumber, SIG_DFL);
    }
    if (pipeFds[0] >= 0) {
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        pipeFds[0] = pipeFds[1] = -1;
    }
#endif
}

void StopSignals::onNotified()
{
#ifndef Q_OS_WIN
    unsigned char byte = 0;
    if (::read(pipeFds[0], &byte, 1) == 1)
        Q_EMIT stopRequested(byte);
#endif
}

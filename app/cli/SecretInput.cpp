#include "SecretInput.h"

#include <QTextStream>

#include <iostream>
#include <iterator>
#include <string>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <cstdio>
#include <io.h>
#include <windows.h>
#else
#include <csignal>
#include <termios.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_WIN

// Echo off for the console of stdin while it lives.
class EchoOff
{
public:
    EchoOff()
        : m_input(GetStdHandle(STD_INPUT_HANDLE))
    {
        if (m_input != INVALID_HANDLE_VALUE && GetConsoleMode(m_input, &m_saved))
            m_active = SetConsoleMode(m_input, m_saved & ~DWORD(ENABLE_ECHO_INPUT)) != 0;
    }
    ~EchoOff()
    {
        if (m_active)
            SetConsoleMode(m_input, m_saved);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    HANDLE m_input;
    DWORD m_saved = 0;
    bool m_active = false;
};

#else

// The terminal's settings before echo went off, for the signal handler. Only async-signal-safe calls there.
struct termios g_saved;
volatile sig_atomic_t g_echoOff = 0;
constexpr int restoreSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

extern "C" void restoreEchoAndDie(int signal)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
    // Die of the signal as if nothing had been caught, so that the shell sees the usual status.
    struct sigaction defaultAction = {};
    defaultAction.sa_handler = SIG_DFL;
    sigemptyset(&defaultAction.sa_mask);
    sigaction(signal, &defaultAction, nullptr);
    raise(signal);
}

// Echo off for the terminal of stdin while it lives (as getpass does); the typed new line still moves on.
class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreEchoAndDie;
        sigemptyset(&action.sa_mask);
        for (size_t i = 0; i < std::size(restoreSignals); ++i)
            sigaction(restoreSignals[i], &action, &m_previous[i]);
        struct termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        g_echoOff = 1;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0) {
            g_echoOff = 0;
            restoreHandlers();
        }
    }
    ~EchoOff()
    {
        if (!g_echoOff)
            return;
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        g_echoOff = 0;
        restoreHandlers();
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    void restoreHandlers()
    {
        for (size_t i = 0; i < std::size(restoreSignals); ++i)
            sigaction(restoreSignals[i], &m_previous[i], nullptr);
    }

    struct sigaction m_previous[std::size(restoreSignals)] = {};
};

#endif

QString readStdinLine()
{
    std::string line;
    std::getline(std::cin, line);
    QString text = QString::fromStdString(line).trimmed();
    // Overwrite our copy; the QString is the caller's to keep in memory only.
    std::fill(line.begin(), line.end(), '\0');
    return text;
}

} // namespace

namespace SecretInput {

bool stdinIsTerminal()
{
#ifdef Q_OS_WIN
    DWORD mode = 0;
    return GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &mode) != 0;
#else
    return isatty(STDIN_FILENO) != 0;
#endif
}

bool stdoutIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stdout)) != 0;
#else
    return isatty(STDOUT_FILENO) != 0;
#endif
}

QString readLine(QTextStream &err, const QString &prompt)
{
    if (!stdinIsTerminal())
        return readStdinLine();
    EchoOff echoOff; // before the prompt: nothing typed after the prompt appears may echo
    err << prompt;
    err.flush();
    const QString secret = readStdinLine();
#ifdef Q_OS_WIN
    err << Qt::endl; // the console did not echo the new line
#endif
    return secret;
}

QString readAnswer(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
    return readStdinLine();
}

} // namespace SecretInput

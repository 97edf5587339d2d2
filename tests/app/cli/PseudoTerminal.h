#pragma once

// A pseudo-terminal for the taskwatch-cli tests that need a person at the terminal (login's prompt, clear's
// question).

#include <QByteArray>
#include <QString>

#ifdef Q_OS_UNIX
#include <cstdlib>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

namespace CliTest {

// A pseudo-terminal: the CLI gets the slave side as stdin, the test types into the master side and reads
// back what the terminal echoes. The test keeps the slave open too, to look at its termios.
struct PseudoTerminal
{
    int master = -1;
    int slave = -1;
    QString slavePath;

    ~PseudoTerminal()
    {
        if (slave >= 0)
            ::close(slave);
        if (master >= 0)
            ::close(master);
    }

    bool open()
    {
        master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
            return false;
        slavePath = QString::fromLocal8Bit(ptsname(master));
        slave = ::open(ptsname(master), O_RDWR | O_NOCTTY);
        return slave >= 0 && fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK) == 0
                && fcntl(slave, F_SETFL, fcntl(slave, F_GETFL) | O_NONBLOCK) == 0;
    }

    static bool waitReadable(int fd)
    {
        pollfd p {fd, POLLIN, 0};
        return ::poll(&p, 1, 10000) == 1;
    }

    static QByteArray drain(int fd)
    {
        QByteArray bytes;
        char buffer[256];
        for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;)
            bytes.append(buffer, n);
        return bytes;
    }

    bool type(const QByteArray &text) const
    {
        return ::write(master, text.constData(), size_t(text.size())) == text.size();
    }

    bool echoes() const
    {
        termios settings {};
        return tcgetattr(slave, &settings) == 0 && (settings.c_lflag & ECHO);
    }
};

} // namespace CliTest
#endif

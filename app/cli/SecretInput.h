#pragma once

#include <QString>

class QTextStream;

// Reading the client secret from stdin, for login and --client-secret-stdin.
namespace SecretInput {

// stdin is a terminal (a console on Windows), so a person types the secret.
bool stdinIsTerminal();

// One line of stdin, trimmed. On a terminal it first prints `prompt` on `err` and turns echo off while the
// line is typed (termios on POSIX, SetConsoleMode on Windows); echo comes back afterwards, also when the
// program is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT) meanwhile. Piped stdin is read as it is, with
// no prompt and no change to anything.
QString readLine(QTextStream &err, const QString &prompt = QStringLiteral("Client secret: "));

} // namespace SecretInput

#pragma once

#include <QString>

class QTextStream;

// The terminal, as a small platform seam: reading the client secret from stdin, for login and
// --client-secret-stdin, and telling whether a person is at the terminal (termios and isatty on POSIX, the
// console API on Windows).
namespace SecretInput {

// stdin is a terminal (a console on Windows), so a person types the secret.
bool stdinIsTerminal();
// stdout is a terminal (a console on Windows): output for a person rather than for a program.
bool stdoutIsTerminal();

// One line of stdin, trimmed. On a terminal it first prints `prompt` on `err` and turns echo off while the
// line is typed (termios on POSIX, SetConsoleMode on Windows); echo comes back afterwards, also when the
// program is interrupted (SIGINT, SIGTERM, SIGHUP, SIGQUIT) meanwhile. Piped stdin is read as it is, with
// no prompt and no change to anything.
QString readLine(QTextStream &err, const QString &prompt = QStringLiteral("Client secret: "));

// A person's answer to a question (clear's "[y/N]"): `prompt` on `err`, then one line of stdin as typed, with
// echo. Empty at the end of input.
QString readAnswer(QTextStream &err, const QString &prompt);

} // namespace SecretInput

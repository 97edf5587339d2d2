#include "CliLogin.h"
#include "CliOptions.h"
#include "CliRunner.h"
#include "SecretInput.h"
#include "TaskwatchVersion.h"
#include "app/common/StopSignals.h"
#include "app/common/Translations.h"
#include "client/CoreDumps.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Before anything holds a secret: a crash leaves no core file with it (see CoreDumps.h).
    disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskwatch-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Taskwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));
    // The engine's log is for diagnosis (QT_LOGGING_RULES="taskwatch.*=true"); errors are printed as lines.
    QLoggingCategory::setFilterRules(QStringLiteral("taskwatch.*=false"));

    // People get their language (LANG, LC_ALL, LC_MESSAGES); programs get English (cliOutputIsForPrograms).
    const bool stdoutIsTerminal = SecretInput::stdoutIsTerminal();
    Translations translations;
    if (!cliOutputIsForPrograms(QCoreApplication::arguments(), stdoutIsTerminal))
        translations.install();

    QTextStream out(stdout);
    QTextStream err(stderr);
    const CliParse parse = parseCli(QCoreApplication::arguments());
    switch (parse.action) {
    case CliParse::Action::Help:
        out << cliHelpText();
        return CliExit::Ok;
    case CliParse::Action::Version:
        out << "taskwatch-cli " << TASKWATCH_VERSION << Qt::endl;
        return CliExit::Ok;
    case CliParse::Action::Error:
        err << "taskwatch-cli: " << parse.message << '\n'
            << QCoreApplication::translate("main", "Try 'taskwatch-cli --help'.") << Qt::endl;
        return CliExit::Usage;
    case CliParse::Action::Run:
        break;
    }

    // Saved profiles are the desktop app's (organisation "Taskwatch", application "taskwatch").
    QSettings settings(QStringLiteral("Taskwatch"), QStringLiteral("taskwatch"));
    const auto readSecret = [&err] { return SecretInput::readLine(err); };
    const CliCommand command = parse.options.command;
    if (command == CliCommand::Login || command == CliCommand::Logout) {
        CliLogin login(parse.options, settings, readSecret, out, err);
        QObject::connect(&login, &CliLogin::finished, &app, [](int code) { QCoreApplication::exit(code); });
        QTimer::singleShot(0, &login, &CliLogin::start);
        return QCoreApplication::exec();
    }

    // clear changes the tenant: a person answers the question, or --yes stands for the answer. Neither:
    // refused before anything is read or sent.
    const ClearConsent consent = clearConsent(parse.options, SecretInput::stdinIsTerminal());
    if (command == CliCommand::Clear && consent == ClearConsent::Refused) {
        err << "taskwatch-cli: "
            << QCoreApplication::translate("main",
                                           "clear changes tasks on the tenant: without a terminal to ask on, "
                                           "confirm with --yes")
            << Qt::endl;
        return CliExit::Usage;
    }

    const CliConnection connection =
            resolveConnection(parse.options, QProcessEnvironment::systemEnvironment(), settings, readSecret);
    if (!connection.error.isEmpty()) {
        err << "taskwatch-cli: " << connection.error << Qt::endl;
        return CliExit::Usage;
    }

    CliRunner runner(parse.options, connection, out, err, stdoutIsTerminal);
    if (command == CliCommand::Clear && consent == ClearConsent::Ask)
        runner.setAsk([&err](const QString &question) { return SecretInput::readAnswer(err, question); });
    QObject::connect(&runner, &CliRunner::finished, &app, [](int code) { QCoreApplication::exit(code); });
    StopSignals stop; // after the secret is read: SecretInput restores its own handlers around a prompt
    QObject::connect(&stop, &StopSignals::stopRequested, &runner, &CliRunner::interrupt);
    QTimer::singleShot(0, &runner, &CliRunner::start);
    return QCoreApplication::exec();
}

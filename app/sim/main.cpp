// taskwatch-sim: a simulated SailPoint Identity Security Cloud tenant on 127.0.0.1 (see sim/README.md).
#include "TaskwatchVersion.h"
#include "app/common/StopSignals.h"
#include "sim/SimCommandLine.h"
#include "sim/SimServer.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace {

void print(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("taskwatch-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));

    const SimCommandLine commandLine = SimCommandLine::parse(QCoreApplication::arguments());
    switch (commandLine.action) {
    case SimCommandLine::Action::Help:
        print(stdout, commandLine.helpText);
        return 0;
    case SimCommandLine::Action::Version:
        print(stdout, QStringLiteral("taskwatch-sim %1\n").arg(QStringLiteral(TASKWATCH_VERSION)));
        return 0;
    case SimCommandLine::Action::Error:
        print(stderr, QStringLiteral("taskwatch-sim: %1\nTry 'taskwatch-sim --help'.\n").arg(commandLine.error));
        return 2;
    case SimCommandLine::Action::Run:
        break;
    }

    if (commandLine.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("taskwatch.sim.requests.info=true\ntaskwatch.sim.info=true"));
    qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{if-category}%{category}: %{endif}%{message}"));

    // Watch for signals before the (possibly long) seeding of tasks; they are acted on once the loop runs.
    StopSignals stop;
    QObject::connect(&stop, &StopSignals::stopRequested, &app, [](int signalNumber) {
        qInfo("stopping on signal %d", signalNumber);
        QCoreApplication::quit();
    });
    SimServer server(commandLine.config);
    if (!server.listen(commandLine.port)) {
        print(stderr, QStringLiteral("taskwatch-sim: %1\n").arg(server.errorString()));
        return 1;
    }
    // The one line on stdout that scripts and tests wait for.
    print(stdout, QStringLiteral("listening on %1\n").arg(server.baseUrl().toString()));
    return app.exec();
}

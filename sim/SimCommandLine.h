#pragma once

#include "SimConfig.h"

#include <QString>
#include <QStringList>

// taskwatch-sim's command line, parsed into a SimConfig without printing or exiting, so that every flag
// and every mistake can be tested. The program prints helpText / error and picks the exit code.
struct SimCommandLine
{
    enum class Action { Run, Help, Version, Error };

    static constexpr quint16 defaultPort = 8777;
    static constexpr int defaultTasks = 20; // when neither --tasks nor --scenario is given

    Action action = Action::Run;
    SimConfig config;
    quint16 port = defaultPort;
    bool verbose = false;
    QString error; // for Action::Error: one line naming the flag and the problem
    QString helpText; // for Action::Help

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static SimCommandLine parse(const QStringList &arguments);
};

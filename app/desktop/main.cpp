#include "TaskwatchVersion.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskwatch"));
    QApplication::setOrganizationName(QStringLiteral("Taskwatch"));
    QApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Watch SailPoint Identity Security Cloud tasks."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    // The main window arrives with the desktop step; until then the program only reports its version.
    parser.showVersion();
}

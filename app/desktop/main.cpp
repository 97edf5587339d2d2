#include "CoreDumps.h"
#include "DesktopApp.h"
#include "DesktopOptions.h"
#include "TaskwatchVersion.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <optional>

namespace {

void setNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("taskwatch"));
    QCoreApplication::setOrganizationName(QStringLiteral("Taskwatch"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TASKWATCH_VERSION));
}

// --help and --version need no display: they are answered before any window system is touched.
bool onlyAsksForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

// The answer on the terminal, or (a Windows GUI program has none) in a message box. Nullopt: run the app.
std::optional<int> answer(const DesktopParse &parse)
{
    QString text;
    int code = 0;
    switch (parse.action) {
    case DesktopParse::Action::Run:
        return std::nullopt;
    case DesktopParse::Action::Help:
        text = parse.message.trimmed();
        break;
    case DesktopParse::Action::Version:
        text = QStringLiteral("taskwatch " TASKWATCH_VERSION);
        break;
    case DesktopParse::Action::Error:
        text = QStringLiteral("taskwatch: ") + parse.message + QStringLiteral("\nTry 'taskwatch --help'.");
        code = 2;
        break;
    }
#ifdef Q_OS_WIN
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QMessageBox::information(nullptr, QStringLiteral("Taskwatch"), text);
#endif
    std::fputs(qPrintable(text + u'\n'), code == 0 ? stdout : stderr);
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: a crash leaves no core file with it (see CoreDumps.h).
    disableCoreDumps();
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        setNames();
        const DesktopParse parse =
                parseDesktopArguments(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
        return answer(parse).value_or(0);
    }

    QApplication app(argc, argv);
    setNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Taskwatch"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.taskwatch.Taskwatch"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("taskwatch")));

    const DesktopParse parse =
            parseDesktopArguments(QApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (const std::optional<int> code = answer(parse))
        return *code;

    DesktopApp desktop(parse.options);
    QObject::connect(&desktop, &DesktopApp::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    desktop.start();
    return QApplication::exec();
}

#include "DesktopApp.h"
#include "DesktopHandOver.h"
#include "DesktopLog.h"
#include "DesktopOptions.h"
#include "SingleInstance.h"
#include "TaskwatchVersion.h"
#include "app/common/StopSignals.h"
#include "app/common/Translations.h"
#include "client/CoreDumps.h"
#include "client/WatchList.h"

#include <QApplication>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>
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

// A line on the terminal, or (a Windows GUI program has none) in a message box.
int tell(const QString &text, int code)
{
#ifdef Q_OS_WIN
    if (qobject_cast<QApplication *>(QCoreApplication::instance()))
        QMessageBox::information(nullptr, QStringLiteral("Taskwatch"), text);
#endif
    std::fputs(qPrintable(text + u'\n'), code == 0 ? stdout : stderr);
    return code;
}

// The answer to --help, --version or a wrong command line. Nullopt: run the app.
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
        text = QStringLiteral("taskwatch: ") + parse.message + u'\n'
                + QCoreApplication::translate("main", "Try 'taskwatch --help'.");
        code = 2;
        break;
    }
    return tell(text, code);
}

// Same user, same settings folder and same watch list: the same Taskwatch (SingleInstance).
QString instanceName(const DesktopOptions &options)
{
    const QString runtimeDir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QString settingsDir = QFileInfo(QSettings().fileName()).absolutePath();
    const QString watchList =
            QFileInfo(options.watchListPath.isEmpty() ? WatchList::defaultFilePath() : options.watchListPath)
                    .absoluteFilePath();
    return SingleInstance::serverNameFor(runtimeDir, SingleInstance::keyFor(runtimeDir, settingsDir, watchList));
}

// Another Taskwatch runs: it has the request, or says why not. Nullopt: this one is the app.
std::optional<int> handOver(SingleInstance &instance, const DesktopOptions &options)
{
    switch (instance.claimOrHandOver({options.taskIds})) {
    case SingleInstance::Role::Primary:
        return std::nullopt;
    case SingleInstance::Role::Unreachable:
        return tell(QStringLiteral("taskwatch: ") + instance.errorString(), 1);
    case SingleInstance::Role::HandedOver:
        break;
    }
    const InstanceReply reply = instance.reply();
    if (!reply.ok)
        return tell(QStringLiteral("taskwatch: ") + reply.error, 1);
    if (options.taskIds.isEmpty())
        return 0; // the running window came to the front: nothing to say
    return tell(QCoreApplication::translate("main", "Taskwatch is already running: %n task id(s) added", nullptr,
                                            reply.added)
                        + (reply.alreadyWatched > 0 ? QCoreApplication::translate("main", ", %n already watched",
                                                                                  nullptr, reply.alreadyWatched)
                                                    : QString())
                        + u'.',
                0);
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything holds a secret: a crash leaves no core file with it (see CoreDumps.h).
    disableCoreDumps();
    Translations translations; // outlives the application object, which is made (and gone) below
    if (onlyAsksForText(argc, argv)) {
        QCoreApplication app(argc, argv);
        setNames();
        translations.install();
        const DesktopParse parse =
                parseDesktopArguments(QCoreApplication::arguments(), QProcessEnvironment::systemEnvironment());
        return answer(parse).value_or(0);
    }

    QApplication app(argc, argv);
    setNames();
    translations.install(); // before any widget: texts are translated when they are made
    QApplication::setApplicationDisplayName(QStringLiteral("Taskwatch"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.taskwatch.Taskwatch"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("taskwatch")));

    const DesktopParse parse =
            parseDesktopArguments(QApplication::arguments(), QProcessEnvironment::systemEnvironment());
    if (const std::optional<int> code = answer(parse))
        return *code;

    // A --screenshot run is self-contained (a script waits for its picture): it neither hands over nor listens.
    std::unique_ptr<SingleInstance> instance;
    if (parse.options.screenshotPath.isEmpty()) {
        instance = std::make_unique<SingleInstance>(instanceName(parse.options));
        if (const std::optional<int> code = handOver(*instance, parse.options))
            return *code;
    }

    // Before the app: a stop signal during start-up waits in the pipe until the event loop runs.
    StopSignals stop;
    DesktopApp desktop(parse.options);
    QObject::connect(&desktop, &DesktopApp::quitRequested, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    QObject::connect(&stop, &StopSignals::stopRequested, &desktop, [&desktop](int signalNumber) {
        qCInfo(lcApp) << "stopping on signal" << signalNumber;
        desktop.quit(); // saves the watch list, progress included
    });
    desktop.start();
    if (!parse.options.taskIds.isEmpty()) {
        const InstanceReply added = DesktopHandOver::addTasks(desktop, parse.options.taskIds);
        if (!added.ok)
            qCWarning(lcApp).noquote() << added.error;
    }
    if (instance)
        instance->setHandler(
                [&desktop](const InstanceRequest &request) { return DesktopHandOver::take(desktop, request); });
    return QApplication::exec();
}

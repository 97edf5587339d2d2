#include "DesktopHandOver.h"

#include "DesktopApp.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "models/TaskId.h"

#include <QCoreApplication>

namespace {

InstanceReply refused(const QString &error)
{
    InstanceReply reply;
    reply.error = error;
    return reply;
}

int handOvers = 0; // how often another start reached this one (in the log line, for tests and diagnosis)

} // namespace

InstanceReply DesktopHandOver::addTasks(DesktopApp &app, const QStringList &ids)
{
    InstanceReply reply;
    reply.ok = true;
    if (ids.isEmpty())
        return reply;
    TaskMonitor *monitor = app.monitor();
    if (!monitor)
        return refused(QCoreApplication::translate("DesktopHandOver",
                                                   "Taskwatch is running but watches no tenant now (see its window); "
                                                   "the task ids were not added."));
    QStringList known;
    for (const WatchedTask &task : monitor->tasks())
        known.append(task.id);
    const TaskId::PastedIds parsed = TaskId::parsePasted(ids.join(u'\n'), known);
    if (!parsed.rejected.isEmpty())
        return refused(QCoreApplication::translate("DesktopHandOver", "\"%1\" is not a task id: %2")
                               .arg(parsed.rejected.constFirst().text, parsed.rejected.constFirst().reason));
    monitor->addTasks(parsed.ids);
    // The demo tenant keeps its tasks in memory only; a profile's list is on disk before we say yes.
    if (app.mode() == DesktopApp::Mode::Profile && app.watchList() && !app.watchList()->saveNow())
        return refused(QCoreApplication::translate("DesktopHandOver",
                                                   "Taskwatch is running but could not save its watch list (see "
                                                   "its window); the task ids are watched until it quits."));
    reply.added = int(parsed.ids.size());
    reply.alreadyWatched = int(parsed.duplicates.size());
    return reply;
}

InstanceReply DesktopHandOver::take(DesktopApp &app, const InstanceRequest &request)
{
    const InstanceReply reply = addTasks(app, request.ids);
    app.showWindow();
    ++handOvers;
    qCInfo(lcInstance).nospace() << "another start reached this one (hand-over " << handOvers << "): window raised, "
                                 << reply.added << " task ids added, " << reply.alreadyWatched << " already watched"
                                 << (reply.ok ? "" : ", refused");
    return reply;
}

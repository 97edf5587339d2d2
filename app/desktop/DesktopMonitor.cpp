#include "DesktopMonitor.h"

#include "DesktopFollowing.h"
#include "DesktopLog.h"
#include "client/CredentialStore.h"
#include "client/QueueDepth.h"
#include "client/RunHistoryStore.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "ui/MainWindow.h"
#include "ui/Preferences.h"
#include "ui/WatchListModel.h"
#include "ui/WatchStatusBar.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace {

TaskClearing::Mark markFor(CompletionStatus status)
{
    return status == CompletionStatus::Terminated ? TaskClearing::Mark::Terminated : TaskClearing::Mark::Error;
}

CompletionStatus statusFor(TaskClearing::Mark mark)
{
    return mark == TaskClearing::Mark::Terminated ? CompletionStatus::Terminated : CompletionStatus::Error;
}

std::shared_ptr<RunHistoryStore> sharedHistory(const QString &path)
{
    static std::map<QString, std::weak_ptr<RunHistoryStore>> stores;
    std::weak_ptr<RunHistoryStore> &slot = stores[path];
    std::shared_ptr<RunHistoryStore> store = slot.lock();
    if (!store)
        slot = store = std::make_shared<RunHistoryStore>(path);
    return store;
}

} // namespace

DesktopMonitor::DesktopMonitor(const ConnectionProfile &profile, bool demo, MainWindow *window,
                               std::chrono::seconds pollInterval, Role role)
    : m_window(window)
    , m_engine(std::make_unique<TaskMonitor>(profile))
    , m_demo(demo)
    , m_role(role)
{
    m_engine->setPollInterval(pollInterval);
    TaskMonitor *engine = m_engine.get();
    connect(engine, &TaskMonitor::taskAdded, window, &MainWindow::addTask);
    connect(engine, &TaskMonitor::taskChanged, window, &MainWindow::updateTask);
    connect(engine, &TaskMonitor::taskRemoved, window, &MainWindow::removeTask);
    connect(engine, &TaskMonitor::refreshed, window, &MainWindow::setRefreshed);
    connect(engine, &TaskMonitor::discovered, window, &MainWindow::setDiscovered);
    connect(engine, &TaskMonitor::discoverFailed, window, &MainWindow::setDiscoverFailed);
    connect(engine, &TaskMonitor::connectionStateChanged, this, &DesktopMonitor::connectionChanged);
    // Idle reads as "Connecting" once there is something to ask about.
    connect(engine, &TaskMonitor::taskAdded, this, &DesktopMonitor::connectionChanged);
    connect(engine, &TaskMonitor::taskRemoved, this, &DesktopMonitor::connectionChanged);

    // The window's intents about tasks go to the engine that watches them (the connections end with it); with
    // several tenants in one table each engine takes its own ids, and an id watched under two profiles only by
    // the one whose row the person acted on: one pause, one PATCH. (A removal takes the row out first.)
    const auto mineAsShown = [engine, window](const QString &id) {
        const WatchedTask *row = window->model()->taskAt(window->model()->rowOf(id));
        return (!row || row->profile == engine->profile().name) && engine->task(id).has_value();
    };
    const auto own = [mineAsShown](const QStringList &ids) {
        QStringList mine;
        std::copy_if(ids.cbegin(), ids.cend(), std::back_inserter(mine), mineAsShown);
        return mine;
    };
    connect(window, &MainWindow::removeRequested, engine, [engine, own](const QStringList &ids) {
        if (const QStringList mine = own(ids); !mine.isEmpty())
            engine->removeTasks(mine);
    });
    connect(window, &MainWindow::refreshRequested, engine, [engine, own](const QStringList &ids) {
        if (const QStringList mine = own(ids); !mine.isEmpty() || ids.isEmpty())
            engine->refreshNow(mine);
    });
    connect(window, &MainWindow::taskPauseRequested, engine, [engine, own](const QStringList &ids, bool paused) {
        for (const QString &id : own(ids))
            engine->setTaskPaused(id, paused);
    });
    connect(window, &MainWindow::clearRequested, engine,
            [engine, mineAsShown](const QString &id, CompletionStatus status) {
                if (mineAsShown(id))
                    engine->clearTask(id, markFor(status));
            });
    connect(engine, &TaskMonitor::taskCleared, this, &DesktopMonitor::showCleared);
    // Every watched profile follows its own rules; the Follow… dialog edits the current one's.
    m_following = std::make_unique<DesktopFollowing>(engine, window, role == Role::Current);
    if (role == Role::Alongside)
        return;
    // New ids, discovery and the queue depth: the current profile's.
    connect(window, &MainWindow::addRequested, engine,
            [engine](const QStringList &ids, const QString &label) { engine->addTasks(ids, label); });
    connect(window, &MainWindow::discoverRequested, engine,
            [engine](bool runningOnly, int limit) { engine->discover(runningOnly, limit); });

    WatchStatusBar *bar = window->watchStatusBar();
    connect(engine->queueDepth(), &QueueDepth::depthRead, bar, &WatchStatusBar::setQueueDepth);
    connect(engine->queueDepth(), &QueueDepth::depthFailed, bar, &WatchStatusBar::setQueueDepthFailed);
}

void DesktopMonitor::applyPreferences(const Preferences &preferences)
{
    static_assert(Preferences::DefaultBudgetShare == TaskMonitor::DefaultBudgetShare);
    static_assert(std::chrono::minutes(Preferences::DefaultStallMinutes) == TaskMonitor::DefaultStallThreshold);
    m_engine->setBudgetShare(preferences.budgetShare);
    m_engine->setStallThreshold(std::chrono::minutes(preferences.stallMinutes));
    // The status bar shows the current profile's queue: an engine watched alongside spends nothing on one.
    const bool showQueue = preferences.showQueueDepth && m_role == Role::Current;
    m_engine->queueDepth()->setEnabled(showQueue);
    if (!showQueue && m_role == Role::Current && m_window)
        m_window->watchStatusBar()->hideQueueDepth();
}

void DesktopMonitor::showCleared(const ClearResult &result)
{
    qCInfo(lcApp).noquote() << "mark as finished" << result.id << ":" << result.sentence().english();
    if (!m_window)
        return;
    // The row shows the tenant's answer already (the engine's taskChanged came first); History says who did it.
    if (result.changed() || (result.kind == ClearResult::Kind::Unconfirmed && result.patchSent))
        m_window->recordMarkedFinished(result.id, statusFor(result.mark), result.who, result.changed());
    m_window->showMessage(result.sentence().translated());
}

DesktopMonitor::~DesktopMonitor()
{
    m_engine->disconnect(); // nothing it still says reaches the window
    m_engine->setWatchList(nullptr);
    if (!m_window)
        return;
    // From the end, so that each removal is cheap.
    const QList<WatchedTask> tasks = m_engine->tasks();
    for (auto it = tasks.crbegin(); it != tasks.crend(); ++it)
        m_window->removeTask(it->id);
}

void DesktopMonitor::setPollInterval(std::chrono::seconds interval)
{
    m_engine->setPollInterval(interval);
}

void DesktopMonitor::setWatchList(WatchList *list)
{
    m_engine->setWatchList(list);
    if (m_following)
        m_following->setWatchList(list);
    if (!list || m_history)
        return;
    // The run history lives beside the watch list, so a private --watch-list keeps a private history; every
    // engine of the process shares the one store of that file (its only writer here).
    m_history = sharedHistory(RunHistoryStore::pathBeside(list->filePath()));
    m_history->serve(m_engine.get());
}

void DesktopMonitor::setSecret(const QString &secret)
{
    m_secretPending = false;
    m_engine->setSecret(secret);
    if (m_following)
        m_following->secretGiven();
}

void DesktopMonitor::setPaused(bool paused)
{
    m_engine->setPaused(paused);
    if (m_following)
        m_following->update(); // paused, nothing is asked: not even for new tasks
}

void DesktopMonitor::readSecret(CredentialStore *store)
{
    m_secretPending = true;
    const ConnectionProfile profile = m_engine->profile();
    // The URL in effect is the saved one: only a secret saved for this very tenant is handed to the engine.
    store->readSecretFor(profile.name, profile.clientId, profile.baseUrl, profile.baseUrl,
                         [self = QPointer<DesktopMonitor>(this), profile](const CredentialResult &r) {
                             if (!self)
                                 return; // that engine is gone
                             self->m_secretPending = false;
                             if (r.ok) {
                                 qCInfo(lcApp) << "client secret found for profile" << profile.name
                                               << (r.fromSession ? "(session)" : "");
                                 self->setSecret(r.secret);
                             } else if (!r.wrongTenant && !r.notFound) {
                                 qCWarning(lcApp).noquote() << "keychain read failed:" << r.errorString;
                             }
                             Q_EMIT self->secretLookedUp(r);
                         });
}

ConnectionLine DesktopMonitor::connectionLine() const
{
    ConnectionLine line;
    line.state = m_engine->connectionState();
    line.tenant = m_engine->profile().baseUrl.host();
    line.profile = m_engine->profile().name;
    line.demo = m_demo;
    line.readingSecret = m_secretPending;
    line.paused = m_engine->isPaused();
    line.hasTasks = m_window && m_window->model()->rowsOf(line.profile) > 0; // not the rows of other tenants
    return line;
}

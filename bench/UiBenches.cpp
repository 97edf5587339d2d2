#include "UiBenches.h"

#include "SimBodies.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"
#include "ui/MainWindow.h"
#include "ui/WatchListModel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QSaveFile>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <ctime>
#include <unistd.h>

using Bench::Args;

namespace UiBenches {

namespace {

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

} // namespace

// Rounds of one status update per row, as list answers of up to 250 tasks (what the engine receives): parse
// with TaskStatus::listFromJson, apply with WatchListModel::updateTask. A chosen share of the rows has a new
// status each round, the rest get their current one again. checkedAt stays the same for every update, so
// that a row changes exactly when its status does (in the app every answer also moves "Last checked").
int update(const Args &args)
{
    const int rows = std::max(1, args.integer(QStringLiteral("rows"), 1000));
    const int percent = std::clamp(args.integer(QStringLiteral("changed-percent"), 10), 1, 100);
    const int rounds = std::max(1, args.integer(QStringLiteral("rounds"), 21));
    const bool throughWindow = args.flag(QStringLiteral("window"));
    const int step = 100 / percent; // every step-th row changes

    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    const QDateTime checkedAt = QDateTime::fromMSecsSinceEpoch(t0);
    const SimBodies bodies(rows, SimBodies::Mix::Running, t0);
    // The sim reports progress every 15 s (at most): in 90 s a task of an hour moves by 2 % or more.
    constexpr qint64 RoundMs = 90000;

    // The rows as the engine would have announced them.
    QList<WatchedTask> tasks;
    QHash<QString, int> indexOf;
    {
        QList<std::pair<int, qint64>> all;
        for (int i = 0; i < rows; ++i)
            all.append({i, t0});
        const Parsed<QList<TaskStatus>> statuses = TaskStatus::listFromJson(bodies.listBody(all));
        if (!statuses)
            return Bench::fail(statuses.error().message());
        for (const TaskStatus &status : statuses.value()) {
            WatchedTask task;
            task.id = status.id;
            task.profile = QStringLiteral("bench");
            task.addedAt = checkedAt;
            task.checkedAt = checkedAt;
            task.status = status;
            indexOf.insert(task.id, int(tasks.size()));
            tasks.append(task);
        }
    }

    std::unique_ptr<MainWindow> window;
    std::unique_ptr<WatchListModel> ownModel;
    WatchListModel *model = nullptr;
    if (throughWindow) {
        window = std::make_unique<MainWindow>();
        window->resize(1200, 800);
        model = window->model();
        window->addTasks(tasks);
        window->show();
        QCoreApplication::processEvents();
    } else {
        ownModel = std::make_unique<WatchListModel>();
        model = ownModel.get();
        model->addTasks(tasks);
    }
    qint64 emitted = 0;
    // Updates announce their cells with no roles; the once-a-second refresh of the time columns names its
    // roles and is not an update.
    QObject::connect(model, &QAbstractItemModel::dataChanged, model,
                     [&](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                         if (roles.isEmpty())
                             ++emitted;
                     });

    QList<qint64> version(rows, t0); // the time each row's shown status was taken at
    QList<double> parseMs, applyMs;
    qint64 totalSignals = 0;
    qint64 totalChanged = 0;
    bool countsMatch = true;
    for (int round = 1; round <= rounds; ++round) {
        const qint64 at = t0 + round * RoundMs;
        QList<QByteArray> answers;
        int changed = 0;
        QList<std::pair<int, qint64>> chunk;
        for (int i = 0; i < rows; ++i) {
            if ((i + round) % step == 0) {
                version[i] = at;
                ++changed;
            }
            chunk.append({i, version.at(i)});
            if (chunk.size() == 250 || i == rows - 1) {
                answers.append(bodies.listBody(chunk));
                chunk.clear();
            }
        }

        emitted = 0;
        const double start = threadCpuMs();
        QList<TaskStatus> statuses;
        statuses.reserve(rows);
        for (const QByteArray &answer : std::as_const(answers)) {
            Parsed<QList<TaskStatus>> parsed = TaskStatus::listFromJson(answer);
            if (!parsed)
                return Bench::fail(parsed.error().message());
            statuses.append(std::move(parsed.value()));
        }
        const double parsedAt = threadCpuMs();
        for (TaskStatus &status : statuses) {
            WatchedTask &task = tasks[indexOf.value(status.id)];
            task.status = std::move(status);
            if (throughWindow)
                window->updateTask(task);
            else
                model->updateTask(task);
        }
        const double appliedAt = threadCpuMs();
        if (throughWindow)
            QCoreApplication::processEvents(); // the repaint the changes ask for, outside the figure
        parseMs.append(parsedAt - start);
        applyMs.append(appliedAt - parsedAt);
        totalSignals += emitted;
        totalChanged += changed;
        countsMatch = countsMatch && emitted == changed;
    }

    const double per1000 = 1000.0 / rows;
    const double parse = median(parseMs) * per1000;
    const double apply = median(applyMs) * per1000;
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("update")},
                        {QStringLiteral("rows"), rows},
                        {QStringLiteral("changedPercent"), percent},
                        {QStringLiteral("throughWindow"), throughWindow},
                        {QStringLiteral("rounds"), rounds},
                        {QStringLiteral("cpuMsPer1000"), parse + apply},
                        {QStringLiteral("parseMsPer1000"), parse},
                        {QStringLiteral("applyMsPer1000"), apply},
                        {QStringLiteral("dataChanged"), double(totalSignals) / rounds},
                        {QStringLiteral("changedRows"), double(totalChanged) / rounds},
                        {QStringLiteral("countsMatch"), countsMatch}};
    Bench::emitResult(result);
    if (args.flag(QStringLiteral("check")) && !countsMatch)
        return Bench::fail(QStringLiteral("%1 dataChanged signals for %2 changed rows over %3 rounds")
                                   .arg(totalSignals)
                                   .arg(totalChanged)
                                   .arg(rounds));
    return 0;
}

// A watch-list file (client/WatchListFormat) of N tasks of profile `--profile` (default "bench"), each with its
// last status as the sim sends it (the realistic mix of finished, running and queued tasks).
int makeWatchList(const Args &args)
{
    const int count = args.integer(QStringLiteral("tasks"), 10000);
    const QString path = args.value(QStringLiteral("out"));
    const QString profile = args.value(QStringLiteral("profile"), QStringLiteral("bench"));
    if (path.isEmpty())
        return Bench::fail(QStringLiteral("--out FILE is required"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QDateTime checkedAt = QDateTime::fromMSecsSinceEpoch(now);
    const SimBodies bodies(count, SimBodies::Mix::Seeded, now);
    QList<WatchedTask> tasks;
    tasks.reserve(count);
    for (int i = 0; i < count; ++i) {
        Parsed<TaskStatus> status = TaskStatus::fromJson(bodies.body(i, now));
        if (!status)
            return Bench::fail(status.error().message());
        WatchedTask task;
        task.id = bodies.id(i);
        task.profile = profile;
        task.addedAt = checkedAt.addSecs(-3600);
        task.checkedAt = checkedAt;
        task.status = std::move(status.value());
        tasks.append(task);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Bench::fail(file.errorString());
    file.write(WatchListFormat::toJson(tasks));
    if (!file.commit())
        return Bench::fail(file.errorString());
    return 0;
}

namespace {

// Notes the first paint of a widget.
class PaintWatch : public QObject
{
public:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && paintedAtMs < 0) {
            paintedAtMs = Bench::msSinceProcessStart();
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
        }
        return QObject::eventFilter(watched, event);
    }
    double paintedAtMs = -1;
    QEventLoop loop;
};

} // namespace

// The app's start-up path without the app: the cached watch list loaded, the engine adopting it (no
// secret, so nothing is sent), MainWindow filled in one insert and shown. Time from process start to the
// first paint of the table, RSS then and a second later.
int window(const Args &args, double processStartMs)
{
    const QString path = args.value(QStringLiteral("watch-list"));
    const int expected = args.integer(QStringLiteral("tasks"), -1);
    const double appReadyMs = Bench::msSinceProcessStart();

    WatchList list(path);
    if (!list.load())
        return Bench::fail(QStringLiteral("cannot load %1").arg(path));
    const qint64 heapAfterLoad = Bench::heapInUseKiB();
    ConnectionProfile profile;
    profile.name = QStringLiteral("bench");
    profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    profile.clientId = QStringLiteral("demo");
    TaskMonitor monitor(profile);
    monitor.setWatchList(&list);
    const double loadedMs = Bench::msSinceProcessStart();
    const qint64 heapAfterEngine = Bench::heapInUseKiB();

    MainWindow window;
    QObject::connect(&monitor, &TaskMonitor::taskChanged, &window, &MainWindow::updateTask);
    window.resize(1200, 800);
    window.addTasks(monitor.tasks());
    const qint64 heapAfterWindow = Bench::heapInUseKiB();
    PaintWatch watch;
    window.tableView()->viewport()->installEventFilter(&watch);
    window.show();
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &watch.loop, &QEventLoop::quit);
    timeout.start(30000);
    watch.loop.exec();
    timeout.stop();
    const qint64 shownRss = Bench::statusKiB(getpid(), "VmRSS");
    const qint64 shownHeap = Bench::heapInUseKiB();
    QEventLoop settle;
    QTimer::singleShot(1000, &settle, &QEventLoop::quit);
    settle.exec();

    const int rows = window.model()->rowCount();
    QJsonObject result {{QStringLiteral("bench"), QStringLiteral("window")},
                        {QStringLiteral("tasks"), rows},
                        {QStringLiteral("processStartToMainMs"), processStartMs},
                        {QStringLiteral("qapplicationMs"), appReadyMs},
                        {QStringLiteral("watchListLoadedMs"), loadedMs},
                        {QStringLiteral("firstWindowMs"), watch.paintedAtMs},
                        {QStringLiteral("shownRssKiB"), shownRss},
                        {QStringLiteral("shownHeapKiB"), shownHeap},
                        {QStringLiteral("heapAfterLoadKiB"), heapAfterLoad},
                        {QStringLiteral("heapAfterEngineKiB"), heapAfterEngine},
                        {QStringLiteral("heapAfterWindowKiB"), heapAfterWindow},
                        {QStringLiteral("settledRssKiB"), Bench::statusKiB(getpid(), "VmRSS")},
                        {QStringLiteral("peakRssKiB"), Bench::statusKiB(getpid(), "VmHWM")}};
    Bench::emitResult(result);
    if (args.flag(QStringLiteral("check"))) {
        if (watch.paintedAtMs < 0)
            return Bench::fail(QStringLiteral("the window was never painted"));
        if (expected >= 0 && rows != expected)
            return Bench::fail(QStringLiteral("%1 rows, expected %2").arg(rows).arg(expected));
    }
    return 0;
}

} // namespace UiBenches

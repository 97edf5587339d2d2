#include "DesktopFollowing.h"

#include "DesktopLog.h"
#include "client/TaskFollower.h"
#include "client/TaskMonitor.h"
#include "client/WatchList.h"
#include "ui/FollowDialog.h"
#include "ui/MainWindow.h"

DesktopFollowing::DesktopFollowing(TaskMonitor *engine, MainWindow *window, bool withDialog)
    : m_engine(engine)
    , m_window(window)
{
    connect(engine, &TaskMonitor::connectionStateChanged, this, &DesktopFollowing::update);
    if (withDialog) // the current profile's: "Follow…" edits its rules
        connect(window, &MainWindow::followRequested, this, &DesktopFollowing::openDialog);
}

DesktopFollowing::~DesktopFollowing() = default;

void DesktopFollowing::setWatchList(WatchList *list)
{
    if (m_list)
        disconnect(m_list, nullptr, this, nullptr);
    m_list = list;
    m_refused.clear();
    if (list) // rules set anywhere (the dialog, a removed profile's moved here, a second instance) are followed
        connect(list, &WatchList::followRulesChanged, this, [this](const QSet<QString> &profiles) {
            // This profile's rules changed: follow them anew. Another profile's: this follower goes on as it was.
            if (profiles.contains(m_engine->profile().name))
                followAnew();
        });
    retire();
    update();
}

void DesktopFollowing::retire()
{
    if (m_follower && m_follower->knownUntil().isValid())
        m_knownUntil = m_follower->knownUntil();
    m_follower.reset();
}

void DesktopFollowing::secretGiven()
{
    m_hasSecret = true;
    m_refused.clear();
    update();
}

QList<FollowRule> DesktopFollowing::rules() const
{
    return m_list ? m_list->followRules(m_engine->profile().name) : m_sessionRules;
}

void DesktopFollowing::setRules(const QList<FollowRule> &rules)
{
    if (rules == this->rules())
        return;
    qCInfo(lcApp) << "following" << rules.size() << "rule(s)";
    if (m_list) {
        m_list->setFollowRules(m_engine->profile().name, rules); // followAnew() through followRulesChanged
        return;
    }
    m_sessionRules = rules;
    followAnew();
}

void DesktopFollowing::followAnew()
{
    m_refused.clear();
    m_follower.reset(); // new rules: the new follower learns what is there first, and what comes after is news
    m_knownUntil = {};
    update();
}

void DesktopFollowing::openDialog()
{
    if (!m_window)
        return;
    auto *dialog = new FollowDialog(rules(), followIsSupported(m_engine->profile().apiVersion), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { setRules(dialog->rules()); });
    dialog->open();
}

void DesktopFollowing::update()
{
    const ConnectionState::Kind state = m_engine->connectionState().kind;
    const bool mayAsk = m_hasSecret && !m_engine->isPaused() && state != ConnectionState::Kind::AuthFailed
            && state != ConnectionState::Kind::Misconfigured;
    const QList<FollowRule> followed = rules();
    if (!mayAsk || followed.isEmpty() || !followIsSupported(m_engine->profile().apiVersion) || !m_refused.isEmpty()) {
        retire();
        return;
    }
    if (m_follower)
        return;
    m_follower = std::make_unique<TaskFollower>(m_engine->client(), followed);
    m_follower->setKnownUntil(m_knownUntil); // what was created while none followed is news too
    connect(m_follower.get(), &TaskFollower::appeared, this, [this](const TaskStatus &status, const FollowRule &rule) {
        if (!m_engine->task(status.id)) // finished or not: a task that lived seconds still shows its outcome
            m_engine->addTasks({status.id}, rule.label());
    });
    connect(m_follower.get(), &TaskFollower::failed, this, [this](const QString &message, bool stops) {
        qCWarning(lcApp).noquote() << "following failed:" << message << (stops ? "(stopped)" : "");
        if (!stops)
            return; // asked again next round
        // Refused (a filter the tenant will not take, credentials): said, and not asked again until the rules,
        // the secret or the watch list change.
        m_refused = message;
        m_knownUntil = m_follower->knownUntil();
        m_follower.release()->deleteLater(); // it is the sender
        if (m_window)
            m_window->showMessage(tr("Following new tasks of %1 stopped: %2").arg(m_engine->profile().name, message));
    });
    m_follower->start();
}

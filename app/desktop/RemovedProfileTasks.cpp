#include "RemovedProfileTasks.h"

#include "DesktopLog.h"
#include "SettingsApplier.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"
#include "models/TenantUrl.h"
#include "ui/Formatting.h"
#include "ui/MainWindow.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

RemovedProfileTasks::RemovedProfileTasks(WatchList *list, SettingsApplier *applier, MainWindow *window)
    : m_list(list)
    , m_window(window)
{
    connect(applier, &SettingsApplier::committed, this, [this, applier](const SettingsApplier::Outcome &outcome) {
        const QList<ConnectionProfile> &saved = outcome.accepted.profiles;
        const auto savedNamed = [&saved](const QString &name) {
            return std::find_if(saved.cbegin(), saved.cend(),
                                [&](const ConnectionProfile &profile) { return profile.name == name; });
        };
        // Earlier questions still open were asked about another current profile: they close (nothing is lost:
        // it is the answer Keep) and are asked again below while their profile is still gone.
        QStringList unanswered;
        for (auto it = m_questions.cbegin(); it != m_questions.cend(); ++it) {
            if (!it.value())
                continue; // answered
            unanswered.append(it.key());
            it.value()->close();
        }
        m_questions.clear();
        for (const SecretKey &removed : outcome.accepted.removed)
            if (!unanswered.contains(removed.profile))
                unanswered.append(removed.profile);
        // The tenant each removed profile was on, from the settings as the dialog opened.
        const QList<ConnectionProfile> &before = applier->opened().profiles;
        const auto current = savedNamed(outcome.accepted.current);
        for (const QString &profile : std::as_const(unanswered)) {
            if (savedNamed(profile) != saved.cend() || !m_list)
                continue;
            if (m_list->tasks(profile).isEmpty()) {
                m_list->setFollowRules(profile, {}); // rules without tasks: nothing to ask, they go with it
                continue;
            }
            const auto was = std::find_if(before.cbegin(), before.cend(),
                                          [&](const ConnectionProfile &p) { return p.name == profile; });
            // Moving is offered only onto the same tenant: another tenant does not know these ids.
            const bool sameTenant = was != before.cend() && current != saved.cend()
                    && TenantUrl::normalized(was->baseUrl) == TenantUrl::normalized(current->baseUrl);
            ask(profile, sameTenant ? outcome.accepted.current : QString());
        }
    });
}

void RemovedProfileTasks::apply(WatchList &list, const QString &profile, Choice choice, const QString &current)
{
    const QList<WatchedTask> tasks = list.tasks(profile);
    if (choice == Choice::Keep || tasks.isEmpty() || (choice == Choice::Move && current.isEmpty()))
        return;
    // Its follow rules go with its tasks: a later profile of that name (maybe on another tenant) does not
    // start following by them unasked.
    const QList<FollowRule> rules = list.followRules(profile);
    if (choice == Choice::Move)
        for (const FollowRule &rule : rules)
            if (!list.followRules(current).contains(rule))
                list.setFollowRules(current, list.followRules(current) + QList<FollowRule> {rule});
    list.setFollowRules(profile, {});
    // Moved through the import: the current profile's engine hears of them (WatchList::imported) and watches.
    if (choice == Choice::Move)
        list.importJson(WatchListFormat::toJson(tasks), current);
    for (const WatchedTask &task : tasks)
        list.remove(profile, task.id);
    qCInfo(lcApp) << tasks.size() << "task(s) of the removed profile" << profile
                  << (choice == Choice::Move ? "moved to" : "no longer watched") << current;
}

void RemovedProfileTasks::ask(const QString &profile, const QString &current)
{
    const qsizetype count = m_list->tasks(profile).size();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Tasks of a removed profile"),
                                tr("The removed profile %1 still has tasks in the watch list (%2). What should become "
                                   "of them?")
                                        .arg(Formatting::quoted(profile))
                                        .arg(count),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("removedProfileTasks"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *move = nullptr;
    if (!current.isEmpty()) {
        move = box->addButton(tr("&Move to %1").arg(Formatting::quoted(current)), QMessageBox::AcceptRole);
        move->setObjectName(QStringLiteral("moveTasks"));
    }
    QPushButton *forget = box->addButton(tr("&Stop watching them"), QMessageBox::DestructiveRole);
    forget->setObjectName(QStringLiteral("forgetTasks"));
    QPushButton *keep = box->addButton(tr("&Keep them for later"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepTasks"));
    keep->setToolTip(tr("They stay in the watch list, unseen, and come back with a profile of this name"));
    box->setDefaultButton(keep); // Enter alone loses nothing
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, profile, current, move, forget](QAbstractButton *clicked) {
        if (!m_list)
            return;
        const Choice choice = clicked == move ? Choice::Move : clicked == forget ? Choice::Forget : Choice::Keep;
        apply(*m_list, profile, choice, current);
    });
    m_questions.insert(profile, box);
    box->open();
}

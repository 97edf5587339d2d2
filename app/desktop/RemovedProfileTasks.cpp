#include "RemovedProfileTasks.h"

#include "DesktopLog.h"
#include "SettingsApplier.h"
#include "client/WatchList.h"
#include "client/WatchListFormat.h"
#include "ui/Formatting.h"
#include "ui/MainWindow.h"

#include <QMessageBox>
#include <QPushButton>

RemovedProfileTasks::RemovedProfileTasks(WatchList *list, SettingsApplier *applier, MainWindow *window)
    : m_list(list)
    , m_window(window)
{
    connect(applier, &SettingsApplier::committed, this, [this](const SettingsApplier::Outcome &outcome) {
        for (const SecretKey &removed : outcome.accepted.removed) {
            const bool stillSaved =
                    std::any_of(outcome.accepted.profiles.cbegin(), outcome.accepted.profiles.cend(),
                                [&](const ConnectionProfile &profile) { return profile.name == removed.profile; });
            if (!stillSaved && m_list && !m_list->tasks(removed.profile).isEmpty())
                ask(removed.profile, outcome.accepted.current);
        }
    });
}

void RemovedProfileTasks::apply(WatchList &list, const QString &profile, Choice choice, const QString &current)
{
    const QList<WatchedTask> tasks = list.tasks(profile);
    if (choice == Choice::Keep || tasks.isEmpty() || (choice == Choice::Move && current.isEmpty()))
        return;
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
    box->open();
}

#pragma once

#include <QMap>
#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;
class SettingsApplier;
class WatchList;

// When Settings removes a profile whose tasks are still in the watch list, asks what becomes of them, one
// question per profile, once the settings are applied: move them to the current profile (watched from then
// on, labels and last statuses kept), stop watching them, or keep them in the watch list for a profile of that
// name later. Before, they stayed in the file unseen. Moving is offered only when the current profile is on
// the removed profile's tenant; a question still open at the next change of settings is asked again.
class RemovedProfileTasks : public QObject
{
    Q_OBJECT

public:
    enum class Choice { Move, Forget, Keep };

    RemovedProfileTasks(WatchList *list, SettingsApplier *applier, MainWindow *window);

    // What `choice` does to the tasks of `profile` in `list`; Move goes to `current`.
    static void apply(WatchList &list, const QString &profile, Choice choice, const QString &current);

private:
    void ask(const QString &profile, const QString &current);

    QMap<QString, QPointer<QMessageBox>> m_questions; // open questions by profile
    QPointer<WatchList> m_list;
    QPointer<MainWindow> m_window;
};

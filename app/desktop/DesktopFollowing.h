#pragma once

#include "models/FollowRule.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class MainWindow;
class TaskFollower;
class TaskMonitor;
class WatchList;

// The desktop's follow rules for one engine: the rules of its profile (kept in the watch-list file, or for the
// session only where there is none, as in the demo), the TaskFollower that asks the tenant for new tasks by them
// while the engine may ask at all (a secret, not paused, credentials not refused), the tasks it finds joining the
// engine labelled with their rule, and the "Follow…" dialog that edits them (for the current profile; a profile
// watched alongside follows its rules without it).
class DesktopFollowing : public QObject
{
    Q_OBJECT

public:
    DesktopFollowing(TaskMonitor *engine, MainWindow *window, bool withDialog = true);
    ~DesktopFollowing() override;

    void setWatchList(WatchList *list);
    void secretGiven(); // the engine has a secret to ask with: following may begin
    QList<FollowRule> rules() const;
    // Saved with the watch list and followed from the next round on: what exists now is not news.
    void setRules(const QList<FollowRule> &rules);
    void openDialog();
    bool isFollowing() const { return m_follower != nullptr; }
    void update(); // starts or stops the follower as the rules and the engine's state say

private:
    void retire(); // the follower goes; what it knew stays in m_knownUntil
    void followAnew(); // new rules: a new follower, which learns what is there first
    TaskMonitor *m_engine;
    QPointer<MainWindow> m_window;
    QPointer<WatchList> m_list;
    QList<FollowRule> m_sessionRules; // without a watch list
    bool m_hasSecret = false;
    QString m_refused; // why the tenant refused following; not asked again until something changes
    std::unique_ptr<TaskFollower> m_follower;
    // The newest task the last follower saw created: one that takes over after a pause or a new secret reports
    // what was created meanwhile, instead of learning it as already there.
    QDateTime m_knownUntil;
};

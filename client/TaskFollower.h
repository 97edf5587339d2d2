#pragma once

#include "models/FollowRule.h"
#include "models/TaskStatus.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>

struct FetchOutcome;
class TaskStatusClient;

// Finds new tasks by themselves: each round, one list call per rule (`sorters=-created`, newest first), through
// the client's transport and so inside its budget. The first round only learns what is there; after it, a
// task not seen before has appeared, finished or not (so a task that lived only seconds is still found); a rule
// whose first call failed learns from its first answer. A
// second page is asked for only when the whole first page is new.
class TaskFollower : public QObject
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;
    static constexpr int MaxPages = 5; // per rule and round: a burst larger than this is found next round
    static constexpr std::chrono::milliseconds DefaultRound {2000};

    TaskFollower(TaskStatusClient *client, const QList<FollowRule> &rules, QObject *parent = nullptr);

    void setRoundPeriod(std::chrono::milliseconds period) { m_period = period; }
    void start();
    void stop();
    int rounds() const { return m_rounds; } // completed rounds
    bool isRunning() const { return m_running; } // between start() and stop(), or a failure that stops it
    // The newest `created` of every task seen (the tenant's clock). A follower that takes over from another
    // (after a pause, or new rules) is given it: what its first answer holds that was created later is news,
    // not what was there before.
    QDateTime knownUntil() const { return m_knownUntil; }
    void setKnownUntil(const QDateTime &created) { m_knownUntil = created; }

Q_SIGNALS:
    void appeared(const TaskStatus &status, const FollowRule &rule);
    // A list call failed (its rule is asked again next round); `stops` when asking again cannot help: the
    // credentials were refused (`credentials`), the request cannot be sent, or the tenant refused the filter
    // (another 4xx than 429).
    void failed(const QString &message, bool stops, bool credentials);

private:
    void round();
    void ask(int rule, int page);
    void answered(int rule, int page, const FetchOutcome &outcome);
    void ruleDone();

    TaskStatusClient *m_client;
    QList<FollowRule> m_rules;
    std::chrono::milliseconds m_period = DefaultRound;
    QTimer m_timer;
    static constexpr qsizetype ForgetFrom = 5000; // ids kept before the old ones are forgotten
    void forgetOld();
    QHash<QString, QDateTime> m_seen; // id → created
    QDateTime m_forgetBefore; // tasks created before this are not news (their ids are forgotten)
    QSet<int> m_learned; // rules whose first answer came: from then on, what is not seen is new
    QDateTime m_knownUntil;
    int m_pending = 0; // rules of this round still asking
    int m_rounds = 0;
    bool m_running = false;
};

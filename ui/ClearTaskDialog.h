#pragma once

#include "models/TaskState.h"
#include "models/WatchedTask.h"

#include <QDateTime>
#include <QDialog>

class QLabel;
class QRadioButton;

// "Mark as finished…": the confirmation before a stuck task's outcome is set in the tenant
// (PATCH /task-status/{id}: completionStatus Error or Terminated, completed = now). It names the task, its tenant
// and how long it has run or waited, lets the person choose the outcome, and says plainly that this records an
// outcome and does not stop work still running. Cancel is the default button: Enter alone changes nothing.
class ClearTaskDialog : public QDialog
{
    Q_OBJECT

public:
    // Only a task whose last status is queued or running can be marked finished.
    static bool canMarkFinished(const WatchedTask &task);

    // `tenant`: the host (or "demo tenant") the task lives on; `now`: for how long it has run.
    ClearTaskDialog(const WatchedTask &task, const QString &tenant, const QDateTime &now, QWidget *parent = nullptr);
    // Opens one (window-modal, deleted when closed) when the task can be marked finished; null otherwise.
    static ClearTaskDialog *openFor(const WatchedTask &task, const QString &tenant, const QDateTime &now,
                                    QWidget *parent);

    QString taskId() const { return m_taskId; }
    CompletionStatus status() const; // Error or Terminated, as chosen
    // The dialog's sentences as shown (tests, accessibility).
    QString text() const;

Q_SIGNALS:
    // OK: set this outcome for the task (completed: now).
    void confirmed(const QString &taskId, CompletionStatus status);

private:
    QString m_taskId;
    QLabel *m_question;
    QLabel *m_duration;
    QLabel *m_warning;
    QRadioButton *m_error;
    QRadioButton *m_terminated;
};

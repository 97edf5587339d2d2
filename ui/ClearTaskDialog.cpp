#include "ClearTaskDialog.h"

#include "Formatting.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

QLabel *wrappedLabel(const QString &text, const char *name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // task names come from the tenant
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

bool ClearTaskDialog::canMarkFinished(const WatchedTask &task)
{
    if (!task.status)
        return false;
    const TaskState state = task.status->state();
    return state == TaskState::Queued || state == TaskState::Running;
}

ClearTaskDialog::ClearTaskDialog(const WatchedTask &task, const QString &tenant, const QDateTime &now, QWidget *parent)
    : QDialog(parent)
    , m_taskId(task.id)
{
    setObjectName(QStringLiteral("clearTaskDialog"));
    setWindowTitle(tr("Mark as finished"));
    const TaskStatus *status = task.status ? &*task.status : nullptr;

    m_question = wrappedLabel(tr("Mark “%1” on %2 as finished?\nTask id: %3").arg(task.displayName(), tenant, task.id),
                              "question", this);
    QFont bold = m_question->font();
    bold.setBold(true);
    m_question->setFont(bold);

    QString duration;
    if (status && status->launched.isValid()) {
        duration = tr("It has been running for %1, since %2.")
                           .arg(Formatting::duration(status->launched.secsTo(now)),
                                Formatting::localTime(status->launched));
        if (status->percentComplete)
            duration +=
                    u' ' + tr("It shows %1 %.").arg(*status->percentComplete); // a no-break space: "40 %" stays whole
    } else if (status && status->created.isValid()) {
        duration =
                tr("It has been waiting to start for %1, since %2.")
                        .arg(Formatting::duration(status->created.secsTo(now)), Formatting::localTime(status->created));
    }
    m_duration = wrappedLabel(duration, "duration", this);
    m_duration->setVisible(!duration.isEmpty());

    auto *choice = new QGroupBox(tr("Outcome to set (completed: now)"), this);
    m_error = new QRadioButton(tr("&Error: it failed or hangs"), choice);
    m_error->setObjectName(QStringLiteral("statusError"));
    m_terminated = new QRadioButton(tr("&Terminated: it was stopped on purpose"), choice);
    m_terminated->setObjectName(QStringLiteral("statusTerminated"));
    m_error->setChecked(true);
    auto *choiceLayout = new QVBoxLayout(choice);
    choiceLayout->addWidget(m_error);
    choiceLayout->addWidget(m_terminated);

    m_warning = wrappedLabel(tr("This records an outcome for the task in the tenant. It does not stop work that is "
                                "still running there: use it for a task that is stuck, after checking that nothing "
                                "is still working on it."),
                             "warning", this);
    auto *warningIcon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize);
    warningIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    auto *warningRow = new QHBoxLayout;
    warningRow->addWidget(warningIcon, 0, Qt::AlignTop);
    warningRow->addWidget(m_warning, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Mark as finished"));
    ok->setAutoDefault(false);
    ok->setDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_question);
    layout->addWidget(m_duration);
    layout->addWidget(choice);
    layout->addLayout(warningRow);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

ClearTaskDialog *ClearTaskDialog::openFor(const WatchedTask &task, const QString &tenant, const QDateTime &now,
                                          QWidget *parent)
{
    if (!canMarkFinished(task))
        return nullptr;
    auto *dialog = new ClearTaskDialog(task, tenant, now, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, dialog,
            [dialog] { Q_EMIT dialog->confirmed(dialog->m_taskId, dialog->status()); });
    dialog->open();
    return dialog;
}

CompletionStatus ClearTaskDialog::status() const
{
    return m_terminated->isChecked() ? CompletionStatus::Terminated : CompletionStatus::Error;
}

QString ClearTaskDialog::text() const
{
    QStringList parts {m_question->text()};
    if (!m_duration->text().isEmpty())
        parts.append(m_duration->text());
    parts.append(m_warning->text());
    return parts.join(u'\n');
}

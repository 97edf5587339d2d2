#include "FollowDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

FollowDialog::FollowDialog(const QList<FollowRule> &rules, bool supported, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_list(new QListWidget(this))
    , m_kind(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_add(new QPushButton(tr("&Add rule"), this))
    , m_remove(new QPushButton(tr("&Remove rule"), this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Follow new tasks"));
    setObjectName(QStringLiteral("followDialog"));
    auto *intro = new QLabel(tr("New tasks that match a rule join the watch list by themselves, labelled with the "
                                "rule, whether they are still running or already finished. Each rule is one "
                                "request every two seconds, within Taskwatch's share of the rate limit."),
                             this);
    intro->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("followRules"));
    m_kind->setObjectName(QStringLiteral("followKind"));
    m_value->setObjectName(QStringLiteral("followValue"));
    m_add->setObjectName(QStringLiteral("followAdd"));
    m_remove->setObjectName(QStringLiteral("followRemove"));
    m_problem->setObjectName(QStringLiteral("followProblem"));
    m_problem->setWordWrap(true);
    m_kind->addItem(tr("Every new task"), int(FollowRule::Kind::Every));
    m_kind->addItem(tr("Tasks of type"), int(FollowRule::Kind::Type));
    m_kind->addItem(tr("Tasks on source"), int(FollowRule::Kind::Source));

    auto *row = new QHBoxLayout;
    row->addWidget(m_kind);
    row->addWidget(m_value, 1);
    row->addWidget(m_add);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list);
    layout->addWidget(m_remove, 0, Qt::AlignLeft);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &FollowDialog::checkValue);
    connect(m_value, &QLineEdit::textChanged, this, &FollowDialog::checkValue);
    m_value->installEventFilter(this); // Enter in the value adds the rule, it does not press OK
    connect(m_add, &QPushButton::clicked, this, &FollowDialog::addRule);
    connect(m_remove, &QPushButton::clicked, this, &FollowDialog::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_list->selectedItems().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    showRules();
    checkValue();
    if (!supported) {
        for (QWidget *widget :
             {static_cast<QWidget *>(m_kind), static_cast<QWidget *>(m_value), static_cast<QWidget *>(m_add)})
            widget->setEnabled(false);
        m_problem->setText(tr("This profile's API version cannot follow: the task lists of beta and v2024 hold "
                              "completed tasks only. Choose v2025, v2026 or v1 in Settings."));
    }
    resize(520, 360);
}

QString FollowDialog::describe(const FollowRule &rule)
{
    switch (rule.kind) {
    case FollowRule::Kind::Type:
        return tr("Tasks of type %1").arg(rule.value);
    case FollowRule::Kind::Source:
        return tr("Tasks on source %1").arg(rule.value);
    case FollowRule::Kind::Every:
        break;
    }
    return tr("Every new task");
}

bool FollowDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_value && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addRule();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

FollowRule::Kind FollowDialog::chosenKind() const
{
    return FollowRule::Kind(m_kind->currentData().toInt());
}

void FollowDialog::checkValue()
{
    const FollowRule::Kind kind = chosenKind();
    m_value->setEnabled(kind != FollowRule::Kind::Every && m_kind->isEnabled());
    m_value->setPlaceholderText(kind == FollowRule::Kind::Type             ? tr("e.g. CLOUD_ACCOUNT_AGGREGATION")
                                        : kind == FollowRule::Kind::Source ? tr("the source's id")
                                                                           : QString());
    const QString value = kind == FollowRule::Kind::Every ? QString() : m_value->text().trimmed();
    const FollowRule rule {kind, value};
    QString problem;
    if (kind != FollowRule::Kind::Every && value.isEmpty())
        problem = QString(); // nothing typed yet: nothing to complain about
    else if (m_rules.contains(rule))
        problem = tr("This rule is already followed.");
    else
        problem = FollowRule::problem(kind, value);
    m_problem->setText(problem.isEmpty() ? QString() : tr("Cannot add: %1").arg(problem));
    m_add->setEnabled(m_kind->isEnabled() && problem.isEmpty()
                      && (kind == FollowRule::Kind::Every || !value.isEmpty()));
}

void FollowDialog::addRule()
{
    if (!m_add->isEnabled())
        return;
    const FollowRule::Kind kind = chosenKind();
    m_rules.append({kind, kind == FollowRule::Kind::Every ? QString() : m_value->text().trimmed()});
    m_value->clear();
    showRules();
    checkValue();
}

void FollowDialog::removeSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules.removeAt(row);
    showRules();
    checkValue();
}

void FollowDialog::showRules()
{
    m_list->clear();
    for (const FollowRule &rule : std::as_const(m_rules))
        m_list->addItem(describe(rule));
    if (m_rules.isEmpty())
        m_list->setToolTip(tr("No rules yet: only the tasks you add are watched."));
    else
        m_list->setToolTip(QString());
    m_remove->setEnabled(false);
}

#include "AddTasksDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

AddTasksDialog::AddTasksDialog(QWidget *parent)
    : QDialog(parent)
    , m_idsEdit(new QPlainTextEdit(this))
    , m_labelEdit(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_unusual(new QLabel(this))
    , m_problems(new QTreeWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add tasks"));
    setObjectName(QStringLiteral("addTasksDialog"));

    m_idsEdit->setObjectName(QStringLiteral("ids"));
    m_idsEdit->setTabChangesFocus(true);
    m_idsEdit->setPlaceholderText(tr("Paste one or more task ids, separated by lines, commas or spaces"));
    m_labelEdit->setObjectName(QStringLiteral("label"));
    m_labelEdit->setPlaceholderText(tr("Optional, e.g. \"Nightly AD aggregation\""));
    m_labelEdit->setMaxLength(200);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_unusual->setObjectName(QStringLiteral("unusualIds"));
    m_unusual->setWordWrap(true);
    m_unusual->setTextFormat(Qt::PlainText);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setHeaderLabels({tr("Skipped"), tr("Why")});
    m_problems->setRootIsDecorated(false);
    m_problems->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_problems->setAccessibleName(tr("Skipped ids"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));

    auto *idsLabel = new QLabel(tr("Task &ids:"), this);
    idsLabel->setBuddy(m_idsEdit);
    auto *form = new QFormLayout;
    auto *labelLabel = new QLabel(tr("&Label:"), this);
    labelLabel->setBuddy(m_labelEdit);
    form->addRow(labelLabel, m_labelEdit);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(idsLabel);
    layout->addWidget(m_idsEdit, 2);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_unusual);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_buttons);

    connect(m_idsEdit, &QPlainTextEdit::textChanged, this, &AddTasksDialog::reparse);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    reparse();
    resize(560, 420);
}

void AddTasksDialog::setKnownIds(const QStringList &ids)
{
    m_known = ids;
    m_knownSet = QSet<QString>(ids.begin(), ids.end());
    reparse();
}

void AddTasksDialog::setText(const QString &text)
{
    m_idsEdit->setPlainText(text);
}

QString AddTasksDialog::label() const
{
    return m_labelEdit->text().trimmed();
}

void AddTasksDialog::reparse()
{
    m_parsed = TaskId::parsePasted(m_idsEdit->toPlainText(), m_known);

    m_problems->clear();
    const QIcon invalidIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon duplicateIcon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    for (const TaskId::RejectedId &rejected : m_parsed.rejected) {
        auto *item = new QTreeWidgetItem(m_problems, {rejected.text, rejected.reason});
        item->setIcon(0, invalidIcon);
        item->setToolTip(1, rejected.reason);
    }
    for (const QString &duplicate : m_parsed.duplicates) {
        const QString why = m_knownSet.contains(duplicate) ? tr("already watched") : tr("pasted more than once");
        auto *item = new QTreeWidgetItem(m_problems, {duplicate, why});
        item->setIcon(0, duplicateIcon);
    }
    m_problems->setVisible(m_problems->topLevelItemCount() > 0);
    m_problems->resizeColumnToContents(0);

    QStringList parts;
    parts.append(m_parsed.ids.size() == 1 ? tr("1 new task id")
                                          : tr("%n new task ids", nullptr, int(m_parsed.ids.size())));
    if (!m_parsed.duplicates.isEmpty())
        parts.append(tr("%n already watched or repeated", nullptr, int(m_parsed.duplicates.size())));
    if (!m_parsed.rejected.isEmpty())
        parts.append(tr("%n not valid", nullptr, int(m_parsed.rejected.size())));
    m_summary->setText(parts.join(QStringLiteral("; ")));

    // Said before any request is spent on them; still added, since a proxy or test tenant may use other ids.
    QStringList unusual;
    for (const QString &id : std::as_const(m_parsed.ids)) {
        if (!TaskId::looksLikeSailPointId(id))
            unusual.append(id);
    }
    constexpr qsizetype shown = 5;
    QString names = QStringList(unusual.mid(0, shown)).join(QStringLiteral(", "));
    if (unusual.size() > shown)
        names = tr("%1 and %n more", nullptr, int(unusual.size() - shown)).arg(names);
    m_unusual->setText(unusual.isEmpty()
                               ? QString()
                               : tr("Not like a SailPoint task id (32 hexadecimal characters): %1. Added as typed; "
                                    "check for a typo or the wrong column.")
                                         .arg(names));
    m_unusual->setVisible(!unusual.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_parsed.ids.isEmpty());
}

#include "WholeText.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

WholeText::WholeText(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QToolButton(this))
{
    m_caption->setObjectName(name + QStringLiteral("Caption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_text->setObjectName(name);
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // long ids and paths wrap too
    m_text->setPlaceholderText(tr("Select a row to read it whole here."));
    m_copy->setObjectName(name + QStringLiteral("Copy"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy this text whole"));
    m_copy->setEnabled(false);
    connect(m_copy, &QToolButton::clicked, this, &WholeText::copy);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);
}

void WholeText::setText(const QString &caption, const QString &text)
{
    m_caption->setText(caption);
    m_text->setPlainText(text);
    m_copy->setEnabled(!text.isEmpty());
}

QString WholeText::text() const
{
    return m_text->toPlainText();
}

void WholeText::copy()
{
    if (m_text->toPlainText().isEmpty())
        return;
    QGuiApplication::clipboard()->setText(m_text->toPlainText());
    Q_EMIT copied(m_caption->text());
}

QSplitter *WholeText::below(QTreeWidget *tree, int column, const QString &name)
{
    auto *splitter = new QSplitter(Qt::Vertical, tree->parentWidget());
    splitter->setChildrenCollapsible(false);
    auto *whole = new WholeText(name, splitter);
    splitter->addWidget(tree);
    splitter->addWidget(whole);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Small minimums: the detail pane shares the window with the table, and either part can be dragged larger.
    const int line = tree->fontMetrics().height();
    tree->setMinimumHeight(line * 4);
    whole->m_text->setMinimumHeight(line * 3);
    connect(tree, &QTreeWidget::currentItemChanged, whole, [whole, column](QTreeWidgetItem *item) {
        whole->setText(item ? item->text(0) : QString(), item ? item->text(column) : QString());
    });
    return splitter;
}

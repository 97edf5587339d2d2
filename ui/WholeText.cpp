#include "WholeText.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

WholeText::WholeText(const QString &name, QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QToolButton(this))
    , m_open(new QToolButton(this))
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
    m_open->setObjectName(name + QStringLiteral("Open"));
    m_open->setText(tr("Open in a window"));
    m_open->setToolTip(tr("Read this text in a window of its own"));
    m_open->setEnabled(false);
    connect(m_open, &QToolButton::clicked, this, &WholeText::openWindow);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_caption, 1);
    top->addWidget(m_open);
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
    m_open->setEnabled(!text.isEmpty());
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

QDialog *WholeText::openWindow()
{
    if (m_text->toPlainText().isEmpty())
        return nullptr;
    auto *window = new QDialog(this);
    window->setObjectName(m_text->objectName() + QStringLiteral("Window"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(m_caption->text());
    auto *whole = new WholeText(m_text->objectName(), window);
    whole->setText(m_caption->text(), m_text->toPlainText());
    whole->m_open->hide();
    connect(whole, &WholeText::copied, this, &WholeText::copied);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, window);
    connect(buttons, &QDialogButtonBox::rejected, window, &QDialog::reject);
    auto *layout = new QVBoxLayout(window);
    layout->addWidget(whole, 1);
    layout->addWidget(buttons);
    // Wide enough for a stack trace's lines, tall enough for all of them where the screen allows.
    const QFontMetrics metrics = m_text->fontMetrics();
    const QSize wanted(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 28);
    window->resize(screen() ? wanted.boundedTo(screen()->availableSize() * 0.9) : wanted);
    window->show();
    return window;
}

QSplitter *WholeText::below(QTreeWidget *tree, int column, const QString &name)
{
    auto *splitter = new QSplitter(Qt::Vertical, tree->parentWidget());
    splitter->setChildrenCollapsible(false);
    auto *whole = new WholeText(name, splitter);
    splitter->addWidget(tree);
    splitter->addWidget(whole);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // Small minimums: the detail pane shares the window with the table, and either part can be dragged larger.
    const int line = tree->fontMetrics().height();
    tree->setMinimumHeight(line * 3);
    whole->m_text->setMinimumHeight(line * 2);
    connect(tree, &QTreeWidget::currentItemChanged, whole, [whole, column](QTreeWidgetItem *item) {
        whole->setText(item ? item->text(0) : QString(), item ? item->text(column) : QString());
    });
    connect(tree, &QTreeWidget::itemActivated, whole, &WholeText::openWindow); // Enter or a double click
    return splitter;
}

#pragma once

#include <QWidget>

class QDialog;
class QLabel;
class QPlainTextEdit;
class QSplitter;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

// A value read whole: a wrapped, selectable text under a caption, with a Copy button. Tables show one line per
// row (messages, attributes, returns); the selected row's text of any length is here in full, line breaks
// kept, so a 2,000-character connector exception is read without a tooltip or a copy to an editor.
class WholeText : public QWidget
{
    Q_OBJECT

public:
    // `name`: the object name of the text field (tests and accessibility tools find it by that).
    explicit WholeText(const QString &name, QWidget *parent = nullptr);

    void setText(const QString &caption, const QString &text);
    QString text() const;

    // A vertical splitter with `tree` on top and a WholeText below that follows the tree's current row: its
    // column 0 as the caption, `column` as the text.
    static QSplitter *below(QTreeWidget *tree, int column, const QString &name);

public Q_SLOTS:
    void copy();
    // The text in a window of its own (resizable, as large as the screen allows), for a message longer than
    // the pane: returns the window (a child, deleted on close), null when there is nothing to show.
    QDialog *openWindow();

Q_SIGNALS:
    void copied(const QString &caption);

private:
    QLabel *m_caption;
    QPlainTextEdit *m_text;
    QToolButton *m_copy;
    QToolButton *m_open;
};

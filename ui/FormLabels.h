#pragma once

#include <QLabel>
#include <QPalette>
#include <QString>

// The small labels of the settings pages: a sentence about what is wrong with a field, or a note about
// what this system cannot do. Hidden until there is something to say; plain text, so nothing typed is
// ever read as markup.
inline QLabel *problemLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

inline QLabel *noteLabel(const QString &objectName, QWidget *parent)
{
    auto *label = problemLabel(objectName, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// An invalid color puts the label back to the palette's own.
inline void setTextColor(QLabel *label, const QColor &color)
{
    if (!color.isValid()) {
        label->setPalette(QPalette());
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

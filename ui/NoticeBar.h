#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;
class QToolButton;

// A slim bar above or below the table with a sentence, an optional action button and a close button:
// the banner the app can show ("Demo tenant: connect your own in Settings") and the transient
// "Removed 3 tasks [Undo]" message. Hidden until shown.
class NoticeBar : public QFrame
{
    Q_OBJECT

public:
    explicit NoticeBar(QWidget *parent = nullptr);

    QString text() const;
    QString actionText() const;

public Q_SLOTS:
    // timeoutMs 0 keeps it until closed or replaced.
    void showNotice(const QString &text, const QString &actionText = QString(), int timeoutMs = 0);
    void dismiss();

Q_SIGNALS:
    void actionTriggered();
    void dismissed();

private:
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
    QTimer m_timeout;
};

#include "DesktopScreenshot.h"

#include "DesktopLog.h"
#include "ui/ClearTaskDialog.h"
#include "ui/MainWindow.h"
#include "ui/TaskDetailView.h"
#include "ui/WholeText.h"

#include <QDialog>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QTimer>

DesktopScreenshot::DesktopScreenshot(const QString &path, MainWindow *window, DesktopOptions::ScreenshotOf what,
                                     QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_what(what)
    , m_window(window)
{
    window->resize(MainWindow::ScreenshotSize);
}

void DesktopScreenshot::countRefresh()
{
    if (!m_pending || ++m_refreshes < AfterRefreshes)
        return;
    m_pending = false;
    // As the person does: the action for the selected task, or the selected message's "Open in a window".
    if (m_what == DesktopOptions::ScreenshotOf::ClearDialog && m_window)
        m_window->openClearDialog();
    if (m_what == DesktopOptions::ScreenshotOf::Message && m_window) {
        const auto *text = m_window->detailView()->findChild<QPlainTextEdit *>(QStringLiteral("messageText"));
        if (auto *whole = text ? qobject_cast<WholeText *>(text->parentWidget()) : nullptr)
            m_message = whole->openWindow();
    }
    QTimer::singleShot(DelayMs, this, &DesktopScreenshot::take);
}

QWidget *DesktopScreenshot::subject() const
{
    if (!m_window)
        return nullptr;
    switch (m_what) {
    case DesktopOptions::ScreenshotOf::Details:
        return m_window->detailView();
    case DesktopOptions::ScreenshotOf::ClearDialog:
        return m_window->findChild<ClearTaskDialog *>(); // none when the selected task is not queued or running
    case DesktopOptions::ScreenshotOf::Message:
        return m_message; // none when the selected task has no message
    case DesktopOptions::ScreenshotOf::Window:
        break;
    }
    return m_window;
}

void DesktopScreenshot::take()
{
    // Atomically: a script waiting for the file never reads half of it.
    QSaveFile file(m_path);
    QWidget *widget = subject();
    const bool ok = widget && file.open(QIODevice::WriteOnly) && widget->grab().save(&file, "PNG") && file.commit();
    if (ok)
        qCInfo(lcApp).noquote() << "screenshot saved to" << m_path;
    else
        qCWarning(lcApp).noquote() << "could not save the screenshot to" << m_path;
    Q_EMIT saved(m_path, ok);
    QTimer::singleShot(LingerMs, this, &DesktopScreenshot::done);
}

#include "DesktopScreenshot.h"

#include "DesktopLog.h"
#include "ui/MainWindow.h"

#include <QSaveFile>
#include <QTimer>

DesktopScreenshot::DesktopScreenshot(const QString &path, MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_window(window)
{
    window->resize(MainWindow::ScreenshotSize);
}

void DesktopScreenshot::countRefresh()
{
    if (!m_pending || ++m_refreshes < AfterRefreshes)
        return;
    m_pending = false;
    QTimer::singleShot(DelayMs, this, &DesktopScreenshot::take);
}

void DesktopScreenshot::take()
{
    // Atomically: a script waiting for the file never reads half of it.
    QSaveFile file(m_path);
    const bool ok = m_window && file.open(QIODevice::WriteOnly) && m_window->grab().save(&file, "PNG") && file.commit();
    if (ok)
        qCInfo(lcApp).noquote() << "screenshot saved to" << m_path;
    else
        qCWarning(lcApp).noquote() << "could not save the screenshot to" << m_path;
    Q_EMIT saved(m_path, ok);
    QTimer::singleShot(LingerMs, this, &DesktopScreenshot::done);
}

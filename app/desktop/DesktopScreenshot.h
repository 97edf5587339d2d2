#pragma once

#include "DesktopOptions.h"

#include <QObject>
#include <QPointer>
#include <QString>

class MainWindow;

// --screenshot FILE: the window at MainWindow::ScreenshotSize in its default layout (nothing arranged for the
// picture), saved as a PNG a few refreshes in (so that the percentages have moved and the ETAs have something to
// go on), then, after a pause for an outside picture of the screen, the request to quit. --screenshot-of picks
// the detail view alone, the selected message in its own window, or the "Mark as finished" confirmation of the
// selected task instead of the window.
class DesktopScreenshot : public QObject
{
    Q_OBJECT

public:
    static constexpr int AfterRefreshes = 3;
    static constexpr int DelayMs = 500; // after that refresh, for the rows to paint
    static constexpr int LingerMs = 4000; // before quitting, for an outside screenshot of the screen

    DesktopScreenshot(const QString &path, MainWindow *window,
                      DesktopOptions::ScreenshotOf what = DesktopOptions::ScreenshotOf::Window,
                      QObject *parent = nullptr);

public Q_SLOTS:
    // The engine refreshed: the picture is taken once enough refreshes are in.
    void countRefresh();

Q_SIGNALS:
    void saved(const QString &path, bool ok);
    void done(); // the linger is over

private:
    void take();
    QWidget *subject() const;

    QString m_path;
    DesktopOptions::ScreenshotOf m_what;
    QPointer<MainWindow> m_window;
    QPointer<QWidget> m_message; // the selected message's own window (--screenshot-of message)
    int m_refreshes = 0;
    bool m_pending = true;
};

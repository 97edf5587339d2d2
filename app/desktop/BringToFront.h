#pragma once

#include <QWidget>

// Shows a window that may be hidden (in the tray) or minimized, on top and with the focus: what the tray's
// "Show", a second start and a click on a notification do.
inline void bringToFront(QWidget *window)
{
    if (window->isMinimized())
        window->showNormal();
    else
        window->show();
    window->raise();
    window->activateWindow();
}

#pragma once

#include "models/WatchedTask.h"

#include <QColor>
#include <QPalette>

// Named state colours with a light and a dark set (KeePassXC's StateColorPalette idea). The set follows
// the lightness of the palette's window colour, so a colour drawn on the window or a view stays readable
// (contrast at least 3:1, the WCAG minimum for graphics) in light and dark themes alike.
class StateColorPalette
{
public:
    explicit StateColorPalette(const QPalette &palette);

    bool isDark() const { return m_dark; }
    QColor color(DisplayState state) const;

    // The light set whatever the palette: for the tray, whose background is not ours to know.
    static QColor lightColor(DisplayState state);
    static bool isDarkPalette(const QPalette &palette);

private:
    bool m_dark = false;
};

// WCAG 2 contrast ratio between two colours: 1 (none) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

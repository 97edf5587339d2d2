#pragma once

#include "DesktopOptions.h"

// --palette: the Fusion style with a light or a dark palette, for screenshots and for desktops whose own
// style has no dark mode. System leaves the platform's style and palette alone.
namespace DesktopPalette {

void apply(DesktopOptions::Palette palette);

} // namespace DesktopPalette

#pragma once

// --palette: the Fusion style with a light or a dark palette, for screenshots and for desktops whose own
// style has no dark mode. System leaves the platform's style and palette alone.
namespace DesktopPalette {

enum class Choice { System, Light, Dark };

void apply(Choice choice);

} // namespace DesktopPalette

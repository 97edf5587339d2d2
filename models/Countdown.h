#pragma once

#include <QString>

// How long until a wait ends, as people read it in a status line: "7 s", "12 min", "1 h 5 min". Rounded up, so
// that it never promises an earlier end than the real one and never reads "0" while still waiting. Shared by
// the engine's connection state (the CLI) and the desktop status bar, so both say the same.
namespace Countdown {

QString text(qint64 seconds); // negative counts as 0

} // namespace Countdown

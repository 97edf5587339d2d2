#pragma once

#include "StatusSummary.h"
#include "models/WatchedTask.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

// State icons are painted, not loaded: a coloured dot with a glyph (so states differ by shape as well as
// colour), drawn at whatever size and device pixel ratio the view asks for, crisp at any DPI.
namespace StateIcons {

enum class Glyph { None, Ring, Dash, Play, Check, Cross, Bang, Stop, Question, Plus };

Glyph glyphFor(DisplayState state);
QIcon dotIcon(const QColor &fill, Glyph glyph);
QIcon stateIcon(DisplayState state, const QPalette &palette);

// The tray's icon for the overall state: fixed colours, as the tray's background is not ours to know.
QColor overallColor(OverallState state);
QIcon overallIcon(OverallState state);

} // namespace StateIcons

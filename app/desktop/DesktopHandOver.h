#pragma once

#include "SingleInstance.h"

class DesktopApp;

// What the running app does with `taskwatch ID...`: the ids join the watched profile's list (saved at
// once, so that "the first has them" also holds after a crash) and the answer says how many were new.
// Ids are checked again here: the request came over a socket, not through our own parser.
namespace DesktopHandOver {

InstanceReply addTasks(DesktopApp &app, const QStringList &ids);
// A second start: the ids, then the window to the front (shown, also from the tray; raised; activated).
InstanceReply take(DesktopApp &app, const InstanceRequest &request);

} // namespace DesktopHandOver

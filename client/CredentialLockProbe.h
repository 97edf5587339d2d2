#pragma once

#include <functional>

class QObject;

// Linux's Secret Service answers a read from a locked (or not unlocked) collection as "not found": libsecret
// skips items it cannot unlock, and qtkeychain reports EntryNotFound. So after a read finds nothing,
// CredentialStore asks whether the default collection is locked, to tell "locked" from "never stored".
//
// The question goes straight to the Secret Service over D-Bus, never starts a service that is not running,
// and has no answer on other platforms (or without a Secret Service): `done(false)`. `done` runs later, from
// the event loop, and not at all if `context` is destroyed first.
void probeDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done);

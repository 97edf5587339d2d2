#pragma once

#include <QLoggingCategory>

// taskwatch.app: the desktop app's wiring (mode, profile switches, settings applied, keychain outcomes).
// Never log a secret: log that one exists.
Q_DECLARE_LOGGING_CATEGORY(lcApp)

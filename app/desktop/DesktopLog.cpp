#include "DesktopLog.h"

Q_LOGGING_CATEGORY(lcApp, "taskwatch.app", QtInfoMsg)

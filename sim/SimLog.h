#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcSim) // taskwatch.sim: start, scenario problems
Q_DECLARE_LOGGING_CATEGORY(lcSimRequests) // taskwatch.sim.requests: one info line per request, off by default

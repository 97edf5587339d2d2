#include "SimLog.h"

Q_LOGGING_CATEGORY(lcSim, "taskwatch.sim", QtWarningMsg)
// Info messages of both are off unless asked for (taskwatch-sim -v, or QT_LOGGING_RULES="taskwatch.sim*.info=true").
Q_LOGGING_CATEGORY(lcSimRequests, "taskwatch.sim.requests", QtWarningMsg)

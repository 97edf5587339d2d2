#include "Logging.h"

Q_LOGGING_CATEGORY(lcNet, "taskwatch.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "taskwatch.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPoll, "taskwatch.poll", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWatchlist, "taskwatch.watchlist", QtInfoMsg)

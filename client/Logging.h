#pragma once

#include <QLoggingCategory>

// One category per area, so that QT_LOGGING_RULES can turn each on or off.
// Never log a secret or a token's value: log that one exists.
Q_DECLARE_LOGGING_CATEGORY(lcNet) // taskwatch.net: requests, answers, rate limit
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // taskwatch.auth: token requests and renewals
Q_DECLARE_LOGGING_CATEGORY(lcPoll) // taskwatch.poll: scheduling decisions
Q_DECLARE_LOGGING_CATEGORY(lcWatchlist) // taskwatch.watchlist: the watch-list file

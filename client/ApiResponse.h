#pragma once

#include "models/ApiError.h"
#include "models/Sentence.h"

#include <QByteArray>
#include <QString>

// What became of one request sent through ApiTransport.
struct ApiResponse
{
    enum class Kind {
        Ok, // a 2xx answer
        Http, // another HTTP status (a 401 is retried once with a new token before it gets here)
        Network, // no complete HTTP answer: refused or dropped connection, DNS, TLS, timeout
        AuthFailed, // no token could be obtained (credentials refused), or a new token was refused too
        Refused, // never sent: URL policy, no client secret, unusable CA file
        Cancelled, // dropped on request (profile changed, engine stopping)
    };

    Kind kind = Kind::Network;
    int httpStatus = 0; // 0 when no HTTP answer came
    QByteArray body;
    QByteArray totalCount; // the X-Total-Count header as sent (lists with count=true, HEAD); empty without one
    Sentence errorText; // one readable sentence for every kind but Ok (english() for logs and reports)
    // Handed to the network: without an answer the tenant may have acted on it. False for a request that ended
    // while it waited in the queue (cancelled, no token, refused), which the tenant never saw.
    bool sent = false;

    bool ok() const { return kind == Kind::Ok; }
    ApiError apiError() const { return ApiError::fromResponse(httpStatus, body); }
    // X-Total-Count as a number; -1 when absent or not a whole number ≥ 0.
    qint64 total() const
    {
        bool ok = false;
        const qint64 value = totalCount.trimmed().toLongLong(&ok);
        return ok && value >= 0 ? value : -1;
    }
};

#pragma once

#include "HttpRequest.h"

#include <QByteArray>

// Reads one HTTP/1.x request from the front of a connection's buffer, with limits that keep a
// misbehaving client from making the server buffer without end. A pure function: the connection keeps
// the bytes and calls it again when more arrive.
struct HttpLimits
{
    qsizetype maxRequestLine = 8192; // longer: 414, as gateways in front of SailPoint answer
    qsizetype maxHeaderBytes = 65536; // longer: 431
    int maxHeaders = 100; // more: 431
    qsizetype maxBody = 1024 * 1024; // larger: 413
};

struct HttpParseResult
{
    enum class Status { NeedMore, Complete, Error };

    Status status = Status::NeedMore;
    HttpRequest request; // when Complete
    qsizetype consumed = 0; // bytes of the buffer the request (or leading blank lines) took
    int errorStatus = 0; // when Error: 400, 413, 414, 431, 501 or 505
    QString errorReason; // when Error: what was wrong, for the error body
    bool expectsContinue = false; // NeedMore with a complete head that asked for "100 Continue"
    QByteArray method; // the method, when the request line got that far (for statistics)
};

HttpParseResult parseHttpRequest(const QByteArray &buffer, const HttpLimits &limits = {});

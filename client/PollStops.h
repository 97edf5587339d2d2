#pragma once

#include "models/Sentence.h"

#include <QtGlobal>

// Why a profile's monitor does not poll now. Reasons combine (a paused profile may also have its credentials
// refused), so this is a small set rather than one enum value; each reason that stops requests keeps the
// sentence that explains it. TaskMonitor holds one and changes it through one setter (setStops).
class PollStops
{
public:
    enum class Reason : quint8 {
        Paused = 0x1, // the user paused the profile: no timed checks; a refresh on request still runs
        CredentialsRefused = 0x2, // the tenant refused the credentials: nothing is sent until new ones
        RequestRefused = 0x4, // a request was refused before sending (URL policy, CA file): until new ones
        Misconfigured = 0x8, // the profile cannot work as set, or has no secret (recomputed with the secret)
    };
    enum class Demand {
        Timed, // the scheduler's checks: any reason stops them
        OnRequest, // refresh now, new tasks: stopped only by reasons that keep requests from going out
    };

    bool has(Reason reason) const { return (m_reasons & quint8(reason)) != 0; }
    bool isEmpty() const { return m_reasons == 0; }
    // The reason on (with the sentence that explains it; Paused needs none) or off (its sentence is dropped).
    PollStops with(Reason reason, bool on, const Sentence &why = {}) const;
    bool allows(Demand demand) const;
    // What the connection state says while requests are stopped: the credentials' refusal (AuthFailed) wins,
    // then the profile's own problem, then the refused request's. Empty while requests may go out.
    Sentence why() const;

    friend bool operator==(const PollStops &, const PollStops &) = default;

private:
    quint8 m_reasons = 0;
    Sentence m_credentials;
    Sentence m_refused;
    Sentence m_misconfigured;
};

#include "PollStops.h"

PollStops PollStops::with(Reason reason, bool on, const Sentence &why) const
{
    PollStops result = *this;
    if (on)
        result.m_reasons |= quint8(reason);
    else
        result.m_reasons &= quint8(~quint8(reason));
    const Sentence kept = on ? why : Sentence();
    switch (reason) {
    case Reason::CredentialsRefused:
        result.m_credentials = kept;
        break;
    case Reason::RequestRefused:
        result.m_refused = kept;
        break;
    case Reason::Misconfigured:
        result.m_misconfigured = kept;
        break;
    case Reason::Paused:
        break;
    }
    return result;
}

bool PollStops::allows(Demand demand) const
{
    if (demand == Demand::Timed)
        return isEmpty();
    return !has(Reason::CredentialsRefused) && !has(Reason::RequestRefused) && !has(Reason::Misconfigured);
}

Sentence PollStops::why() const
{
    if (has(Reason::CredentialsRefused))
        return m_credentials;
    if (has(Reason::Misconfigured))
        return m_misconfigured;
    if (has(Reason::RequestRefused))
        return m_refused;
    return {};
}

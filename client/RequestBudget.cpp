#include "RequestBudget.h"

#include <algorithm>

using std::chrono::milliseconds;

RequestBudget::RequestBudget(int requests, milliseconds window, milliseconds margin)
    : m_requests(std::max(1, requests))
    , m_window(std::max(milliseconds(1), window))
    , m_margin(std::max(milliseconds(0), margin))
{ }

void RequestBudget::setLimit(int requests, milliseconds window)
{
    m_requests = std::max(1, requests);
    m_window = std::max(milliseconds(1), window);
}

void RequestBudget::forgetOld(const SteadyTime &now) const
{
    // The monotonic clock never goes back, so a send time is never in the future; entries are only ever aged
    // out (the wall clock's "set backwards" case, which cleared the log and let a burst through, cannot arise).
    const qint64 horizon = now.msecs() - (m_window + m_margin).count();
    while (!m_sent.isEmpty() && m_sent.first() <= horizon)
        m_sent.removeFirst();
}

milliseconds RequestBudget::waitBeforeNext(const SteadyTime &now) const
{
    milliseconds wait(0);
    if (isHeld(now))
        wait = milliseconds(now.msecsTo(m_heldUntil));
    forgetOld(now);
    if (m_sent.size() >= m_requests) {
        // The request that frees a slot is the one m_requests places back from the newest.
        const qint64 freedAt = m_sent.at(m_sent.size() - m_requests) + (m_window + m_margin).count();
        wait = std::max(wait, milliseconds(freedAt - now.msecs() + 1));
    }
    return std::max(wait, milliseconds(0));
}

void RequestBudget::recordSent(const SteadyTime &now)
{
    forgetOld(now);
    m_sent.append(now.msecs());
    // Only the newest m_requests entries matter for the next decision.
    while (m_sent.size() > m_requests)
        m_sent.removeFirst();
}

int RequestBudget::sentInWindow(const SteadyTime &now) const
{
    forgetOld(now);
    return int(m_sent.size());
}

void RequestBudget::holdUntil(const SteadyTime &until)
{
    if (!m_heldUntil.isValid() || until > m_heldUntil)
        m_heldUntil = until;
}

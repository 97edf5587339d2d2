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

void RequestBudget::forgetOld(const QDateTime &now) const
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    // A clock set backwards would leave entries "in the future" and stall the budget for that long.
    if (!m_sent.isEmpty() && m_sent.last() > nowMs)
        m_sent.clear();
    const qint64 horizon = nowMs - (m_window + m_margin).count();
    while (!m_sent.isEmpty() && m_sent.first() <= horizon)
        m_sent.removeFirst();
}

milliseconds RequestBudget::waitBeforeNext(const QDateTime &now) const
{
    milliseconds wait(0);
    if (isHeld(now))
        wait = milliseconds(now.msecsTo(m_heldUntil));
    forgetOld(now);
    if (m_sent.size() >= m_requests) {
        // The request that frees a slot is the one m_requests places back from the newest.
        const qint64 freedAt = m_sent.at(m_sent.size() - m_requests) + (m_window + m_margin).count();
        wait = std::max(wait, milliseconds(freedAt - now.toMSecsSinceEpoch() + 1));
    }
    return std::max(wait, milliseconds(0));
}

void RequestBudget::recordSent(const QDateTime &now)
{
    forgetOld(now);
    m_sent.append(now.toMSecsSinceEpoch());
    // Only the newest m_requests entries matter for the next decision.
    while (m_sent.size() > m_requests)
        m_sent.removeFirst();
}

int RequestBudget::sentInWindow(const QDateTime &now) const
{
    forgetOld(now);
    return int(m_sent.size());
}

void RequestBudget::holdUntil(const QDateTime &until)
{
    if (!m_heldUntil.isValid() || until > m_heldUntil)
        m_heldUntil = until;
}

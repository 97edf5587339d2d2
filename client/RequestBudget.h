#pragma once

#include "SteadyTime.h"

#include <QList>

#include <chrono>

// The tenant allows a number of requests per window per (client id, API version): 100 per 10 s on
// Identity Security Cloud. This sliding-window log keeps every request of a profile, the token request
// included, inside that allowance so that Taskwatch never provokes a 429 itself; a 429's Retry-After
// holds everything until the time the tenant named. Pure: the caller passes "now", on the monotonic clock
// (a wall clock set forwards would forget the window and burst; set back, it would stall).
class RequestBudget
{
public:
    // The window is padded by `margin`: requests are counted when sent but the tenant counts them when they
    // arrive, so a slow request must not fall into the tenant's next window with a fresh burst behind it.
    explicit RequestBudget(int requests = 100, std::chrono::milliseconds window = std::chrono::seconds(10),
                           std::chrono::milliseconds margin = std::chrono::milliseconds(500));

    void setLimit(int requests, std::chrono::milliseconds window);
    int requests() const { return m_requests; }
    std::chrono::milliseconds window() const { return m_window; }

    // How long the next request has to wait; zero when it may be sent now.
    std::chrono::milliseconds waitBeforeNext(const SteadyTime &now) const;
    void recordSent(const SteadyTime &now);
    int sentInWindow(const SteadyTime &now) const;

    // After a 429: nothing may be sent before `until`. A later hold extends it; an earlier one is ignored.
    void holdUntil(const SteadyTime &until);
    SteadyTime heldUntil() const { return m_heldUntil; } // invalid when never held
    bool isHeld(const SteadyTime &now) const { return m_heldUntil.isValid() && now < m_heldUntil; }

private:
    void forgetOld(const SteadyTime &now) const;

    int m_requests;
    std::chrono::milliseconds m_window;
    std::chrono::milliseconds m_margin;
    mutable QList<qint64> m_sent; // send times on the monotonic clock (ms), oldest first
    SteadyTime m_heldUntil;
};

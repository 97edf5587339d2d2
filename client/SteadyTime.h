#pragma once

#include <QtGlobal>

#include <compare>

// A point on the engine's monotonic clock, in milliseconds from an arbitrary origin. The wall clock can be set
// forwards or backwards (by the user, NTP, a virtual machine resuming) and must never decide how long to wait:
// every wait, window and schedule of the engine is measured on this clock instead, and the wall clock only
// labels times for people ("checked at", "resuming at"). Invalid by default, as QDateTime is, so that "no
// time planned" reads the same as before. An invalid time sorts before every valid one.
class SteadyTime
{
public:
    constexpr SteadyTime() = default;
    static constexpr SteadyTime fromMSecs(qint64 msecs)
    {
        SteadyTime time;
        time.m_valid = true;
        time.m_msecs = msecs;
        return time;
    }

    constexpr bool isValid() const { return m_valid; }
    constexpr qint64 msecs() const { return m_msecs; }
    constexpr SteadyTime addMSecs(qint64 msecs) const { return m_valid ? fromMSecs(m_msecs + msecs) : SteadyTime(); }
    constexpr SteadyTime addSecs(qint64 secs) const { return addMSecs(secs * 1000); }
    // 0 when either is invalid, as QDateTime does.
    constexpr qint64 msecsTo(const SteadyTime &other) const
    {
        return m_valid && other.m_valid ? other.m_msecs - m_msecs : 0;
    }
    constexpr qint64 secsTo(const SteadyTime &other) const { return msecsTo(other) / 1000; }

    friend constexpr auto operator<=>(const SteadyTime &, const SteadyTime &) = default;

private:
    bool m_valid = false; // first: invalid < valid
    qint64 m_msecs = 0;
};

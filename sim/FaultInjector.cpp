#include "FaultInjector.h"

#include <algorithm>

QRandomGenerator seededGenerator(quint64 seed, quint32 salt)
{
    const quint32 words[] = {static_cast<quint32>(seed), static_cast<quint32>(seed >> 32), salt};
    return QRandomGenerator(words, 3);
}

namespace {
constexpr quint32 faultSalt = 0x6661756c; // "faul"
}

FaultInjector::FaultInjector(double dropRate, double failRate, double truncateRate, int latencyMinMs, int latencyMaxMs,
                             quint64 seed)
    : m_dropRate(std::clamp(dropRate, 0.0, 1.0))
    , m_failRate(std::clamp(failRate, 0.0, 1.0))
    , m_truncateRate(std::clamp(truncateRate, 0.0, 1.0))
    , m_latencyMinMs(std::max(latencyMinMs, 0))
    , m_latencyMaxMs(std::max({latencyMaxMs, latencyMinMs, 0}))
    , m_seed(seed)
    , m_random(seededGenerator(seed, faultSalt))
{ }

FaultInjector::Decision FaultInjector::next()
{
    Decision decision;
    // Always draw the same numbers per request, whatever the rates, so a seed means the same in every setup.
    const double roll = m_random.generateDouble();
    const quint32 latencyRoll = m_random.generate();
    if (roll < m_dropRate)
        decision.fault = Fault::Drop;
    else if (roll < m_dropRate + m_failRate)
        decision.fault = Fault::Fail;
    else if (roll < m_dropRate + m_failRate + m_truncateRate)
        decision.fault = Fault::Truncate;
    const quint32 span = static_cast<quint32>(m_latencyMaxMs - m_latencyMinMs) + 1;
    decision.latencyMs = m_latencyMinMs + static_cast<int>(latencyRoll % span);
    return decision;
}

void FaultInjector::reset()
{
    m_random = seededGenerator(m_seed, faultSalt);
}

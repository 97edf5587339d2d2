#pragma once

#include <QRandomGenerator>

// Decides, request by request, whether a response is dropped, failed or truncated and how late it comes.
// One draw per request from a generator seeded with --seed: the same seed and the same order of requests
// give the same faults.
class FaultInjector
{
public:
    enum class Fault { None, Drop, Fail, Truncate };

    struct Decision
    {
        Fault fault = Fault::None;
        int latencyMs = 0;
    };

    FaultInjector(double dropRate, double failRate, double truncateRate, int latencyMinMs, int latencyMaxMs,
                  quint64 seed);

    Decision next();
    void reset(); // back to the first draw of the seed

private:
    double m_dropRate, m_failRate, m_truncateRate;
    int m_latencyMinMs, m_latencyMaxMs;
    quint64 m_seed;
    QRandomGenerator m_random;
};

// A generator for the seed `seed`, salted so that independent streams (faults, tasks) do not repeat each other.
QRandomGenerator seededGenerator(quint64 seed, quint32 salt);

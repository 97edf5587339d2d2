// libFuzzer target: FuzzChecks::apiError (see FuzzChecks.h for the properties). Built by scripts/fuzz.sh.
#include "FuzzChecks.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString problem = FuzzChecks::apiError(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!problem.isEmpty()) {
        // A broken property is a crash to libFuzzer: it saves the input as an artifact.
        std::fprintf(stderr, "FuzzChecks::apiError: %s\n", problem.toUtf8().constData());
        std::abort();
    }
    return 0;
}

#include "CoreDumps.h"

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

void disableCoreDumps()
{
#ifdef Q_OS_LINUX
    if (qEnvironmentVariableIntValue("TASKWATCH_ALLOW_CORE_DUMPS") == 1)
        return;
    // Both limits: a child (or a later setrlimit) cannot raise the soft one again.
    const rlimit none {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    // Not dumpable: no core even where the limit is ignored (a core_pattern pipe such as systemd-coredump or
    // apport), and no ptrace attach or /proc/<pid>/mem from other processes of the same user.
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
}

bool coreDumpsDisabled()
{
#ifdef Q_OS_LINUX
    rlimit limit {};
    if (getrlimit(RLIMIT_CORE, &limit) != 0)
        return false;
    return limit.rlim_cur == 0 && limit.rlim_max == 0 && prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0;
#else
    return true;
#endif
}

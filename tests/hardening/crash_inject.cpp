// Loaded into taskwatch-cli with LD_PRELOAD by tst_crashoutput, so that the program crashes by itself, on its
// own thread, at the moment a secret is most exposed: while it parses the tenant's answer that holds an access
// token (the token's bytes are then in its buffers, registers and stack). Nothing is sent from outside.
//
// TASKWATCH_TEST_CRASH: "segv" writes through a null pointer (a real SIGSEGV from the faulting instruction);
// "fatal" calls qFatal, the way Qt and Taskwatch end on a broken invariant (message handler, then abort).
// TASKWATCH_TEST_CRASH_AT: which token answer it happens in (1 = the first); 2 waits for a renewal.
#include <QByteArray>
#include <QJsonDocument>
#include <QtGlobal>

#include <cstdio>
#include <dlfcn.h>

namespace {
using FromJson = QJsonDocument (*)(const QByteArray &, QJsonParseError *);
int *volatile nowhere = nullptr; // volatile: the compiler cannot prove the write undefined and drop it
int tokenAnswers = 0;
} // namespace

// Interposes Qt's own function: the program calls it through the dynamic linker, which finds this one first.
QJsonDocument QJsonDocument::fromJson(const QByteArray &json, QJsonParseError *error)
{
    static const auto real = reinterpret_cast<FromJson>(
            dlsym(RTLD_NEXT, "_ZN13QJsonDocument8fromJsonERK10QByteArrayP15QJsonParseError"));
    if (json.contains("\"access_token\"")
        && ++tokenAnswers == qEnvironmentVariableIntValue("TASKWATCH_TEST_CRASH_AT")) {
        const QByteArray how = qgetenv("TASKWATCH_TEST_CRASH");
        if (how == "segv") {
            std::fputs("crash_inject: writing through a null pointer\n", stderr); // so the test knows whose crash
            std::fflush(stderr);
            *nowhere = tokenAnswers;
        } else if (how == "fatal")
            qFatal("crash_inject: a broken invariant while reading answer %d", tokenAnswers);
    }
    return real(json, error);
}

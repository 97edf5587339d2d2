#include "KeychainPlatform.h"

#include <QCoreApplication>

namespace KeychainPlatform {

QString unlockAdvice()
{
#if defined(Q_OS_MACOS)
    return QCoreApplication::translate(
            "CredentialStore",
            "Unlock the login keychain (in Keychain Access) and allow Taskwatch when macOS asks, then try again.");
#elif defined(Q_OS_WIN)
    return QCoreApplication::translate("CredentialStore",
                                       "Sign in to Windows as the user who runs Taskwatch, so that its Credential "
                                       "Manager is open, then try again.");
#else
    return QCoreApplication::translate(
            "CredentialStore",
            "Unlock the login keyring (for example in Passwords and Keys, or in KWallet), then try again.");
#endif
}

QString checkAdvice()
{
#if defined(Q_OS_MACOS)
    return QCoreApplication::translate(
            "CredentialStore",
            "Check that the login keychain exists and is unlocked in Keychain Access, then try again.");
#elif defined(Q_OS_WIN)
    return QCoreApplication::translate("CredentialStore",
                                       "Check that the Windows Credential Manager service is running, then try again.");
#else
    return QCoreApplication::translate("CredentialStore",
                                       "Check that a keyring (gnome-keyring, or KWallet with its Secret Service) is "
                                       "running and unlocked, then try again.");
#endif
}

} // namespace KeychainPlatform

#pragma once

#include <QString>

// The parts of the keychain advice that name the platform's own keychain (the login keychain on macOS, the
// Credential Manager on Windows, a Secret Service keyring elsewhere). A small platform seam: the one place
// for that per-platform wording, so a Windows or macOS build changes only this file's .cpp.
// Translatable, in the context "CredentialStore" like the rest of the advice.
namespace KeychainPlatform {

QString unlockAdvice(); // for a locked keychain
QString checkAdvice(); // for any other keychain failure

} // namespace KeychainPlatform

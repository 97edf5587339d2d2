#include "CredentialStore.h"
#include "KeychainPlatform.h"

#include <QCoreApplication>

// The failure table of the keychain: what each qtkeychain error means and what the user can do about it.
// Pure functions, apart from CredentialStore's jobs (CredentialStore.cpp), tested by tst_credentialadvice.

namespace {

// Advice is shown to the user: translatable, in the context "CredentialStore".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CredentialStore)
};

// Why a keychain operation failed. On Linux libsecret reports nearly everything as OtherError with a D-Bus
// message, so the text decides as much as the code.
enum class Cause { None, NotFound, NoBus, NoService, Locked, NotImplemented, CouldNotDelete, TooLarge, Other };

Cause causeOf(QKeychain::Error error, const QString &errorString)
{
    const auto says = [&errorString](const char *words) {
        return errorString.contains(QLatin1String(words), Qt::CaseInsensitive);
    };
    switch (error) {
    case QKeychain::NoError:
        return Cause::None;
    case QKeychain::EntryNotFound:
        return Cause::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Cause::Locked;
    case QKeychain::NoBackendAvailable:
        return Cause::NoService;
    case QKeychain::NotImplemented:
        return Cause::NotImplemented;
    case QKeychain::CouldNotDeleteEntry:
        return Cause::CouldNotDelete;
    case QKeychain::OtherError:
        break;
    }
    if (says("org.freedesktop.secrets") || says("ServiceUnknown") || says("No keychain service")
        || says("No keyring daemon"))
        return Cause::NoService;
    if (says("autolaunch") || says("D-Bus is not running") || says("session bus") || says("DBUS_SESSION_BUS"))
        return Cause::NoBus;
    if (says("locked") || says("denied") || says("dismissed"))
        return Cause::Locked;
    if (says("exceeds maximum size"))
        return Cause::TooLarge;
    return Cause::Other;
}

QString withPeriod(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

QString CredentialResult::message() const
{
    if (!isError())
        return {};
    const QString reported = withPeriod(errorString);
    return reported.isEmpty() ? advice : reported + QLatin1Char(' ') + advice;
}

QString keychainAdvice(QKeychain::Error error, const QString &errorString)
{
    const Cause cause = causeOf(error, errorString);
    if (cause == Cause::None)
        return {};
    if (cause == Cause::NotFound)
        return Text::tr("No secret is stored for this profile yet: enter it in the connection settings.");
    return keychainRemedy(error, errorString) + QLatin1Char(' ')
            + Text::tr("Meanwhile you can keep the secret for this session only: Taskwatch holds it in memory and "
                       "forgets it when it quits.");
}

QString keychainRemedy(QKeychain::Error error, const QString &errorString)
{
    QString advice;
    switch (causeOf(error, errorString)) {
    case Cause::None:
    case Cause::NotFound:
        return {};
    case Cause::NoBus:
        advice =
                Text::tr("There is no D-Bus session bus, so no keychain can be reached. Start Taskwatch from a desktop "
                         "session with a keyring running (gnome-keyring or KWallet).");
        break;
    case Cause::NoService:
        advice = Text::tr("No Secret Service is running: start gnome-keyring or KWallet (with its Secret Service "
                          "enabled), or log in to a desktop session that provides one, then try again.");
        break;
    case Cause::Locked:
        advice = Text::tr("The keychain is locked or refused access.") + QLatin1Char(' ')
                + KeychainPlatform::unlockAdvice();
        break;
    case Cause::NotImplemented:
        advice = Text::tr("This system offers no keychain that Taskwatch can use.");
        break;
    case Cause::CouldNotDelete:
        advice = Text::tr("Remove Taskwatch's entry (service \"taskwatch\") in your keychain manager by hand.");
        break;
    case Cause::TooLarge:
        advice = Text::tr("The secret is longer than the system's credential store accepts.");
        break;
    case Cause::Other:
        advice = KeychainPlatform::checkAdvice();
        break;
    }
    return advice;
}

KeychainState keychainStateFor(QKeychain::Error error, const QString &errorString)
{
    switch (causeOf(error, errorString)) {
    case Cause::None:
    case Cause::NotFound:
    case Cause::CouldNotDelete: // the keychain answered; it just would not delete
    case Cause::TooLarge:
        return KeychainState::Available;
    case Cause::Locked:
        return KeychainState::Locked;
    case Cause::NoBus:
    case Cause::NoService:
    case Cause::NotImplemented:
    case Cause::Other:
        break;
    }
    return KeychainState::Unavailable;
}

QString keychainStateName(KeychainState state)
{
    switch (state) {
    case KeychainState::Unknown:
        return QStringLiteral("Unknown");
    case KeychainState::Available:
        return QStringLiteral("Available");
    case KeychainState::Locked:
        return QStringLiteral("Locked");
    case KeychainState::Unavailable:
        break;
    }
    return QStringLiteral("Unavailable");
}

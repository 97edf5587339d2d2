#include "CredentialLockProbe.h"

#include <QObject>
#include <QTimer>

#if defined(TASKWATCH_SECRET_SERVICE_PROBE)
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

void probeDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done)
{
#if defined(TASKWATCH_SECRET_SERVICE_PROBE)
    QDBusMessage get = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
            QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    // A question must not start gnome-keyring on a desktop whose keychain is KWallet.
    get.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(get, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         finished->deleteLater();
                         const QDBusPendingReply<QDBusVariant> reply = *finished;
                         done(!reply.isError() && reply.value().variant().toBool());
                     });
#else
    QTimer::singleShot(0, context, [done = std::move(done)] { done(false); });
#endif
}

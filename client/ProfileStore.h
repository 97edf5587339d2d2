#pragma once

#include "models/ConnectionProfile.h"

#include <QString>
#include <QStringList>

class QSettings;

// The only reader and writer of the settings group "profiles": one group "profiles/<name>" per connection
// profile with the keys baseUrl, apiVersion, clientId, caFile, watchAlongside. The desktop app and taskwatch-cli
// share it.
// Secrets never come here: they are CredentialStore's.
namespace ProfileStore {

// The names of the stored profiles, in the settings' order.
QStringList names(QSettings &settings); // enters and leaves the group
ConnectionProfile read(const QSettings &settings, const QString &name);
void write(QSettings &settings, const ConnectionProfile &profile);
// A group "profiles/<name>" with a base URL or a client id is saved.
bool exists(const QSettings &settings, const QString &name);
// A group "profiles/<name>" is there, whatever keys it has.
bool hasGroup(QSettings &settings, const QString &name);
// Removes the group "profiles/<name>" (the secret is CredentialStore's to delete).
void remove(QSettings &settings, const QString &name);
// Removes every profile.
void removeAll(QSettings &settings);

} // namespace ProfileStore

#pragma once

#include <QString>

// What the settings dialog hands out for the keychain (client/CredentialStore) to carry out. Plain values
// here because ui/ must not depend on client/.

// What the app knows about the keychain, in words (e.g. "Stored in the login keychain", or the error and
// what to do about it). When it is not available the dialog offers to keep a typed secret for this session.
struct KeychainDisplay
{
    bool available = true;
    QString message;
};

// Where a secret lives in the keychain: the keychain key is made of the profile name and the client id.
struct SecretKey
{
    QString profile;
    QString clientId;

    friend bool operator==(const SecretKey &, const SecretKey &) = default;
};

// A secret typed for a profile (under its final name and client id).
struct SecretChange
{
    QString profile;
    QString clientId;
    QString secret;
    bool sessionOnly = false; // keep it in memory for this session, not in the keychain

    friend bool operator==(const SecretChange &, const SecretChange &) = default;
};

// A kept profile whose keychain key changed (renamed, or new client id): move its stored secret.
struct SecretMove
{
    SecretKey from;
    SecretKey to;

    friend bool operator==(const SecretMove &, const SecretMove &) = default;
};

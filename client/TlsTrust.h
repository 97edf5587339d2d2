#pragma once

#include "models/Sentence.h"

#include <QString>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

// What a transport's TLS trusts: the system's root certificates, to which a profile's CA file (a corporate
// proxy's CA) adds. It never replaces them: a user who adds a corporate CA still reaches a tenant with a
// public certificate.
namespace TlsTrust {

#if QT_CONFIG(ssl)
struct Trust
{
    QSslConfiguration ssl;
    Sentence problem; // why the CA file cannot be used; empty when it can (ssl is then usable)
    int extraCertificates = 0; // certificates taken from the CA file
};

// Without a CA file: Qt's default configuration, whose system roots OpenSSL loads on demand. With one: the
// system's roots plus the file's certificates. Qt turns on-demand loading off as soon as a configuration is
// given CA certificates (QSslConfiguration::addCaCertificates/setCaCertificates, Qt 6.4 on Unix), so the
// system's roots must be in the list itself.
Trust forCaFile(const QString &path);

// The system's root certificates (QSslConfiguration::systemCaCertificates), read from disk once per process
// and shared by every transport that has a CA file: reading and parsing them costs milliseconds per call.
QList<QSslCertificate> systemRoots();

// One readable sentence per TLS error that names the cause and, where it helps, the certificate's facts
// (the host names it is for, the date it expired).
Sentence describe(const QSslError &error);
#endif

} // namespace TlsTrust

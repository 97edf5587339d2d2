#include "TlsTrust.h"

#include "Logging.h"

#if QT_CONFIG(ssl)
#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QSsl>

namespace TlsTrust {

QList<QSslCertificate> systemRoots()
{
    // Thread-safe one-time initialisation; the list is implicitly shared, so copies cost nothing.
    static const QList<QSslCertificate> roots = [] {
        QElapsedTimer timer;
        timer.start();
        // Debian's folder holds each root twice (its own file and the bundle): keep one of each.
        QList<QSslCertificate> list;
        QSet<QSslCertificate> seen;
        for (const QSslCertificate &certificate : QSslConfiguration::systemCaCertificates()) {
            if (!seen.contains(certificate)) {
                seen.insert(certificate);
                list.append(certificate);
            }
        }
        qCInfo(lcNet) << "read" << list.size() << "system root certificates in" << timer.elapsed() << "ms";
        return list;
    }();
    return roots;
}

Trust forCaFile(const QString &path)
{
    Trust trust;
    trust.ssl = QSslConfiguration::defaultConfiguration();
    if (path.isEmpty())
        return trust;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        trust.problem =
                Sentence::translate("TlsTrust", "Cannot read the CA file %1: %2").arg(path).arg(file.errorString());
        return trust;
    }
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    if (certificates.isEmpty()) {
        trust.problem = Sentence::translate("TlsTrust", "The CA file %1 holds no PEM or DER certificate.").arg(path);
        return trust;
    }
    // The default configuration's own list (empty unless the application set one) + the system's + the file's.
    trust.ssl.setCaCertificates(trust.ssl.caCertificates() + systemRoots() + certificates);
    trust.extraCertificates = int(certificates.size());
    qCInfo(lcNet) << "trusting" << certificates.size() << "CA certificate(s) from" << path
                  << "in addition to the system's";
    return trust;
}

Sentence describe(const QSslError &error)
{
    const QSslCertificate certificate = error.certificate();
    const Sentence cause = Sentence::verbatim(error.errorString()); // Qt's own words
    if (certificate.isNull())
        return cause;
    switch (error.error()) {
    case QSslError::HostNameMismatch: {
        QStringList names = certificate.subjectAlternativeNames().values();
        if (names.isEmpty())
            names = certificate.subjectInfo(QSslCertificate::CommonName);
        if (names.isEmpty())
            return cause;
        return Sentence::translate("TlsTrust", "%1 (the certificate is for %2)")
                .arg(cause)
                .arg(names.join(QStringLiteral(", ")));
    }
    case QSslError::CertificateExpired:
        return Sentence::translate("TlsTrust", "%1 (it expired on %2 UTC)")
                .arg(cause)
                .arg(certificate.expiryDate().toUTC().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return Sentence::translate("TlsTrust", "%1 (it is valid from %2 UTC)")
                .arg(cause)
                .arg(certificate.effectiveDate().toUTC().toString(Qt::ISODate));
    default:
        return cause;
    }
}

} // namespace TlsTrust
#endif

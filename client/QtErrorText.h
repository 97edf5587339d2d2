#pragma once

#include "models/Sentence.h"

#include <QNetworkReply>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

// Qt's own error texts (errorString()) come translated from Qt's catalogue (qtbase_<lang>) once the app has
// installed it, so they cannot be the English reading of a Sentence: a German session would put German into
// logs and reports. These give both readings: Qt's text for people, and the error's name from Qt's enum
// ("Connection refused error") for what stays English, unless Qt speaks English anyway.
namespace QtErrorText {

Sentence network(QNetworkReply::NetworkError error, const QString &text);
#if QT_CONFIG(ssl)
Sentence ssl(const QSslError &error);
#endif

// "ConnectionRefusedError" → "Connection refused error".
QString words(const char *enumKey);

} // namespace QtErrorText

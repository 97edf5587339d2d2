#include "QtErrorText.h"

#include <QCoreApplication>
#include <QMetaEnum>

namespace QtErrorText {
namespace {

// Whether Qt's catalogue changes Qt's words: one sentence of QNetworkReply's own, looked up as Qt does.
bool qtSpeaksEnglish()
{
    // Through variables, so that lupdate does not collect Qt's sentences into our catalogue.
    static const char *const asked[][2] = {{"QNetworkAccessManager", "Connection refused"},
                                           {"QSslSocket", "The certificate has expired"}};
    for (const auto &[context, source] : asked) {
        if (QCoreApplication::translate(context, source) != QLatin1String(source))
            return false;
    }
    return true;
}

template<typename Enum>
Sentence readings(Enum error, const QString &text)
{
    if (qtSpeaksEnglish())
        return Sentence::verbatim(text);
    const char *key = QMetaEnum::fromType<Enum>().valueToKey(int(error));
    return Sentence::readings(key ? words(key) : QStringLiteral("error %1").arg(int(error)), text);
}

} // namespace

QString words(const char *enumKey)
{
    const QString key = QString::fromLatin1(enumKey);
    QString out;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        if (i > 0 && c.isUpper() && !key.at(i - 1).isUpper())
            out += u' ';
        out += out.isEmpty() ? c : c.toLower();
    }
    return out;
}

Sentence network(QNetworkReply::NetworkError error, const QString &text)
{
    return readings(error, text);
}

#if QT_CONFIG(ssl)
Sentence ssl(const QSslError &error)
{
    return readings(error.error(), error.errorString());
}
#endif

} // namespace QtErrorText

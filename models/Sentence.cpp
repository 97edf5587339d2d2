#include "Sentence.h"

#include <QCoreApplication>

Sentence Sentence::translate(const char *context, const char *source)
{
    Sentence sentence;
    sentence.m_context = context;
    sentence.m_source = source;
    return sentence;
}

Sentence Sentence::verbatim(const QString &text)
{
    Sentence sentence;
    sentence.m_text = text;
    return sentence;
}

Sentence Sentence::readings(const QString &english, const QString &translated)
{
    Sentence sentence;
    sentence.m_text = english;
    sentence.m_translatedText = translated;
    return sentence;
}

Sentence Sentence::joined(const QList<Sentence> &parts, const QString &separator)
{
    QStringList english;
    QStringList translated;
    for (const Sentence &part : parts) {
        english.append(part.english());
        translated.append(part.translated());
    }
    return readings(english.join(separator), translated.join(separator));
}

Sentence Sentence::arg(const Sentence &value) const
{
    Sentence result = *this;
    result.m_args.append(value);
    return result;
}

Sentence Sentence::arg(const QString &text) const
{
    return arg(verbatim(text));
}

Sentence Sentence::arg(qint64 number) const
{
    return arg(verbatim(QString::number(number)));
}

QString Sentence::english() const
{
    return read(false);
}

QString Sentence::translated() const
{
    return read(true);
}

QString Sentence::read(bool translate) const
{
    if (!m_source)
        return translate && !m_translatedText.isEmpty() ? m_translatedText : m_text;
    const QString pattern = translate ? QCoreApplication::translate(m_context, m_source) : QString::fromUtf8(m_source);
    // One pass, as QString's multi-argument arg() does: a value that contains "%1" (a tenant's text, a file
    // name) stays as it is instead of being substituted again. %1..%99; others are left alone.
    QString result;
    result.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        int number = 0;
        qsizetype digits = 0;
        if (c == u'%') {
            while (digits < 2 && i + 1 + digits < pattern.size() && pattern.at(i + 1 + digits).isDigit())
                number = number * 10 + pattern.at(i + 1 + digits++).digitValue();
        }
        if (digits > 0 && number >= 1 && number <= m_args.size()) {
            result += m_args.at(number - 1).read(translate);
            i += digits;
        } else {
            result += c;
        }
    }
    return result;
}

#include "TaskId.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace TaskId {

namespace {

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
}

QString shortened(const QString &text)
{
    constexpr qsizetype shown = 80;
    return text.size() <= shown ? text : text.left(shown) + QStringLiteral("…");
}

// People paste ids from JSON, logs and documents: ["a", "b"], (a), "a", 'a', “a”, `a`.
QString unwrapped(QString token)
{
    static const QString openers = QStringLiteral("[({");
    static const QString closers = QStringLiteral("])}");
    while (!token.isEmpty() && openers.contains(token.front()))
        token.remove(0, 1);
    while (!token.isEmpty() && closers.contains(token.back()))
        token.chop(1);
    static const QList<std::pair<QChar, QChar>> quotes = {
            {u'"', u'"'}, {u'\'', u'\''}, {u'`', u'`'}, {QChar(0x201C), QChar(0x201D)}, {QChar(0x2018), QChar(0x2019)}};
    for (const auto &[open, close] : quotes) {
        if (token.size() >= 2 && token.front() == open && token.back() == close)
            return token.mid(1, token.size() - 2);
    }
    return token;
}

} // namespace

bool looksLikeSailPointId(QStringView id)
{
    if (id.size() != SailPointIdLength)
        return false;
    return std::all_of(id.begin(), id.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    });
}

bool isValid(QStringView id)
{
    return invalidReason(id).isEmpty();
}

QString invalidReason(QStringView id)
{
    if (id.isEmpty())
        return QStringLiteral("is empty");
    if (id.size() > MaxLength)
        return QStringLiteral("is %1 characters long; a task id has at most %2").arg(id.size()).arg(MaxLength);
    for (qsizetype i = 0; i < id.size(); ++i) {
        if (isIdChar(id[i]))
            continue;
        // Name the whole code point, not half of a surrogate pair: an emoji is one character to a person.
        char32_t codePoint = id[i].unicode();
        if (id[i].isHighSurrogate() && i + 1 < id.size() && id[i + 1].isLowSurrogate())
            codePoint = QChar::surrogateToUcs4(id[i], id[i + 1]);
        const QString shown = QChar::isPrint(codePoint) && !QChar::isSpace(codePoint)
                ? QStringLiteral("'%1'").arg(QString::fromUcs4(&codePoint, 1))
                : QStringLiteral("U+%1").arg(QString::number(uint(codePoint), 16).toUpper().rightJustified(4, u'0'));
        return QStringLiteral("contains %1; a task id has only letters, digits, '-' and '_'").arg(shown);
    }
    return {};
}

PastedIds parsePasted(const QString &text, const QStringList &known, qsizetype limit)
{
    // Unicode-aware \s: a paste from a web page or a spreadsheet separates ids with no-break spaces too.
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    PastedIds result;
    QSet<QString> seen(known.begin(), known.end());
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &pasted : tokens) {
        const QString token = unwrapped(pasted);
        if (token.isEmpty())
            continue; // a lone bracket or a pair of empty quotes: nothing was meant
        const QString reason = invalidReason(token);
        if (!reason.isEmpty()) {
            result.rejected.append(RejectedId {shortened(token), reason});
        } else if (seen.contains(token)) {
            result.duplicates.append(token);
        } else if (result.ids.size() >= limit) {
            result.rejected.append(
                    RejectedId {token, QStringLiteral("over the limit of %1 ids in one paste").arg(limit)});
        } else {
            seen.insert(token);
            result.ids.append(token);
        }
    }
    return result;
}

} // namespace TaskId

#include "TaskId.h"

#include <QRegularExpression>
#include <QSet>

namespace TaskId {

namespace {

bool isIdChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'_'
            || u == u'-';
}

QString shortened(const QString &text)
{
    constexpr qsizetype shown = 80;
    return text.size() <= shown ? text : text.left(shown) + QStringLiteral("…");
}

} // namespace

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
    for (const QChar c : id) {
        if (!isIdChar(c)) {
            const QString shown = c.isPrint() && !c.isSpace() ? QStringLiteral("'%1'").arg(c)
                                                              : QStringLiteral("U+%1").arg(uint(c.unicode()), 4, 16, QLatin1Char('0'));
            return QStringLiteral("contains %1; a task id has only letters, digits, '-' and '_'").arg(shown);
        }
    }
    return {};
}

PastedIds parsePasted(const QString &text, const QStringList &known, qsizetype limit)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    PastedIds result;
    QSet<QString> seen(known.begin(), known.end());
    const QStringList tokens = text.split(separators, Qt::SkipEmptyParts);
    for (QString token : tokens) {
        // People paste ids from JSON or logs: strip one pair of surrounding quotes or brackets.
        if (token.size() >= 2
            && ((token.front() == u'"' && token.back() == u'"') || (token.front() == u'\'' && token.back() == u'\'')))
            token = token.mid(1, token.size() - 2);
        const QString reason = invalidReason(token);
        if (!reason.isEmpty()) {
            result.rejected.append(RejectedId{shortened(token), reason});
        } else if (seen.contains(token)) {
            result.duplicates.append(token);
        } else if (result.ids.size() >= limit) {
            result.rejected.append(RejectedId{token, QStringLiteral("over the limit of %1 ids in one paste").arg(limit)});
        } else {
            seen.insert(token);
            result.ids.append(token);
        }
    }
    return result;
}

} // namespace TaskId

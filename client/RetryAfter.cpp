#include "RetryAfter.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace RetryAfter {

namespace {

// A number of seconds (any double) as a wait within Minimum..Maximum. Every comparison is made on the double
// before converting, so the conversion to an integer is always in range (a double too big for qint64, or
// NaN, converted directly is undefined behaviour).
std::chrono::seconds fromSeconds(double seconds)
{
    if (std::isnan(seconds))
        return Default;
    if (!(seconds > double(Minimum.count())))
        return Minimum; // zero, negative, -inf
    if (!(seconds < double(Maximum.count())))
        return Maximum; // huge, +inf
    return std::chrono::seconds(static_cast<qint64>(std::ceil(seconds))); // a fraction rounds up: never early
}

// A decimal number Qt refuses to convert (beyond the range of a double, or very long) is extreme: huge or
// tiny, by its order of magnitude. Empty when the text is not a decimal number at all.
std::optional<double> extremeNumber(const QByteArray &text)
{
    static const QRegularExpression decimal(QStringLiteral(R"(^([+-]?)0*(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$)"));
    const QRegularExpressionMatch match = decimal.match(QString::fromLatin1(text));
    if (!match.hasMatch() || (match.capturedLength(2) == 0 && match.capturedLength(3) == 0))
        return std::nullopt;
    const bool negative = match.captured(1) == u"-";
    const QString exponentText = match.captured(4);
    // A very long exponent saturates: its sign alone decides.
    bool exponentOk = false;
    qint64 exponent = exponentText.isEmpty() ? 0 : exponentText.toLongLong(&exponentOk);
    if (!exponentText.isEmpty() && !exponentOk)
        exponent = exponentText.startsWith(u'-') ? -(qint64(1) << 40) : (qint64(1) << 40);
    const qint64 integerDigits = match.capturedLength(2);
    const bool zero =
            !QString(match.captured(2) + match.captured(3)).contains(QRegularExpression(QStringLiteral("[1-9]")));
    const bool huge = !zero && integerDigits + std::clamp<qint64>(exponent, -(qint64(1) << 40), qint64(1) << 40) > 0;
    if (!huge)
        return 0.0;
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
}

} // namespace

std::chrono::seconds delay(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return Default;
    bool isNumber = false;
    const double number = text.toDouble(&isNumber);
    if (isNumber)
        return fromSeconds(number);
    if (const std::optional<double> extreme = extremeNumber(text))
        return fromSeconds(*extreme);
    const QDateTime at = httpDate(text);
    if (!at.isValid() || !now.isValid())
        return Default;
    // Milliseconds between years 1 and 9999 fit a qint64 with room to spare; as a double they stay exact enough.
    return fromSeconds(double(now.msecsTo(at)) / 1000.0);
}

QDateTime httpDate(const QByteArray &text)
{
    const QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(text.trimmed()),
                                                     QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    return parsed.isValid() ? QDateTime(parsed.date(), parsed.time(), QTimeZone::utc()) : QDateTime();
}

} // namespace RetryAfter

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Task ids are validated before they go anywhere near a filter expression. SailPoint's are 32 lowercase
// hex characters; we accept [A-Za-z0-9_-]{1,64}, which can never close a quoted string or add syntax.
namespace TaskId {

constexpr qsizetype MaxLength = 64;

bool isValid(QStringView id);
QString invalidReason(QStringView id); // empty when valid
// SailPoint's own ids are 32 hexadecimal characters. Others are valid (a proxy or another tenant type may use
// them) but usually a typo or the wrong column pasted: the Add dialog says so before a request is spent.
constexpr qsizetype SailPointIdLength = 32;
bool looksLikeSailPointId(QStringView id);

struct RejectedId
{
    QString text; // as pasted (shortened when very long)
    QString reason; // why it is not a task id
};

struct PastedIds
{
    QStringList ids; // valid and new, in pasted order, without duplicates
    QStringList duplicates; // valid, but pasted twice or already in `known`
    QList<RejectedId> rejected;
};

// Splits text pasted by a person (lines, commas, semicolons, any Unicode spaces; quotes and brackets around
// ids, as in a JSON array) into ids.
// `known` are ids already watched: they count as duplicates. At most `limit` ids are taken; the rest
// are rejected as over the limit, so a huge paste cannot flood the watch list.
PastedIds parsePasted(const QString &text, const QStringList &known = {}, qsizetype limit = 10000);

} // namespace TaskId

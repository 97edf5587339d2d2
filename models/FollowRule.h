#pragma once

#include "ApiVersion.h"

#include <QList>
#include <QString>

#include <optional>

// What to follow on a tenant: every new task of a type, every task on a source (`sourceId`), or every task.
// Each rule is one list call per round (`filters=…&sorters=-created`).
struct FollowRule
{
    enum class Kind { Type, Source, Every };

    Kind kind = Kind::Every;
    QString value; // the type code (CLOUD_ACCOUNT_AGGREGATION) or the source id; empty for Every

    // Why `value` cannot follow `kind`, for people; empty when it can. Values go into a quoted filter: a type
    // is an upper-case code, a source id letters, digits, '-' and '_' (as task ids), so nothing can close
    // the quotes or add to the expression.
    static QString problem(Kind kind, const QString &value);
    // `type eq "X"`, `sourceId eq "X"`, empty for every task; nullopt when problem() says the value cannot be
    // followed. The one way a rule becomes a filter, so no unchecked value reaches a filter expression.
    std::optional<QString> filter() const;
    QString label() const; // "type X", "source X", "every task": what joins the watch list beside a task
    // "type", "source", "every": the watch-list file's words, never translated.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    friend bool operator==(const FollowRule &, const FollowRule &) = default;
};

// A rule the desktop app follows for one connection profile; kept in the watch-list file with the tasks it found.
struct FollowedRule
{
    QString profile;
    FollowRule rule;
    friend bool operator==(const FollowedRule &, const FollowedRule &) = default;
};

// The list holds unfinished tasks too (v2025, v2026, v1); on beta and v2024 it has completed ones only, so a
// new task would be seen only once it has ended.
bool followIsSupported(ApiVersion version);

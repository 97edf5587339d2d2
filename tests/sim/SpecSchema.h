#pragma once

// Test helper: reads the components.schemas of an OpenAPI extract (tests/sim/spec/*.yaml) and validates
// JSON values against them. The YAML reader covers the subset these files use (block maps and sequences,
// plain and quoted scalars, | and > block scalars); the validator covers the OpenAPI 3.0 keywords the
// task-status schemas use: $ref, type, format, nullable, enum, required, properties, items, anyOf.

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace SpecSchema {

// The YAML document as JSON (maps → objects, sequences → arrays, scalars → string/number/bool/null).
QJsonValue readYaml(const QByteArray &text, QString *error = nullptr);

class Schemas
{
public:
    static Schemas fromFile(const QString &path, QString *error = nullptr);

    // The schema named `name`, matched case-insensitively (the v1 extract spells them in lower case).
    QJsonObject schema(const QString &name) const;
    QStringList schemaNames() const { return m_schemas.keys(); }
    // Problems of `value` against the named schema, one line each naming the JSON path; empty when valid.
    QStringList validate(const QJsonValue &value, const QString &schemaName) const;
    // The same against the JSON body schema of a shared response, e.g. components.responses.'401'.
    QStringList validateResponse(const QJsonValue &value, const QString &status) const;
    bool hasResponse(const QString &status) const;

private:
    void check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QStringList &problems,
               int depth) const;

    QJsonObject m_schemas;
    QJsonObject m_responses;
};

} // namespace SpecSchema

#include "SpecSchema.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

namespace SpecSchema {

namespace {

struct Line
{
    int indent = 0;
    QString text; // without the indentation
};

class YamlReader
{
public:
    explicit YamlReader(const QByteArray &text)
    {
        for (const QByteArray &raw : text.split('\n')) {
            QString line = QString::fromUtf8(raw);
            if (line.endsWith(u'\r'))
                line.chop(1);
            int indent = 0;
            while (indent < line.size() && line.at(indent) == u' ')
                ++indent;
            m_lines.append(Line {indent, line.mid(indent)});
        }
    }

    QJsonValue document()
    {
        skipBlank();
        if (atEnd())
            return QJsonValue();
        return node(m_lines.at(m_pos).indent);
    }

private:
    bool atEnd() const { return m_pos >= m_lines.size(); }

    void skipBlank()
    {
        while (!atEnd() && (m_lines.at(m_pos).text.trimmed().isEmpty() || m_lines.at(m_pos).text.startsWith(u'#')))
            ++m_pos;
    }

    static bool isSequenceItem(const QString &text) { return text == u"-" || text.startsWith(QStringLiteral("- ")); }

    QJsonValue node(int indent)
    {
        skipBlank();
        if (atEnd())
            return QJsonValue();
        return isSequenceItem(m_lines.at(m_pos).text) ? sequence(indent) : mapping(indent);
    }

    QJsonValue sequence(int indent)
    {
        QJsonArray array;
        while (true) {
            skipBlank();
            if (atEnd() || m_lines.at(m_pos).indent != indent || !isSequenceItem(m_lines.at(m_pos).text))
                break;
            const QString rest = m_lines.at(m_pos).text.mid(1).trimmed();
            if (rest.isEmpty()) {
                ++m_pos;
                skipBlank();
                array.append(atEnd() ? QJsonValue() : node(m_lines.at(m_pos).indent));
            } else if (keyOf(rest)) {
                // "- key: value": a mapping whose first line sits two columns in.
                m_lines[m_pos] = Line {indent + 2, m_lines.at(m_pos).text.mid(2)};
                array.append(mapping(indent + 2));
            } else {
                ++m_pos;
                array.append(scalar(rest));
            }
        }
        return array;
    }

    QJsonValue mapping(int indent)
    {
        QJsonObject object;
        while (true) {
            skipBlank();
            if (atEnd() || m_lines.at(m_pos).indent != indent || isSequenceItem(m_lines.at(m_pos).text))
                break;
            const QString text = m_lines.at(m_pos).text;
            const std::optional<std::pair<QString, QString>> entry = keyOf(text);
            if (!entry) {
                ++m_pos; // not a key: value line (e.g. a continuation); these files have none that matter
                continue;
            }
            const auto &[key, rest] = *entry;
            ++m_pos;
            if (rest.isEmpty()) {
                skipBlank();
                const bool nested = !atEnd()
                        && (m_lines.at(m_pos).indent > indent
                            || (m_lines.at(m_pos).indent == indent && isSequenceItem(m_lines.at(m_pos).text)));
                object.insert(key, nested ? node(m_lines.at(m_pos).indent) : QJsonValue());
            } else if (rest.startsWith(u'|') || rest.startsWith(u'>')) {
                object.insert(key, blockScalar(indent, rest.startsWith(u'>')));
            } else {
                object.insert(key, scalar(rest));
            }
        }
        return object;
    }

    QJsonValue blockScalar(int indent, bool folded)
    {
        QStringList lines;
        int blockIndent = -1;
        while (!atEnd()) {
            const Line &line = m_lines.at(m_pos);
            if (!line.text.trimmed().isEmpty() && line.indent <= indent)
                break;
            if (blockIndent < 0 && !line.text.trimmed().isEmpty())
                blockIndent = line.indent;
            lines.append(line.text.trimmed().isEmpty() ? QString()
                                                       : QString(QString(line.indent - blockIndent, u' ') + line.text));
            ++m_pos;
        }
        return lines.join(folded ? u' ' : u'\n').trimmed();
    }

    // "key: value" or "key:" (keys may be quoted); nullopt for anything else.
    static std::optional<std::pair<QString, QString>> keyOf(const QString &text)
    {
        QString key;
        qsizetype after = -1;
        if (text.startsWith(u'\'') || text.startsWith(u'"')) {
            const qsizetype close = text.indexOf(text.at(0), 1);
            if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != u':')
                return std::nullopt;
            key = text.mid(1, close - 1);
            after = close + 2;
        } else {
            qsizetype colon = text.indexOf(QStringLiteral(": "));
            if (colon < 0 && text.endsWith(u':'))
                colon = text.size() - 1;
            if (colon <= 0)
                return std::nullopt;
            key = text.left(colon);
            after = colon + 1;
        }
        return std::make_pair(key, text.mid(after).trimmed());
    }

    static QJsonValue scalar(const QString &text)
    {
        if (text.size() >= 2 && text.startsWith(u'\'') && text.endsWith(u'\''))
            return text.mid(1, text.size() - 2).replace(QStringLiteral("''"), QStringLiteral("'"));
        if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"'))
            return text.mid(1, text.size() - 2).replace(QStringLiteral("\\\""), QStringLiteral("\""));
        if (text == u"null" || text == u"~")
            return QJsonValue::Null;
        if (text == u"true" || text == u"false")
            return text == u"true";
        bool isNumber = false;
        const double number = text.toDouble(&isNumber);
        if (isNumber)
            return number;
        return text;
    }

    QList<Line> m_lines;
    qsizetype m_pos = 0;
};

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : QString(path + u'.' + key);
}

} // namespace

QJsonValue readYaml(const QByteArray &text, QString *error)
{
    if (error)
        error->clear();
    return YamlReader(text).document();
}

Schemas Schemas::fromFile(const QString &path, QString *error)
{
    Schemas schemas;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return schemas;
    }
    const QJsonValue document = readYaml(file.readAll());
    const QJsonObject components = document.toObject().value(QStringLiteral("components")).toObject();
    schemas.m_schemas = components.value(QStringLiteral("schemas")).toObject();
    schemas.m_responses = components.value(QStringLiteral("responses")).toObject();
    if (error && schemas.m_schemas.isEmpty())
        *error = QStringLiteral("no components.schemas in %1").arg(path);
    return schemas;
}

QJsonObject Schemas::schema(const QString &name) const
{
    for (auto it = m_schemas.begin(); it != m_schemas.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toObject();
    }
    return {};
}

QStringList Schemas::validate(const QJsonValue &value, const QString &schemaName) const
{
    QStringList problems;
    const QJsonObject root = schema(schemaName);
    if (root.isEmpty())
        return {QStringLiteral("no schema named %1").arg(schemaName)};
    check(value, root, QString(), problems, 0);
    return problems;
}

bool Schemas::hasResponse(const QString &status) const
{
    return m_responses.contains(status);
}

QStringList Schemas::validateResponse(const QJsonValue &value, const QString &status) const
{
    const QJsonObject schema = m_responses.value(status)
                                       .toObject()
                                       .value(QStringLiteral("content"))
                                       .toObject()
                                       .value(QStringLiteral("application/json"))
                                       .toObject()
                                       .value(QStringLiteral("schema"))
                                       .toObject();
    if (schema.isEmpty())
        return {QStringLiteral("no JSON schema for response %1").arg(status)};
    QStringList problems;
    check(value, schema, QString(), problems, 0);
    return problems;
}

void Schemas::check(const QJsonValue &value, const QJsonObject &schema, const QString &path, QStringList &problems,
                    int depth) const
{
    const QString where = path.isEmpty() ? QStringLiteral("(root)") : path;
    if (depth > 32) {
        problems.append(QStringLiteral("%1: schema nesting too deep").arg(where));
        return;
    }
    if (schema.contains(QStringLiteral("$ref"))) {
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        const QString prefix = QStringLiteral("#/components/schemas/");
        if (!ref.startsWith(prefix)) {
            problems.append(QStringLiteral("%1: unsupported $ref %2").arg(where, ref));
            return;
        }
        const QJsonObject target = this->schema(ref.mid(prefix.size()));
        if (target.isEmpty()) {
            problems.append(QStringLiteral("%1: unresolved $ref %2").arg(where, ref));
            return;
        }
        check(value, target, path, problems, depth + 1);
        return;
    }

    const QJsonArray enumeration = schema.value(QStringLiteral("enum")).toArray();
    const bool nullable = schema.value(QStringLiteral("nullable")).toBool() || enumeration.contains(QJsonValue::Null);
    if (value.isNull()) {
        if (!nullable)
            problems.append(QStringLiteral("%1: null, but the schema is not nullable").arg(where));
        return;
    }

    if (schema.contains(QStringLiteral("anyOf"))) {
        for (const QJsonValue &option : schema.value(QStringLiteral("anyOf")).toArray()) {
            QStringList optionProblems;
            check(value, option.toObject(), path, optionProblems, depth + 1);
            if (optionProblems.isEmpty())
                return;
        }
        problems.append(QStringLiteral("%1: matches none of anyOf").arg(where));
        return;
    }

    const QString type = schema.value(QStringLiteral("type")).toString();
    const QString actual = typeOf(value);
    bool typeOk = true;
    if (type == u"integer") {
        const double number = value.toDouble();
        typeOk = value.isDouble() && std::trunc(number) == number;
        if (typeOk && schema.value(QStringLiteral("format")).toString() == u"int32"
            && (number < -2147483648.0 || number > 2147483647.0))
            problems.append(QStringLiteral("%1: %2 is outside int32").arg(where).arg(number));
    } else if (type == u"number") {
        typeOk = value.isDouble();
    } else if (!type.isEmpty()) {
        typeOk = actual == type;
    }
    if (!typeOk) {
        problems.append(QStringLiteral("%1: expected %2, got %3").arg(where, type, actual));
        return;
    }

    if (!enumeration.isEmpty() && !enumeration.contains(value))
        problems.append(
                QStringLiteral("%1: \"%2\" is not one of the enum values").arg(where, value.toVariant().toString()));

    if (schema.value(QStringLiteral("format")).toString() == u"date-time") {
        static const QRegularExpression dateTime(
                QStringLiteral(R"(^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$)"));
        if (!dateTime.match(value.toString()).hasMatch())
            problems.append(QStringLiteral("%1: \"%2\" is not an RFC 3339 date-time").arg(where, value.toString()));
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const QJsonValue &required : schema.value(QStringLiteral("required")).toArray()) {
            if (!object.contains(required.toString()))
                problems.append(QStringLiteral("%1: required property %2 is missing").arg(where, required.toString()));
        }
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            if (object.contains(it.key()))
                check(object.value(it.key()), it.value().toObject(), join(path, it.key()), problems, depth + 1);
        }
    }
    if (value.isArray() && schema.contains(QStringLiteral("items"))) {
        const QJsonArray array = value.toArray();
        const QJsonObject items = schema.value(QStringLiteral("items")).toObject();
        for (qsizetype i = 0; i < array.size(); ++i)
            check(array.at(i), items, path + u'[' + QString::number(i) + u']', problems, depth + 1);
    }
}

} // namespace SpecSchema

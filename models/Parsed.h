#pragma once

#include <QString>

#include <optional>
#include <utility>

// Why a document could not be turned into a value: the JSON path of the offending field and the reason.
struct ParseError
{
    QString field; // e.g. "messages[2].type"; empty when the document as a whole is at fault
    QString reason;

    QString message() const { return field.isEmpty() ? reason : field + QStringLiteral(": ") + reason; }
};

// Either a value or a ParseError; a small stand-in for std::expected, which C++20 lacks.
template<typename T>
class Parsed
{
public:
    Parsed(T value)
        : m_value(std::move(value))
    { }
    Parsed(ParseError error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T &operator*() const { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const ParseError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ParseError m_error;
};

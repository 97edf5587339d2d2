#pragma once

#include <QList>
#include <QString>

// A user-facing sentence kept as what it is made of: an English source text with its translation context,
// and the values of its %1, %2, ... (each a sentence itself, or verbatim text: a host name, a number, the
// tenant's own words). One value gives both readings, built from the one source string:
// - translated(): for people (the UI, the CLI's human output), in the language of the installed translators;
// - english(): for what stays English (reports to SailPoint support, --json, files, logs).
class Sentence
{
public:
    Sentence() = default;

    // Named `translate` so that lupdate collects `Sentence::translate("Context", "Source text")` as it does
    // QCoreApplication::translate; the translation itself is looked up when translated() is read. `context`
    // and `source` must be string literals (they are kept as pointers).
    static Sentence translate(const char *context, const char *source);
    // Text that is not ours to translate (shown the same in every language).
    static Sentence verbatim(const QString &text);
    // A sentence already read both ways (kept as two strings, e.g. in a FetchProblem); an empty
    // `translated` reads as the English one.
    static Sentence readings(const QString &english, const QString &translated);
    // Several sentences read as one, each reading joined with `separator` (punctuation, not words).
    static Sentence joined(const QList<Sentence> &parts, const QString &separator);

    // The value of the next %n, in order (%1 first).
    Sentence arg(const Sentence &value) const;
    Sentence arg(const QString &text) const;
    Sentence arg(qint64 number) const;

    bool isEmpty() const { return !m_source && m_text.isEmpty(); }
    QString english() const;
    QString translated() const;

    // Equal when they read the same in English.
    friend bool operator==(const Sentence &a, const Sentence &b) { return a.english() == b.english(); }

private:
    QString read(bool translate) const;

    const char *m_context = nullptr;
    const char *m_source = nullptr; // null: m_text is verbatim
    QString m_text;
    QString m_translatedText; // verbatim only: the translated reading, when it differs
    QList<Sentence> m_args;
};

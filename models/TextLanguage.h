#pragma once

#include <QCoreApplication>
#include <QString>

// Which language a text is written in. What people read in the windows goes through Qt's translation;
// reports for SailPoint support and output for programs stay English. One formatter then serves both
// from the same English source strings, marked with QT_TRANSLATE_NOOP where they are declared so that
// lupdate finds them, instead of a translated copy beside an English one.
enum class TextLanguage {
    English,
    UserLanguage, // the installed translation for the system locale
};

inline QString textIn(TextLanguage language, const char *context, const char *source)
{
    return language == TextLanguage::UserLanguage ? QCoreApplication::translate(context, source)
                                                  : QString::fromUtf8(source);
}

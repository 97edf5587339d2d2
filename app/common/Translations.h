#pragma once

#include <QLocale>
#include <QString>

#include <memory>

class QTranslator;

// The German (or any other) face of Taskwatch: Qt's own strings (qtbase_<lang> from Qt's translations folder,
// e.g. QCommandLineParser's and the standard dialogs' texts) and ours (embedded in the program as
// :/i18n/taskwatch_<lang>.qm, so a build tree works without installing). Both mains install it once, for the
// system locale (LANG, LC_ALL, LC_MESSAGES); the translators live as long as this object.
class Translations
{
public:
    Translations();
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // Installs both translators for the locale's UI languages; an English locale installs nothing.
    void install(const QLocale &locale = QLocale::system());

    // True when our own translation for the locale was found and installed.
    bool hasOwn() const { return m_ownLoaded; }
    // True when Qt's own translation (qtbase_<lang>) was found and installed.
    bool hasQt() const { return m_qtLoaded; }

    // Where our translations are embedded (the prefix of qt_add_translations in app/common/CMakeLists.txt).
    static QString resourceFolder();

private:
    std::unique_ptr<QTranslator> m_qt;
    std::unique_ptr<QTranslator> m_own;
    bool m_qtLoaded = false;
    bool m_ownLoaded = false;
};

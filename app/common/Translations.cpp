#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "taskwatch.translations", QtInfoMsg)

Translations::Translations() = default;

Translations::~Translations()
{
    // Removed before the translators are deleted, so no tr() afterwards reaches a dangling one. Without an
    // application object (the desktop main's outlives it) there is nothing to remove them from.
    if (!QCoreApplication::instance())
        return;
    if (m_ownLoaded)
        QCoreApplication::removeTranslator(m_own.get());
    if (m_qtLoaded)
        QCoreApplication::removeTranslator(m_qt.get());
}

QString Translations::resourceFolder()
{
    return QStringLiteral(":/i18n");
}

void Translations::install(const QLocale &locale)
{
    if (!m_qt) {
        m_qt = std::make_unique<QTranslator>();
        m_own = std::make_unique<QTranslator>();
    }
    // QTranslator::load(QLocale, ...) walks the locale's UI languages (de_DE, de, ...) and finds nothing for
    // English, the language of the sources: then both stay uninstalled.
    m_qtLoaded = m_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(m_qt.get());
    m_ownLoaded = m_own->load(locale, QStringLiteral("taskwatch"), QStringLiteral("_"), resourceFolder());
    if (m_ownLoaded)
        QCoreApplication::installTranslator(m_own.get());
    qCDebug(lcTranslations) << "locale" << locale.name() << "Qt's translation" << m_qtLoaded << "ours" << m_ownLoaded;
}

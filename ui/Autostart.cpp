#include "Autostart.h"

#include "UiLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace {

// Desktop Entry specification, "The Exec key": an argument with a reserved character is quoted in
// double quotes, inside which " ` $ and \ take a backslash; a literal % is written %%.
QString quoteArgument(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    QString escaped = argument;
    escaped.replace(u'%', QStringLiteral("%%"));
    const bool needsQuotes = argument.isEmpty()
            || std::any_of(argument.begin(), argument.end(), [](QChar c) { return reserved.contains(c); });
    if (!needsQuotes)
        return escaped;
    QString quoted;
    quoted.reserve(escaped.size() + 2);
    quoted += u'"';
    for (QChar c : std::as_const(escaped)) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted += u'"';
    return quoted;
}

// The general escapes of a string value, applied after the quoting rule.
QString escapeValue(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\')
            escaped += QStringLiteral("\\\\");
        else if (c == u'\n')
            escaped += QStringLiteral("\\n");
        else if (c == u'\t')
            escaped += QStringLiteral("\\t");
        else if (c == u'\r')
            escaped += QStringLiteral("\\r");
        else
            escaped += c;
    }
    return escaped;
}

} // namespace

bool Autostart::isSupported()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD) || defined(Q_OS_NETBSD) || defined(Q_OS_OPENBSD)
    return true;
#else
    // Not implemented: Windows (HKCU\...\CurrentVersion\Run) and macOS (a login item) need their own code.
    return false;
#endif
}

QString Autostart::defaultPath()
{
    // The XDG Base Directory rules: XDG_CONFIG_HOME when set to an absolute path, else ~/.config.
    QString configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (configHome.isEmpty() || !QDir::isAbsolutePath(configHome))
        configHome = QDir::homePath() + QStringLiteral("/.config");
    return QDir::cleanPath(configHome + QStringLiteral("/autostart/") + FileName);
}

Autostart::Autostart(const QString &path)
    : m_path(path)
{ }

bool Autostart::isEnabled() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return entryIsActive(QString::fromUtf8(file.read(64 * 1024)));
}

bool Autostart::enable(const QString &program, const QStringList &arguments)
{
    m_error.clear();
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        m_error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(dir));
        qCWarning(lcUi) << "autostart:" << m_error;
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(desktopEntry(program, arguments).toUtf8()) < 0
        || !file.commit()) {
        m_error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcUi) << "autostart:" << m_error;
        return false;
    }
    qCInfo(lcUi) << "autostart: wrote" << m_path;
    return true;
}

bool Autostart::disable()
{
    m_error.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.remove()) {
        m_error = tr("Could not remove %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
        qCWarning(lcUi) << "autostart:" << m_error;
        return false;
    }
    qCInfo(lcUi) << "autostart: removed" << m_path;
    return true;
}

QString Autostart::execValue(const QString &program, const QStringList &arguments)
{
    QStringList parts {quoteArgument(program)};
    for (const QString &argument : arguments)
        parts.append(quoteArgument(argument));
    return escapeValue(parts.join(u' '));
}

QString Autostart::desktopEntry(const QString &program, const QStringList &arguments)
{
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Taskwatch\n"
                          "Comment=Watch SailPoint Identity Security Cloud tasks as they run\n"
                          "Exec=")
            + execValue(program, arguments)
            + QStringLiteral("\n"
                             "Icon=taskwatch\n"
                             "Terminal=false\n"
                             "X-GNOME-Autostart-enabled=true\n");
}

bool Autostart::entryIsActive(const QString &contents)
{
    bool inMainGroup = false;
    const QStringList lines = contents.split(u'\n');
    for (const QString &rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(u'[')) {
            inMainGroup = line == u"[Desktop Entry]";
            continue;
        }
        if (!inMainGroup)
            continue;
        const qsizetype equals = line.indexOf(u'=');
        if (equals < 0)
            continue;
        const QString key = line.left(equals).trimmed();
        const QString value = line.mid(equals + 1).trimmed();
        if (key == u"Hidden" && value == u"true")
            return false;
        if (key == u"X-GNOME-Autostart-enabled" && value == u"false")
            return false;
    }
    return true;
}

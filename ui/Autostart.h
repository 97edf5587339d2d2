#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// "Launch at login". On Linux and the BSDs it is an XDG autostart entry,
// $XDG_CONFIG_HOME/autostart/io.github.taskwatch.Taskwatch.desktop (~/.config/autostart without
// XDG_CONFIG_HOME), written atomically and removed again. Other platforms are not supported yet
// (Windows would need a Run registry value, macOS a login item): isSupported() says so and the settings
// dialog disables its checkbox. The path is injectable for tests.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    static constexpr QLatin1StringView FileName {"io.github.taskwatch.Taskwatch.desktop"};

    static bool isSupported();
    // Where the entry goes on this computer (XDG rules; meaningful where isSupported()).
    static QString defaultPath();

    explicit Autostart(const QString &path = defaultPath());

    const QString &path() const { return m_path; }
    // The entry exists and nobody switched it off (Hidden=true, X-GNOME-Autostart-enabled=false).
    bool isEnabled() const;
    // Writes the entry that starts `program` with `arguments`, e.g. ("taskwatch", {"--minimized"}).
    bool enable(const QString &program, const QStringList &arguments);
    // Removes the entry; succeeds when there was none.
    bool disable();
    // Why the last enable() or disable() failed, in words; empty after a success.
    const QString &errorString() const { return m_error; }

    // Pure: the entry's text, and its Exec value quoted as the Desktop Entry specification wants.
    static QString desktopEntry(const QString &program, const QStringList &arguments);
    static QString execValue(const QString &program, const QStringList &arguments);
    // Pure: false when the entry's [Desktop Entry] group switches it off.
    static bool entryIsActive(const QString &contents);

private:
    QString m_path;
    QString m_error;
};

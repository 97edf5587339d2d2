#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class QAction;
class QMainWindow;
class QMenu;

// The Help menu: the keyboard shortcuts (read from the window's own actions, so the list cannot go stale), the
// README and man page, and About with the versions support asks for first.
struct HelpMenu
{
    Q_DECLARE_TR_FUNCTIONS(HelpMenu)

public:
    static inline const QString ReadmeUrl = QStringLiteral("https://github.com/taskwatch/taskwatch#readme");

    struct Versions
    {
        QString taskwatch;
        QString qtRuntime; // qVersion(): the Qt the program runs with
        QString qtBuild; // QT_VERSION_STR: the Qt it was built with
        QString keychain; // the qtkeychain CMake found (0.13 has no run-time version call)
    };

    // This build's.
    static Versions versions();
    // About's rich text: the versions, the licence and where the documentation is.
    static QString aboutText(const Versions &versions);
    // (action text without '&' and '…', shortcut in the platform's notation) for each action with a shortcut, in
    // the given order, each shortcut once.
    static QList<std::pair<QString, QString>> shortcuts(const QList<QAction *> &actions);

    // Adds the menu to the window's menu bar; its dialogs are the window's children.
    static QMenu *addTo(QMainWindow *window);
};

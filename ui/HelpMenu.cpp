#include "HelpMenu.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

// From ui/CMakeLists.txt: the project's version and the qtkeychain version find_package() found.
#ifndef TASKWATCH_UI_VERSION
#define TASKWATCH_UI_VERSION "unknown"
#endif
#ifndef TASKWATCH_QTKEYCHAIN_VERSION
#define TASKWATCH_QTKEYCHAIN_VERSION "unknown"
#endif

namespace {

void openShortcuts(QMainWindow *window)
{
    auto *dialog = new QDialog(window);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(HelpMenu::tr("Keyboard shortcuts"));
    auto *list = new QTreeWidget(dialog);
    list->setObjectName(QStringLiteral("shortcuts"));
    list->setHeaderLabels({HelpMenu::tr("Action"), HelpMenu::tr("Shortcut")});
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    for (const auto &[action, keys] : HelpMenu::shortcuts(window->findChildren<QAction *>()))
        new QTreeWidgetItem(list, {action, keys});
    // Keys that belong to a field rather than to an action.
    new QTreeWidgetItem(
            list,
            {HelpMenu::tr("Leave the search field"), QKeySequence(Qt::Key_Escape).toString(QKeySequence::NativeText)});
    list->resizeColumnToContents(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(list);
    layout->addWidget(buttons);
    dialog->resize(460, 520);
    dialog->open();
}

void openAbout(QMainWindow *window)
{
    auto *box = new QMessageBox(QMessageBox::NoIcon, HelpMenu::tr("About Taskwatch"),
                                HelpMenu::aboutText(HelpMenu::versions()), QMessageBox::Close, window);
    box->setObjectName(QStringLiteral("aboutDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::RichText);
    box->setTextInteractionFlags(Qt::TextBrowserInteraction);
    box->setIconPixmap(window->windowIcon().pixmap(64, 64));
    box->open();
}

} // namespace

HelpMenu::Versions HelpMenu::versions()
{
    return {QStringLiteral(TASKWATCH_UI_VERSION), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
            QStringLiteral(TASKWATCH_QTKEYCHAIN_VERSION)};
}

QString HelpMenu::aboutText(const Versions &versions)
{
    const QString qt = versions.qtRuntime == versions.qtBuild
            ? versions.qtRuntime
            : tr("%1 (built with %2)").arg(versions.qtRuntime, versions.qtBuild);
    return tr("<h3>Taskwatch %1</h3>"
              "<p>Watches SailPoint Identity Security Cloud tasks: progress, outcome and every message.</p>"
              "<p>Qt %2<br>qtkeychain %3</p>"
              "<p>Licence: MIT. Copyright © 2026 Taskwatch developers.</p>"
              "<p>Documentation: the <a href=\"%4\">README</a>, and the manual page <tt>man taskwatch</tt>.</p>")
            .arg(versions.taskwatch.toHtmlEscaped(), qt.toHtmlEscaped(), versions.keychain.toHtmlEscaped(), ReadmeUrl);
}

QList<std::pair<QString, QString>> HelpMenu::shortcuts(const QList<QAction *> &actions)
{
    QList<std::pair<QString, QString>> result;
    QSet<QString> seen;
    for (const QAction *action : actions) {
        const QString keys = action->shortcut().toString(QKeySequence::NativeText);
        if (keys.isEmpty() || seen.contains(keys))
            continue;
        seen.insert(keys);
        QString text = action->text();
        text.remove(u'&');
        text.remove(u'…');
        result.append({text.trimmed(), keys});
    }
    return result;
}

QMenu *HelpMenu::addTo(QMainWindow *window)
{
    QMenu *menu = window->menuBar()->addMenu(tr("&Help"));
    menu->setObjectName(QStringLiteral("helpMenu"));
    QAction *keys = menu->addAction(tr("&Keyboard shortcuts"));
    keys->setObjectName(QStringLiteral("actionShortcuts"));
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    window->addAction(keys);
    QObject::connect(keys, &QAction::triggered, window, [window] { openShortcuts(window); });
    QAction *readme = menu->addAction(tr("&Documentation (README)"));
    readme->setObjectName(QStringLiteral("actionReadme"));
    readme->setStatusTip(tr("Open the README in the browser; installed, the manual page is man taskwatch"));
    QObject::connect(readme, &QAction::triggered, window, [] { QDesktopServices::openUrl(QUrl(ReadmeUrl)); });
    menu->addSeparator();
    QAction *about = menu->addAction(tr("&About Taskwatch"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] { openAbout(window); });
    return menu;
}

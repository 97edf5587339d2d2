#include "ui/HelpMenu.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTest>
#include <QTreeWidget>

// The Help menu of the real window: About names the versions and the licence, the shortcuts list is the
// window's own shortcuts, the README is linked.
class TestHelpMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void menuHasTheThreeEntries()
    {
        MainWindow window;
        auto *menu = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(menu);
        QVERIFY(window.menuBar()->actions().contains(menu->menuAction()));
        QCOMPARE(window.menuBar()->actions().constLast(), menu->menuAction()); // Help comes last
        QStringList names;
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                names.append(action->objectName());
        }
        QCOMPARE(names,
                 (QStringList {QStringLiteral("actionShortcuts"), QStringLiteral("actionReadme"),
                               QStringLiteral("actionAbout")}));
    }

    void aboutNamesTheVersionsAndLicence()
    {
        const HelpMenu::Versions versions = HelpMenu::versions();
        QCOMPARE(versions.taskwatch, QStringLiteral(EXPECTED_TASKWATCH_VERSION));
        QCOMPARE(versions.keychain, QStringLiteral(EXPECTED_QTKEYCHAIN_VERSION));
        QVERIFY(!versions.keychain.isEmpty());
        QCOMPARE(versions.qtRuntime, QString::fromLatin1(qVersion()));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("actionAbout"))->trigger();
        auto *about = window.findChild<QMessageBox *>(QStringLiteral("aboutDialog"));
        QVERIFY(about);
        QTRY_VERIFY(about->isVisible());
        const QString text = about->text();
        QVERIFY2(text.contains(QStringLiteral("Taskwatch " EXPECTED_TASKWATCH_VERSION)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("qtkeychain " EXPECTED_QTKEYCHAIN_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("MIT")));
        QVERIFY(text.contains(HelpMenu::ReadmeUrl));
        QVERIFY(text.contains(QStringLiteral("man taskwatch")));
        about->close();
    }

    void aboutSaysWhenQtDiffersFromTheBuild()
    {
        const QString text = HelpMenu::aboutText(
                {QStringLiteral("1.2.3"), QStringLiteral("6.8.1"), QStringLiteral("6.4.2"), QStringLiteral("0.13.2")});
        QVERIFY2(text.contains(QStringLiteral("Qt 6.8.1 (built with 6.4.2)")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Taskwatch 1.2.3")));
    }

    void shortcutsListTheWindowsActions()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_F1);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"))) && dialog->isVisible());
        auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("shortcuts"));
        QMap<QString, QString> shown;
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            shown.insert(list->topLevelItem(i)->text(0), list->topLevelItem(i)->text(1));
        QCOMPARE(shown.value(QStringLiteral("Add tasks")),
                 QKeySequence(Qt::CTRL | Qt::Key_N).toString(QKeySequence::NativeText));
        QCOMPARE(shown.value(QStringLiteral("Refresh now")), QStringLiteral("F5"));
        QCOMPARE(shown.value(QStringLiteral("Remove")), QStringLiteral("Del"));
        QCOMPARE(shown.value(QStringLiteral("Keyboard shortcuts")), QStringLiteral("F1"));
        QVERIFY(shown.contains(QStringLiteral("Leave the search field")));
        // Every window action with a shortcut is listed.
        for (const QAction *action : window.findChildren<QAction *>()) {
            if (!action->shortcut().isEmpty())
                QVERIFY2(shown.values().contains(action->shortcut().toString(QKeySequence::NativeText)),
                         qPrintable(action->objectName()));
        }
    }
};

QTEST_MAIN(TestHelpMenu)
#include "tst_helpmenu.moc"

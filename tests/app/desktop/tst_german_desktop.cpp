#include "DesktopTestSupport.h"
#include "app/common/Translations.h"
#include "app/desktop/DemoTenant.h"
#include "ui/SettingsDialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QHeaderView>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace DesktopTest;

// The desktop app under LANG=de_DE.UTF-8, as main() starts it (Translations for the system locale before any
// widget): its menus, the task table's column headers and the settings dialog speak German.
class TestGermanDesktop : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<DesktopApp> m_app;

    QStringList menuTitles() const
    {
        QStringList titles;
        for (QAction *action : m_app->window()->menuBar()->actions())
            titles.append(action->text());
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateSettings(m_dir.filePath(QStringLiteral("settings")), QStringLiteral("tst_german_desktop"));
        QCOMPARE(QLocale::system().language(), QLocale::German); // what main() below set up
        DesktopOptions options;
        options.demo = true;
        m_app = makeApp(m_dir, options);
        m_app->start();
        QVERIFY(QTest::qWaitForWindowExposed(m_app->window()));
    }

    void cleanupTestCase() { m_app.reset(); }

    void theMenusAreGerman()
    {
        const QStringList titles = menuTitles();
        QVERIFY2(titles.contains(QStringLiteral("&Aufgaben")), qPrintable(titles.join(u", ")));
        QVERIFY2(titles.contains(QStringLiteral("&Ansicht")), qPrintable(titles.join(u", ")));
    }

    void theColumnHeadersAreGerman()
    {
        const QAbstractItemModel *model = m_app->window()->model();
        QStringList headers;
        for (int column = 0; column < model->columnCount(); ++column)
            headers.append(model->headerData(column, Qt::Horizontal).toString());
        QVERIFY2(headers.contains(QStringLiteral("Aufgaben-ID")), qPrintable(headers.join(u", ")));
        QVERIFY2(headers.contains(QStringLiteral("Fortschritt")), qPrintable(headers.join(u", ")));
    }

    // The state column and the status bar name states in German; the report stays English (for support).
    void theStatesAreGerman()
    {
        const MainWindow *window = m_app->window();
        const QString failed = DemoTenant::FailedTaskId;
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, failed), DisplayState::Error, 30000);
        QCOMPARE(cell(window, failed, WatchListModel::StateColumn), QStringLiteral("Fehler"));
        QCOMPARE(displayStateName(DisplayState::Error), QStringLiteral("Error"));
    }

    void theSettingsDialogIsGerman()
    {
        m_app->openSettings();
        QTRY_VERIFY(m_app->settingsDialog() && m_app->settingsDialog()->isVisible());
        SettingsDialog *dialog = m_app->settingsDialog();
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Einstellungen"));
        // QDialogButtonBox's own buttons come from Qt's German (qtbase_de).
        QStringList buttons;
        for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
            buttons.append(button->text());
        QVERIFY2(buttons.contains(QStringLiteral("&Abbrechen")) || buttons.contains(QStringLiteral("Abbrechen")),
                 qPrintable(buttons.join(u", ")));
        dialog->reject();
    }
};

int main(int argc, char *argv[])
{
    // What a German desktop session sets; LC_ALL wins over LANG, LANGUAGE over both for the UI languages.
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LANGUAGE");
    QApplication app(argc, argv);
    Translations translations;
    translations.install();
    TestGermanDesktop test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_german_desktop.moc"

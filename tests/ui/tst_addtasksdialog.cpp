#include "TaskFixtures.h"
#include "ui/AddTasksDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Fixtures;

class TestAddTasksDialog : public QObject
{
    Q_OBJECT

private:
    static QPlainTextEdit *idsEdit(AddTasksDialog &dialog)
    {
        return dialog.findChild<QPlainTextEdit *>(QStringLiteral("ids"));
    }
    static QPushButton *addButton(AddTasksDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QMap<QString, QString> problems(AddTasksDialog &dialog)
    {
        QMap<QString, QString> result;
        const auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("problems"));
        for (int i = 0; i < tree->topLevelItemCount(); ++i)
            result.insert(tree->topLevelItem(i)->text(0), tree->topLevelItem(i)->text(1));
        return result;
    }

private Q_SLOTS:
    void validInvalidAndDuplicateIds()
    {
        AddTasksDialog dialog;
        dialog.setKnownIds({taskId(9)});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!addButton(dialog)->isEnabled());

        // Typed (pasted) in a mix of lines, commas and spaces, by keyboard.
        idsEdit(dialog)->setFocus();
        QTest::keyClicks(idsEdit(dialog), taskId(1) + QStringLiteral(", ") + taskId(2));
        QTest::keyClick(idsEdit(dialog), Qt::Key_Return);
        QTest::keyClicks(idsEdit(dialog),
                         QStringLiteral("bad!id  ") + taskId(1) + u' ' + taskId(9) + QStringLiteral(";\"") + taskId(3)
                                 + u'"');

        QCOMPARE(dialog.ids(), (QStringList {taskId(1), taskId(2), taskId(3)}));
        QVERIFY(addButton(dialog)->isEnabled());
        const QMap<QString, QString> skipped = problems(dialog);
        QCOMPARE(skipped.size(), 3);
        QVERIFY(skipped.value(QStringLiteral("bad!id")).contains(QStringLiteral("'!'")));
        QCOMPARE(skipped.value(taskId(1)), QStringLiteral("pasted more than once"));
        QCOMPARE(skipped.value(taskId(9)), QStringLiteral("already watched"));
        QVERIFY(dialog.findChild<QTreeWidget *>(QStringLiteral("problems"))->isVisible());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("summary"))->text(),
                 QStringLiteral("3 new task ids; 2 already watched or repeated; 1 not valid"));

        // Tab leaves the id field for the label; Return accepts.
        QTest::keyClick(idsEdit(dialog), Qt::Key_Tab);
        auto *label = dialog.findChild<QLineEdit *>(QStringLiteral("label"));
        QTRY_VERIFY(label->hasFocus());
        QTest::keyClicks(label, QStringLiteral("  Nightly AD "));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(label, Qt::Key_Return);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(dialog.label(), QStringLiteral("Nightly AD"));
    }

    void onlyInvalidIdsCannotBeAdded()
    {
        AddTasksDialog dialog;
        dialog.setKnownIds({taskId(1)});
        dialog.setText(QStringLiteral("not/an/id ") + taskId(1) + u' ' + QString(70, u'a'));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.ids().isEmpty());
        QVERIFY(!addButton(dialog)->isEnabled());
        QCOMPARE(problems(dialog).size(), 3);
        QVERIFY(problems(dialog).value(QString(70, u'a')).contains(QStringLiteral("at most 64")));
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QCOMPARE(accepted.count(), 0);
    }

    void knownIdsChangeTheVerdict()
    {
        AddTasksDialog dialog;
        dialog.setText(taskId(1));
        QCOMPARE(dialog.ids(), QStringList {taskId(1)});
        dialog.setKnownIds({taskId(1)});
        QVERIFY(dialog.ids().isEmpty());
        QCOMPARE(dialog.parsed().duplicates, QStringList {taskId(1)});
    }

    void nothingSkippedHidesTheList()
    {
        AddTasksDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.setText(taskId(4));
        QVERIFY(!dialog.findChild<QTreeWidget *>(QStringLiteral("problems"))->isVisible());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("summary"))->text(), QStringLiteral("1 new task id"));
    }

    // "hello" is a valid id (it can go into a filter) but not SailPoint's: said before any request, added anyway.
    void unusualIdsAreFlaggedButAdded()
    {
        AddTasksDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *unusual = dialog.findChild<QLabel *>(QStringLiteral("unusualIds"));
        QVERIFY(unusual);
        dialog.setText(taskId(1));
        QVERIFY(!unusual->isVisible());

        idsEdit(dialog)->setFocus();
        QTest::keyClick(idsEdit(dialog), Qt::Key_End, Qt::ControlModifier);
        QTest::keyClicks(idsEdit(dialog), QStringLiteral(" hello"));
        QVERIFY(unusual->isVisible());
        QVERIFY2(unusual->text().contains(QStringLiteral("hello")), qPrintable(unusual->text()));
        QVERIFY(unusual->text().contains(QStringLiteral("32 hexadecimal characters")));
        QVERIFY(!unusual->text().contains(taskId(1)));
        QCOMPARE(dialog.ids(), (QStringList {taskId(1), QStringLiteral("hello")}));
        QVERIFY(addButton(dialog)->isEnabled());
        QVERIFY(problems(dialog).isEmpty()); // not skipped

        // Many: the first five by name, the rest counted.
        dialog.setText(QStringLiteral("a1 a2 a3 a4 a5 a6 a7"));
        QVERIFY(unusual->text().contains(QStringLiteral("a5 and 2 more")));
        QVERIFY(!unusual->text().contains(QStringLiteral("a6")));
    }
};

QTEST_MAIN(TestAddTasksDialog)
#include "tst_addtasksdialog.moc"

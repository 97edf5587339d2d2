#include "ui/FollowDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

// The Follow dialog, driven as a person would: rules are listed, a value is checked as it is typed (nothing
// that could not go into a filter can be added), duplicates are refused, rules can be removed, and on a version
// that cannot follow nothing can be added and the dialog says why.
class TestFollowDialog : public QObject
{
    Q_OBJECT

    template<typename T>
    static T *part(const FollowDialog &dialog, const char *name)
    {
        T *widget = dialog.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s in the dialog", name);
        return widget;
    }

    static void choose(FollowDialog &dialog, FollowRule::Kind kind, const QString &value)
    {
        auto *kinds = part<QComboBox>(dialog, "followKind");
        kinds->setCurrentIndex(kinds->findData(int(kind)));
        auto *edit = part<QLineEdit>(dialog, "followValue");
        edit->clear();
        if (edit->isEnabled())
            QTest::keyClicks(edit, value);
    }

private Q_SLOTS:
    void rulesAreAddedCheckedAndRemoved()
    {
        const FollowRule refreshes {FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH")};
        FollowDialog dialog({refreshes}, true);
        auto *list = part<QListWidget>(dialog, "followRules");
        auto *add = part<QPushButton>(dialog, "followAdd");
        auto *problem = part<QLabel>(dialog, "followProblem");
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Tasks of type IDENTITY_REFRESH"));

        choose(dialog, FollowRule::Kind::Type, QStringLiteral("identity refresh"));
        QVERIFY(!add->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("upper-case code")), qPrintable(problem->text()));
        choose(dialog, FollowRule::Kind::Type, QStringLiteral("IDENTITY_REFRESH"));
        QVERIFY(!add->isEnabled());
        QVERIFY(problem->text().contains(QStringLiteral("already followed")));
        choose(dialog, FollowRule::Kind::Source, QStringLiteral("x\" or sourceId ne \"y"));
        QVERIFY(!add->isEnabled()); // nothing can close the filter's quotes

        choose(dialog, FollowRule::Kind::Source, QStringLiteral("2c9180835d2e5168"));
        QVERIFY(add->isEnabled());
        QVERIFY(problem->text().isEmpty());
        QTest::keyClick(part<QLineEdit>(dialog, "followValue"), Qt::Key_Return); // Enter adds the rule; not OK
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(list->count(), 2);
        choose(dialog, FollowRule::Kind::Every, {});
        QVERIFY(!part<QLineEdit>(dialog, "followValue")->isEnabled());
        add->click();
        QCOMPARE(dialog.rules(),
                 (QList<FollowRule> {refreshes,
                                     {FollowRule::Kind::Source, QStringLiteral("2c9180835d2e5168")},
                                     {FollowRule::Kind::Every, {}}}));
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(2)->text(), QStringLiteral("Every new task"));

        list->setCurrentRow(0);
        part<QPushButton>(dialog, "followRemove")->click();
        QCOMPARE(dialog.rules().size(), 2);
        QCOMPARE(dialog.rules().first().kind, FollowRule::Kind::Source);
    }

    void aVersionThatCannotFollowAddsNothingAndSaysWhy()
    {
        FollowDialog dialog({}, false);
        QVERIFY(!part<QPushButton>(dialog, "followAdd")->isEnabled());
        QVERIFY(!part<QComboBox>(dialog, "followKind")->isEnabled());
        QVERIFY(part<QLabel>(dialog, "followProblem")->text().contains(QStringLiteral("v2025")));
    }
};

QTEST_MAIN(TestFollowDialog)
#include "tst_followdialog.moc"

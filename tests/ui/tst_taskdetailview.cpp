#include "TaskFixtures.h"
#include "ui/HistoryLog.h"
#include "ui/TaskDetailView.h"
#include "ui/TaskReport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace Fixtures;

class TestTaskDetailView : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now;

    template<typename T>
    static T *child(TaskDetailView &view, const char *name)
    {
        T *widget = view.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    static QString text(TaskDetailView &view, const char *name) { return child<QLabel>(view, name)->text(); }
    static QString local(const char *iso)
    {
        return utc(iso).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    static QStringList column(QTreeWidget *tree, int column, bool visibleOnly = false)
    {
        QStringList texts;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (!visibleOnly || !tree->topLevelItem(i)->isHidden())
                texts.append(tree->topLevelItem(i)->text(column));
        }
        return texts;
    }
    static QTreeWidgetItem *childNamed(QTreeWidgetItem *parent, const QString &key)
    {
        for (int i = 0; i < parent->childCount(); ++i) {
            if (parent->child(i)->text(0) == key)
                return parent->child(i);
        }
        return nullptr;
    }
    static QTreeWidgetItem *topNamed(QTreeWidget *tree, const QString &key)
    {
        const auto found = tree->findItems(key, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.first();
    }

    static WatchedTask failedTask()
    {
        WatchedTask task = watched(failedJson(), utc("2024-05-17T09:15:00.000Z"));
        task.problem = fetchProblem(QStringLiteral("e7eab60924f64aa284175b9fa3309599"));
        return task;
    }

    std::unique_ptr<TaskDetailView> makeView()
    {
        auto view = std::make_unique<TaskDetailView>();
        view->setClock([this] { return m_now; });
        view->resize(900, 600);
        view->show();
        if (!QTest::qWaitForWindowExposed(view.get()))
            qFatal("not exposed");
        return view;
    }

private Q_SLOTS:
    void init() { m_now = utc("2024-05-17T09:20:00.000Z"); }

    void placeholderUntilATaskIsShown()
    {
        auto view = makeView();
        QVERIFY(!view->hasTask());
        QCOMPARE(view->findChild<QStackedWidget *>()->currentIndex(), 0);
        view->setTask(failedTask(), {}, std::nullopt);
        QCOMPARE(view->findChild<QStackedWidget *>()->currentIndex(), 1);
        view->clear();
        QVERIFY(!view->hasTask());
        QCOMPARE(view->findChild<QStackedWidget *>()->currentIndex(), 0);
    }

    void failedTaskFieldsAndTabs()
    {
        auto view = makeView();
        HistoryLog log;
        log.record(watched(runningJson(failedTask().id, QStringLiteral("Cloud Account Aggregation"), 30)),
                   utc("2024-05-17T09:05:00.000Z"));
        log.record(failedTask(), utc("2024-05-17T09:15:00.000Z"));
        view->setTask(failedTask(), log.entries(failedTask().id), std::nullopt);

        QCOMPARE(text(*view, "name"), QStringLiteral("Cloud Account Aggregation"));
        QCOMPARE(text(*view, "state"), QStringLiteral("Error"));
        QCOMPARE(text(*view, "description"), QStringLiteral("Aggregates from the specified application."));
        QCOMPARE(text(*view, "type"), QStringLiteral("QUARTZ"));
        QCOMPARE(text(*view, "launcher"), QStringLiteral("support"));
        QCOMPARE(text(*view, "target"), QStringLiteral("Active Directory [source]"));
        QCOMPARE(child<QLineEdit>(*view, "id")->text(), QStringLiteral("00eebcf881994e419d72e757fd30dc0e"));
        QVERIFY(child<QLineEdit>(*view, "id")->isReadOnly());
        QCOMPARE(text(*view, "created"), local("2024-05-17T08:59:00.000Z"));
        QCOMPARE(child<QLabel>(*view, "created")->toolTip(), QStringLiteral("2024-05-17 08:59:00 UTC"));
        QCOMPARE(text(*view, "launched"), local("2024-05-17T09:00:00.000Z"));
        QCOMPARE(text(*view, "completed"), local("2024-05-17T09:12:30.000Z"));
        QCOMPARE(child<QLabel>(*view, "completed")->toolTip(), QStringLiteral("2024-05-17 09:12:30 UTC"));
        QCOMPARE(text(*view, "elapsed"), QStringLiteral("12 min 30 s"));
        QVERIFY(text(*view, "problem").contains(QStringLiteral("e7eab60924f64aa284175b9fa3309599")));

        auto *bar = child<QProgressBar>(*view, "progressBar");
        QCOMPARE(bar->value(), 60);
        QVERIFY(!bar->isEnabled()); // greyed: the task failed
        QCOMPARE(text(*view, "progressText"), QStringLiteral("Aggregation failed"));

        auto *tabs = child<QTabWidget>(*view, "tabs");
        QCOMPARE(tabs->tabText(0), QStringLiteral("Messages (3, 1 error)"));
        auto *messages = child<QTreeWidget>(*view, "messages");
        QCOMPARE(column(messages, 0),
                 (QStringList {QStringLiteral("Info"), QStringLiteral("Warning"), QStringLiteral("Error")}));
        QCOMPARE(column(messages, 1).last(), QStringLiteral("Connection to Active Directory timed out"));
        QCOMPARE(column(messages, 2).last(), QStringLiteral("connector_timeout"));
        QCOMPARE(column(messages, 3).last(), QStringLiteral("host=dc01.example.com, after 300 s"));
        QVERIFY(messages->topLevelItem(2)->font(1).bold());
        QVERIFY(!messages->topLevelItem(0)->font(1).bold());

        // Filter by type.
        auto *filter = child<QComboBox>(*view, "messageFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("Errors")));
        QCOMPARE(column(messages, 1, true), QStringList {QStringLiteral("Connection to Active Directory timed out")});
        filter->setCurrentIndex(filter->findText(QStringLiteral("Warnings")));
        QCOMPARE(column(messages, 1, true), QStringList {QStringLiteral("12 accounts skipped")});
        filter->setCurrentIndex(0);
        QCOMPARE(column(messages, 1, true).size(), 3);

        QCOMPARE(tabs->tabText(1), QStringLiteral("Returns (3)"));
        auto *returns = child<QTreeWidget>(*view, "returns");
        QCOMPARE(column(returns, 0),
                 (QStringList {QStringLiteral("Accounts scanned"), QStringLiteral("Identities updated"),
                               QStringLiteral("Applications")}));
        QCOMPARE(column(returns, 1),
                 (QStringList {QStringLiteral("4711"), QStringLiteral("42"),
                               QStringLiteral("[\"Active Directory\",\"Workday\"]")}));

        auto *attributes = child<QTreeWidget>(*view, "attributes");
        QTreeWidgetItem *stats = topNamed(attributes, QStringLiteral("stats"));
        QVERIFY(stats);
        QCOMPARE(stats->text(1), QStringLiteral("{2 fields}"));
        QTreeWidgetItem *level = childNamed(childNamed(stats, QStringLiteral("deep")), QStringLiteral("level"));
        QVERIFY(level);
        QCOMPARE(level->text(1), QStringLiteral("3"));
        QCOMPARE(childNamed(topNamed(attributes, QStringLiteral("applications")), QStringLiteral("[1]"))->text(1),
                 QStringLiteral("Workday"));

        auto *definition = child<QTreeWidget>(*view, "definition");
        QVERIFY(tabs->isTabEnabled(3));
        QCOMPARE(topNamed(definition, QStringLiteral("Executor"))->text(1),
                 QStringLiteral("sailpoint.task.ServiceTaskExecutor"));
        QTreeWidgetItem *arguments = topNamed(definition, QStringLiteral("Arguments"));
        QCOMPARE(childNamed(arguments, QStringLiteral("optimizedAggregation"))->text(1), QStringLiteral("true"));

        auto *raw = child<QPlainTextEdit>(*view, "rawJson");
        QVERIFY(raw->isReadOnly());
        QCOMPARE(QJsonDocument::fromJson(raw->toPlainText().toUtf8()).object(), failedJson());
        QVERIFY(raw->toPlainText().contains(QStringLiteral("\n    \"attributes\"")));

        auto *history = child<QTreeWidget>(*view, "history");
        QCOMPARE(tabs->tabText(5), QStringLiteral("History (3)"));
        QCOMPARE(column(history, 1),
                 (QStringList {QStringLiteral("Finished"), QStringLiteral("Fetch failed"),
                               QStringLiteral("First seen")}));
        QCOMPARE(history->topLevelItem(0)->toolTip(0), QStringLiteral("2024-05-17 09:15:00 UTC"));
    }

    void progressFollowsARunningTask()
    {
        auto view = makeView();
        auto *bar = child<QProgressBar>(*view, "progressBar");
        const QString id = taskId(1);
        view->setTask(watched(runningJson(id, QStringLiteral("Refresh"), 10)), {}, std::nullopt);
        QVERIFY(view->showsRunningTask());
        QCOMPARE(bar->value(), 10);
        QVERIFY(bar->isEnabled());
        QCOMPARE(text(*view, "elapsed"), QStringLiteral("20 min 00 s so far"));
        QCOMPARE(text(*view, "progressText"), QStringLiteral("Aggregating accounts"));

        view->setTask(watched(runningJson(id, QStringLiteral("Refresh"), 45, QStringLiteral("Correlating"))), {}, 330);
        QCOMPARE(bar->value(), 45);
        QCOMPARE(text(*view, "progressText"), QStringLiteral("Correlating — about 5 min 30 s left"));

        m_now = m_now.addSecs(30);
        view->updateLive(300);
        QCOMPARE(text(*view, "elapsed"), QStringLiteral("20 min 30 s so far"));
        QCOMPARE(text(*view, "progressText"), QStringLiteral("Correlating — about 5 min 00 s left"));

        view->setTask(watched(finishedJson(id, QStringLiteral("Refresh"), QStringLiteral("SUCCESS"))), {},
                      std::nullopt);
        QVERIFY(!view->showsRunningTask());
        QCOMPARE(bar->value(), 100);
        QVERIFY(bar->isEnabled());
        QCOMPARE(text(*view, "state"), QStringLiteral("Success"));

        view->setTask(watched(finishedJson(id, QStringLiteral("Refresh"), QStringLiteral("TERMINATED"), 70)), {},
                      std::nullopt);
        QCOMPARE(bar->value(), 70);
        QVERIFY(!bar->isEnabled());
    }

    // A connector's exception is the whole story: 2,000 characters over several lines, read whole in the
    // detail view (selected at once, wrapped, nothing cut) and in every form of the report.
    void aLongErrorMessageIsReadWhole()
    {
        QString message = QStringLiteral("sailpoint.connector.ConnectorException: Connection to Active Directory "
                                         "timed out after 300 s; ");
        for (int line = 1; message.size() < 2000; ++line)
            message += QStringLiteral("\n    at sailpoint.connector.ADConnector.step%1(ADConnector.java:%2) while "
                                      "reading ou=Accounts%1,dc=example,dc=com")
                               .arg(line)
                               .arg(100 + line);
        message = message.left(1999) + u'!';
        QCOMPARE(message.size(), 2000);
        QJsonObject json = failedJson();
        QJsonArray messages = json.value(QStringLiteral("messages")).toArray();
        messages.append(QJsonObject {{QStringLiteral("type"), QStringLiteral("ERROR")},
                                     {QStringLiteral("key"), QStringLiteral("connector_exception")},
                                     {QStringLiteral("parameters"), QJsonValue::Null},
                                     {QStringLiteral("localizedText"),
                                      QJsonObject {{QStringLiteral("locale"), QStringLiteral("en-US")},
                                                   {QStringLiteral("message"), message}}}});
        json.insert(QStringLiteral("messages"), messages);
        auto view = makeView();
        QSignalSpy status(view.get(), &TaskDetailView::statusMessage);
        view->setTask(watched(json), {}, std::nullopt);

        // "Errors first" puts the two errors on top; the long one is selected and shown whole below the table.
        auto *filter = child<QComboBox>(*view, "messageFilter");
        filter->setCurrentIndex(filter->findText(QStringLiteral("All, errors first")));
        auto *tree = child<QTreeWidget>(*view, "messages");
        QCOMPARE(column(tree, 0),
                 (QStringList {QStringLiteral("Error"), QStringLiteral("Error"), QStringLiteral("Warning"),
                               QStringLiteral("Info")}));
        tree->setCurrentItem(tree->topLevelItem(1));
        auto *whole = child<QPlainTextEdit>(*view, "messageText");
        QTRY_VERIFY(whole->isVisible());
        QCOMPARE(whole->toPlainText(), message);
        QCOMPARE(whole->lineWrapMode(), QPlainTextEdit::WidgetWidth);
        QVERIFY(whole->height() > whole->fontMetrics().height() * 3); // room to read, not a sliver
        QCOMPARE(whole->horizontalScrollBar()->maximum(), 0); // wrapped: nothing off to the side
        QTest::mouseClick(child<QToolButton>(*view, "messageTextCopy"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), message);
        QCOMPARE(status.count(), 1);

        // Longer than the pane: a window of its own, also by Enter on the row.
        QTest::mouseClick(child<QToolButton>(*view, "messageTextOpen"), Qt::LeftButton);
        QDialog *window = nullptr;
        QTRY_VERIFY((window = view->findChild<QDialog *>(QStringLiteral("messageTextWindow"))) && window->isVisible());
        auto *windowText = window->findChild<QPlainTextEdit *>(QStringLiteral("messageText"));
        QCOMPARE(windowText->toPlainText(), message);
        QVERIFY(windowText->height() > whole->height());
        window->close();
        QTRY_VERIFY(!view->findChild<QDialog *>(QStringLiteral("messageTextWindow")));
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_Return);
        QTRY_VERIFY(view->findChild<QDialog *>(QStringLiteral("messageTextWindow")));
        view->findChild<QDialog *>(QStringLiteral("messageTextWindow"))->close();

        // The first error is what a freshly shown task offers, with the task's own order.
        view->clear();
        filter->setCurrentIndex(0);
        view->setTask(watched(json), {}, std::nullopt);
        QCOMPARE(tree->currentItem()->text(1), QStringLiteral("Connection to Active Directory timed out"));
        QCOMPARE(child<QPlainTextEdit>(*view, "messageText")->toPlainText(),
                 QStringLiteral("Connection to Active Directory timed out"));

        // The report: whole in JSON, Markdown (line breaks kept, in a block of its own) and plain text.
        const TaskReport report = view->report();
        const QJsonArray reported = report.toJson().value(QStringLiteral("messages")).toArray();
        QCOMPARE(reported.last().toObject().value(QStringLiteral("text")).toString(), message);
        const QString markdown = report.toMarkdown();
        QVERIFY(markdown.contains(QStringLiteral("\n```\n") + message + QStringLiteral("\n```\n")));
        QVERIFY(markdown.contains(QStringLiteral("### Message 4 (ERROR) in full")));
        QVERIFY(markdown.contains(QStringLiteral("(message 4 in full below)")));
        QVERIFY(report.toPlainText().contains(message));
    }

    void longValuesAndRawJsonAreReadWhole()
    {
        const QString value = QStringLiteral("CN=") + QString(1500, u'x') + QStringLiteral(",OU=end");
        QJsonObject json = failedJson();
        QJsonObject attributes = json.value(QStringLiteral("attributes")).toObject();
        attributes.insert(QStringLiteral("longValue"), value);
        json.insert(QStringLiteral("attributes"), attributes);
        auto view = makeView();
        view->setTask(watched(json), {}, std::nullopt);
        auto *tabs = child<QTabWidget>(*view, "tabs");
        auto *attributeTree = child<QTreeWidget>(*view, "attributes");
        tabs->setCurrentIndex(2);
        attributeTree->setCurrentItem(topNamed(attributeTree, QStringLiteral("longValue")));
        auto *whole = child<QPlainTextEdit>(*view, "attributeText");
        QTRY_VERIFY(whole->isVisible());
        QCOMPARE(whole->toPlainText(), value);
        QCOMPARE(whole->horizontalScrollBar()->maximum(), 0);

        tabs->setCurrentIndex(4);
        auto *raw = child<QPlainTextEdit>(*view, "rawJson");
        QTRY_VERIFY(raw->isVisible());
        QVERIFY(raw->toPlainText().contains(value));
        QCOMPARE(raw->horizontalScrollBar()->maximum(), 0); // wrapped like the rest
    }

    void anUnchangedTaskKeepsWhatThePersonLooksAt()
    {
        auto view = makeView();
        view->setTask(failedTask(), {}, std::nullopt);
        auto *attributes = child<QTreeWidget>(*view, "attributes");
        QTreeWidgetItem *stats = topNamed(attributes, QStringLiteral("stats"));
        attributes->setCurrentItem(stats);
        stats->setExpanded(false);

        WatchedTask again = failedTask();
        again.checkedAt = again.checkedAt.addSecs(60); // checked again, same JSON
        view->setTask(again, {}, std::nullopt);
        QCOMPARE(attributes->currentItem(), stats);
        QVERIFY(!stats->isExpanded());

        QJsonObject changed = failedJson();
        changed.insert(QStringLiteral("progress"), QStringLiteral("Cleaning up"));
        view->setTask(watched(changed), {}, std::nullopt);
        QVERIFY(topNamed(attributes, QStringLiteral("stats")) != nullptr);
        QCOMPARE(text(*view, "progressText"), QStringLiteral("Cleaning up"));
    }

    void copyIdAndDetails()
    {
        auto view = makeView();
        QSignalSpy messages(view.get(), &TaskDetailView::statusMessage);
        view->setTask(failedTask(), {}, std::nullopt);
        QTest::mouseClick(child<QToolButton>(*view, "copyId"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("00eebcf881994e419d72e757fd30dc0e"));
        QTest::mouseClick(child<QPushButton>(*view, "copyDetails"), Qt::LeftButton);
        const QString details = QGuiApplication::clipboard()->text();
        QVERIFY(details.contains(QStringLiteral("Task id: 00eebcf881994e419d72e757fd30dc0e\n")));
        QVERIFY(details.contains(QStringLiteral("  [ERROR] Connection to Active Directory timed out")));
        QVERIFY(details.contains(QStringLiteral("  Identities updated: 42\n")));
        QVERIFY(details.contains(QStringLiteral("e7eab60924f64aa284175b9fa3309599")));
        QCOMPARE(messages.count(), 2);
    }

    void exportWritesTheReport_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::newRow("markdown") << QStringLiteral("report.md");
        QTest::newRow("json") << QStringLiteral("report.JSON");
    }

    void exportWritesTheReport()
    {
        QFETCH(QString, fileName);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto view = makeView();
        QString suggested;
        view->setSaveFileChooser([&](const QString &path) {
            suggested = path;
            return dir.filePath(fileName);
        });
        HistoryLog log;
        WatchedTask earlier = watched(runningJson(failedTask().id, QStringLiteral("x"), 30));
        earlier.problem = fetchProblem(QStringLiteral("0a1b2c3d4e5f"), 500);
        log.record(earlier, utc("2024-05-17T09:06:00.000Z"));
        view->setTask(failedTask(), log.entries(failedTask().id), std::nullopt);

        QSignalSpy messages(view.get(), &TaskDetailView::statusMessage);
        QTest::mouseClick(child<QPushButton>(*view, "exportReport"), Qt::LeftButton);
        QVERIFY(suggested.endsWith(
                QStringLiteral("taskwatch-Cloud-Account-Aggregation-00eebcf881994e419d72e757fd30dc0e.md")));
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.at(0).at(0).toString().startsWith(QStringLiteral("Saved the report to")));

        QFile file(dir.filePath(fileName));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        if (fileName.endsWith(QStringLiteral("JSON"))) {
            const QJsonObject json = QJsonDocument::fromJson(written).object();
            QCOMPARE(json.value(QStringLiteral("task")).toObject().value(QStringLiteral("id")).toString(),
                     failedTask().id);
            QCOMPARE(json.value(QStringLiteral("messages")).toArray().size(), 3);
            QCOMPARE(json.value(QStringLiteral("returns"))
                             .toArray()
                             .at(1)
                             .toObject()
                             .value(QStringLiteral("value"))
                             .toInt(),
                     42);
            QCOMPARE(json.value(QStringLiteral("trackingIds")).toArray(),
                     (QJsonArray {QStringLiteral("0a1b2c3d4e5f"), QStringLiteral("e7eab60924f64aa284175b9fa3309599")}));
        } else {
            const QString md = QString::fromUtf8(written);
            for (const QString &expected :
                 {QStringLiteral("Aggregation started"), QStringLiteral("12 accounts skipped"),
                  QStringLiteral("Connection to Active Directory timed out"),
                  QStringLiteral("| Accounts scanned | 4711 |"), QStringLiteral("| Identities updated | 42 |"),
                  QStringLiteral("0a1b2c3d4e5f"), QStringLiteral("e7eab60924f64aa284175b9fa3309599")})
                QVERIFY2(md.contains(expected), qPrintable(expected));
        }
    }

    void exportCanBeCancelledOrFail()
    {
        auto view = makeView();
        view->setTask(failedTask(), {}, std::nullopt);
        QSignalSpy messages(view.get(), &TaskDetailView::statusMessage);
        view->setSaveFileChooser([](const QString &) { return QString(); });
        view->exportReport();
        QCOMPARE(messages.count(), 0);

        QTemporaryDir dir;
        QVERIFY(!view->exportReportTo(dir.filePath(QStringLiteral("missing-folder/report.md"))));
        QCOMPARE(messages.count(), 1);
        QVERIFY(messages.at(0).at(0).toString().startsWith(QStringLiteral("Could not save the report")));
    }
};

QTEST_MAIN(TestTaskDetailView)
#include "tst_taskdetailview.moc"

#include "app/cli/CliClearOutput.h"
#include "app/cli/CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

TaskStatus status(const QString &id, const char *completion, std::optional<int> percent, const QString &progress = {})
{
    QJsonObject raw {{QStringLiteral("id"), id},
                     {QStringLiteral("uniqueName"), QStringLiteral("Aggregate %1").arg(id)},
                     {QStringLiteral("launched"), QStringLiteral("2025-01-01T00:00:00Z")},
                     {QStringLiteral("custom"), 42}};
    if (completion)
        raw.insert(QStringLiteral("completionStatus"), QLatin1String(completion));
    if (percent)
        raw.insert(QStringLiteral("percentComplete"), *percent);
    if (!progress.isEmpty())
        raw.insert(QStringLiteral("progress"), progress);
    return TaskStatus::fromJson(raw).value();
}

WatchedTask watched(const QString &id, SharedStatus s, FetchProblem problem = {})
{
    WatchedTask task;
    task.id = id;
    task.status = std::move(s);
    task.problem = problem;
    task.checkedAt = QDateTime::currentDateTimeUtc();
    return task;
}

} // namespace

class TestCliOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableIsAligned()
    {
        const QString table = CliOutput::taskTable(
                {watched(QStringLiteral("a1"),
                         status(QStringLiteral("a1"), nullptr, 42, QStringLiteral("Loading\naccounts"))),
                 watched(QStringLiteral("bbbbbbbb"), status(QStringLiteral("bbbbbbbb"), "SUCCESS", 100))});
        const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("ID        STATE    %     NAME")));
        QVERIFY(lines.at(0).endsWith(QStringLiteral("PROGRESS")));
        QCOMPARE(lines.at(1), QStringLiteral("a1        Running  42%   Aggregate a1        Loading accounts"));
        QCOMPARE(lines.at(2), QStringLiteral("bbbbbbbb  Success  100%  Aggregate bbbbbbbb"));
        // Columns line up: STATE starts at the same offset everywhere.
        QCOMPARE(lines.at(1).indexOf(QStringLiteral("Running")), lines.at(0).indexOf(QStringLiteral("STATE")));
    }

    void statusTableForList()
    {
        const QString table = CliOutput::statusTable({status(QStringLiteral("x"), "Terminated", std::nullopt),
                                                      status(QStringLiteral("y"), "FUTURE_STATE", 5)});
        const QStringList lines = table.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(1).split(u' ', Qt::SkipEmptyParts),
                 (QStringList {QStringLiteral("x"), QStringLiteral("Terminated"), QStringLiteral("-"),
                               QStringLiteral("Aggregate"), QStringLiteral("x")}));
        QVERIFY(table.contains(QStringLiteral("FUTURE_STATE"))); // unknown values shown as sent
    }

    void jsonIsAsReceived()
    {
        const QByteArray json = CliOutput::jsonArray(
                {status(QStringLiteral("a"), nullptr, 1), status(QStringLiteral("b"), "ERROR", 9)});
        const QJsonArray array = QJsonDocument::fromJson(json).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("a"));
        QCOMPARE(array.at(1).toObject().value(QStringLiteral("completionStatus")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(array.at(1).toObject().value(QStringLiteral("custom")).toInt(), 42);
        QCOMPARE(CliOutput::jsonArray({}).trimmed(), QByteArray("[\n]"));
    }

    void progressBar()
    {
        QCOMPARE(CliOutput::progressBar(0, 10), QStringLiteral("[----------]"));
        QCOMPARE(CliOutput::progressBar(42, 10), QStringLiteral("[####------]"));
        QCOMPARE(CliOutput::progressBar(100, 10), QStringLiteral("[##########]"));
        QCOMPARE(CliOutput::progressBar(250, 4), QStringLiteral("[####]"));
        QCOMPARE(CliOutput::progressBar(std::nullopt, 3), QStringLiteral("[   ]"));
    }

    void liveAndChangeLines()
    {
        const WatchedTask running =
                watched(QStringLiteral("a1"), status(QStringLiteral("a1"), nullptr, 50, QStringLiteral("Halfway")));
        QCOMPARE(CliOutput::liveLine(running, 4),
                 QStringLiteral("a1    Running    [##########----------]  50%  Aggregate a1  Halfway"));
        QVERIFY(CliOutput::liveLine(running, 4, 20).size() <= 20);
        const QDateTime at(QDate(2025, 1, 1), QTime(9, 5, 7));
        QCOMPARE(CliOutput::changeLine(running, at), QStringLiteral("09:05:07 a1 Running 50% Aggregate a1: Halfway"));
        const WatchedTask failed = watched(
                QStringLiteral("a1"), running.status,
                FetchProblem {FetchProblem::Kind::Fetch, QStringLiteral("HTTP 500: Boom."), QStringLiteral("t1"), 500});
        QVERIFY(CliOutput::changeSignature(failed) != CliOutput::changeSignature(running));
        QCOMPARE(CliOutput::problemLine(failed), QStringLiteral("a1: HTTP 500: Boom. (tracking id t1)"));
        // A person at the terminal reads the translated problem; the lines for programs keep it in English.
        WatchedTask translated = failed;
        translated.problem.translatedMessage = QStringLiteral("HTTP 500: Kaputt.");
        QVERIFY(CliOutput::liveLine(translated, 4).endsWith(QStringLiteral("HTTP 500: Kaputt.")));
        QCOMPARE(CliOutput::problemLine(translated), QStringLiteral("a1: HTTP 500: Kaputt. (tracking id t1)"));
        QCOMPARE(CliOutput::changeLine(translated, at),
                 QStringLiteral("09:05:07 a1 Fetch error 50% Aggregate a1: HTTP 500: Boom."));
        QCOMPARE(CliOutput::changeSignature(translated), CliOutput::changeSignature(failed));
        WatchedTask checkedAgain = running;
        checkedAgain.checkedAt = checkedAgain.checkedAt.addSecs(5);
        QCOMPARE(CliOutput::changeSignature(checkedAgain), CliOutput::changeSignature(running)); // no new line
    }

    void exitCodes_data()
    {
        QTest::addColumn<int>("command");
        QTest::addColumn<QList<WatchedTask>>("tasks");
        QTest::addColumn<int>("stateKind");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<int>("expected");
        const int get = int(CliCommand::Get), wait = int(CliCommand::Wait);
        const int okKind = int(ConnectionState::Kind::Ok);
        const auto success = watched(QStringLiteral("s"), status(QStringLiteral("s"), "SUCCESS", 100));
        const auto warning = watched(QStringLiteral("w"), status(QStringLiteral("w"), "WARNING", 100));
        const auto error = watched(QStringLiteral("e"), status(QStringLiteral("e"), "ERROR", 10));
        const auto terminated = watched(QStringLiteral("t"), status(QStringLiteral("t"), "TERMINATED", 10));
        const auto temp = watched(QStringLiteral("p"), status(QStringLiteral("p"), "TEMPERROR", 10));
        const auto running = watched(QStringLiteral("r"), status(QStringLiteral("r"), nullptr, 10));
        const auto missing = watched(QStringLiteral("m"), std::nullopt,
                                     {FetchProblem::Kind::NotFound, QStringLiteral("gone"), {}, 404});
        const auto broken = watched(QStringLiteral("b"), std::nullopt,
                                    {FetchProblem::Kind::Fetch, QStringLiteral("refused"), {}, 0});
        const auto refused =
                watched(QStringLiteral("a"), std::nullopt, {FetchProblem::Kind::Auth, QStringLiteral("401"), {}, 401});
        QTest::newRow("get found") << get << QList<WatchedTask> {success, running, error} << okKind << false << 0;
        QTest::newRow("get missing") << get << QList<WatchedTask> {success, missing} << okKind << false << 4;
        QTest::newRow("get network") << get << QList<WatchedTask> {success, broken} << okKind << false << 5;
        QTest::newRow("get auth") << get << QList<WatchedTask> {refused, missing}
                                  << int(ConnectionState::Kind::AuthFailed) << false << 3;
        QTest::newRow("misconfigured") << get << QList<WatchedTask> {} << int(ConnectionState::Kind::Misconfigured)
                                       << false << 2;
        QTest::newRow("wait good") << wait << QList<WatchedTask> {success, warning} << okKind << false << 0;
        QTest::newRow("wait error") << wait << QList<WatchedTask> {success, error} << okKind << false << 1;
        QTest::newRow("wait terminated") << wait << QList<WatchedTask> {terminated} << okKind << false << 1;
        QTest::newRow("wait temperror") << wait << QList<WatchedTask> {temp} << okKind << false << 1;
        QTest::newRow("wait timeout") << wait << QList<WatchedTask> {success, running} << okKind << true << 124;
        QTest::newRow("wait failed beats timeout")
                << wait << QList<WatchedTask> {error, running} << okKind << true << 1;
        QTest::newRow("wait missing beats failed")
                << wait << QList<WatchedTask> {error, missing} << okKind << false << 4;
        QTest::newRow("wait network at timeout") << wait << QList<WatchedTask> {running, broken} << okKind << true << 5;
    }
    void exitCodes()
    {
        QFETCH(int, command);
        QFETCH(QList<WatchedTask>, tasks);
        QFETCH(int, stateKind);
        QFETCH(bool, timedOut);
        QFETCH(int, expected);
        const ConnectionState state {ConnectionState::Kind(stateKind), {}, {}};
        QCOMPARE(CliOutput::exitCode(CliCommand(command), tasks, state, timedOut), expected);
    }

    void keychainProblemIsOneLineWithAdviceAndFallback()
    {
        CredentialResult noService;
        noService.error = QKeychain::OtherError;
        noService.errorString =
                QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files");
        const QString line =
                CliOutput::keychainProblem(QStringLiteral("cannot read"), noService,
                                           QStringLiteral("Use SAIL_CLIENT_SECRET for this shell instead."));
        QVERIFY2(line.startsWith(QStringLiteral("cannot read: The name org.freedesktop.secrets was not provided by "
                                                "any .service files. No Secret Service is running")),
                 qPrintable(line));
        QVERIFY(line.endsWith(QStringLiteral(" Use SAIL_CLIENT_SECRET for this shell instead.")));
        QVERIFY(!line.contains(QStringLiteral("session only"))); // the desktop app's fallback
        QVERIFY(!line.contains(u'\n'));

        CredentialResult locked;
        locked.error = QKeychain::AccessDenied;
        locked.errorString = QStringLiteral("The default keyring is locked,\nso its secrets cannot be read.");
        const QString lockedLine = CliOutput::keychainProblem(QStringLiteral("x"), locked, {});
        QVERIFY(!lockedLine.contains(u'\n'));
        QVERIFY(lockedLine.contains(QStringLiteral("cannot be read. The keychain is locked")));
        QVERIFY(!lockedLine.endsWith(u' '));
    }

    void clearRunningFor_data()
    {
        QTest::addColumn<QString>("launched");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << QStringLiteral("2026-12-04T20:59:48Z") << QStringLiteral("12 s");
        QTest::newRow("minutes") << QStringLiteral("2026-12-04T20:56:00Z") << QStringLiteral("4 min");
        QTest::newRow("hours") << QStringLiteral("2026-12-04T17:48:00Z") << QStringLiteral("3 h 12 min");
        QTest::newRow("in the future") << QStringLiteral("2026-12-04T21:00:01Z") << QStringLiteral("-");
        QTest::newRow("unknown") << QString() << QStringLiteral("-");
    }
    void clearRunningFor()
    {
        QFETCH(QString, launched);
        QFETCH(QString, text);
        TaskStatus task;
        task.launched = QDateTime::fromString(launched, Qt::ISODate);
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-04T21:00:00Z"), Qt::ISODate);
        QCOMPARE(CliClearOutput::runningFor(task, now), text);
        // Not launched yet: queued since it was created.
        TaskStatus queued;
        queued.created = task.launched;
        QCOMPARE(CliClearOutput::runningFor(queued, now), text);
    }

    void clearQuestionNamesTasksTenantAndWhatItDoes()
    {
        TaskStatus running = status(QStringLiteral("a1"), nullptr, 40);
        const QDateTime now = running.launched.addSecs(3 * 3600);
        const QString one = CliClearOutput::question({running}, TaskClearing::Mark::Error,
                                                     QStringLiteral("https://acme.api.identitynow.com"), now);
        QVERIFY2(one.contains(QStringLiteral("a1  Running  running for 3 h 0 min  Aggregate a1\n")), qPrintable(one));
        QVERIFY(one.contains(QStringLiteral("Mark this task on https://acme.api.identitynow.com as Error, "
                                            "completed now?")));
        QVERIFY(one.contains(QStringLiteral("does not stop work that is still running there")));
        QVERIFY(one.endsWith(QStringLiteral("[y/N] ")));
        const QString two = CliClearOutput::question({running, status(QStringLiteral("b2"), nullptr, {})},
                                                     TaskClearing::Mark::Terminated, QStringLiteral("T"), now);
        QVERIFY2(two.contains(QStringLiteral("Mark these 2 tasks on T as Terminated, completed now?")),
                 qPrintable(two));
    }

    void clearAnswers_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<bool>("yes");
        for (const char *yes : {"y", "Y", "yes", "YES", " y "})
            QTest::newRow(yes) << QString::fromLatin1(yes) << true;
        for (const char *no : {"", "n", "no", "N", "yess", "ye", "sure", "1"})
            QTest::newRow(qPrintable(QStringLiteral("no: '%1'").arg(QLatin1String(no))))
                    << QString::fromLatin1(no) << false;
    }
    void clearAnswers()
    {
        QFETCH(QString, answer);
        QFETCH(bool, yes);
        QCOMPARE(CliClearOutput::isYes(answer), yes);
    }

    void clearExitCodes_data()
    {
        QTest::addColumn<QList<int>>("kinds"); // ClearResult::Kind, and for Failed the FetchProblem::Kind * 10
        QTest::addColumn<int>("code");
        const int cleared = int(ClearResult::Kind::Cleared);
        const int finished = int(ClearResult::Kind::AlreadyFinished);
        const int unconfirmed = int(ClearResult::Kind::Unconfirmed);
        const int forbidden = 100 + int(FetchProblem::Kind::Auth);
        const int missing = 100 + int(FetchProblem::Kind::NotFound);
        const int failed = 100 + int(FetchProblem::Kind::Fetch);
        QTest::newRow("nothing") << QList<int> {} << 0;
        QTest::newRow("cleared") << QList<int> {cleared} << 0;
        QTest::newRow("already finished") << QList<int> {finished, cleared} << 0;
        QTest::newRow("403") << QList<int> {cleared, forbidden} << 3;
        QTest::newRow("404") << QList<int> {missing} << 4;
        QTest::newRow("server") << QList<int> {failed} << 5;
        QTest::newRow("no answer") << QList<int> {unconfirmed} << 5;
        QTest::newRow("3 before 4 before 5") << QList<int> {unconfirmed, missing, forbidden} << 3;
        QTest::newRow("4 before 5") << QList<int> {failed, missing} << 4;
    }
    void clearExitCodes()
    {
        QFETCH(QList<int>, kinds);
        QFETCH(int, code);
        QList<ClearResult> results;
        for (int kind : kinds) {
            ClearResult result;
            result.kind = kind >= 100 ? ClearResult::Kind::Failed : ClearResult::Kind(kind);
            if (kind >= 100)
                result.problem.kind = FetchProblem::Kind(kind - 100);
            results.append(result);
        }
        QCOMPARE(CliClearOutput::exitCode(results), code);
    }
};

QTEST_GUILESS_MAIN(TestCliOutput)
#include "tst_clioutput.moc"

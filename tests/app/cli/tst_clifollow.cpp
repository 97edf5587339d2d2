#include "CliTestSupport.h"
#include "tests/client/SimFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// taskwatch-cli follow, the real program against the in-process simulated tenant: new tasks are reported within
// two rounds, a task that lives 4 s is reported with its finish, --json lines parse, what was there before is
// not news, and beta (whose lists hold completed tasks only) is refused.
class TestCliFollow : public QObject
{
    Q_OBJECT
private:
    CliTest::Home m_home;

    QProcessEnvironment environment(const SimServer &sim) const { return m_home.environmentFor(sim.baseUrl()); }

private Q_SLOTS:
    void newTasksAreReportedWithinTwoRounds()
    {
        auto sim = startSim();
        const QString before = sim->addTask(scenarioTask(0, 3600));
        const QString route = listRoute(ApiVersion::V2025);
        QProcess follow;
        follow.setProcessEnvironment(environment(*sim));
        QList<QJsonObject> events;
        QHash<QString, qint64> listCallsWhenAppeared;
        QString partial;
        qint64 listCallsAtAdd = -1;
        connect(&follow, &QProcess::readyReadStandardOutput, this, [&] {
            partial += QString::fromUtf8(follow.readAllStandardOutput());
            qsizetype end;
            while ((end = partial.indexOf(u'\n')) >= 0) {
                const QString line = partial.left(end);
                partial.remove(0, end + 1);
                QJsonParseError error;
                const QJsonObject event = QJsonDocument::fromJson(line.toUtf8(), &error).object();
                QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
                events.append(event);
                if (event.value(u"event").toString() == u"appeared")
                    listCallsWhenAppeared.insert(event.value(u"id").toString(), simCount(*sim, route) - listCallsAtAdd);
            }
        });
        follow.start(QStringLiteral(TASKWATCH_CLI),
                     {QStringLiteral("follow"), QStringLiteral("--all"), QStringLiteral("--json")});
        QVERIFY(follow.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, route) >= 2, 20000); // the first round has learned what is there
        listCallsAtAdd = simCount(*sim, route);
        const QString lasting = sim->addTask(scenarioTask(0, 60));
        const QString brief = sim->addTask(scenarioTask(0, 4, QStringLiteral("ERROR")));
        QTRY_VERIFY_WITH_TIMEOUT(listCallsWhenAppeared.contains(lasting) && listCallsWhenAppeared.contains(brief),
                                 20000);
        QVERIFY2(listCallsWhenAppeared.value(lasting) <= 2, "found within two rounds (one rule: one call each)");
        QVERIFY(listCallsWhenAppeared.value(brief) <= 2);
        const auto has = [&](const QString &id, const QString &kind) {
            return std::any_of(events.cbegin(), events.cend(), [&](const QJsonObject &event) {
                return event.value(u"id").toString() == id && event.value(u"event").toString() == kind;
            });
        };
        QTRY_VERIFY_WITH_TIMEOUT(has(brief, QStringLiteral("finished")), 20000);
        follow.kill();
        follow.waitForFinished();

        QVERIFY2(!std::any_of(events.cbegin(), events.cend(),
                              [&](const QJsonObject &event) { return event.value(u"id").toString() == before; }),
                 "a task that was there before following began is not news");
        for (const QJsonObject &event : std::as_const(events)) {
            QVERIFY(QDateTime::fromString(event.value(u"at").toString(), Qt::ISODateWithMs).isValid());
            QCOMPARE(event.value(u"status").toObject().value(u"id").toString(), event.value(u"id").toString());
        }
        const auto finished = std::find_if(events.cbegin(), events.cend(), [&](const QJsonObject &event) {
            return event.value(u"id").toString() == brief && event.value(u"event").toString() == u"finished";
        });
        QCOMPARE(finished->value(u"status").toObject().value(u"completionStatus").toString(), QStringLiteral("ERROR"));
        QCOMPARE(simStat(*sim, QStringLiteral("rateLimited")), 0);
    }

    void textLinesForPeople()
    {
        auto sim = startSim();
        QProcess follow;
        follow.setProcessEnvironment(environment(*sim));
        QString out;
        connect(&follow, &QProcess::readyReadStandardOutput, this,
                [&] { out += QString::fromUtf8(follow.readAllStandardOutput()); });
        follow.start(QStringLiteral(TASKWATCH_CLI),
                     {QStringLiteral("follow"), QStringLiteral("--type"), QStringLiteral("IDENTITY_REFRESH")});
        QVERIFY(follow.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(simCount(*sim, listRoute(ApiVersion::V2025)) >= 2, 20000);
        QJsonObject other = scenarioTask(0, 60);
        other.insert(QStringLiteral("type"), QStringLiteral("CLOUD_ACCOUNT_AGGREGATION"));
        const QString notFollowed = sim->addTask(other);
        QJsonObject refresh = scenarioTask(0, 60);
        refresh.insert(QStringLiteral("type"), QStringLiteral("IDENTITY_REFRESH"));
        const QString followed = sim->addTask(refresh);
        QTRY_VERIFY_WITH_TIMEOUT(out.contains(followed), 20000);
        follow.kill();
        follow.waitForFinished();
        QVERIFY2(out.startsWith(QStringLiteral("appeared ")), qPrintable(out));
        QVERIFY(!out.contains(notFollowed));
    }

    void betaIsRefused()
    {
        auto sim = startSim();
        QProcessEnvironment env = environment(*sim);
        const CliTest::Run run = CliTest::run({QStringLiteral("follow"), QStringLiteral("--all"),
                                               QStringLiteral("--api-version"), QStringLiteral("beta")},
                                              env);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("completed tasks only")), qPrintable(run.err));
        QCOMPARE(simCount(*sim, listRoute(ApiVersion::Beta)), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliFollow)
#include "tst_clifollow.moc"

// taskwatch's command line: what each option sets, what is refused and why, and that the secret never
// comes from an argument.

#include "app/desktop/DesktopOptions.h"

#include <QTest>

class TestDesktopOptions : public QObject
{
    Q_OBJECT

private:
    static DesktopParse parse(QStringList arguments, const QProcessEnvironment &environment = {})
    {
        arguments.prepend(QStringLiteral("taskwatch"));
        return parseDesktopArguments(arguments, environment);
    }

    static QProcessEnvironment secretEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("SAIL_CLIENT_SECRET"), QStringLiteral(" from-the-environment "));
        return environment;
    }

private Q_SLOTS:
    void nothingMeansTheDefaults()
    {
        const DesktopParse result = parse({});
        QCOMPARE(result.action, DesktopParse::Action::Run);
        const DesktopOptions &options = result.options;
        QVERIFY(!options.demo);
        QVERIFY(!options.minimized);
        QVERIFY(!options.hasConnectionOverride());
        QVERIFY(!options.apiVersion);
        QVERIFY(!options.pollIntervalSeconds);
        QCOMPARE(options.palette, DesktopOptions::Palette::System);
        QVERIFY(options.watchListPath.isEmpty());
        QVERIFY(options.selectId.isEmpty());
        QVERIFY(options.screenshotPath.isEmpty());
        QVERIFY(options.taskIds.isEmpty());
    }

    void idsAreTakenAsTheAddDialogTakesThem()
    {
        // Words, a comma list, a JSON array, duplicates: the paste parser's rules, in order, once each.
        const DesktopParse result = parse({QStringLiteral("2c9180858b3d4e5f"), QStringLiteral("--minimized"),
                                           QStringLiteral("a1,b2;c3"), QStringLiteral("[\"d4\", \"a1\"]")});
        QCOMPARE(result.action, DesktopParse::Action::Run);
        QCOMPARE(result.options.taskIds,
                 (QStringList {QStringLiteral("2c9180858b3d4e5f"), QStringLiteral("a1"), QStringLiteral("b2"),
                               QStringLiteral("c3"), QStringLiteral("d4")}));
        QVERIFY(result.options.minimized);
        // Ids after the options' end marker, too.
        QCOMPARE(parse({QStringLiteral("--"), QStringLiteral("x9")}).options.taskIds,
                 QStringList {QStringLiteral("x9")});
        QVERIFY(parse({QStringLiteral("--help")}).message.contains(QLatin1String("ID...")));
    }

    void helpAndVersion()
    {
        const DesktopParse help = parse({QStringLiteral("--help")});
        QCOMPARE(help.action, DesktopParse::Action::Help);
        for (const char *option : {"--demo", "--minimized", "--base-url", "--client-id", "--api-version",
                                   "--poll-interval", "--watch-list", "--palette", "--select", "--screenshot"})
            QVERIFY2(help.message.contains(QLatin1String(option)), option);
        QVERIFY(help.message.contains(QLatin1String("SAIL_CLIENT_SECRET")));
        QVERIFY(!help.message.contains(QLatin1String("--client-secret")));
        QCOMPARE(parse({QStringLiteral("-h")}).action, DesktopParse::Action::Help);
        QCOMPARE(parse({QStringLiteral("--version")}).action, DesktopParse::Action::Version);
        QCOMPARE(parse({QStringLiteral("-v")}).action, DesktopParse::Action::Version);
    }

    void everyOption()
    {
        const DesktopParse result =
                parse({QStringLiteral("--minimized"), QStringLiteral("--base-url"),
                       QStringLiteral("https://acme.api.identitynow.com"), QStringLiteral("--client-id"),
                       QStringLiteral(" 2c918084 "), QStringLiteral("--api-version"), QStringLiteral("V2026"),
                       QStringLiteral("--poll-interval"), QStringLiteral("17"), QStringLiteral("--watch-list"),
                       QStringLiteral("/tmp/list.json"), QStringLiteral("--palette"), QStringLiteral("dark"),
                       QStringLiteral("--select"), QStringLiteral("2c9180858b3d4e5f018b3e7a1f2d0c41"),
                       QStringLiteral("--screenshot"), QStringLiteral("/tmp/shot.png")},
                      secretEnvironment());
        QCOMPARE(result.action, DesktopParse::Action::Run);
        const DesktopOptions &options = result.options;
        QVERIFY(options.minimized);
        QVERIFY(options.hasConnectionOverride());
        QCOMPARE(options.baseUrl, QUrl(QStringLiteral("https://acme.api.identitynow.com")));
        QCOMPARE(options.clientId, QStringLiteral("2c918084"));
        QCOMPARE(options.clientSecret, QStringLiteral("from-the-environment"));
        QCOMPARE(options.apiVersion, ApiVersion::V2026);
        QCOMPARE(options.pollIntervalSeconds, 17);
        QCOMPARE(options.watchListPath, QStringLiteral("/tmp/list.json"));
        QCOMPARE(options.palette, DesktopOptions::Palette::Dark);
        QCOMPARE(options.selectId, QStringLiteral("2c9180858b3d4e5f018b3e7a1f2d0c41"));
        QCOMPARE(options.screenshotPath, QStringLiteral("/tmp/shot.png"));

        QCOMPARE(
                parse({QStringLiteral("--demo"), QStringLiteral("--palette"), QStringLiteral("Light")}).options.palette,
                DesktopOptions::Palette::Light);
        QVERIFY(parse({QStringLiteral("--demo")}).options.demo);
    }

    void theSecretComesOnlyWithAConnectionAndOnlyFromTheEnvironment()
    {
        // Without --base-url the environment's secret is not taken: the keychain's profile secret is used.
        QVERIFY(parse({}, secretEnvironment()).options.clientSecret.isEmpty());
        const DesktopParse flag = parse({QStringLiteral("--client-secret"), QStringLiteral("x")});
        QCOMPARE(flag.action, DesktopParse::Action::Error);
        QVERIFY(flag.message.contains(QLatin1String("client-secret")));
        // Loopback may be plain http (the simulated tenant), nothing else may.
        const DesktopParse loopback = parse({QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:8777"),
                                             QStringLiteral("--client-id"), QStringLiteral("demo")});
        QCOMPARE(loopback.action, DesktopParse::Action::Run);
        QVERIFY(loopback.options.clientSecret.isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("url without id") << QStringList {QStringLiteral("--base-url"), QStringLiteral("https://a.b")}
                                        << QStringLiteral("go together");
        QTest::newRow("id without url") << QStringList {QStringLiteral("--client-id"), QStringLiteral("x")}
                                        << QStringLiteral("go together");
        QTest::newRow("plain http") << QStringList {QStringLiteral("--base-url"), QStringLiteral("http://acme.example"),
                                                    QStringLiteral("--client-id"), QStringLiteral("x")}
                                    << QStringLiteral("https://");
        QTest::newRow("demo and url") << QStringList {QStringLiteral("--demo"), QStringLiteral("--base-url"),
                                                      QStringLiteral("https://a.b"), QStringLiteral("--client-id"),
                                                      QStringLiteral("x")}
                                      << QStringLiteral("--demo");
        QTest::newRow("version") << QStringList {QStringLiteral("--api-version"), QStringLiteral("v3")}
                                 << QStringLiteral("v2025");
        QTest::newRow("interval 0") << QStringList {QStringLiteral("--poll-interval"), QStringLiteral("0")}
                                    << QStringLiteral("1 to 300");
        QTest::newRow("interval text") << QStringList {QStringLiteral("--poll-interval"), QStringLiteral("often")}
                                       << QStringLiteral("1 to 300");
        QTest::newRow("palette") << QStringList {QStringLiteral("--palette"), QStringLiteral("blue")}
                                 << QStringLiteral("light or dark");
        QTest::newRow("select") << QStringList {QStringLiteral("--select"), QStringLiteral("a\"b")}
                                << QStringLiteral("--select");
        QTest::newRow("not an id") << QStringList {QStringLiteral("ok1"), QStringLiteral("a\"b")}
                                   << QStringLiteral("not a task id");
        QTest::newRow("too long an id") << QStringList {QString(65, u'a')} << QStringLiteral("64");
        QTest::newRow("unknown") << QStringList {QStringLiteral("--colour")} << QStringLiteral("colour");
        QTest::newRow("screenshot part") << QStringList {QStringLiteral("--screenshot"), QStringLiteral("/tmp/a.png"),
                                                         QStringLiteral("--screenshot-of"), QStringLiteral("tray")}
                                         << QStringLiteral("clear-dialog");
        QTest::newRow("part without screenshot")
                << QStringList {QStringLiteral("--screenshot-of"), QStringLiteral("details")}
                << QStringLiteral("with --screenshot");
    }

    void screenshotParts()
    {
        const auto of = [](const char *part) {
            return parse({QStringLiteral("--screenshot"), QStringLiteral("/tmp/a.png"),
                          QStringLiteral("--screenshot-of"), QLatin1String(part)})
                    .options.screenshotOf;
        };
        QCOMPARE(parse({QStringLiteral("--screenshot"), QStringLiteral("/tmp/a.png")}).options.screenshotOf,
                 DesktopOptions::ScreenshotOf::Window);
        QCOMPARE(of("window"), DesktopOptions::ScreenshotOf::Window);
        QCOMPARE(of("details"), DesktopOptions::ScreenshotOf::Details);
        QCOMPARE(of("message"), DesktopOptions::ScreenshotOf::Message);
        QCOMPARE(of("Clear-Dialog"), DesktopOptions::ScreenshotOf::ClearDialog);
        QVERIFY(parse({QStringLiteral("--help")}).message.contains(QLatin1String("--screenshot-of")));
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const DesktopParse result = parse(arguments);
        QCOMPARE(result.action, DesktopParse::Action::Error);
        QVERIFY2(result.message.contains(mentions), qPrintable(result.message));
    }
};

QTEST_GUILESS_MAIN(TestDesktopOptions)
#include "tst_desktopoptions.moc"

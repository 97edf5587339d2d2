#include "sim/TaskListFilter.h"

#include <QTest>

Q_DECLARE_METATYPE(ApiVersion)

class TestTaskListFilter : public QObject
{
    Q_OBJECT

private:
    static FilterSubject runningAggregation()
    {
        return FilterSubject {u"aaaa", u"src1", {}, u"CLOUD_ACCOUNT_AGGREGATION", u"QUARTZ", u"support"};
    }
    static FilterSubject finishedRefresh()
    {
        return FilterSubject {u"bbbb", {}, u"ERROR", u"IDENTITY_REFRESH", u"QPOC", u"System"};
    }

private Q_SLOTS:
    void validPerVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("conditions");
        for (ApiVersion version : ApiVersions::all()) {
            const QByteArray v = ApiVersions::name(version).toLatin1();
            QTest::addRow("%s id eq", v.constData()) << version << QStringLiteral("id eq \"aaaa\"") << 1;
            QTest::addRow("%s id in", v.constData()) << version << QStringLiteral("id in (\"a\",\"b\", \"c\")") << 1;
            QTest::addRow("%s status eq", v.constData())
                    << version << QStringLiteral("completionStatus eq \"Success\"") << 1;
            QTest::addRow("%s status in", v.constData())
                    << version << QStringLiteral("completionStatus in (\"ERROR\",\"TEMPERROR\")") << 1;
            QTest::addRow("%s type", v.constData())
                    << version << QStringLiteral("type eq \"CLOUD_ACCOUNT_AGGREGATION\"") << 1;
            QTest::addRow("%s sourceId in", v.constData()) << version << QStringLiteral("sourceId in (\"x\")") << 1;
            QTest::addRow("%s and", v.constData())
                    << version << QStringLiteral("  type in (\"A\")   and sourceId eq \"s\" and id eq \"i\" ") << 3;
            QTest::addRow("%s blank", v.constData()) << version << QStringLiteral("   ") << 0;
        }
        for (ApiVersion version : {ApiVersion::V2025, ApiVersion::V2026, ApiVersion::V1})
            QTest::addRow("%s isnull", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("completionStatus isnull") << 1;
        for (ApiVersion version : {ApiVersion::V2026, ApiVersion::V1}) {
            QTest::addRow("%s launcher", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("launcher in (\"support\",\"System\")") << 1;
            QTest::addRow("%s spec example", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("type eq \"CLOUD_ACCOUNT_AGGREGATION\" and completionStatus isnull")
                    << 2;
        }
    }
    void validPerVersion()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, text);
        QFETCH(int, conditions);
        const Parsed<TaskListFilter> filter = TaskListFilter::parse(text, version);
        QVERIFY2(filter.ok(), qPrintable(filter.error().message()));
        QCOMPARE(filter->conditions.size(), conditions);
    }

    void invalidPerVersion_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("named"); // what the error must mention
        for (ApiVersion version : {ApiVersion::Beta, ApiVersion::V2024})
            QTest::addRow("%s isnull", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("completionStatus isnull") << QStringLiteral("isnull");
        for (ApiVersion version : {ApiVersion::Beta, ApiVersion::V2024, ApiVersion::V2025})
            QTest::addRow("%s launcher", qPrintable(ApiVersions::name(version)))
                    << version << QStringLiteral("launcher eq \"support\"") << QStringLiteral("launcher");
        for (ApiVersion version : ApiVersions::all()) {
            const QByteArray v = ApiVersions::name(version).toLatin1();
            QTest::addRow("%s unknown field", v.constData())
                    << version << QStringLiteral("name eq \"x\"") << QStringLiteral("\"name\"");
            QTest::addRow("%s id isnull", v.constData())
                    << version << QStringLiteral("id isnull") << QStringLiteral("isnull");
            QTest::addRow("%s co", v.constData())
                    << version << QStringLiteral("id co \"x\"") << QStringLiteral("\"co\"");
            QTest::addRow("%s upper op", v.constData())
                    << version << QStringLiteral("id EQ \"x\"") << QStringLiteral("lower case");
            QTest::addRow("%s unquoted", v.constData())
                    << version << QStringLiteral("id eq abc") << QStringLiteral("double-quoted");
            QTest::addRow("%s single quotes", v.constData())
                    << version << QStringLiteral("id eq 'abc'") << QStringLiteral("double-quoted");
            QTest::addRow("%s unclosed", v.constData())
                    << version << QStringLiteral("id eq \"abc") << QStringLiteral("not closed");
            QTest::addRow("%s or", v.constData())
                    << version << QStringLiteral("id eq \"a\" or id eq \"b\"") << QStringLiteral("\"or\"");
            QTest::addRow("%s not", v.constData())
                    << version << QStringLiteral("id eq \"a\" not") << QStringLiteral("\"not\"");
            QTest::addRow("%s grouping", v.constData())
                    << version << QStringLiteral("(id eq \"a\")") << QStringLiteral("parentheses");
            QTest::addRow("%s empty in", v.constData())
                    << version << QStringLiteral("id in ()") << QStringLiteral("double-quoted");
            QTest::addRow("%s in without list", v.constData())
                    << version << QStringLiteral("id in \"a\"") << QStringLiteral("\"(\"");
            QTest::addRow("%s in unclosed", v.constData())
                    << version << QStringLiteral("id in (\"a\" \"b\")") << QStringLiteral("\")\"");
            QTest::addRow("%s dangling and", v.constData())
                    << version << QStringLiteral("id eq \"a\" and") << QStringLiteral("field name");
            QTest::addRow("%s missing op", v.constData())
                    << version << QStringLiteral("id") << QStringLiteral("operator");
            QTest::addRow("%s trailing junk", v.constData())
                    << version << QStringLiteral("id eq \"a\" \"b\"") << QStringLiteral("\"and\"");
            QTest::addRow("%s bad escape", v.constData())
                    << version << QStringLiteral("id eq \"a\\n\"") << QStringLiteral("escape");
        }
    }
    void invalidPerVersion()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QString, text);
        QFETCH(QString, named);
        const Parsed<TaskListFilter> filter = TaskListFilter::parse(text, version);
        QVERIFY(!filter.ok());
        QCOMPARE(filter.error().field, QStringLiteral("filters"));
        QVERIFY2(filter.error().reason.contains(named), qPrintable(filter.error().reason));
    }

    void unsupportedNamesWhatIsSupported()
    {
        const Parsed<TaskListFilter> filter = TaskListFilter::parse(u"launcher eq \"x\"", ApiVersion::V2025);
        QVERIFY(!filter.ok());
        QVERIFY(filter.error().reason.contains(supportedFiltersText(ApiVersion::V2025)));
        QVERIFY(filter.error().reason.contains(u"v2025"));
    }

    void supportTableMatchesSpec()
    {
        // Exactly the fields and operators each version's spec documents.
        QCOMPARE(supportedFiltersText(ApiVersion::Beta),
                 QStringLiteral("id eq|in, sourceId eq|in, completionStatus eq|in, type eq|in"));
        QCOMPARE(supportedFiltersText(ApiVersion::V2024), supportedFiltersText(ApiVersion::Beta));
        QCOMPARE(supportedFiltersText(ApiVersion::V2025),
                 QStringLiteral("id eq|in, sourceId eq|in, completionStatus eq|in|isnull, type eq|in"));
        QCOMPARE(supportedFiltersText(ApiVersion::V2026),
                 QStringLiteral("id eq|in, sourceId eq|in, completionStatus eq|in|isnull, type eq|in, launcher eq|in"));
        QCOMPARE(supportedFiltersText(ApiVersion::V1), supportedFiltersText(ApiVersion::V2026));
    }

    void parsesValuesAndEscapes()
    {
        const Parsed<TaskListFilter> filter = TaskListFilter::parse(
                u"id in (\"a\\\"b\", \"c\\\\d\",\"\") and completionStatus isnull", ApiVersion::V1);
        QVERIFY2(filter.ok(), qPrintable(filter.error().message()));
        QCOMPARE(filter->conditions.size(), 2);
        const FilterCondition expectedIds {
                FilterField::Id, FilterOperator::In, {QStringLiteral("a\"b"), QStringLiteral("c\\d"), QString()}};
        QCOMPARE(filter->conditions.at(0), expectedIds);
        const FilterCondition expectedNull {FilterField::CompletionStatus, FilterOperator::IsNull, {}};
        QCOMPARE(filter->conditions.at(1), expectedNull);
    }

    void matches_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("running"); // matches runningAggregation()
        QTest::addColumn<bool>("finished"); // matches finishedRefresh()
        QTest::newRow("no filter") << QString() << true << true;
        QTest::newRow("id eq") << QStringLiteral("id eq \"aaaa\"") << true << false;
        QTest::newRow("id is exact") << QStringLiteral("id eq \"AAAA\"") << false << false;
        QTest::newRow("id in both") << QStringLiteral("id in (\"bbbb\",\"aaaa\")") << true << true;
        QTest::newRow("isnull") << QStringLiteral("completionStatus isnull") << true << false;
        QTest::newRow("status any case") << QStringLiteral("completionStatus eq \"Error\"") << false << true;
        QTest::newRow("status in") << QStringLiteral("completionStatus in (\"SUCCESS\",\"ERROR\")") << false << true;
        QTest::newRow("type code") << QStringLiteral("type eq \"cloud_account_aggregation\"") << true << false;
        QTest::newRow("type of body") << QStringLiteral("type eq \"QPOC\"") << false << true;
        QTest::newRow("sourceId") << QStringLiteral("sourceId eq \"src1\"") << true << false;
        QTest::newRow("empty sourceId never matches") << QStringLiteral("sourceId eq \"\"") << false << false;
        QTest::newRow("launcher") << QStringLiteral("launcher in (\"System\")") << false << true;
        QTest::newRow("and narrows") << QStringLiteral("id in (\"aaaa\",\"bbbb\") and completionStatus isnull") << true
                                     << false;
        QTest::newRow("and excludes") << QStringLiteral("id eq \"aaaa\" and launcher eq \"System\"") << false << false;
    }
    void matches()
    {
        QFETCH(QString, text);
        QFETCH(bool, running);
        QFETCH(bool, finished);
        const Parsed<TaskListFilter> filter = TaskListFilter::parse(text, ApiVersion::V2026);
        QVERIFY2(filter.ok(), qPrintable(filter.error().message()));
        QCOMPARE(filter->matches(runningAggregation()), running);
        QCOMPARE(filter->matches(finishedRefresh()), finished);
    }

    void candidateIds()
    {
        QVERIFY(!TaskListFilter::parse(u"completionStatus isnull", ApiVersion::V2025)->candidateIds());
        std::optional<QStringList> ids =
                TaskListFilter::parse(u"id in (\"a\",\"b\",\"c\")", ApiVersion::V2025)->candidateIds();
        QVERIFY(ids);
        ids->sort();
        QCOMPARE(*ids, (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        ids = TaskListFilter::parse(u"id in (\"a\",\"b\") and id eq \"b\"", ApiVersion::V2025)->candidateIds();
        QCOMPARE(*ids, QStringList {QStringLiteral("b")});
        ids = TaskListFilter::parse(u"id eq \"a\" and id eq \"b\"", ApiVersion::V2025)->candidateIds();
        QVERIFY(ids && ids->isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestTaskListFilter)
#include "tst_tasklistfilter.moc"

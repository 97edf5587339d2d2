#include "client/ApiRoutes.h"
#include "client/Batching.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

const QUrl base(QStringLiteral("https://acme.api.identitynow.com"));

QString hexId(int n)
{
    return QStringLiteral("%1").arg(n, 32, 16, QLatin1Char('0'));
}

qsizetype urlLength(const QStringList &ids, ApiVersion version = ApiVersion::V2025)
{
    ApiRoutes::ListQuery query;
    query.filters = ApiRoutes::idInFilter(ids);
    return ApiRoutes::listUrl(base, version, query).toEncoded().size();
}

// Every batch within limits, the batches together are the input in order, and each batch but the last is
// as large as allowed (the next id would break a limit): greedy splitting of an ordered list is then minimal.
void verifyBatches(const QList<QStringList> &batches, const QStringList &ids, qsizetype maxIds, qsizetype maxBytes,
                   ApiVersion version = ApiVersion::V2025)
{
    QStringList joined;
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const QStringList &batch = batches.at(i);
        QVERIFY(!batch.isEmpty());
        QVERIFY(batch.size() <= maxIds);
        QVERIFY2(urlLength(batch, version) < maxBytes, qPrintable(QString::number(urlLength(batch, version))));
        joined += batch;
        if (i + 1 < batches.size()) {
            const QStringList grown = QStringList(batch) << batches.at(i + 1).first();
            QVERIFY(grown.size() > maxIds || urlLength(grown, version) >= maxBytes);
        }
    }
    QCOMPARE(joined, ids);
}

} // namespace

class TestBatching : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // What one list call holds at a URL: the split's first batch of SailPoint-length ids, fewer behind a long
    // gateway path, never none.
    void idsPerListFollowsTheUrl()
    {
        const QUrl tenant(QStringLiteral("https://acme.api.identitynow.com"));
        QCOMPARE(Batching::idsPerList(tenant, ApiVersion::V2025), 197); // urlLimitSplitsRealIds says why
        const QUrl longPath(QStringLiteral("https://gateway.example.com/") + QString(4000, u'p'));
        QVERIFY(Batching::idsPerList(longPath, ApiVersion::V2025) < Batching::idsPerList(tenant, ApiVersion::V2025));
        const QUrl tooLong(QStringLiteral("https://gateway.example.com/") + QString(9000, u'p'));
        QCOMPARE(Batching::idsPerList(tooLong, ApiVersion::V2025), 1);
    }

    void empty() { QVERIFY(Batching::splitForList({}, base, ApiVersion::V2025).isEmpty()); }

    void fewIdsOneBatch()
    {
        const QStringList ids {hexId(1), hexId(2), hexId(3)};
        const auto batches = Batching::splitForList(ids, base, ApiVersion::V2025);
        QCOMPARE(batches.size(), 1);
        QCOMPARE(batches.first(), ids);
    }

    void idLimitSplitsShortIds()
    {
        QStringList ids;
        for (int i = 0; i < 600; ++i)
            ids.append(QString::number(i));
        const auto batches = Batching::splitForList(ids, base, ApiVersion::V2025);
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).size(), 250);
        QCOMPARE(batches.at(1).size(), 250);
        QCOMPARE(batches.at(2).size(), 100);
        verifyBatches(batches, ids, 250, Batching::MaxUrlBytes);
    }

    void urlLimitSplitsRealIds()
    {
        QStringList ids;
        for (int i = 0; i < 1000; ++i)
            ids.append(hexId(i));
        const auto batches = Batching::splitForList(ids, base, ApiVersion::V2025);
        // By hand: "https://acme.api.identitynow.com/v2025/task-status?limit=250&filters=" is 69 bytes; the
        // filter id in ("…","…") percent-encoded is 13 bytes (id%20in%20%28 … %29) and 41 per id (%22, the 32
        // characters, %22, and %2C between two). Under 8,192 bytes: 82 + 41 × 197 = 8,159; 198 would be 8,200.
        const qsizetype fits = 197;
        QCOMPARE(urlLength(ids.mid(0, fits)), 82 + 41 * fits); // the arithmetic, against one real URL
        QCOMPARE(batches.size(), (ids.size() + fits - 1) / fits);
        verifyBatches(batches, ids, 250, Batching::MaxUrlBytes);
    }

    void mixedLengthsAndVersions_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<int>("maxBytes");
        QTest::newRow("v2025 8KiB") << ApiVersion::V2025 << 8192;
        QTest::newRow("v1 8KiB") << ApiVersion::V1 << 8192;
        QTest::newRow("beta 2KiB") << ApiVersion::Beta << 2048;
        QTest::newRow("v2024 300B") << ApiVersion::V2024 << 300;
    }
    void mixedLengthsAndVersions()
    {
        QFETCH(ApiVersion, version);
        QFETCH(int, maxBytes);
        QRandomGenerator random(42);
        QStringList ids;
        for (int i = 0; i < 700; ++i)
            ids.append(QString(random.bounded(1, 65), QLatin1Char("abcXYZ09_-"[i % 10])) + QString::number(i));
        for (QString &id : ids)
            id = id.left(64);
        const auto batches = Batching::splitForList(ids, base, version, 250, maxBytes);
        verifyBatches(batches, ids, 250, maxBytes, version);
    }

    void smallerIdLimit()
    {
        QStringList ids;
        for (int i = 0; i < 7; ++i)
            ids.append(hexId(i));
        const auto batches = Batching::splitForList(ids, base, ApiVersion::V2025, 3);
        QCOMPARE(batches.size(), 3);
        verifyBatches(batches, ids, 3, Batching::MaxUrlBytes);
    }

    void listUrlLengthMatchesRoutes()
    {
        const QStringList ids {hexId(5), hexId(6)};
        QCOMPARE(Batching::listUrlLength(ids, base, ApiVersion::V2026), urlLength(ids, ApiVersion::V2026));
    }

    void planBatched_data()
    {
        QTest::addColumn<ApiVersion>("version");
        QTest::addColumn<QStringList>("expectedList");
        QTest::addColumn<QStringList>("expectedSingle");
        // u: never seen, r: last seen running, f: last seen finished (a refresh now), m: last seen missing (404)
        const QStringList all {QStringLiteral("u"), QStringLiteral("r"), QStringLiteral("f")};
        const QStringList missing {QStringLiteral("m")};
        QTest::newRow("beta") << ApiVersion::Beta << QStringList {QStringLiteral("u"), QStringLiteral("f")}
                              << QStringList {QStringLiteral("r"), QStringLiteral("m")};
        QTest::newRow("v2024") << ApiVersion::V2024 << QStringList {QStringLiteral("u"), QStringLiteral("f")}
                               << QStringList {QStringLiteral("r"), QStringLiteral("m")};
        QTest::newRow("v2025") << ApiVersion::V2025 << all << missing;
        QTest::newRow("v2026") << ApiVersion::V2026 << all << missing;
        QTest::newRow("v1") << ApiVersion::V1 << all << missing;
    }
    void planBatched()
    {
        QFETCH(ApiVersion, version);
        QFETCH(QStringList, expectedList);
        QFETCH(QStringList, expectedSingle);
        const QList<Batching::DueTask> due {{QStringLiteral("u"), false, false},
                                            {QStringLiteral("r"), true, false},
                                            {QStringLiteral("f"), false, false},
                                            {QStringLiteral("m"), false, true}};
        const Batching::FetchPlan plan = Batching::planFetch(due, version, Batching::FetchMode::Batched);
        QCOMPARE(plan.listIds, expectedList);
        QCOMPARE(plan.singleIds, expectedSingle);
    }

    void planPerId()
    {
        const QList<Batching::DueTask> due {{QStringLiteral("u"), false}, {QStringLiteral("r"), true}};
        const Batching::FetchPlan plan = Batching::planFetch(due, ApiVersion::V2025, Batching::FetchMode::PerId);
        QVERIFY(plan.listIds.isEmpty());
        QCOMPARE(plan.singleIds, (QStringList {QStringLiteral("u"), QStringLiteral("r")}));
    }
};

QTEST_GUILESS_MAIN(TestBatching)
#include "tst_batching.moc"

// The desktop's settings table: defaults, round trips, clamping of hand-edited values, and profiles in the
// format taskwatch-cli --profile reads.

#include "app/desktop/DesktopSettings.h"
#include "client/ProfileStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestDesktopSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    static ConnectionProfile acme()
    {
        ConnectionProfile profile;
        profile.name = QStringLiteral("Acme prod");
        profile.baseUrl = QUrl(QStringLiteral("https://acme.api.identitynow.com"));
        profile.apiVersion = ApiVersion::V2026;
        profile.clientId = QStringLiteral("2c918084");
        profile.caFile = QStringLiteral("/etc/ssl/proxy.pem");
        return profile;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }

    void cleanup() { m_settings.reset(); }

    void defaultsComeFromTheTable()
    {
        const DesktopSettings settings(*m_settings);
        QCOMPARE(settings.preferences(), Preferences {});
        QCOMPARE(settings.currentProfile(), QString());
        QVERIFY(settings.profiles().isEmpty());
        QCOMPARE(DesktopSettings::defaultValue(DesktopSettings::Key::PollIntervalSeconds).toInt(),
                 Preferences::DefaultPollIntervalSeconds);
        QCOMPARE(DesktopSettings::defaultValue(DesktopSettings::Key::NotifyFailed).toBool(), true);
        // Every key has a name of its own.
        QSet<QString> names;
        for (int key = 0; key <= int(DesktopSettings::Key::StartMinimized); ++key)
            names.insert(DesktopSettings::keyName(DesktopSettings::Key(key)));
        QCOMPARE(names.size(), int(DesktopSettings::Key::StartMinimized) + 1);
        QVERIFY(m_settings->allKeys().isEmpty()); // reading writes nothing
    }

    void preferencesRoundTrip()
    {
        DesktopSettings settings(*m_settings);
        Preferences preferences;
        preferences.pollIntervalSeconds = 42;
        preferences.budgetShare = 20;
        preferences.stallMinutes = 45;
        preferences.notify.stalled = false;
        preferences.notify.started = true;
        preferences.notify.failed = false;
        preferences.notify.maxPerMinute = 7;
        preferences.startMinimized = true;
        preferences.showQueueDepth = true;
        preferences.launchAtLogin = true; // not stored: it mirrors the autostart entry
        settings.setPreferences(preferences);
        m_settings->sync();

        QSettings reread(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Preferences expected = preferences;
        expected.launchAtLogin = false;
        QCOMPARE(DesktopSettings(reread).preferences(), expected);
        QCOMPARE(reread.value(QStringLiteral("preferences/pollIntervalSeconds")).toInt(), 42);
        QCOMPARE(reread.value(QStringLiteral("preferences/budgetSharePercent")).toInt(), 20);

        // Back to the defaults: the keys go, so a later change of a default applies.
        settings.setPreferences(Preferences {});
        QVERIFY(m_settings->allKeys().isEmpty());
    }

    void handEditedValuesAreClamped()
    {
        m_settings->setValue(DesktopSettings::keyName(DesktopSettings::Key::PollIntervalSeconds), 0);
        m_settings->setValue(DesktopSettings::keyName(DesktopSettings::Key::NotifyMaxPerMinute), 100000);
        m_settings->setValue(DesktopSettings::keyName(DesktopSettings::Key::BudgetShare), 500);
        const Preferences preferences = DesktopSettings(*m_settings).preferences();
        QCOMPARE(preferences.budgetShare, 100);
        m_settings->setValue(DesktopSettings::keyName(DesktopSettings::Key::StallMinutes), 0);
        QCOMPARE(DesktopSettings(*m_settings).preferences().stallMinutes, 1);
        QCOMPARE(preferences.pollIntervalSeconds, Preferences::MinPollIntervalSeconds);
        QCOMPARE(preferences.notify.maxPerMinute, 60);
        m_settings->setValue(DesktopSettings::keyName(DesktopSettings::Key::PollIntervalSeconds), QStringLiteral("x"));
        QCOMPARE(DesktopSettings(*m_settings).preferences().pollIntervalSeconds, Preferences::MinPollIntervalSeconds);
    }

    void profilesAreSharedWithTheCli()
    {
        DesktopSettings settings(*m_settings);
        ConnectionProfile other = acme();
        other.name = QStringLiteral("beta tenant");
        other.apiVersion = ApiVersion::Beta;
        other.caFile.clear();
        settings.setProfiles({acme(), other});
        settings.setCurrentProfile(acme().name);

        QCOMPARE(settings.profiles(), (QList<ConnectionProfile> {acme(), other})); // by name, ignoring case
        QCOMPARE(settings.profile(QStringLiteral("Acme prod")), acme());
        QVERIFY(!settings.profile(QStringLiteral("missing")));
        QVERIFY(!settings.profile(QString()));
        QCOMPARE(settings.currentProfile(), QStringLiteral("Acme prod"));

        // What taskwatch-cli --profile reads: profiles/<name>/...
        const ConnectionProfile cli = ProfileStore::read(*m_settings, QStringLiteral("Acme prod"));
        QCOMPARE(cli, acme());
        QCOMPARE(m_settings->value(QStringLiteral("profiles/Acme prod/apiVersion")).toString(),
                 QStringLiteral("v2026"));

        // Replacing the list removes and renames.
        ConnectionProfile renamed = acme();
        renamed.name = QStringLiteral("Acme EU");
        settings.setProfiles({renamed});
        QCOMPARE(settings.profiles(), QList<ConnectionProfile> {renamed});
        QVERIFY(!m_settings->contains(QStringLiteral("profiles/beta tenant/baseUrl")));
    }

    void applyChangesWritesOnlyWhatTheDialogChanged()
    {
        DesktopSettings settings(*m_settings);
        const auto named = [](const QString &name, const QString &clientId) {
            ConnectionProfile profile = acme();
            profile.name = name;
            profile.clientId = clientId;
            return profile;
        };
        const ConnectionProfile kept = named(QStringLiteral("kept"), QStringLiteral("k"));
        const ConnectionProfile edited = named(QStringLiteral("edited"), QStringLiteral("e1"));
        const ConnectionProfile removed = named(QStringLiteral("removed"), QStringLiteral("r"));
        const ConnectionProfile renamedFrom = named(QStringLiteral("old name"), QStringLiteral("n"));
        settings.setProfiles({kept, edited, removed, renamedFrom});
        settings.setCurrentProfile(kept.name);
        Preferences preferences;
        preferences.pollIntervalSeconds = 30;
        settings.setPreferences(preferences);
        const DesktopSettings::Snapshot before = settings.snapshot();

        // Meanwhile another writer (taskwatch-cli login) adds a profile, edits "kept", picks a poll interval.
        const ConnectionProfile added = named(QStringLiteral("from the cli"), QStringLiteral("c"));
        ProfileStore::write(*m_settings, added);
        ConnectionProfile keptByCli = kept;
        keptByCli.clientId = QStringLiteral("k2");
        ProfileStore::write(*m_settings, keptByCli);
        settings.setValue(DesktopSettings::Key::NotifyMaxPerMinute, 9);

        // The dialog: edits one, removes one, renames one, adds one, changes the current and one preference.
        DesktopSettings::Snapshot after = before;
        after.profiles = {kept, named(QStringLiteral("edited"), QStringLiteral("e2")),
                          named(QStringLiteral("new name"), QStringLiteral("n")),
                          named(QStringLiteral("typed"), QStringLiteral("t"))};
        after.current = QStringLiteral("typed");
        after.preferences.startMinimized = true;
        settings.applyChanges(before, after);

        QStringList names;
        for (const ConnectionProfile &profile : settings.profiles())
            names.append(profile.name);
        QCOMPARE(names,
                 (QStringList {QStringLiteral("edited"), QStringLiteral("from the cli"), QStringLiteral("kept"),
                               QStringLiteral("new name"), QStringLiteral("typed")}));
        QCOMPARE(settings.profile(QStringLiteral("edited"))->clientId, QStringLiteral("e2"));
        QCOMPARE(settings.profile(QStringLiteral("kept"))->clientId, QStringLiteral("k2")); // untouched in the dialog
        QCOMPARE(settings.profile(QStringLiteral("from the cli")), added);
        QCOMPARE(settings.currentProfile(), QStringLiteral("typed"));
        QVERIFY(settings.preferences().startMinimized);
        QCOMPARE(settings.preferences().pollIntervalSeconds, 30);
        QCOMPARE(settings.preferences().notify.maxPerMinute, 9); // the other writer's, not the dialog's default

        // Nothing changed in the dialog: nothing written, whatever the file holds now.
        settings.setCurrentProfile(QStringLiteral("kept"));
        const DesktopSettings::Snapshot now = settings.snapshot();
        settings.setCurrentProfile(QStringLiteral("edited"));
        settings.applyChanges(now, now);
        QCOMPARE(settings.currentProfile(), QStringLiteral("edited"));
    }

    void storeKeepsEveryField()
    {
        // The one reader/writer of "profiles": what it writes it reads back, field for field.
        ProfileStore::write(*m_settings, acme());
        QVERIFY(ProfileStore::exists(*m_settings, acme().name));
        QCOMPARE(ProfileStore::names(*m_settings), QStringList {acme().name});
        QCOMPARE(ProfileStore::read(*m_settings, acme().name), acme());
        ProfileStore::remove(*m_settings, acme().name);
        QVERIFY(!ProfileStore::exists(*m_settings, acme().name));
        QVERIFY(ProfileStore::names(*m_settings).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDesktopSettings)
#include "tst_desktopsettings.moc"

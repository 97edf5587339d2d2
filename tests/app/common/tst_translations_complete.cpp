#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

// German stays complete: lupdate over the sources (the same list and options as the update_translations
// target) into a copy of translations/taskwatch_de.ts finds no string without a German translation, and every
// translation keeps the placeholders (%1, %n) of its source. Run `cmake --build build --target
// update_translations`, translate what it marks unfinished, and this passes again.
class TestTranslationsComplete : public QObject
{
    Q_OBJECT
private:
    struct Entry
    {
        QString context;
        QString source;
        bool unfinished = false;
        QStringList translations; // one, or one per plural form
    };

    static QList<Entry> read(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        QList<Entry> entries;
        QXmlStreamReader xml(&file);
        QString context;
        Entry entry;
        QString text; // of a translation without plural forms (entities may split it into several tokens)
        bool inTranslation = false;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == u"name") {
                    context = xml.readElementText();
                } else if (xml.name() == u"message") {
                    entry = Entry {context, {}, false, {}};
                } else if (xml.name() == u"source") {
                    entry.source = xml.readElementText();
                } else if (xml.name() == u"translation") {
                    entry.unfinished = xml.attributes().value(QLatin1String("type")) == u"unfinished";
                    inTranslation = true;
                    text.clear();
                } else if (xml.name() == u"numerusform") {
                    entry.translations.append(xml.readElementText());
                }
            } else if (xml.isCharacters() && inTranslation) {
                text += xml.text();
            } else if (xml.isEndElement() && xml.name() == u"translation") {
                inTranslation = false;
                if (entry.translations.isEmpty())
                    entry.translations.append(text);
            } else if (xml.isEndElement() && xml.name() == u"message") {
                entries.append(entry);
            }
        }
        if (xml.hasError())
            qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
        return entries;
    }

    static QSet<QString> placeholders(const QString &text)
    {
        static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
        QSet<QString> found;
        for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
            found.insert(match.captured());
        return found;
    }

private Q_SLOTS:
    void everySourceStringHasAGermanTranslation()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("taskwatch_de.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TASKWATCH_TS_FILE), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(TASKWATCH_LUPDATE),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-no-obsolete"),
                       QStringLiteral("@" TASKWATCH_I18N_SOURCES), QStringLiteral("-ts"), copy});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        const QList<Entry> entries = read(copy);
        QVERIFY(entries.size() > 300); // the sources were found
        QStringList problems;
        for (const Entry &entry : entries) {
            const QString where = entry.context + QStringLiteral(": \"") + entry.source + u'"';
            if (entry.unfinished || entry.translations.join(QString()).trimmed().isEmpty()) {
                problems.append(QStringLiteral("no translation: ") + where);
                continue;
            }
            for (const QString &translation : entry.translations) {
                if (translation.trimmed().isEmpty() && !entry.source.trimmed().isEmpty())
                    problems.append(QStringLiteral("empty translation: ") + where);
                else if (placeholders(translation) != placeholders(entry.source))
                    problems.append(QStringLiteral("placeholders differ: ") + where + QStringLiteral(" -> \"")
                                    + translation + u'"');
            }
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 of %2 strings need work in translations/taskwatch_de.ts (run the "
                                           "update_translations target, then translate):\n")
                                    .arg(problems.size())
                                    .arg(entries.size())
                            + problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "tst_translations_complete.moc"

#include "SaveLeftovers.h"

#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace SaveLeftovers {

namespace {
// The journal's last line: a journal cut short by a kill lists nothing for certain, and then no save had
// started yet either (the journal is complete before QSaveFile opens).
constexpr QByteArrayView EndLine = "end\n";
} // namespace

QString journalPath(const QString &filePath)
{
    return filePath + QStringLiteral(".save-journal");
}

QStringList candidates(const QString &filePath)
{
    const QFileInfo info(filePath);
    static const QRegularExpression suffix(QStringLiteral("^\\.[A-Za-z0-9]{6}$"));
    QStringList result;
    const QStringList names =
            info.dir().entryList({info.fileName() + QStringLiteral(".??????")}, QDir::Files | QDir::Hidden);
    for (const QString &name : names) {
        if (suffix.match(QStringView(name).mid(info.fileName().size())).hasMatch())
            result.append(name);
    }
    return result;
}

bool begin(const QString &filePath)
{
    QFile journal(journalPath(filePath));
    if (!journal.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        qCWarning(lcWatchlist) << "could not write" << journal.fileName() << journal.errorString();
        return false;
    }
    QByteArray text;
    for (const QString &name : candidates(filePath))
        text += name.toUtf8() + '\n';
    text += EndLine.toByteArray();
    return journal.write(text) == text.size() && journal.flush();
}

void end(const QString &filePath)
{
    QFile::remove(journalPath(filePath));
}

QStringList removeInterrupted(const QString &filePath)
{
    QFile journal(journalPath(filePath));
    if (!journal.open(QIODevice::ReadOnly))
        return {}; // no save was interrupted: every such name is someone else's
    const QByteArray text = journal.readAll();
    journal.close();
    QStringList removed;
    if (text.endsWith(EndLine.toByteArray())) {
        const QList<QByteArray> before = text.chopped(EndLine.size()).split('\n');
        const QDir dir = QFileInfo(filePath).dir();
        for (const QString &name : candidates(filePath)) {
            if (before.contains(name.toUtf8()))
                continue;
            if (QFile::remove(dir.filePath(name))) {
                qCInfo(lcWatchlist) << "removed" << name << "left by an interrupted save";
                removed.append(name);
            }
        }
    }
    QFile::remove(journal.fileName());
    return removed;
}

} // namespace SaveLeftovers

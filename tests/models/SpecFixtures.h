#pragma once

// The JSON fixtures under tests/data/spec/, copied from the SailPoint OpenAPI examples (see tests/data/README.md).

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace SpecFixtures {

inline QString dataDir()
{
    return QStringLiteral(TASKWATCH_TEST_DATA);
}

inline QString specDir()
{
    return dataDir() + QStringLiteral("/spec");
}

// Paths relative to tests/data/spec/, sorted, of every fixture whose file name matches `nameFilter`.
inline QStringList list(const QString &nameFilter)
{
    QStringList found;
    QDirIterator it(specDir(), {nameFilter}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(QDir(specDir()).relativeFilePath(it.next()));
    found.sort();
    return found;
}

inline QByteArray bytes(const QString &relativePath)
{
    QFile file(specDir() + u'/' + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// The fixture read on its own with QJsonDocument, independently of the parsers under test.
inline QJsonValue json(const QString &relativePath)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes(relativePath), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s is not JSON: %s", qPrintable(relativePath), qPrintable(error.errorString()));
    return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
}

// The versions the spec extracts cover, as folder names under tests/data/spec/.
inline const QStringList &versions()
{
    static const QStringList all = {QStringLiteral("beta"), QStringLiteral("v2024"), QStringLiteral("v2025"),
                                    QStringLiteral("v2026"), QStringLiteral("v1")};
    return all;
}

} // namespace SpecFixtures

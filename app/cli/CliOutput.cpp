#include "CliOutput.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace CliOutput {

namespace {

QString percentText(const SharedStatus &status)
{
    return status && status->percentComplete ? QStringLiteral("%1%").arg(*status->percentComplete)
                                             : QStringLiteral("-");
}

QString oneLine(const QString &text, qsizetype max)
{
    QString line = text.simplified();
    if (line.size() > max)
        line = line.left(max - 1) + QStringLiteral("…");
    return line;
}

QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (widths.size() <= c)
                widths.append(0);
            widths[c] = std::max(widths[c], row.at(c).size());
        }
    }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c)
            line += c + 1 < row.size() ? row.at(c).leftJustified(widths.at(c) + 2) : row.at(c);
        out += QString(line).trimmed() + u'\n';
    }
    return out;
}

const QStringList header {QStringLiteral("ID"), QStringLiteral("STATE"), QStringLiteral("%"), QStringLiteral("NAME"),
                          QStringLiteral("PROGRESS")};

} // namespace

QString taskTable(const QList<WatchedTask> &tasks)
{
    QList<QStringList> rows {header};
    for (const WatchedTask &task : tasks) {
        const QString progress = task.status ? task.status->progress.value_or(QString()) : QString();
        rows.append({task.id, displayStateName(task.displayState()), percentText(task.status),
                     oneLine(task.displayName(), 60), oneLine(progress, 80)});
    }
    return table(rows);
}

QString statusTable(const QList<TaskStatus> &statuses)
{
    QList<QStringList> rows {header};
    for (const TaskStatus &status : statuses) {
        const QString state =
                status.state() == TaskState::Unknown ? status.completionStatusRaw : taskStateName(status.state());
        rows.append({status.id, state, percentText(status), oneLine(status.uniqueName, 60),
                     oneLine(status.progress.value_or(QString()), 80)});
    }
    return table(rows);
}

QByteArray jsonArray(const QList<TaskStatus> &statuses)
{
    QJsonArray array;
    for (const TaskStatus &status : statuses)
        array.append(status.raw());
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

QString progressBar(std::optional<int> percent, int width)
{
    if (!percent)
        return u'[' + QString(width, u' ') + u']';
    const int filled = std::clamp(*percent, 0, 100) * width / 100;
    return u'[' + QString(filled, u'#') + QString(width - filled, u'-') + u']';
}

QString liveLine(const WatchedTask &task, int idWidth, int maxWidth)
{
    const std::optional<int> percent = task.status ? task.status->percentComplete : std::nullopt;
    const QString detail = task.problem.isNone() ? (task.status ? task.status->progress.value_or(QString()) : QString())
                                                 : task.problem.shownMessage();
    QString line = task.id.leftJustified(idWidth) + QStringLiteral("  ")
            + displayStateName(task.displayState(), TextLanguage::UserLanguage).leftJustified(11) + progressBar(percent)
            + percentText(task.status).rightJustified(5) + QStringLiteral("  ") + task.displayName();
    if (!detail.isEmpty())
        line += QStringLiteral("  ") + detail.simplified();
    if (line.size() > maxWidth)
        line = line.left(maxWidth - 1) + QStringLiteral("…");
    return line;
}

QString changeSignature(const WatchedTask &task)
{
    return displayStateName(task.displayState()) + u'|' + percentText(task.status) + u'|'
            + (task.status ? task.status->progress.value_or(QString()) : QString()) + u'|' + task.problem.message;
}

QString changeLine(const WatchedTask &task, const QDateTime &at)
{
    QString line = at.toString(QStringLiteral("HH:mm:ss")) + u' ' + task.id + u' '
            + displayStateName(task.displayState()) + u' ' + percentText(task.status) + u' ' + task.displayName();
    const QString detail = task.problem.isNone() ? (task.status ? task.status->progress.value_or(QString()) : QString())
                                                 : task.problem.message;
    if (!detail.isEmpty())
        line += QStringLiteral(": ") + detail.simplified();
    return line;
}

QString problemLine(const WatchedTask &task)
{
    return task.id + QStringLiteral(": ") + problemText(task.problem);
}

QString problemText(const FetchProblem &problem)
{
    return problem.text(TextLanguage::UserLanguage).simplified();
}

QString keychainProblem(const QString &what, const CredentialResult &result, const QString &fallback)
{
    QString reported = result.errorString.simplified();
    if (reported.isEmpty())
        reported = QCoreApplication::translate("CliOutput", "the keychain failed");
    if (!reported.endsWith(u'.'))
        reported += u'.';
    QString line = what + QStringLiteral(": ") + reported;
    const QString remedy = keychainRemedy(result.error, result.errorString);
    if (!remedy.isEmpty())
        line += u' ' + remedy;
    if (!fallback.isEmpty())
        line += u' ' + fallback;
    return line.simplified();
}

int exitCode(CliCommand command, const QList<WatchedTask> &tasks, const ConnectionState &state, bool timedOut)
{
    auto any = [&](auto predicate) { return std::any_of(tasks.begin(), tasks.end(), predicate); };
    if (state.kind == ConnectionState::Kind::Misconfigured)
        return CliExit::Usage;
    if (state.kind == ConnectionState::Kind::AuthFailed
        || any([](const WatchedTask &t) { return t.problem.kind == FetchProblem::Kind::Auth; }))
        return CliExit::Auth;
    if (any([](const WatchedTask &t) { return t.problem.kind == FetchProblem::Kind::NotFound; }))
        return CliExit::NotFound;
    if (any([](const WatchedTask &t) { return t.problem.kind == FetchProblem::Kind::Fetch; })
        || any([](const WatchedTask &t) { return !t.status; }))
        return CliExit::Network;
    if (command == CliCommand::Wait) {
        if (any([](const WatchedTask &t) {
                const TaskState s = t.status->state();
                return isFinished(s) && s != TaskState::Success && s != TaskState::Warning;
            }))
            return CliExit::TaskFailed;
        if (timedOut || any([](const WatchedTask &t) { return !isFinished(t.status->state()); }))
            return CliExit::Timeout;
    }
    return CliExit::Ok;
}

} // namespace CliOutput

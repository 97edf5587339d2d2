#include "WatchedTask.h"

#include <algorithm>

namespace {

constexpr const char *ProblemContext = "FetchProblem";

} // namespace

QString FetchProblem::text(TextLanguage language) const
{
    const QString sentence = language == TextLanguage::English ? message : shownMessage();
    if (trackingId.isEmpty() || sentence.contains(trackingId)) // some messages name it already
        return sentence;
    return textIn(language, ProblemContext, QT_TRANSLATE_NOOP("FetchProblem", "%1 (tracking id %2)"))
            .arg(sentence, trackingId);
}

QString FetchProblem::textWithHttpStatus(TextLanguage language) const
{
    if (httpStatus <= 0)
        return text(language);
    return textIn(language, ProblemContext, QT_TRANSLATE_NOOP("FetchProblem", "HTTP %1: %2"))
            .arg(httpStatus)
            .arg(text(language));
}

QString displayStateName(DisplayState state, TextLanguage language)
{
    const char *name = QT_TRANSLATE_NOOP("DisplayState", "Pending");
    switch (state) {
    case DisplayState::Queued:
        name = QT_TRANSLATE_NOOP("DisplayState", "Queued");
        break;
    case DisplayState::Running:
        name = QT_TRANSLATE_NOOP("DisplayState", "Running");
        break;
    case DisplayState::Success:
        name = QT_TRANSLATE_NOOP("DisplayState", "Success");
        break;
    case DisplayState::Warning:
        name = QT_TRANSLATE_NOOP("DisplayState", "Warning");
        break;
    case DisplayState::Error:
        name = QT_TRANSLATE_NOOP("DisplayState", "Error");
        break;
    case DisplayState::Terminated:
        name = QT_TRANSLATE_NOOP("DisplayState", "Terminated");
        break;
    case DisplayState::TempError:
        name = QT_TRANSLATE_NOOP("DisplayState", "Temp error");
        break;
    case DisplayState::Unknown:
        name = QT_TRANSLATE_NOOP("DisplayState", "Unknown");
        break;
    case DisplayState::NotFound:
        name = QT_TRANSLATE_NOOP("DisplayState", "Not found");
        break;
    case DisplayState::FetchError:
        name = QT_TRANSLATE_NOOP("DisplayState", "Fetch error");
        break;
    case DisplayState::AuthError:
        name = QT_TRANSLATE_NOOP("DisplayState", "Auth error");
        break;
    case DisplayState::Pending:
        break;
    }
    return textIn(language, "DisplayState", name);
}

DisplayState WatchedTask::displayState() const
{
    switch (problem.kind) {
    case FetchProblem::Kind::NotFound:
        return DisplayState::NotFound;
    case FetchProblem::Kind::Auth:
        return DisplayState::AuthError;
    case FetchProblem::Kind::Fetch:
        // A finished task's outcome stays true even when a later refresh fails.
        if (!status || !isFinished(status->state()))
            return DisplayState::FetchError;
        break;
    case FetchProblem::Kind::None:
        break;
    }
    if (!status)
        return DisplayState::Pending;
    switch (status->state()) {
    case TaskState::Queued:
        return DisplayState::Queued;
    case TaskState::Running:
        return DisplayState::Running;
    case TaskState::Success:
        return DisplayState::Success;
    case TaskState::Warning:
        return DisplayState::Warning;
    case TaskState::Error:
        return DisplayState::Error;
    case TaskState::Terminated:
        return DisplayState::Terminated;
    case TaskState::TempError:
        return DisplayState::TempError;
    case TaskState::Unknown:
        break;
    }
    return DisplayState::Unknown;
}

QString WatchedTask::displayName() const
{
    if (!label.isEmpty())
        return label;
    if (status && !status->uniqueName.isEmpty())
        return status->uniqueName;
    return id;
}

QList<std::pair<QString, QStringList>> idsByLabel(const QList<WatchedTask> &tasks)
{
    QList<std::pair<QString, QStringList>> groups;
    for (const WatchedTask &task : tasks) {
        const auto group = std::find_if(groups.begin(), groups.end(),
                                        [&task](const auto &candidate) { return candidate.first == task.label; });
        if (group == groups.end())
            groups.append({task.label, {task.id}});
        else
            group->second.append(task.id);
    }
    return groups;
}

#pragma once

#include "TaskStatus.h"

#include <memory>
#include <optional>

// The last good status of a watched task, shared by every copy of the task: the engine, the watch list,
// the table and each signal hold a WatchedTask, and a TaskStatus is ~650 bytes of fields before its strings.
// At 10,000 tasks, copies of it were a fifth of the app's heap (docs/performance.md).
// Reads like std::optional<TaskStatus>; a new status is assigned whole, and edit() copies before writing.
class SharedStatus
{
public:
    SharedStatus() = default;
    SharedStatus(std::nullopt_t) { }
    SharedStatus(TaskStatus status)
        : m_status(std::make_shared<TaskStatus>(std::move(status)))
    { }

    bool has_value() const { return m_status != nullptr; }
    explicit operator bool() const { return has_value(); }
    const TaskStatus &operator*() const { return *m_status; }
    const TaskStatus *operator->() const { return m_status.get(); }
    void reset() { m_status.reset(); }

    // A status of this copy's own to change (tests and fixtures); the other copies keep theirs.
    TaskStatus &edit()
    {
        if (m_status.use_count() > 1)
            m_status = std::make_shared<TaskStatus>(*m_status);
        return *m_status;
    }

private:
    std::shared_ptr<TaskStatus> m_status;
};

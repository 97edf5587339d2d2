#include "FilterBar.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QToolButton>

namespace {

QString filterTitle(StateFilter filter)
{
    switch (filter) {
    case StateFilter::All:
        return FilterBar::tr("&All");
    case StateFilter::Running:
        return FilterBar::tr("&Running");
    case StateFilter::Failed:
        return FilterBar::tr("&Failed");
    case StateFilter::Succeeded:
        break;
    }
    return FilterBar::tr("&Succeeded");
}

int countFor(StateFilter filter, const StatusSummary &summary)
{
    int count = 0;
    for (const DisplayState state : allDisplayStates()) {
        if (matchesStateFilter(state, filter))
            count += summary.count(state);
    }
    return count;
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
    , m_search(new QLineEdit(this))
{
    setObjectName(QStringLiteral("filterBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(addButton(StateFilter::All, "filterAll"));
    layout->addWidget(addButton(StateFilter::Running, "filterRunning"));
    layout->addWidget(addButton(StateFilter::Failed, "filterFailed"));
    layout->addWidget(addButton(StateFilter::Succeeded, "filterSucceeded"));
    layout->addSpacing(12);
    layout->addWidget(m_search, 1);

    m_group->setExclusive(true);
    m_group->button(int(StateFilter::All))->setChecked(true);
    m_group->button(int(StateFilter::Failed))->setToolTip(tr("Error, temp error and terminated tasks"));
    m_group->button(int(StateFilter::Succeeded))->setToolTip(tr("Tasks that succeeded, with or without warnings"));
    m_group->button(int(StateFilter::Running))->setToolTip(tr("Queued and running tasks"));
    updateTexts(StatusSummary());

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search names, ids, targets and messages (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search tasks"));
    m_search->installEventFilter(this);

    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            Q_EMIT stateFilterChanged(static_cast<StateFilter>(id));
    });
    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::searchTextChanged);
}

QToolButton *FilterBar::addButton(StateFilter filter, const char *objectName)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QLatin1String(objectName));
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_group->addButton(button, int(filter));
    return button;
}

StateFilter FilterBar::stateFilter() const
{
    return static_cast<StateFilter>(m_group->checkedId());
}

QString FilterBar::searchText() const
{
    return m_search->text();
}

void FilterBar::setStateFilter(StateFilter filter)
{
    m_group->button(int(filter))->setChecked(true);
}

void FilterBar::setCounts(const StatusSummary &summary)
{
    updateTexts(summary);
}

void FilterBar::updateTexts(const StatusSummary &summary)
{
    for (const StateFilter filter :
         {StateFilter::All, StateFilter::Running, StateFilter::Failed, StateFilter::Succeeded}) {
        QAbstractButton *button = m_group->button(int(filter));
        button->setText(tr("%1 (%2)").arg(filterTitle(filter)).arg(countFor(filter, summary)));
    }
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

bool FilterBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        m_search->clear();
        Q_EMIT escapePressed();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

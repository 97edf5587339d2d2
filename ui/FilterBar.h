#pragma once

#include "StatusSummary.h"
#include "TaskFilter.h"

#include <QWidget>

class QButtonGroup;
class QLineEdit;
class QToolButton;

// All / Running / Failed / Succeeded, with counts, plus the text search. Escape in the search clears it
// and hands focus back (escapePressed), so the table is one key away.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    StateFilter stateFilter() const;
    QString searchText() const;
    QLineEdit *searchEdit() const { return m_search; }

public Q_SLOTS:
    void setStateFilter(StateFilter filter);
    void setCounts(const StatusSummary &summary);
    void focusSearch();

Q_SIGNALS:
    void stateFilterChanged(StateFilter filter);
    void searchTextChanged(const QString &text);
    void escapePressed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QToolButton *addButton(StateFilter filter, const char *objectName);
    void updateTexts(const StatusSummary &summary);

    QButtonGroup *m_group;
    QLineEdit *m_search;
};

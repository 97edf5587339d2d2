#include "PreferencesTab.h"

#include "Autostart.h"
#include "FormLabels.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

PreferencesTab::PreferencesTab(QWidget *parent)
    : QWidget(parent)
{
    m_launchSupported = Autostart::isSupported();

    m_pollSpin = new QSpinBox(this);
    m_pollSpin->setObjectName(QStringLiteral("pollInterval"));
    m_pollSpin->setRange(Preferences::MinPollIntervalSeconds, Preferences::MaxPollIntervalSeconds);
    m_pollSpin->setSuffix(tr(" s"));
    m_pollSpin->setAccessibleDescription(tr("The longest a watched task waits between checks, in seconds"));
    auto *pollLabel = new QLabel(tr("Chec&k at least every:"), this);
    pollLabel->setBuddy(m_pollSpin);
    auto *pollRow = new QHBoxLayout;
    pollRow->addWidget(pollLabel);
    pollRow->addWidget(m_pollSpin);
    pollRow->addWidget(new QLabel(tr("(a task that moves is checked about once a second)"), this), 1);
    m_shareSpin = new QSpinBox(this);
    m_shareSpin->setObjectName(QStringLiteral("budgetShare"));
    m_shareSpin->setRange(1, 100);
    m_shareSpin->setSuffix(tr(" %"));
    m_shareSpin->setAccessibleDescription(tr("The part of the tenant's rate limit Taskwatch may use, in percent"));
    auto *shareLabel = new QLabel(tr("Use at m&ost:"), this);
    shareLabel->setBuddy(m_shareSpin);
    auto *shareRow = new QHBoxLayout;
    shareRow->addWidget(shareLabel);
    shareRow->addWidget(m_shareSpin);
    shareRow->addWidget(new QLabel(tr("of the rate limit (100 requests per 10 s per client; the rest is left "
                                      "to other automation using the same client)"),
                                   this),
                        1);
    m_queueDepth = new QCheckBox(tr("Show the tenant's &queue depth in the status bar (one request a minute)"), this);
    m_queueDepth->setObjectName(QStringLiteral("showQueueDepth"));

    m_stallSpin = new QSpinBox(this);
    m_stallSpin->setObjectName(QStringLiteral("stallMinutes"));
    m_stallSpin->setRange(1, 24 * 60);
    m_stallSpin->setSuffix(tr(" min"));
    m_stallSpin->setAccessibleDescription(
            tr("A running task whose progress has not changed for this long is shown as stalled, in minutes"));
    auto *stallLabel = new QLabel(tr("Stalled wit&hout progress for:"), this);
    stallLabel->setBuddy(m_stallSpin);
    auto *stallRow = new QHBoxLayout;
    stallRow->addWidget(stallLabel);
    stallRow->addWidget(m_stallSpin);
    stallRow->addStretch(1);

    auto *notifyBox = new QGroupBox(tr("Notify when a task"), this);
    auto checkBox = [](const QString &text, const QString &name, QWidget *parent) {
        auto *box = new QCheckBox(text, parent);
        box->setObjectName(name);
        return box;
    };
    m_notifyStarted = checkBox(tr("&starts"), QStringLiteral("notifyStarted"), notifyBox);
    m_notifySucceeded = checkBox(tr("s&ucceeds"), QStringLiteral("notifySucceeded"), notifyBox);
    m_notifyWarning = checkBox(tr("ends with a &warning"), QStringLiteral("notifyWarning"), notifyBox);
    m_notifyFailed = checkBox(tr("&fails (error or temporary error)"), QStringLiteral("notifyFailed"), notifyBox);
    m_notifyTerminated = checkBox(tr("is ter&minated by someone"), QStringLiteral("notifyTerminated"), notifyBox);
    m_notifyStalled = checkBox(tr("stalls (&no progress for that long)"), QStringLiteral("notifyStalled"), notifyBox);
    auto *notifyLayout = new QVBoxLayout(notifyBox);
    for (QCheckBox *box :
         {m_notifyStarted, m_notifySucceeded, m_notifyWarning, m_notifyFailed, m_notifyTerminated, m_notifyStalled})
        notifyLayout->addWidget(box);

    auto *desktopBox = new QGroupBox(tr("Desktop"), this);
    m_startMinimized = checkBox(tr("Start minimised to the &tray"), QStringLiteral("startMinimized"), desktopBox);
    m_trayNote = noteLabel(QStringLiteral("trayNote"), desktopBox);
    m_trayNote->setText(tr("No system tray is available here, so Taskwatch cannot start hidden in it: it "
                           "opens its window instead."));
    m_launchAtLogin = checkBox(tr("&Launch at login"), QStringLiteral("launchAtLogin"), desktopBox);
    m_launchNote = noteLabel(QStringLiteral("launchNote"), desktopBox);
    m_launchNote->setText(tr("Launching at login is not supported on this system yet."));
    auto *desktopLayout = new QVBoxLayout(desktopBox);
    desktopLayout->addWidget(m_startMinimized);
    desktopLayout->addWidget(m_trayNote);
    desktopLayout->addWidget(m_launchAtLogin);
    desktopLayout->addWidget(m_launchNote);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(pollRow);
    layout->addLayout(shareRow);
    layout->addLayout(stallRow);
    layout->addWidget(m_queueDepth);
    layout->addWidget(notifyBox);
    layout->addWidget(desktopBox);
    layout->addStretch(1);
    setLaunchAtLoginSupported(m_launchSupported);
}

void PreferencesTab::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_pollSpin->setValue(preferences.pollIntervalSeconds);
    m_shareSpin->setValue(preferences.budgetShare);
    m_stallSpin->setValue(preferences.stallMinutes);
    m_notifyStalled->setChecked(preferences.notify.stalled);
    m_notifyStarted->setChecked(preferences.notify.started);
    m_notifySucceeded->setChecked(preferences.notify.succeeded);
    m_notifyWarning->setChecked(preferences.notify.warning);
    m_notifyFailed->setChecked(preferences.notify.failed);
    m_notifyTerminated->setChecked(preferences.notify.terminated);
    m_queueDepth->setChecked(preferences.showQueueDepth);
    m_startMinimized->setChecked(preferences.startMinimized);
    m_launchAtLogin->setChecked(preferences.launchAtLogin && m_launchSupported);
}

Preferences PreferencesTab::preferences() const
{
    Preferences result = m_preferences;
    result.pollIntervalSeconds = m_pollSpin->value();
    result.budgetShare = m_shareSpin->value();
    result.stallMinutes = m_stallSpin->value();
    result.notify.stalled = m_notifyStalled->isChecked();
    result.notify.started = m_notifyStarted->isChecked();
    result.notify.succeeded = m_notifySucceeded->isChecked();
    result.notify.warning = m_notifyWarning->isChecked();
    result.notify.failed = m_notifyFailed->isChecked();
    result.notify.terminated = m_notifyTerminated->isChecked();
    result.showQueueDepth = m_queueDepth->isChecked();
    // Kept even without a tray: the app ignores it while there is none.
    result.startMinimized = m_startMinimized->isChecked();
    result.launchAtLogin = m_launchSupported && m_launchAtLogin->isChecked();
    return result;
}

void PreferencesTab::setTrayAvailable(bool available)
{
    m_startMinimized->setEnabled(available);
    m_trayNote->setVisible(!available);
}

void PreferencesTab::setLaunchAtLoginSupported(bool supported)
{
    m_launchSupported = supported;
    m_launchAtLogin->setEnabled(supported);
    if (!supported)
        m_launchAtLogin->setChecked(false);
    m_launchNote->setVisible(!supported);
}

QList<QWidget *> PreferencesTab::focusChain() const
{
    return {m_pollSpin,     m_queueDepth,       m_notifyStarted,  m_notifySucceeded, m_notifyWarning,
            m_notifyFailed, m_notifyTerminated, m_startMinimized, m_launchAtLogin};
}

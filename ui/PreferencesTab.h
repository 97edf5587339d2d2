#pragma once

#include "Preferences.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;

// The settings dialog's preferences: poll interval, notifications, start minimised, launch at login.
// Shows and returns Preferences; stores nothing.
class PreferencesTab : public QWidget
{
    Q_OBJECT

public:
    explicit PreferencesTab(QWidget *parent = nullptr);

    void setPreferences(const Preferences &preferences);
    Preferences preferences() const;
    void setTrayAvailable(bool available);
    void setLaunchAtLoginSupported(bool supported);
    bool isLaunchAtLoginSupported() const { return m_launchSupported; }
    // The fields in the order the eye reads them, for the dialog's tab order.
    QList<QWidget *> focusChain() const;

private:
    Preferences m_preferences; // keeps what the page has no field for (NotificationSettings::maxPerMinute)
    bool m_launchSupported = false;

    QSpinBox *m_pollSpin = nullptr;
    QSpinBox *m_shareSpin = nullptr;
    QSpinBox *m_stallSpin = nullptr;
    QCheckBox *m_notifyStarted = nullptr;
    QCheckBox *m_notifySucceeded = nullptr;
    QCheckBox *m_notifyWarning = nullptr;
    QCheckBox *m_notifyFailed = nullptr;
    QCheckBox *m_notifyTerminated = nullptr;
    QCheckBox *m_notifyStalled = nullptr;
    QCheckBox *m_queueDepth = nullptr;
    QCheckBox *m_startMinimized = nullptr;
    QLabel *m_trayNote = nullptr;
    QCheckBox *m_launchAtLogin = nullptr;
    QLabel *m_launchNote = nullptr;
};

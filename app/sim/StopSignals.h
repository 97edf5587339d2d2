#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM (Ctrl+C and console close on Windows) into a Qt signal delivered in the event
// loop, so that the program stops cleanly: the server closes its sockets and main() returns.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    void onNotified();

    QSocketNotifier *m_notifier = nullptr;
};

#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT, SIGTERM and SIGHUP (Ctrl+C and console close on Windows) into a Qt signal delivered in the
// event loop, so that the program stops cleanly: the sim closes its sockets, the desktop app saves its watch
// list, and main() returns. One implementation for every program of app/ (the platform seam: the POSIX
// self-pipe and the Windows console handler live in the .cpp). One instance at a time per process.
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

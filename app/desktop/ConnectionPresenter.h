#pragma once

#include "ui/ConnectionLine.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

struct ConnectionProfile;
struct CredentialResult;
class MainWindow;

// Turns what the engine, the keychain and the watch list report into the window's words: the connection in the
// status line, and the banner at the top. Several reasons can stand at once (the demo, a keychain problem, a
// refused sign-in, settings that could not be saved): one banner shows them all, with a Settings button where
// Settings can help. Closed by the person, the banner stays closed until a reason comes or changes.
class WatchList;

class ConnectionPresenter : public QObject
{
    Q_OBJECT

public:
    enum class Banner { Demo, WatchList, Keychain, Connection, Settings };

    explicit ConnectionPresenter(MainWindow *window, QObject *parent = nullptr);

    void setBanner(Banner banner, const QString &text);
    void clearBanner(Banner banner);

    // The status line, and the banner for a refused sign-in or a profile that cannot connect.
    void showConnection(const ConnectionLine &line, const QString &profileName);
    // What the keychain answered for the watched profile's secret.
    void showSecretResult(const ConnectionProfile &profile, const CredentialResult &result);
    // The watch list's problems as banners, from now on.
    void follow(WatchList *watchList);
    void showWatchListUnreadable(const QString &path, const QString &message, const QString &keptAs);
    void showWatchListSaveFailed(const QString &message);

private:
    void showBanners();

    QPointer<MainWindow> m_window; // owned beside this presenter, not by it
    QMap<Banner, QString> m_banners;
    bool m_updatingBanner = false;
};

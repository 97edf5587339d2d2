#include "ConnectionPresenter.h"

#include "DesktopLog.h"
#include "client/CredentialStore.h"
#include "client/WatchList.h"
#include "models/ConnectionProfile.h"
#include "models/TenantUrl.h"
#include "ui/Formatting.h"
#include "ui/MainWindow.h"
#include "ui/NoticeBar.h"

#include <QDir>

ConnectionPresenter::ConnectionPresenter(MainWindow *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    connect(window->banner(), &NoticeBar::dismissed, this, [this] {
        if (!m_updatingBanner)
            m_banners.clear(); // closed by the person: told once is enough
    });
}

void ConnectionPresenter::showConnection(const ConnectionLine &line, const QString &profileName)
{
    if (line.state && !line.readingSecret) {
        const ConnectionState &state = *line.state;
        if (state.kind == ConnectionState::Kind::AuthFailed) {
            setBanner(Banner::Connection,
                      tr("Signing in to %1 failed: %2 Check the client id and secret in Settings.")
                              .arg(line.tenant, state.shownMessage()));
        } else if (state.kind == ConnectionState::Kind::Misconfigured && !m_banners.contains(Banner::Keychain)) {
            setBanner(
                    Banner::Connection,
                    tr("The profile %1 cannot connect: %2").arg(Formatting::quoted(profileName), state.shownMessage()));
        } else if (state.kind != ConnectionState::Kind::Misconfigured) {
            clearBanner(Banner::Connection);
        }
    }
    m_window->setConnectionState(line);
}

void ConnectionPresenter::showSecretResult(const ConnectionProfile &profile, const CredentialResult &r)
{
    if (r.ok) {
        clearBanner(Banner::Keychain);
    } else if (r.wrongTenant) {
        setBanner(Banner::Keychain,
                  tr("The stored client secret of the profile %1 was saved for %2, not for its tenant now (%3), "
                     "and is not sent there. Enter the secret in Settings.")
                          .arg(Formatting::quoted(profile.name), r.tenant, TenantUrl::normalized(profile.baseUrl)));
    } else if (r.notFound) {
        setBanner(Banner::Keychain,
                  tr("No client secret is stored for the profile %1. Enter it in Settings.")
                          .arg(Formatting::quoted(profile.name)));
    } else {
        setBanner(Banner::Keychain,
                  tr("The client secret for the profile %1 could not be read from the keychain. %2 In Settings "
                     "you can enter it for this session only.")
                          .arg(Formatting::quoted(profile.name), r.message()));
    }
}

void ConnectionPresenter::showWatchListUnreadable(const QString &path, const QString &message, const QString &keptAs)
{
    if (keptAs.isEmpty())
        setBanner(Banner::WatchList,
                  tr("Your watch list (%1) was unreadable and could not be moved aside: %2 Taskwatch will not "
                     "overwrite it; move or repair it and start again.")
                          .arg(path, message));
    else
        setBanner(Banner::WatchList,
                  tr("Your watch list was unreadable and was moved aside to %1. Taskwatch started a new one.")
                          .arg(QDir::toNativeSeparators(keptAs)));
}

void ConnectionPresenter::showWatchListSaveFailed(const QString &message)
{
    setBanner(Banner::WatchList, tr("Your watch list could not be saved: %1").arg(message));
}

void ConnectionPresenter::setBanner(Banner banner, const QString &text)
{
    if (m_banners.value(banner) == text && m_window->banner()->isVisible())
        return;
    m_banners.insert(banner, text);
    showBanners();
}

void ConnectionPresenter::clearBanner(Banner banner)
{
    if (m_banners.remove(banner) > 0)
        showBanners();
}

void ConnectionPresenter::showBanners()
{
    m_updatingBanner = true;
    if (m_banners.isEmpty()) {
        m_window->hideBanner();
    } else {
        QStringList texts;
        bool settings = false;
        for (auto it = m_banners.cbegin(); it != m_banners.cend(); ++it) {
            texts.append(it.value());
            settings = settings || it.key() != Banner::WatchList;
        }
        m_window->showBanner(texts.join(u'\n'),
                             settings ? MainWindow::BannerAction::OpenSettings : MainWindow::BannerAction::None);
    }
    m_updatingBanner = false;
}

void ConnectionPresenter::follow(WatchList *watchList)
{
    connect(watchList, &WatchList::loadProblem, this, [this, watchList](const QString &message, const QString &keptAs) {
        qCWarning(lcApp).noquote() << "watch list unreadable:" << message << "kept as" << keptAs;
        showWatchListUnreadable(watchList->filePath(), message, keptAs);
    });
    connect(watchList, &WatchList::saveFailed, this, &ConnectionPresenter::showWatchListSaveFailed);
}

#include "ApiTransport.h"

#include "Logging.h"
#include "QtErrorText.h"
#include "RetryAfter.h"
#include "TaskwatchVersion.h"
#include "TlsTrust.h"
#include "TokenProvider.h"
#include "models/UrlPolicy.h"

#include <QHash>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSysInfo>

#if QT_CONFIG(ssl)
#include <QSslError>
#endif

using namespace std::chrono;

namespace {

bool isConnectionLevel(QNetworkReply::NetworkError error)
{
    // Qt numbers network-layer and proxy errors below 200; HTTP-status errors from 200 up.
    return error != QNetworkReply::NoError && int(error) < 200;
}

} // namespace

ApiTransport::ApiTransport(EngineClock clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock.orSystem())
    , m_manager(new QNetworkAccessManager(this))
    , m_tokens(new TokenProvider(this, m_clock, this))
{
    ApiRequests::useSystemProxyExceptLoopback(*m_manager);
    m_manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
#if QT_CONFIG(ssl)
    m_ssl = QSslConfiguration::defaultConfiguration();
#endif
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &ApiTransport::pump);
    connect(m_tokens, &TokenProvider::tokenReady, this, &ApiTransport::pump);
    connect(m_tokens, &TokenProvider::tokenFailed, this, [this](const ApiResponse &response) {
        failAuthenticated(response);
        pump();
    });
}

ApiTransport::~ApiTransport()
{
    // Callers are going away with us: drop their callbacks without calling them.
    for (auto it = m_inFlight.begin(); it != m_inFlight.end(); ++it) {
        it.key()->disconnect(this);
        it.key()->abort();
    }
}

QByteArray ApiTransport::userAgent()
{
    return QStringLiteral("Taskwatch/%1 (Qt %2; %3)")
            .arg(QStringLiteral(TASKWATCH_VERSION), QString::fromLatin1(qVersion()), QSysInfo::productType())
            .toUtf8();
}

Sentence ApiTransport::missingSecret()
{
    return Sentence::translate("ApiTransport", "No client secret is set for this connection.");
}

ApiResponse ApiTransport::cancelled()
{
    ApiResponse response;
    response.kind = ApiResponse::Kind::Cancelled;
    response.errorText = Sentence::translate("ApiTransport", "The request was cancelled.");
    return response;
}

Sentence ApiTransport::setCaFile(const QString &path)
{
    m_caProblem = {};
#if QT_CONFIG(ssl)
    TlsTrust::Trust trust = TlsTrust::forCaFile(path);
    m_ssl = std::move(trust.ssl);
    m_caProblem = std::move(trust.problem);
#else
    if (!path.isEmpty())
        m_caProblem = Sentence::translate("ApiTransport", "This build of Taskwatch has no TLS support.");
#endif
    return m_caProblem;
}

void ApiTransport::setRequestBudget(int requests, milliseconds window)
{
    m_allowance = std::max(1, requests);
    m_allowanceWindow = window;
    setBudgetShare(m_budgetShare);
}

void ApiTransport::setBudgetShare(int percent)
{
    m_budgetShare = std::clamp(percent, 1, 100);
    const int requests = std::max(1, m_allowance * m_budgetShare / 100);
    m_budget->setLimit(requests, m_allowanceWindow);
    qCInfo(lcNet) << "may send" << requests << "requests per" << m_allowanceWindow.count() << "ms (" << m_budgetShare
                  << "% of the allowance)";
    pump();
}

void ApiTransport::shareBudget(const QString &key)
{
    // Process-wide, one budget per key while a transport uses it. A transport whose turn was taken by another
    // one re-checks before each send (pump), so sharing needs no signal between them.
    static QMutex mutex;
    static QHash<QString, std::weak_ptr<RequestBudget>> budgets;
    const QMutexLocker lock(&mutex);
    budgets.removeIf([](const auto &entry) { return entry.value().expired(); });
    if (std::shared_ptr<RequestBudget> shared = budgets.value(key).lock())
        m_budget = std::move(shared);
    else
        budgets.insert(key, m_budget);
}

void ApiTransport::setTransferTimeout(milliseconds timeout)
{
    m_transferTimeout = std::max(milliseconds(1), timeout);
}

void ApiTransport::setTransferDeadline(milliseconds deadline)
{
    m_transferDeadline = std::max(milliseconds(1), deadline);
}

void ApiTransport::setMaxBodyBytes(qint64 bytes)
{
    m_maxBodyBytes = std::max<qint64>(1, bytes);
}

void ApiTransport::setMaxInFlight(int count)
{
    m_maxInFlight = std::max(1, count);
    pump();
}

QDateTime ApiTransport::wallTime(const SteadyTime &time) const
{
    // Read now, so that a wall clock stepped during a hold labels its end on the new wall time.
    return m_clock.wall().addMSecs(m_clock.steady().msecsTo(time));
}

QDateTime ApiTransport::rateLimitedUntil() const
{
    return m_budget->isHeld(m_clock.steady()) ? wallTime(m_budget->heldUntil()) : QDateTime();
}

void ApiTransport::get(const QUrl &url, QObject *context, Callback done)
{
    send(ApiRequest {ApiRequest::Method::Get, url, {}, {}, true}, context, std::move(done));
}

void ApiTransport::postForm(const QUrl &url, const QByteArray &form, QObject *context, Callback done)
{
    Entry entry;
    entry.request = {ApiRequest::Method::Post, url, form, QByteArrayLiteral("application/x-www-form-urlencoded"),
                     false};
    entry.hasContext = context != nullptr;
    entry.context = context;
    entry.done = std::move(done);
    enqueue(std::move(entry), true);
}

void ApiTransport::send(ApiRequest request, QObject *context, Callback done)
{
    Entry entry;
    entry.request = std::move(request);
    entry.request.authenticated = true;
    entry.hasContext = context != nullptr;
    entry.context = context;
    entry.done = std::move(done);
    enqueue(std::move(entry), false);
}

void ApiTransport::enqueue(Entry entry, bool front)
{
    ApiResponse refused;
    refused.kind = ApiResponse::Kind::Refused;
    Sentence problem = UrlPolicy::requestUrlIssue(entry.request.url);
    if (problem.isEmpty())
        problem = m_caProblem;
    refused.errorText = problem;
    if (!problem.isEmpty()) {
        qCWarning(lcNet).noquote() << "refused to send a request:" << problem.english();
        deliverLater(std::move(entry), refused);
        return;
    }
    if (front)
        m_queue.prepend(std::move(entry));
    else
        m_queue.append(std::move(entry));
    pump();
}

void ApiTransport::pump()
{
    if (m_pumping) {
        m_pumpAgain = true; // called from inside the loop (a token request being queued, a callback)
        return;
    }
    m_pumping = true;
    do {
        m_pumpAgain = false;
        m_pumpTimer.stop();
        while (!m_queue.isEmpty() && m_inFlight.size() < m_maxInFlight) {
            // The token request goes first; it is the only unauthenticated request.
            qsizetype index = -1;
            for (qsizetype i = 0; i < m_queue.size() && index < 0; ++i) {
                if (!m_queue.at(i).request.authenticated)
                    index = i;
            }
            QByteArray token;
            if (index < 0) {
                if (!m_tokens->hasCredentials()) {
                    ApiResponse response;
                    response.kind = ApiResponse::Kind::Refused;
                    response.errorText = missingSecret();
                    failAuthenticated(response);
                    continue;
                }
                if (m_tokens->isRejected()) {
                    failAuthenticated(m_tokens->lastFailure());
                    continue;
                }
                token = m_tokens->usableToken();
                if (token.isEmpty()) {
                    if (m_tokens->isRequesting())
                        break; // tokenReady or tokenFailed pumps again
                    m_tokens->requestToken(); // queues the token request at the front
                    if (!m_tokens->isRequesting())
                        break; // cannot happen with usable credentials; never spin
                    continue;
                }
                index = 0;
            }
            const milliseconds wait = m_budget->waitBeforeNext(m_clock.steady());
            if (wait > milliseconds(0)) {
                m_pumpTimer.start(wait);
                break;
            }
            start(m_queue.takeAt(index), token);
        }
    } while (m_pumpAgain);
    m_pumping = false;
}

void ApiTransport::start(Entry entry, const QByteArray &token)
{
#if QT_CONFIG(ssl)
    const QSslConfiguration *ssl = &m_ssl;
#else
    const QSslConfiguration *ssl = nullptr;
#endif
    const QNetworkRequest request =
            ApiRequests::networkRequest(entry.request, token, userAgent(), m_transferTimeout, ssl);
    QNetworkReply *reply = ApiRequests::send(*m_manager, request, entry.request);
    m_budget->recordSent(m_clock.steady());
    ++m_sentCount;
    const QUrl url = entry.request.url;
    qCDebug(lcNet).noquote() << entry.request.methodName() << url.toString(QUrl::RemoveQuery)
                             << (url.hasQuery() ? "(with query)" : "");
    m_inFlight.insert(reply, Running {std::move(entry), token, {}, false});
#if QT_CONFIG(ssl)
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        // Never ignored: the handshake fails and the errors explain why.
        auto it = m_inFlight.find(reply);
        for (const QSslError &error : errors) {
            if (it != m_inFlight.end())
                it->sslErrors.append(TlsTrust::describe(error));
        }
    });
#endif
    // Cut off answers that are too big (announced or received) or never end; onFinished says which. The
    // read buffer bounds what Qt holds (it stops reading from the socket when full) while leaving room to
    // see the limit crossed.
    reply->setReadBufferSize(2 * m_maxBodyBytes);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        // An announced Content-Length over the limit is refused before the body is read.
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end()
            || reply->header(QNetworkRequest::ContentLengthHeader).toLongLong() <= m_maxBodyBytes)
            return;
        it->tooLarge = true;
        reply->abort();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end() || it->tooLarge || (received <= m_maxBodyBytes && total <= m_maxBodyBytes))
            return;
        it->tooLarge = true;
        reply->abort();
    });
    auto *deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this, [this, reply] {
        auto it = m_inFlight.find(reply);
        if (it == m_inFlight.end())
            return;
        it->overDeadline = true;
        reply->abort();
    });
    deadline->start(m_transferDeadline);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    if (m_rateLimitAnnounced) {
        m_rateLimitAnnounced = false;
        qCInfo(lcNet) << "rate-limit wait over; requests resume";
        Q_EMIT rateLimitLifted();
    }
    Q_EMIT requestSent(url);
}

void ApiTransport::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    auto it = m_inFlight.find(reply);
    if (it == m_inFlight.end())
        return;
    Running running = std::move(it.value());
    m_inFlight.erase(it);

    ApiResponse response;
    response.sent = true;
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->isOpen() ? reply->readAll() : QByteArray();
    response.totalCount = reply->rawHeader("X-Total-Count");
    noteTenantClock(reply->rawHeader("Date"));
    // A 429 holds every request until its Retry-After, also when this request is given up on or the 429's
    // body was cut short (its status line and headers arrived): the tenant said when to come back.
    const bool rateLimitedAnswer = !running.cancelled && response.httpStatus == 429;
    if (rateLimitedAnswer)
        holdForRetryAfter(*reply);
    if (sendAgain(running, response, *reply))
        return;
    settle(running, *reply, response);
    if (!response.ok())
        qCInfo(lcNet).noquote() << running.entry.request.url.toString(QUrl::RemoveQuery)
                                << "failed:" << response.errorText.english();
    if (rateLimitedAnswer)
        Q_EMIT rateLimited(wallTime(m_budget->heldUntil()));
    const QPointer<ApiTransport> alive(this); // a callback may end the engine that owns this transport
    deliver(running.entry, response);
    if (alive)
        pump();
}

void ApiTransport::noteTenantClock(const QByteArray &date)
{
    const QDateTime tenant = RetryAfter::httpDate(date);
    if (!tenant.isValid())
        return;
    // Whole seconds, read a moment after they were written: within 2 s is no skew; beyond, the middle of that
    // second.
    const qint64 raw = m_clock.wall().msecsTo(tenant);
    m_tenantClockOffset = std::chrono::milliseconds(qAbs(raw) <= 2000 ? 0 : raw + 500);
}

void ApiTransport::holdForRetryAfter(const QNetworkReply &reply)
{
    // An HTTP date needs the wall clock to become a wait; the wait itself is held on the monotonic clock.
    const seconds wait = RetryAfter::delay(reply.rawHeader("Retry-After"), m_clock.wall());
    const SteadyTime now = m_clock.steady();
    m_budget->holdUntil(now.addSecs(wait.count()));
    qCInfo(lcNet) << "429 rate limited; nothing is sent for" << now.secsTo(m_budget->heldUntil()) << "s";
    m_rateLimitAnnounced = true;
}

bool ApiTransport::sendAgain(Running &running, const ApiResponse &response, const QNetworkReply &reply)
{
    if (running.cancelled || running.tooLarge || running.overDeadline)
        return false;
    Entry &entry = running.entry;
    // A PATCH waits only a short Retry-After out by itself; after a longer one its sender reads the task again
    // first (TaskClearer), since the task may finish during the wait and a PATCH sent blindly after it would
    // overwrite that outcome. (Always reading again first would need two requests in a row after each wait,
    // which a tenant that allows this client only one per window answers with 429 for ever.)
    const bool shortWait = m_clock.steady().msecsTo(m_budget->heldUntil())
            <= std::chrono::duration_cast<std::chrono::milliseconds>(m_patchResendWithin).count();
    if (response.httpStatus == 429 && entry.rateLimitedCount < MaxRateLimitedRetries
        && (entry.request.method != ApiRequest::Method::Patch || shortWait)) {
        // Waits for the Retry-After at the front of the queue.
        ++entry.rateLimitedCount;
        m_queue.prepend(std::move(entry));
        Q_EMIT rateLimited(wallTime(m_budget->heldUntil()));
        pump();
        return true;
    }
    if (response.httpStatus == 401 && !isConnectionLevel(reply.error()) && entry.request.authenticated
        && !entry.retriedAfter401) {
        // The token expired early or was revoked: once with a new token, then the 401 stands.
        m_tokens->invalidate(running.token);
        entry.retriedAfter401 = true;
        m_queue.prepend(std::move(entry));
        pump();
        return true;
    }
    return false;
}

void ApiTransport::settle(const Running &running, const QNetworkReply &reply, ApiResponse &response) const
{
    const QString host = running.entry.request.url.host();
    const QNetworkReply::NetworkError error = reply.error();
    if (running.cancelled) {
        response.kind = ApiResponse::Kind::Cancelled;
        response.errorText = cancelled().errorText;
    } else if (running.tooLarge || running.overDeadline) {
        response.kind = ApiResponse::Kind::Network;
        response.httpStatus = 0;
        response.body.clear();
        response.errorText = running.tooLarge
                ? Sentence::translate("ApiTransport", "The answer from %1 was larger than %2 MiB and was cut off.")
                          .arg(host)
                          .arg(QString::number(double(m_maxBodyBytes) / (1024 * 1024), 'g', 3))
                : Sentence::translate("ApiTransport", "The answer from %1 did not end within %2 s and was cut off.")
                          .arg(host)
                          .arg(duration_cast<seconds>(m_transferDeadline).count());
    } else if (response.httpStatus == 0 || isConnectionLevel(error)) {
        response.kind = ApiResponse::Kind::Network;
        response.httpStatus = 0;
        if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError)
            response.errorText = Sentence::translate("ApiTransport", "No answer from %1 within %2 s.")
                                         .arg(host)
                                         .arg(duration_cast<seconds>(m_transferTimeout).count());
        else if (!running.sslErrors.isEmpty())
            response.errorText = Sentence::translate("ApiTransport", "The TLS certificate of %1 is not trusted: %2")
                                         .arg(host)
                                         .arg(Sentence::joined(running.sslErrors, QStringLiteral("; ")));
        else
            response.errorText = Sentence::translate("ApiTransport", "Cannot reach %1: %2")
                                         .arg(host)
                                         .arg(QtErrorText::network(error, reply.errorString()));
    } else if (response.httpStatus >= 200 && response.httpStatus < 300) {
        response.kind = ApiResponse::Kind::Ok;
    } else if (response.httpStatus == 401 && running.entry.request.authenticated) {
        response.kind = ApiResponse::Kind::AuthFailed;
        response.errorText = Sentence::translate("ApiTransport",
                                                 "Authentication failed: the tenant refused a newly issued token. %1")
                                     .arg(response.apiError().sentence());
    } else {
        response.kind = ApiResponse::Kind::Http;
        response.errorText = response.apiError().sentence();
    }
}

void ApiTransport::failAuthenticated(const ApiResponse &response)
{
    QList<Entry> failed;
    for (qsizetype i = m_queue.size() - 1; i >= 0; --i) {
        if (m_queue.at(i).request.authenticated)
            failed.prepend(m_queue.takeAt(i));
    }
    // The token request's answer, for requests that never left the queue: the tenant saw none of them.
    ApiResponse notSent = response;
    notSent.sent = false;
    for (Entry &entry : failed)
        deliverLater(std::move(entry), notSent);
}

void ApiTransport::cancelAll()
{
    QList<Entry> queued;
    queued.swap(m_queue);
    for (Entry &entry : queued)
        deliverLater(std::move(entry), cancelled());
    const QList<QNetworkReply *> replies = m_inFlight.keys();
    for (QNetworkReply *reply : replies) {
        m_inFlight[reply].cancelled = true;
        reply->abort(); // finished() follows and delivers Cancelled
    }
}

void ApiTransport::deliver(const Entry &entry, const ApiResponse &response)
{
    if (entry.hasContext && !entry.context)
        return;
    if (entry.done)
        entry.done(response);
}

void ApiTransport::deliverLater(Entry entry, ApiResponse response)
{
    // Callers get their answers from the event loop, never from inside their own call.
    QMetaObject::invokeMethod(
            this, [this, entry = std::move(entry), response = std::move(response)] { deliver(entry, response); },
            Qt::QueuedConnection);
}

#pragma once

#include "ApiRequest.h"
#include "ApiResponse.h"
#include "EngineClock.h"
#include "RequestBudget.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QtNetwork/qtnetworkglobal.h>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class TokenProvider;

// The only user of QNetworkAccessManager in Taskwatch: one per profile. Every request goes through its
// queue, which keeps the profile inside its request budget, waits out a 429's Retry-After (nothing is
// sent meanwhile), fetches and renews the access token (one token request for all waiting requests) and
// retries a 401 once with a new token. It adds the headers every request carries, verifies TLS (never
// ignoring errors; an optional CA file adds to the trusted certificates), honours the system proxy
// (except for loopback) and enforces the URL policy before anything is sent.
class ApiTransport : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiResponse &)>;

    static constexpr int DefaultMaxInFlight = 6;
    static constexpr std::chrono::milliseconds DefaultTransferTimeout = std::chrono::seconds(30); // silence
    // A whole answer must arrive within this long and be at most this big: a tenant (or a proxy) that sends
    // endlessly, slowly or hugely is cut off with a clear error instead of holding memory or a slot forever.
    // A full list of 250 tasks is well under 1 MiB.
    static constexpr std::chrono::milliseconds DefaultTransferDeadline = std::chrono::minutes(2);
    static constexpr qint64 DefaultMaxBodyBytes = 16 * 1024 * 1024;
    static constexpr int MaxRateLimitedRetries = 5; // then the 429 reaches the caller
    // A PATCH answered 429 goes again by itself only when the Retry-After is this short: after a longer wait the
    // task it changes may have finished, and the 429 reaches its sender, which reads the task again first.
    static constexpr std::chrono::seconds DefaultPatchResendWithin {10};
    void setPatchResendWithin(std::chrono::seconds within) { m_patchResendWithin = within; } // tests

    // Waits (the budget, Retry-After) run on the clock's monotonic part; its wall part labels them.
    explicit ApiTransport(EngineClock clock = {}, QObject *parent = nullptr);
    ~ApiTransport() override;

    TokenProvider *tokens() const { return m_tokens; }
    // An extra PEM (or DER) file of CA certificates, added to the system's roots (TlsTrust); empty path: the
    // system's only.
    // Returns why the file cannot be used (empty when it can); requests are refused until it can.
    Sentence setCaFile(const QString &path);
    // The tenant's allowance (default 100 requests per 10 s) and the part of it this transport may use, in
    // percent 1..100 (default all): the budget is the share, rounded down (a bound, never exceeded), at least
    // one request per window.
    void setRequestBudget(int requests, std::chrono::milliseconds window);
    void setBudgetShare(int percent);
    int budgetShare() const { return m_budgetShare; }
    // The tenant counts requests per client id and API version, whichever profile sends them: transports
    // given the same key (TaskStatusClient makes it from the profile) share one budget and its 429 holds.
    void shareBudget(const QString &key);
    void setTransferTimeout(std::chrono::milliseconds timeout);
    void setTransferDeadline(std::chrono::milliseconds deadline);
    void setMaxBodyBytes(qint64 bytes);
    void setMaxInFlight(int count);

    // GET with the bearer token and the API headers.
    void get(const QUrl &url, QObject *context, Callback done);
    // POST of a form without a token (the token endpoint); it goes ahead of waiting GETs.
    void postForm(const QUrl &url, const QByteArray &form, QObject *context, Callback done);
    // Any authenticated request (HEAD, PATCH, ...), under the same rules as a GET: budget, token, a 401 sent
    // once more with a new token, a 429 sent again after its Retry-After (the tenant did not act on either; a
    // PATCH only after a short one: DefaultPatchResendWithin). This class never sends anything again after a
    // timeout or a dropped connection: the answer is a Network failure. (Qt 6.4's HTTP stack itself repeats a
    // request once, byte for byte, when the server closes the connection before any answer.)
    void send(ApiRequest request, QObject *context, Callback done);
    // Every queued and running request ends with Kind::Cancelled.
    void cancelAll();

    const RequestBudget &budget() const { return *m_budget; }
    int queuedCount() const { return int(m_queue.size()); }
    int inFlightCount() const { return int(m_inFlight.size()); }
    quint64 sentCount() const { return m_sentCount; }
    QDateTime rateLimitedUntil() const; // on the wall clock, for display; invalid when not waiting for a Retry-After
    // How far the tenant's clock (its answers' Date header) is ahead of this computer's wall clock; 0 within 2 s.
    // Its times (a task's modified, launched) are compared with the local clock moved by this much.
    std::chrono::milliseconds tenantClockOffset() const { return m_tenantClockOffset; }
    // Now on the tenant's clock: this engine's wall clock (injectable, as every clock of the engine) moved by it.
    QDateTime tenantNow() const { return m_clock.wall().addMSecs(m_tenantClockOffset.count()); }

    static QByteArray userAgent();
    // Why an authenticated request cannot be sent without a client secret.
    static Sentence missingSecret();

Q_SIGNALS:
    void rateLimited(const QDateTime &until); // a 429: nothing is sent before `until` (wall clock, for display)
    void rateLimitLifted(); // the first request after the wait went out
    void requestSent(const QUrl &url);

private:
    struct Entry
    {
        ApiRequest request;
        bool retriedAfter401 = false;
        int rateLimitedCount = 0;
        bool hasContext = false;
        QPointer<QObject> context;
        Callback done;
    };
    struct Running
    {
        Entry entry;
        QByteArray token;
        QList<Sentence> sslErrors;
        bool cancelled = false;
        bool tooLarge = false; // cut off: the body exceeded m_maxBodyBytes
        bool overDeadline = false; // cut off: the answer took longer than m_transferDeadline
    };

    void enqueue(Entry entry, bool front);
    void pump();
    void start(Entry entry, const QByteArray &token);
    void onFinished(QNetworkReply *reply);
    void holdForRetryAfter(const QNetworkReply &reply);
    void noteTenantClock(const QByteArray &date);
    bool sendAgain(Running &running, const ApiResponse &response, const QNetworkReply &reply);
    void settle(const Running &running, const QNetworkReply &reply, ApiResponse &response) const;
    static ApiResponse cancelled();
    void failAuthenticated(const ApiResponse &response);
    void deliver(const Entry &entry, const ApiResponse &response);
    void deliverLater(Entry entry, ApiResponse response);

    QDateTime wallTime(const SteadyTime &time) const; // a steady time labelled for display

    EngineClock m_clock;
    QNetworkAccessManager *m_manager;
    TokenProvider *m_tokens;
    std::shared_ptr<RequestBudget> m_budget = std::make_shared<RequestBudget>();
    int m_allowance = 100;
    std::chrono::milliseconds m_allowanceWindow = std::chrono::seconds(10);
    int m_budgetShare = 100;
    QList<Entry> m_queue;
    QHash<QNetworkReply *, Running> m_inFlight;
    QTimer m_pumpTimer;
    bool m_pumping = false;
    bool m_pumpAgain = false;
    bool m_rateLimitAnnounced = false;
    int m_maxInFlight = DefaultMaxInFlight;
    std::chrono::milliseconds m_transferTimeout = DefaultTransferTimeout;
    std::chrono::milliseconds m_transferDeadline = DefaultTransferDeadline;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    quint64 m_sentCount = 0;
    Sentence m_caProblem;
#if QT_CONFIG(ssl)
    QSslConfiguration m_ssl;
#endif
    std::chrono::seconds m_patchResendWithin = DefaultPatchResendWithin;
    std::chrono::milliseconds m_tenantClockOffset {0};
};

package vn.tincoso.webhooks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.database.AdvisoryLocks;

/**
 * Sends due deliveries. A claim (one instance at a time, rows taken FOR UPDATE SKIP LOCKED) marks them sending until
 * a lease runs out — twice the timeout — and counts the attempt; the request goes out after the claim has
 * committed, signed, without following redirects; its outcome is recorded by the next tick, against that attempt only
 * (a claim that ran out and was taken again by another instance is not overwritten). An instance that dies while
 * sending leaves its claims to run out: the delivery is sent again, with the same webhook-id.
 *
 * A subscriber's deliveries of one article go one at a time and in order: one is due only when no earlier one of the
 * same article for the same subscription is still pending or being sent. At most max-in-flight-per-target are in
 * flight to one subscription over every instance. 2xx delivers; 410 Gone disables the subscription; anything else
 * (another status, no answer in time, a refused address) is retried with exponential backoff and jitter until the
 * delivery's retry_until, after which it is dead (listed, and replayable by POST …/retry).
 *
 * A WebSub delivery has no stored body: the topic's page is rendered when it is sent (WebSubHub.contentDistribution),
 * and its subscription's deliveries go one at a time like those of one article; none goes once the lease has ended.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int MAX_ERROR_LENGTH = 300;
    /** What is read of an answer's body before the connection is cut; it is never kept. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** What an attempt came to: a status code, or the reason there was none. */
    record Outcome(long deliveryId, int attempt, Integer statusCode, String error, long webhookId) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    private final EntityManager entityManager;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebSubHub hub;
    private final TincosoConfig.Webhooks config;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final io.vertx.core.Vertx vertx;
    private final io.vertx.core.http.HttpClient http;
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, String> openedSecrets = new ConcurrentHashMap<>();
    /** Work for the sending loop: an attempt finished, or deliveries were fanned out. */
    private final java.util.concurrent.Semaphore work = new java.util.concurrent.Semaphore(0);

    WebhookSender(EntityManager entityManager, WebhookSecrets secrets, WebhookTargets targets, WebSubHub hub, TincosoConfig config,
            io.vertx.core.Vertx vertx) {
        this.entityManager = entityManager;
        this.hub = hub;
        this.secrets = secrets;
        this.targets = targets;
        this.config = config.webhooks();
        this.vertx = vertx;
        // Vert.x's client, on the event loops: an attempt in flight holds no thread. (The JDK's client hands every
        // answer to a thread of its own on a machine of two cores: its "async pool" is then a thread per task.)
        // Its pools are per origin, as large as may be in flight at all: the claims bound what is in flight per target.
        this.http = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setMaxPoolSize(this.config.maxInFlight())
                .setConnectTimeout((int) this.config.timeout().toMillis()).setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_1_1)
                .setVerifyHost(true).setMaxRedirects(0));
    }

    @PreDestroy
    void stop() {
        http.close();
        executor.shutdownNow();
    }

    /**
     * Whether an attempt of this instance is in flight or finished but not recorded. An attempt's outcome is queued
     * before it stops counting as in flight, so one that is neither is recorded.
     */
    public boolean busy() {
        return inFlight.get() > 0 || !outcomes.isEmpty();
    }

    /** Tells the sending loop there is work (an attempt finished, deliveries were recorded). */
    void wake() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** Waits until there is work, or {@code atMost} has passed. */
    void awaitWork(java.time.Duration atMost) {
        try {
            if (work.tryAcquire(atMost.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                work.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A claimed delivery with what sending it takes: an event's body, or (WebSub) the topic whose page it sends. */
    record Claimed(long id, long webhookId, int attempt, URI target, byte[] secretSealed, Instant updatedAt, byte[] body, String topic) {
    }

    /** Claims what is due, as much as this instance may still have in flight, and sends it; how many it sent. */
    public int sendDue() {
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0) {
            return 0;
        }
        List<Claimed> claimed = claim(room);
        for (Claimed delivery : claimed) {
            inFlight.incrementAndGet();
            send(delivery).whenComplete((outcome, failure) -> {
                outcomes.add(failure == null ? outcome : new Outcome(delivery.id(), delivery.attempt(), null,
                        describe(failure), delivery.webhookId()));
                inFlight.decrementAndGet();
                wake();
            });
        }
        return claimed.size();
    }

    @Transactional
    List<Claimed> claim(int room) {
        if (!AdvisoryLocks.tryLock(entityManager, AdvisoryLocks.Namespace.WEBHOOK_CLAIM, "claim")) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        // Each active subscription's earliest due deliveries, as many as it has room for: one receiver's backlog
        // never holds the others back.
        List<Number> due = entityManager.createNativeQuery("""
                select c.id from webhook w
                 cross join lateral (
                    select d.id from webhook_delivery d
                     where d.webhook_id = w.id and d.status in ('pending', 'sending')
                       and (d.status = 'pending' and d.next_attempt_at <= now() or d.status = 'sending' and d.claimed_until < now())
                       and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                          and coalesce(e.article_id, 0) = coalesce(d.article_id, 0) and e.id < d.id
                                          and e.status in ('pending', 'sending'))
                     order by d.id
                     limit greatest(0, :perTarget - (select count(*) from webhook_delivery f where f.webhook_id = w.id
                                                        and f.status = 'sending' and f.claimed_until >= now()))) c
                 where w.state = 'active' and (w.expires_at is null or w.expires_at > now())
                 order by c.id limit :room
                """).setParameter("perTarget", config.maxInFlightPerTarget()).setParameter("room", room).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        // Twice the timeout: an answer that comes just in time is recorded before anyone may claim the delivery again.
        String lease = config.timeout().multipliedBy(2).toMillis() + " milliseconds";
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("""
                with claimed as (
                    update webhook_delivery d set status = 'sending', attempts = d.attempts + 1, last_attempt_at = now(),
                           claimed_until = now() + cast(:lease as interval)
                     where d.id in (select id from webhook_delivery where id in (:due)
                                       and (status = 'pending' or status = 'sending' and claimed_until < now())
                                       for update skip locked)
                    returning d.id, d.webhook_id, d.event_id, d.attempts)
                select c.id, c.webhook_id, c.attempts, w.target_url, w.secret_sealed, w.updated_at, e.body, w.topic
                  from claimed c join webhook w on w.id = c.webhook_id left join webhook_event e on e.id = c.event_id
                 order by c.id
                """, Tuple.class).setParameter("lease", lease)
                .setParameter("due", due.stream().map(Number::longValue).toList()).getResultList();
        return rows.stream().map(row -> new Claimed(((Number) row.get("id")).longValue(), ((Number) row.get("webhook_id")).longValue(),
                ((Number) row.get("attempts")).intValue(), URI.create((String) row.get("target_url")), (byte[]) row.get("secret_sealed"),
                WebhookStore.instant(row.get("updated_at")), row.get("body") == null ? null : ((String) row.get("body")).getBytes(StandardCharsets.UTF_8),
                (String) row.get("topic"))).toList();
    }

    private CompletableFuture<Outcome> send(Claimed delivery) {
        // Resolving the name (and rendering a WebSub page) may block: on the sender's threads, never an event loop.
        return CompletableFuture.supplyAsync(() -> targets.resolved(delivery.target()), executor).thenCompose(resolution -> {
            if (resolution.refusal() != null) {
                return CompletableFuture.completedFuture(new Outcome(delivery.id(), delivery.attempt(), null, resolution.refusal(),
                        delivery.webhookId()));
            }
            String secret = secretOf(delivery);
            OutgoingPost post = delivery.topic() != null ? hub.contentDistribution(delivery.target(), delivery.topic(), secret)
                    : signed(delivery, secret);
            return post(post, resolution.address()).thenApply(status -> new Outcome(delivery.id(), delivery.attempt(), status,
                    status >= 300 ? "HTTP " + status : null, delivery.webhookId()));
        });
    }

    /** An event's POST, signed as Standard Webhooks has it; its webhook-id the same on every attempt. */
    private static OutgoingPost signed(Claimed delivery, String secret) {
        String messageId = "msg_" + delivery.id();
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("user-agent", "tincoso-webhooks/1");
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSecrets.signature(secret, messageId, timestamp, delivery.body()));
        return new OutgoingPost(delivery.target(), headers, delivery.body());
    }

    /**
     * POSTs to the address that was checked (the name as the Host and for TLS), redirects not followed; the status
     * code once the status line is in, or a failure: nothing within the timeout (the request is then reset), refused,
     * closed. The answer's body is read and dropped, at most {@value #MAX_ANSWER_BYTES} bytes of it and within the
     * timeout: past either the connection is cut (a receiver streaming forever has still had its event).
     */
    private CompletableFuture<Integer> post(OutgoingPost post, java.net.InetAddress address) {
        // As US-ASCII: a path typed with other letters goes out percent-encoded (UTF-8), as a browser sends it.
        URI target = URI.create(post.target().toASCIIString());
        boolean tls = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() != -1 ? target.getPort() : tls ? 443 : 80;
        String path = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        long timeout = config.timeout().toMillis();
        // getHost() keeps an IPv6 literal's brackets, which the Host header needs ("[::1]:8080").
        io.vertx.core.http.RequestOptions options = new io.vertx.core.http.RequestOptions().setMethod(io.vertx.core.http.HttpMethod.POST)
                .setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(new java.net.InetSocketAddress(address, port)))
                .setHost(target.getHost()).setPort(port).setSsl(tls).setURI(path).setFollowRedirects(false)
                .setConnectTimeout(timeout).setIdleTimeout(timeout);
        post.headers().forEach(options::putHeader);
        CompletableFuture<Integer> status = new CompletableFuture<>();
        http.request(options).onFailure(status::completeExceptionally).onSuccess(request -> {
            long deadline = vertx.setTimer(timeout, id -> request.reset(0, new java.util.concurrent.TimeoutException("no answer in time")));
            request.send(io.vertx.core.buffer.Buffer.buffer(post.body())).onComplete(sent -> {
                if (sent.failed()) {
                    vertx.cancelTimer(deadline);
                    status.completeExceptionally(sent.cause());
                    return;
                }
                io.vertx.core.http.HttpClientResponse response = sent.result();
                status.complete(response.statusCode());
                long[] read = {0};
                response.handler(chunk -> {
                    read[0] += chunk.length();
                    if (read[0] > MAX_ANSWER_BYTES) {
                        request.reset();
                    }
                });
                response.exceptionHandler(failure -> vertx.cancelTimer(deadline));
                response.endHandler(end -> vertx.cancelTimer(deadline));
            });
        });
        return status;
    }

    /** The subscription's secret in the clear, null if it has none (WebSub); opened once per version of it. */
    private String secretOf(Claimed delivery) {
        return delivery.secretSealed() == null ? null : openedSecrets.computeIfAbsent(delivery.webhookId() + "@" + delivery.updatedAt(),
                key -> secrets.open(delivery.secretSealed()));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String text = cause instanceof java.util.concurrent.TimeoutException ? "no answer in time"
                : cause instanceof java.net.ConnectException ? "connection refused"
                : "the request failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }

    /** Records the outcomes of the attempts that have finished since the last call; how many. */
    @Transactional
    public int recordOutcomes() {
        List<Outcome> finished = new ArrayList<>();
        for (Outcome outcome; (outcome = outcomes.poll()) != null; ) {
            finished.add(outcome);
        }
        if (finished.isEmpty()) {
            return 0;
        }
        delivered(finished.stream().filter(Outcome::delivered).toList());
        for (Outcome outcome : finished) {
            if (outcome.delivered()) {
                continue;
            }
            if (outcome.gone()) {
                dead(outcome, "410 Gone: the receiver ended the subscription");
                entityManager.createNativeQuery("""
                        update webhook set state = 'disabled', updated_at = now(),
                               disabled_reason = 'máy nhận trả 410 Gone lúc ' || to_char(now() at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI:SS')
                         where id = :id
                        """).setParameter("id", outcome.webhookId()).executeUpdate();
            } else {
                retryLater(outcome);
            }
        }
        return finished.size();
    }

    /** The deliveries these attempts delivered, in one statement (most outcomes are these). */
    private void delivered(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                update webhook_delivery d set status = 'delivered', delivered_at = now(), last_status_code = r.code,
                       last_error = null, claimed_until = null
                  from unnest(:ids, :attempts, :codes) r(id, attempt, code)
                 where d.id = r.id and d.attempts = r.attempt and d.status = 'sending'
                """).setParameter("ids", outcomes.stream().map(Outcome::deliveryId).toArray(Long[]::new))
                .setParameter("attempts", outcomes.stream().map(Outcome::attempt).toArray(Integer[]::new))
                .setParameter("codes", outcomes.stream().map(Outcome::statusCode).toArray(Integer[]::new)).executeUpdate();
    }

    /** Pending again after a backoff that doubles each attempt, ±50 %, or dead once that would pass its retry_until. */
    private void retryLater(Outcome outcome) {
        long first = config.firstRetry().toMillis();
        long backoff = Math.min(config.maxBackoff().toMillis(), first << Math.min(30, Math.max(0, outcome.attempt() - 1)));
        long wait = (long) (backoff * ThreadLocalRandom.current().nextDouble(0.5, 1.5));
        entityManager.createNativeQuery("""
                update webhook_delivery
                   set status = case when now() + cast(:wait as interval) > retry_until then 'dead' else 'pending' end,
                       next_attempt_at = now() + cast(:wait as interval), claimed_until = null,
                       last_status_code = :code, last_error = :error
                 where id = :id and attempts = :attempt and status = 'sending'
                """).setParameter("wait", wait + " milliseconds").setParameter("code", outcome.statusCode())
                .setParameter("error", outcome.error()).setParameter("id", outcome.deliveryId())
                .setParameter("attempt", outcome.attempt()).executeUpdate();
    }

    private void dead(Outcome outcome, String error) {
        entityManager.createNativeQuery("""
                update webhook_delivery set status = 'dead', last_status_code = :code, last_error = :error, claimed_until = null
                 where id = :id and attempts = :attempt and status = 'sending'
                """).setParameter("code", outcome.statusCode()).setParameter("error", error)
                .setParameter("id", outcome.deliveryId()).setParameter("attempt", outcome.attempt()).executeUpdate();
    }
}

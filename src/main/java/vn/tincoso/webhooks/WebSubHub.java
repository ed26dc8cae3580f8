package vn.tincoso.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.feeds.FeedRenderer;
import vn.tincoso.feeds.FeedService;
import vn.tincoso.feeds.FeedTopic;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.ConflictException;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.ProblemType;

/**
 * The WebSub hub (W3C Recommendation, 23 January 2018). A subscriber POSTs hub.mode, hub.topic (any feed URL of this
 * API, any filter), hub.callback, and optionally hub.lease_seconds and hub.secret; the request is checked at once (a
 * 400 names the field) and answered 202; the intent is then verified in the background (GET to the callback with
 * hub.challenge, which the callback must echo with a 2xx), and only then is the subscription made, renewed or ended.
 * A verification lost with its instance is not retried: the subscriber, never verified, asks again.
 *
 * A subscription is a webhook row with its topic (WebhookStore.subscribe): the fan-out sees when its topic's content
 * changes, and the outbox sends it the topic's first page as the feed URL serves it then, with Link rel="hub" and
 * rel="self" and, when it gave a secret, X-Hub-Signature: sha256=HMAC of the body.
 */
@ApplicationScoped
public class WebSubHub {

    /** hub.secret: "MUST be less than 200 bytes in length". */
    static final int MAX_SECRET_BYTES = 199;
    /** What of a verification answer is read: a challenge is 32 hex digits, and the callback may add a newline. */
    private static final int MAX_ANSWER_BYTES = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(WebSubHub.class);

    /** A subscriber's request, as posted. */
    public record Request(String mode, String topic, String callback, String leaseSeconds, String secret) {
    }

    private final WebhookStore store;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final FeedRenderer renderer;
    private final FeedService feeds;
    private final TincosoConfig.WebSub config;
    private final Duration timeout;
    private final Semaphore verifications;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "websub-verify");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;

    WebSubHub(WebhookStore store, WebhookSecrets secrets, WebhookTargets targets, FeedRenderer renderer, FeedService feeds,
            TincosoConfig config) {
        this.feeds = feeds;
        this.store = store;
        this.secrets = secrets;
        this.targets = targets;
        this.renderer = renderer;
        this.config = config.websub();
        this.timeout = config.webhooks().timeout();
        this.verifications = new Semaphore(this.config.maxPendingVerifications());
        // Not on the verification threads: they block in send.
        this.client = WebhookTargets.client(timeout);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Checks a request and starts verifying its intent; returns once it is accepted (202). {@code base} is the
     * public address the request came to: a topic must be a feed there.
     */
    public void accept(Request request, URI base) {
        secrets.requireConfigured();
        boolean subscribe = switch (required("hub.mode", request.mode())) {
            case "subscribe" -> true;
            case "unsubscribe" -> false;
            default -> throw new InvalidBodyException("hub.mode", "chỉ nhận subscribe hoặc unsubscribe");
        };
        URI callback = canonical(targets.checked("hub.callback", required("hub.callback", request.callback())));
        String topicUrl = required("hub.topic", request.topic());
        if (topicUrl.length() > 4_000) {
            throw new InvalidBodyException("hub.topic", "dài quá 4000 ký tự");
        }
        FeedTopic topic = FeedTopic.requested("hub.topic", topicUrl, base);
        Duration lease = lease(request.leaseSeconds());
        byte[] sealed = subscribe ? sealed(request.secret()) : null;
        if (subscribe) {
            readable(topic);
            if (store.countWebSub() >= config.maxSubscriptions() && !store.hasWebSub(callback.toString(), topicUrl)) {
                throw new ConflictException("", "Hub đã giữ " + config.maxSubscriptions() + " đăng ký, mức tối đa"
                        + " (tincoso.websub.max-subscriptions).");
            }
        }
        if (!verifications.tryAcquire()) {
            throw new TooManyVerifications(config.maxPendingVerifications());
        }
        try {
            executor.execute(() -> {
                try {
                    verify(subscribe, callback, topic, lease, sealed);
                } catch (RuntimeException e) {
                    LOG.infof("WebSub %s of %s to %s not verified: %s", subscribe ? "subscribe" : "unsubscribe", callback, topicUrl,
                            e.getMessage());
                } finally {
                    verifications.release();
                }
            });
        } catch (RuntimeException e) {
            verifications.release();
            throw e;
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidBodyException(field, "thiếu");
        }
        return value.strip();
    }

    /** The lease granted: the one asked for (or the default), within the hub's bounds. */
    private Duration lease(String asked) {
        if (asked == null || asked.isBlank()) {
            return config.lease();
        }
        long seconds;
        try {
            seconds = Long.parseLong(asked.strip());
        } catch (NumberFormatException e) {
            throw new InvalidBodyException("hub.lease_seconds", "phải là một số giây nguyên dương");
        }
        if (seconds <= 0) {
            throw new InvalidBodyException("hub.lease_seconds", "phải là một số giây nguyên dương");
        }
        Duration given = Duration.ofSeconds(seconds);
        return given.compareTo(config.minLease()) < 0 ? config.minLease() : given.compareTo(config.maxLease()) > 0 ? config.maxLease() : given;
    }

    private byte[] sealed(String secret) {
        if (secret == null || secret.isEmpty()) {
            return null;
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_SECRET_BYTES) {
            throw new InvalidBodyException("hub.secret", "phải ngắn hơn 200 byte");
        }
        return secrets.seal(secret);
    }

    /**
     * The callback with its scheme and host in lower case (RFC 3986 compares them without case), so that one callback
     * named two ways holds one subscription to a topic; path and query as given.
     */
    static URI canonical(URI callback) {
        String text = callback.toString();
        int authorityEnd = callback.getScheme().length() + 3 + callback.getRawAuthority().length();
        return URI.create(text.substring(0, authorityEnd).toLowerCase(java.util.Locale.ROOT) + text.substring(authorityEnd));
    }

    /** A topic whose feed answers an error now (a unit that does not exist) is refused, naming hub.topic. */
    private void readable(FeedTopic topic) {
        try {
            renderer.page(topic);
        } catch (ApiException e) {
            throw new InvalidBodyException("hub.topic", "nguồn tin này trả lỗi: " + e.getMessage());
        }
    }

    /** The GET of §5.3: on an echoed challenge, the subscription is made (or renewed) or ended. */
    private void verify(boolean subscribe, URI callback, FeedTopic feed, Duration lease, byte[] sealed) {
        String topic = feed.url();
        String mode = subscribe ? "subscribe" : "unsubscribe";
        String challenge = HexFormat.of().formatHex(randomBytes());
        String query = "hub.mode=" + mode + "&hub.topic=" + encoded(topic) + "&hub.challenge=" + challenge
                + (subscribe ? "&hub.lease_seconds=" + lease.toSeconds() : "");
        URI verification = URI.create(callback + (callback.getRawQuery() == null ? "?" : "&") + query);
        String refused = targets.refusal(verification);
        if (refused != null) {
            LOG.infof("WebSub %s of %s to %s not verified: %s", mode, callback, topic, refused);
            return;
        }
        try {
            HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(verification).timeout(timeout)
                    .header("user-agent", "tincoso-websub/1").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            String echoed;
            try (InputStream body = answer.body()) {
                echoed = new String(body.readNBytes(MAX_ANSWER_BYTES), StandardCharsets.UTF_8).strip();
            }
            if (answer.statusCode() / 100 != 2 || !echoed.equals(challenge)) {
                LOG.infof("WebSub %s of %s to %s not verified: HTTP %d%s", mode, callback, topic, answer.statusCode(),
                        echoed.equals(challenge) ? "" : ", challenge not echoed");
                return;
            }
        } catch (IOException e) {
            LOG.infof("WebSub %s of %s to %s not verified: %s", mode, callback, topic, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (subscribe) {
            store.subscribe(callback.toString(), topic, sealed, lease, feeds.ids(feed.query()));
        } else {
            store.unsubscribe(callback.toString(), topic);
        }
        LOG.infof("WebSub %s of %s to %s verified", mode, callback, topic);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The content distribution request of §7: the topic's first page now, as its feed URL serves it, with the hub
     * and the topic as Link headers and, if the subscriber gave a secret, X-Hub-Signature: sha256=HMAC of the body.
     */
    OutgoingPost contentDistribution(URI callback, String topicUrl, String secret) {
        FeedTopic topic = FeedTopic.stored(topicUrl)
                .orElseThrow(() -> new IllegalStateException("the topic no longer reads as a feed of this API"));
        FeedRenderer.TopicPage page = renderer.page(topic);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("content-type", page.mediaType());
        headers.put("user-agent", "tincoso-websub/1");
        headers.put("link", "<" + page.hub() + ">; rel=\"hub\", <" + topicUrl + ">; rel=\"self\"");
        if (secret != null) {
            headers.put("x-hub-signature", "sha256=" + signature(secret, page.body()));
        }
        return new OutgoingPost(callback, headers, page.body());
    }

    /** Lower-case hex of HMAC-SHA256 of the body under the subscriber's secret (its UTF-8 bytes). */
    static String signature(String secret, byte[] body) {
        return HexFormat.of().formatHex(WebhookSecrets.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** 503: this instance is verifying as many subscriptions as it may at once. */
    static final class TooManyVerifications extends ApiException {
        TooManyVerifications(int limit) {
            super(ProblemType.UNAVAILABLE, "Hub đang xác minh " + limit + " yêu cầu, mức tối đa"
                    + " (tincoso.websub.max-pending-verifications); thử lại sau.");
        }
    }
}

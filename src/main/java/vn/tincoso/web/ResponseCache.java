package vn.tincoso.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import vn.tincoso.config.TincosoConfig;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * This instance's memory of rendered public reads, for tincoso.response-cache.ttl: the bytes, ETag and headers
 * of a GET under /api/ that anyone may make. A repeated feed request, or a conditional one, is then answered
 * without a query or a serialisation ({@link PublicReads}); once it is older than the TTL, one request renders
 * it afresh ({@link HttpCaching} stores it) while the others still get the old copy, for one more TTL at most.
 * Writes through this instance clear it, so its own clients read their writes; other instances' writes show
 * within a TTL and a rendering, as replication lag would. Nothing here needs sharing: the same content has the
 * same ETag on every instance.
 */
@ApplicationScoped
public class ResponseCache {

    /** A rendered answer: its body, media type, ETag, Last-Modified, and the other headers to send again. */
    @RecordBuilder
    public record Entry(byte[] body, String contentType, String etag, Instant lastModified, List<Map.Entry<String, String>> headers,
            String metricsTemplate) {
    }

    /** An entry as kept: when it was rendered, and whether a request is already rendering its successor. */
    private record Kept(Entry entry, long renderedAt, AtomicBoolean renewing) {
    }

    private final Cache<String, Kept> entries;
    private final Ticker ticker;
    private final PublicAddress address;
    private final long ttlNanos;
    /** Moves on with every clear, so that an answer rendered before a write is not stored after it. */
    private final AtomicLong generation = new AtomicLong();

    ResponseCache(TincosoConfig config, Clock clock, PublicAddress address) {
        this.address = address;
        Duration ttl = config.responseCache().ttl();
        // The application's clock, so that tests move time instead of waiting.
        this.ticker = () -> clock.millis() * 1_000_000L;
        this.ttlNanos = ttl.toNanos();
        // Past its TTL an entry is still served while one request renders its successor, for another TTL at most.
        this.entries = ttl.isZero() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl.multipliedBy(2))
                .maximumWeight(config.responseCache().maxSize().asLongValue())
                .weigher((String key, Kept kept) -> key.length() + kept.entry().body().length)
                .ticker(ticker)
                .build();
    }

    /**
     * The key of a request whose answer may be shared, or empty when it may not: only public reads (GET or HEAD
     * under /api/, no credentials, no request for the primary's latest) are shared. The key is the public address
     * the answer's links start with (when it comes from the request), the path as the router resolves it, the query
     * as sent, and the Accept header, which chooses the format.
     */
    public Optional<String> keyOf(RoutingContext context) {
        if (entries == null || !PublicReads.isPublicRead(context)) {
            return Optional.empty();
        }
        String query = context.request().query();
        String uri = address.cacheKeyOf(context) + context.normalizedPath();
        return Optional.of(key(query == null ? uri : uri + "?" + query,
                context.request().getHeader(HttpHeaders.ACCEPT)));
    }

    private static String key(String uri, String accept) {
        return uri + "\n" + (accept == null ? "" : accept);
    }

    /**
     * The answer to send again, if there is one: a fresh one, or a stale one while another request renders its
     * successor. Empty when there is none, or when the caller is the one request that must render it again (so
     * that, when a popular entry expires, one request reaches the database rather than all of them at once).
     */
    public Optional<Entry> find(String key) {
        Kept kept = entries.getIfPresent(key);
        if (kept == null) {
            return Optional.empty();
        }
        boolean fresh = ticker.read() - kept.renderedAt() < ttlNanos;
        return fresh || !kept.renewing().compareAndSet(false, true) ? Optional.of(kept.entry()) : Optional.empty();
    }

    /** The current generation: take it before rendering, and give it back to {@link #store}. */
    public long generation() {
        return generation.get();
    }

    /** Keeps an answer rendered in {@code renderedIn}, unless a write has cleared the cache since. */
    public void store(String key, Entry entry, long renderedIn) {
        if (generation.get() == renderedIn) {
            entries.put(key, new Kept(entry, ticker.read(), new AtomicBoolean()));
            // A clear between the check and the put must not leave this (possibly older) answer behind.
            if (generation.get() != renderedIn) {
                entries.invalidate(key);
            }
        }
    }

    /** After a write through this instance: every stored answer may be out of date. */
    public void clear() {
        generation.incrementAndGet();
        if (entries != null) {
            entries.invalidateAll();
        }
    }
}

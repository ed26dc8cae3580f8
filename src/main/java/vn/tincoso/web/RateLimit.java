package vn.tincoso.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

import vn.tincoso.config.TincosoConfig;

/**
 * A token bucket per client address for public reads (checked by {@link PublicReads}, before any answer, even
 * one from the response cache). Buckets live in this instance's memory (each instance limits on its own), in a
 * bounded cache that forgets idle clients.
 */
@ApplicationScoped
public class RateLimit {

    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final boolean trustForwardedFor;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_CLIENTS).expireAfterAccess(Duration.ofMinutes(10)).build();

    RateLimit(TincosoConfig config) {
        this.perMinute = config.rateLimit().requestsPerMinute();
        this.trustForwardedFor = config.rateLimit().trustForwardedFor();
    }

    int perMinute() {
        return perMinute;
    }

    /** Counts one read against the client's budget: empty when it may go ahead, else the seconds to wait. */
    Optional<Long> retryAfter(HttpServerRequest request) {
        if (perMinute <= 0) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(client(request), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    private String client(HttpServerRequest request) {
        String forwarded = trustForwardedFor ? request.getHeader("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            // The last address is the one the trusted proxy saw; any before it came from the client and may be forged.
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        // The connection's own peer: Quarkus' forwarded address would be the first X-Forwarded-For hop, which a client
        // behind a proxy that appends to the header writes itself.
        return request.connection().remoteAddress() == null ? "unknown" : request.connection().remoteAddress().hostAddress();
    }
}

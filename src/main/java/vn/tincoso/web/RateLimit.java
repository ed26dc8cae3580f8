package vn.tincoso.web;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

import vn.tincoso.config.TincosoConfig;

/**
 * A token bucket per client address for public reads: a client over its rate gets 429 problem+json with
 * Retry-After. Buckets live in this instance's memory (each instance limits on its own), in a bounded
 * cache that forgets idle clients.
 */
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

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest connection, UriInfo uri) {
        if (perMinute <= 0 || !HttpMethod.GET.equals(request.getMethod()) || !uri.getPath().startsWith("/api/")) {
            return null;
        }
        Bucket bucket = buckets.get(client(request, connection), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        ProblemType type = ProblemType.TOO_MANY_REQUESTS;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "Quá " + perMinute + " yêu cầu mỗi phút; hãy thử lại sau " + retryAfter + " giây.", uri.getRequestUri().getRawPath(),
                java.util.List.of());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("Retry-After", retryAfter).build();
    }

    private String client(ContainerRequestContext request, HttpServerRequest connection) {
        String forwarded = trustForwardedFor ? request.getHeaderString("X-Forwarded-For") : null;
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip();
        }
        return connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
    }
}

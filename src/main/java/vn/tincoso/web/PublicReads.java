package vn.tincoso.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The front of the API, in the HTTP layer before any resource: a GET under /api/ (and any request to the WebSub
 * hub, public too) is first counted against its client's rate limit (429 problem+json with Retry-After over it), then answered from the {@link ResponseCache}
 * when it holds a fresh copy (304 when the client's If-None-Match or If-Modified-Since still holds), without a
 * worker thread, a query or a serialisation. Any other request under /api/ that succeeds clears the cache.
 */
@ApplicationScoped
public class PublicReads {

    /** Request header that asks for a read from the primary's latest data, e.g. just after a write. */
    public static final String CONSISTENCY_HEADER = "Consistency";
    /** Where the REST layer leaves the endpoint's template for the HTTP metrics (Micrometer reads it back). */
    static final String METRICS_TEMPLATE = "UrlPathTemplate";
    /**
     * The uri tag of a request no endpoint matched (an unknown path, a method the path does not take, an answer from
     * the HTTP layer): one value ("/UNMATCHED" at /q/metrics), never the raw path, so junk paths cannot fill the tag's
     * 100 values.
     */
    static final String UNMATCHED = "UNMATCHED";
    /** The cache's generation when the request arrived: HttpCaching stores its answer only if no write came since. */
    static final String GENERATION = "tincoso.response-cache.generation";

    private final RateLimit rateLimit;
    private final ResponseCache cache;
    private final ProblemWriter problems;
    /** The media types Quarkus compresses (quarkus.http.compress-media-types); empty when compression is off. */
    private final Set<String> compressed;

    PublicReads(RateLimit rateLimit, ResponseCache cache, ProblemWriter problems,
            @ConfigProperty(name = "quarkus.http.enable-compression") boolean compression,
            @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressedTypes) {
        this.rateLimit = rateLimit;
        this.cache = cache;
        this.problems = problems;
        this.compressed = compression ? Set.copyOf(compressedTypes) : Set.of();
    }

    /**
     * A read anyone may make and nobody needs fresher than a replica's lag or the response cache's TTL: a GET or
     * HEAD under /api/ without credentials and without {@code Consistency: strong}.
     */
    public static boolean isPublicRead(RoutingContext context) {
        HttpServerRequest request = context.request();
        return isRead(request) && isApi(context)
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && !"strong".equalsIgnoreCase(request.getHeader(CONSISTENCY_HEADER));
    }

    /**
     * Whether a GET of this request would be sent as it is, not compressed: only then does HEAD know its length (RFC
     * 9110 forbids a Content-Length on HEAD other than the one GET would send).
     */
    static boolean uncompressed(HttpServerRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted == null || accepted.isBlank() || accepted.strip().equalsIgnoreCase("identity");
    }

    /** GET and HEAD, which answer alike (HEAD without the body) and are limited and cached alike. */
    static boolean isRead(HttpServerRequest request) {
        return request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD;
    }

    /**
     * Whether the request is for the API, judged on the path as the router resolves it (dot segments removed,
     * unreserved escapes decoded, repeated slashes merged), so that "//api", "/%61pi" or "/q/../api" count as "/api".
     */
    static boolean isApi(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/");
    }

    /** The WebSub hub (webhooks.WebSubResource): anyone may post to it, so it is counted as a public read is. */
    static boolean isHub(RoutingContext context) {
        return context.normalizedPath().equals("/websub");
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_COMPRESSION + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (Vertx.currentContext() != null && !context.normalizedPath().startsWith("/q/")) {
            // The REST layer replaces it with the endpoint's template when one matches. (Quarkus's own endpoints
            // under /q/ are left alone: they are not measured.)
            Vertx.currentContext().putLocal(METRICS_TEMPLATE, UNMATCHED);
        }
        HttpServerRequest request = context.request();
        boolean hub = isHub(context);
        if (!isApi(context) && !hub) {
            context.next();
            return;
        }
        if (isRead(request) || hub) {
            Optional<Long> retryAfter = rateLimit.retryAfter(request);
            if (retryAfter.isPresent()) {
                problems.write(context, ProblemType.TOO_MANY_REQUESTS, "Quá " + rateLimit.perMinute() + " yêu cầu mỗi phút; hãy thử lại sau "
                        + retryAfter.get() + " giây.", List.of(), Map.of("Retry-After", retryAfter.get().toString()));
                return;
            }
        }
        if (hub) {
            // Public like a read, and each request may send a GET to its callback: counted, never cached.
            context.next();
            return;
        }
        if (isRead(request)) {
            Optional<String> key = cache.keyOf(context);
            Optional<ResponseCache.Entry> stored = key.flatMap(cache::find);
            if (stored.isPresent()) {
                answer(context, stored.get());
                return;
            }
            context.put(GENERATION, cache.generation());
        } else if (request.method() != HttpMethod.OPTIONS) {
            // A write: once it has succeeded, what was stored before may be out of date.
            context.addHeadersEndHandler(done -> {
                if (context.response().getStatusCode() < 400) {
                    cache.clear();
                }
            });
        }
        context.next();
    }

    private void answer(RoutingContext context, ResponseCache.Entry entry) {
        HttpServerRequest request = context.request();
        // Compressed as the REST layer's answers are (gzip when the client accepts it and the type is listed).
        context.addHeadersEndHandler(done -> HttpCompressionHandler.compressIfNeeded(context, compressed));
        HttpServerResponse response = context.response();
        entry.headers().forEach(header -> response.headers().add(header.getKey(), header.getValue()));
        if (entry.metricsTemplate() != null && Vertx.currentContext() != null) {
            Vertx.currentContext().putLocal(METRICS_TEMPLATE, entry.metricsTemplate());
        }
        if (Conditional.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                entry.etag(), entry.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, entry.contentType());
        if (request.method() == HttpMethod.HEAD) {
            if (uncompressed(request)) {
                response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(entry.body().length));
            }
            response.end();
        } else {
            response.end(Buffer.buffer(entry.body()));
        }
    }
}

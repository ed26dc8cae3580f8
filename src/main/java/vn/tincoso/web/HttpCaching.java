package vn.tincoso.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import vn.tincoso.config.TincosoConfig;

/**
 * HTTP caching for every successful GET of the API: a strong ETag computed from the bytes served (so the
 * same content has the same ETag on any instance, and a change of content changes it), 304 Not Modified
 * for a matching If-None-Match or, without one, an If-Modified-Since not older than Last-Modified (set by
 * the resources that know it), Cache-Control from configuration, and Vary on what changes the bytes.
 * The body is serialised here once, by the body writer of its media type, and handed on as bytes; a public
 * read's answer is also kept in the {@link ResponseCache}, from which {@link PublicReads} answers it again.
 */
public class HttpCaching {

    /** Headers that belong to one transmission, not to the answer kept in the response cache. */
    private static final Set<String> NOT_KEPT = Set.of("content-type", "content-length", "content-encoding", "transfer-encoding",
            // set on every request by CrossOrigin, before the cache answers
            "access-control-allow-origin", "access-control-expose-headers");

    private final ETags etags;
    private final ResponseCache responseCache;
    private final String cacheControl;

    HttpCaching(ETags etags, ResponseCache responseCache, TincosoConfig config) {
        this.etags = etags;
        this.responseCache = responseCache;
        this.cacheControl = "public, max-age=" + config.httpCache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.httpCache().staleWhileRevalidate().toSeconds();
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response, RoutingContext routing) {
        if (!PublicReads.isRead(routing.request()) || response.getStatus() != 200 || !response.hasEntity()
                || !PublicReads.isApi(routing)) {
            return;
        }
        // Every body this API writes is UTF-8, and says so. A resource that returned only an object writes JSON.
        MediaType type = ETags.utf8(response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE);
        byte[] body = etags.bytes(response.getEntity(), type);
        String etag = ETags.of(body, type);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        // What an editor reads with a token (drafts, revisions) is theirs alone and stored nowhere; a read that asked
        // for the primary's latest must not be answered from a cache later.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, PublicReads.isPublicRead(routing) ? cacheControl
                : routing.request().getHeader(HttpHeaders.AUTHORIZATION) != null ? "no-store" : "private, no-cache");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding, " + PublicReads.CONSISTENCY_HEADER);
        Instant lastModified = response.getLastModified() == null ? null : response.getLastModified().toInstant();
        Long renderedIn = routing.get(PublicReads.GENERATION);
        if (renderedIn != null) {
            responseCache.keyOf(routing)
                    .ifPresent(key -> responseCache.store(key, entry(body, type, etag, lastModified, response), renderedIn));
        }
        if (Conditional.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
                etag, lastModified)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        if (routing.request().method() == HttpMethod.HEAD && PublicReads.uncompressed(routing.request())) {
            // The length GET would send, with no body (known only when GET would not be compressed).
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length));
        }
        response.setEntity(body, null, type);
    }

    private static ResponseCache.Entry entry(byte[] body, MediaType type, String etag, Instant lastModified, ContainerResponseContext response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        String template = Vertx.currentContext() == null ? null : (String) Vertx.currentContext().getLocal(PublicReads.METRICS_TEMPLATE);
        return ResponseCacheEntryBuilder.builder()
                .body(body).contentType(type.toString()).etag(etag).lastModified(lastModified)
                .headers(List.copyOf(headers)).metricsTemplate(template)
                .build();
    }
}

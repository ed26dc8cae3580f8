package vn.tincoso.web;

import java.util.Date;
import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;


import vn.tincoso.config.TincosoConfig;

/**
 * HTTP caching for every successful GET of the API: a strong ETag computed from the bytes served (so the
 * same content has the same ETag on any instance, and a change of content changes it), 304 Not Modified
 * for a matching If-None-Match or, without one, an If-Modified-Since not older than Last-Modified (set by
 * the resources that know it), Cache-Control from configuration, and Vary on what changes the bytes.
 * The body is serialised here once and handed on as bytes.
 */
public class HttpCaching {

    private final ETags etags;
    private final String cacheControl;

    HttpCaching(ETags etags, TincosoConfig config) {
        this.etags = etags;
        this.cacheControl = "public, max-age=" + config.httpCache().maxAge().toSeconds()
                + ", stale-while-revalidate=" + config.httpCache().staleWhileRevalidate().toSeconds();
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        // Every body this API writes is UTF-8, and says so. A resource that returned only an object writes JSON.
        MediaType type = ETags.utf8(response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE);
        byte[] body = etags.bytes(response.getEntity());
        String etag = ETags.of(body, type);
        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        // What an editor reads with a token (drafts included) is theirs alone.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                request.getHeaderString(HttpHeaders.AUTHORIZATION) == null ? cacheControl : "private, no-cache");
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding");
        if (notModified(request, etag, response.getLastModified())) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        response.setEntity(body, null, type);
    }

    /** If-None-Match decides when present (RFC 9110 §13.2.2); If-Modified-Since only without it. */
    private static boolean notModified(ContainerRequestContext request, String etag, Date lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return ifNoneMatch.strip().equals("*") || List.of(ifNoneMatch.split(",")).stream()
                    .map(String::strip).map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag).anyMatch(etag::equals);
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            long since = java.time.ZonedDateTime.parse(ifModifiedSince, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().getEpochSecond();
            return lastModified.toInstant().getEpochSecond() <= since;
        } catch (java.time.format.DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
    }
}

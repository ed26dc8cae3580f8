package vn.tincoso.web;

import java.net.URI;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import vn.tincoso.config.TincosoConfig;

/**
 * Links to the request itself and to its next page: the request's own URL on the configured public base
 * (never the Host header), every parameter kept, the cursor replaced for the next page.
 */
@ApplicationScoped
public class PageLinks {

    public static final String CURSOR = "cursor";

    private final TincosoConfig config;

    PageLinks(TincosoConfig config) {
        this.config = config;
    }

    public NextPage next(UriInfo request, PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        String encoded = cursor.encode();
        return new NextPage(encoded, url(request, CURSOR + "=" + encoded));
    }

    /** The request's own URL, as a feed's self link. */
    public URI self(UriInfo request) {
        return url(request, null);
    }

    /** The request's query as the client wrote it (order and encoding kept), the cursor replaced when given. */
    private URI url(UriInfo request, String cursorParameter) {
        StringJoiner query = new StringJoiner("&");
        String raw = request.getRequestUri().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                boolean isCursor = pair.equals(CURSOR) || pair.startsWith(CURSOR + "=");
                if (!pair.isEmpty() && (cursorParameter == null || !isCursor)) {
                    query.add(pair);
                }
            }
        }
        if (cursorParameter != null) {
            query.add(cursorParameter);
        }
        String path = config.publicBaseUrl() + "/" + stripSlash(request.getPath());
        return URI.create(query.length() == 0 ? path : path + "?" + query);
    }

    /** Adds the RFC 8288 Link header for the next page, if there is one. */
    public Response.ResponseBuilder withLink(Response.ResponseBuilder response, NextPage next) {
        return next == null ? response : response.header("Link", "<" + next.url() + ">; rel=\"next\"");
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

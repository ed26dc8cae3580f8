package vn.tincoso.web;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


/**
 * Links to the request itself and to its next page: the request's own URL on the {@link PublicAddress}, with the parameters the endpoint knows (an unknown one, such as a credential a client put
 * in the query, is never echoed into a link a cache may keep), the cursor replaced for the next page.
 */
@ApplicationScoped
public class PageLinks {

    public static final String CURSOR = "cursor";

    private final PublicAddress address;

    PageLinks(PublicAddress address) {
        this.address = address;
    }

    /** @param known the parameters the endpoint declares, the only ones the link carries */
    public NextPage next(UriInfo request, PageCursor cursor, Set<String> known) {
        if (cursor == null) {
            return null;
        }
        String encoded = cursor.encode();
        return new NextPage(encoded, url(request, stripSlash(request.getPath()), CURSOR + "=" + encoded, known));
    }

    /** The request's own URL, as a feed's self link. */
    public URI self(UriInfo request, Set<String> known) {
        return url(request, stripSlash(request.getPath()), null, known);
    }

    /** The same filter, without the cursor, at another path of the API: a feed's alternate, the JSON list. */
    public URI elsewhere(UriInfo request, String path, Set<String> known) {
        Set<String> filter = new HashSet<>(known);
        filter.remove(CURSOR);
        return url(request, stripSlash(path), null, filter);
    }

    /**
     * The request's known parameters as the client wrote them (order and encoding kept) on {@code path}, the cursor
     * replaced when {@code cursorParameter} is given.
     */
    private URI url(UriInfo request, String path, String cursorParameter, Set<String> known) {
        StringJoiner query = new StringJoiner("&");
        String raw = request.getRequestUri().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String name = java.net.URLDecoder.decode(pair.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
                boolean isCursor = name.equals(CURSOR);
                if (!pair.isEmpty() && known.contains(name) && (cursorParameter == null || !isCursor)) {
                    query.add(pair);
                }
            }
        }
        if (cursorParameter != null) {
            query.add(cursorParameter);
        }
        URI url = address.resolve(path);
        return query.length() == 0 ? url : URI.create(url + "?" + query);
    }

    /** Adds the RFC 8288 Link header for the next page, if there is one. */
    public Response.ResponseBuilder withLink(Response.ResponseBuilder response, NextPage next) {
        return next == null ? response : withLink(response, next.url());
    }

    /** The same, for a feed page's next URL (null on the last page). */
    public Response.ResponseBuilder withLink(Response.ResponseBuilder response, URI next) {
        return next == null ? response : response.header("Link", "<" + next + ">; rel=\"next\"");
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

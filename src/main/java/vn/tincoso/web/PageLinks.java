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
        return next(Target.of(request, address), cursor, known);
    }

    /** The same, for a page read somewhere other than in a request (a WebSub topic rendered for its subscribers). */
    public NextPage next(Target request, PageCursor cursor, Set<String> known) {
        if (cursor == null) {
            return null;
        }
        String encoded = cursor.encode();
        return new NextPage(encoded, url(request, request.path(), CURSOR + "=" + encoded, known));
    }

    /** The request's parameters, cursor included, at another path: a feed's self link at the format's own URL. */
    public URI at(Target request, String path, Set<String> known) {
        return url(request, stripSlash(path), null, known);
    }

    /** The same filter, without the cursor, at another path of the API: a feed's alternate, the JSON list. */
    public URI elsewhere(UriInfo request, String path, Set<String> known) {
        return elsewhere(Target.of(request, address), path, known);
    }

    public URI elsewhere(Target request, String path, Set<String> known) {
        Set<String> filter = new HashSet<>(known);
        filter.remove(CURSOR);
        return url(request, stripSlash(path), null, filter);
    }

    /**
     * What links are made of: the public address the request came to, its path (relative, no leading slash) and its
     * query string as the client wrote it (null if none).
     */
    public record Target(URI base, String path, String rawQuery) {

        public static Target of(UriInfo request, PublicAddress address) {
            return new Target(address.base(), stripSlash(request.getPath()), request.getRequestUri().getRawQuery());
        }
    }

    /** The request of this UriInfo as a {@link Target} on the public address. */
    public Target target(UriInfo request) {
        return Target.of(request, address);
    }

    /**
     * The request's known parameters as the client wrote them (order and encoding kept) on {@code path}, the cursor
     * replaced when {@code cursorParameter} is given.
     */
    private static URI url(Target request, String path, String cursorParameter, Set<String> known) {
        StringJoiner query = new StringJoiner("&");
        String raw = request.rawQuery();
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
        URI url = URI.create(request.base() + "/" + path);
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

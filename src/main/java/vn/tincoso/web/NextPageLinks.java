package vn.tincoso.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import vn.tincoso.config.TincosoConfig;

/**
 * Next-page links: the request's own URL on the configured public base (never the Host header) with
 * every parameter kept and the cursor replaced.
 */
@ApplicationScoped
public class NextPageLinks {

    public static final String CURSOR = "cursor";

    private final TincosoConfig config;

    NextPageLinks(TincosoConfig config) {
        this.config = config;
    }

    public NextPage next(UriInfo request, PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        String encoded = cursor.encode();
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : request.getQueryParameters().entrySet()) {
            if (!parameter.getKey().equals(CURSOR)) {
                parameter.getValue().forEach(value -> query.add(encode(parameter.getKey()) + "=" + encode(value)));
            }
        }
        query.add(CURSOR + "=" + encoded);
        return new NextPage(encoded, URI.create(config.publicBaseUrl() + "/" + stripSlash(request.getPath()) + "?" + query));
    }

    /** Adds the RFC 8288 Link header for the next page, if there is one. */
    public Response.ResponseBuilder withLink(Response.ResponseBuilder response, NextPage next) {
        return next == null ? response : response.header("Link", "<" + next.url() + ">; rel=\"next\"");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}

package vn.tincoso.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

import vn.tincoso.config.TincosoConfig;

/**
 * The address clients reach the API at, the start of every absolute URL it prints (next pages, article URLs,
 * Location, feed links): {@code tincoso.public-base-url} when it is set; otherwise the request's own scheme, host and
 * port — behind a proxy that {@code quarkus.http.proxy.trusted-proxies} trusts, as its {@code Forwarded} or
 * {@code X-Forwarded-Proto/-Host/-Port/-Prefix} headers say (Quarkus applies them to the request before any code
 * here reads it). Outside a request (a scheduled job), the configured address or this instance's own port on
 * localhost.
 */
@ApplicationScoped
public class PublicAddress {

    private static final String REQUEST_ADDRESS = PublicAddress.class.getName();

    private final Optional<URI> configured;
    private final int port;

    PublicAddress(TincosoConfig config, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.configured = config.publicBaseUrl().map(PublicAddress::withoutTrailingSlash);
        this.port = port;
    }

    /** {@code path} (relative, no leading slash) on the public address. */
    public URI resolve(String path) {
        return URI.create(base() + "/" + path);
    }

    /**
     * The public address of the request being served (or the fallback), without a trailing slash; worked out once
     * per request (a page prints some twenty URLs).
     */
    public URI base() {
        return configured.orElseGet(() -> CurrentRequest.get().map(PublicAddress::ofRequestOnce)
                .orElseGet(() -> URI.create("http://localhost:" + port)));
    }

    /**
     * What of a request decides the public address its answer prints, for the response cache's key: nothing when
     * the address is configured, else the scheme, authority and prefix as Quarkus resolved them.
     */
    public String cacheKeyOf(RoutingContext context) {
        HttpServerRequest request = context.request();
        return configured.isPresent() ? "" : request.scheme() + "://" + request.authority() + prefix(request);
    }

    private static URI ofRequestOnce(RoutingContext context) {
        URI known = context.get(REQUEST_ADDRESS);
        if (known == null) {
            known = ofRequest(context.request());
            context.put(REQUEST_ADDRESS, known);
        }
        return known;
    }

    private static URI ofRequest(HttpServerRequest request) {
        String scheme = request.scheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new UnusableAddress(headerOf(request, "X-Forwarded-Proto", "X-Forwarded-Proto"), "scheme '" + scheme + "'");
        }
        HostAndPort authority = request.authority();
        String host = authority == null ? request.localAddress().hostAddress() : authority.host();
        int port = authority == null ? request.localAddress().port() : authority.port();
        try {
            return new URI(scheme, null, bracketed(host), isDefault(scheme, port) ? -1 : port, prefix(request), null, null);
        } catch (URISyntaxException e) {
            throw new UnusableAddress(headerOf(request, "X-Forwarded-Host", "Host"), e.getReason());
        }
    }

    /**
     * The path a trusted proxy serves the API under (X-Forwarded-Prefix), or "" — what Quarkus put before the
     * request's own URI: {@code uri()} is the prefix followed by the original path and query, {@code path()} the
     * original path alone.
     */
    private static String prefix(HttpServerRequest request) {
        String uri = request.uri();
        int original = request.path().length() + (request.query() == null ? 0 : request.query().length() + 1);
        String prefix = uri.length() > original ? uri.substring(0, uri.length() - original) : "";
        return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static String bracketed(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static boolean isDefault(String scheme, int port) {
        return port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    }

    /**
     * The header a part of the address came from: Forwarded when a proxy sent it (it wins), else that part's
     * X-Forwarded header when sent, else the request's own ({@code direct}).
     */
    private static String headerOf(HttpServerRequest request, String forwarded, String direct) {
        if (request.getHeader("Forwarded") != null) {
            return "Forwarded";
        }
        return request.getHeader(forwarded) != null ? forwarded : direct;
    }

    private static URI withoutTrailingSlash(URI address) {
        String text = address.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : address;
    }

    /** A Host or forwarding header no URL can be made of. */
    static final class UnusableAddress extends ApiException {
        UnusableAddress(String header, String reason) {
            super(ProblemType.BAD_REQUEST, "Không dựng được địa chỉ công khai từ header '" + header + "': " + reason,
                    header, reason);
        }
    }
}

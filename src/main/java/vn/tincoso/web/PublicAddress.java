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
    private static final ThreadLocal<URI> RENDERING_FOR = new ThreadLocal<>();
    /** A port: 1 to 65535. */
    private static final String PORT_NUMBER = "(6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})";
    private static final java.util.regex.Pattern PORT = java.util.regex.Pattern.compile(PORT_NUMBER);
    /**
     * host[:port] as RFC 3986 has it, narrowed to what a link can carry: a DNS name or IPv4 address (letters,
     * digits, hyphens, dots; no user, path, query or fragment), or an IPv6 address in brackets.
     */
    private static final java.util.regex.Pattern AUTHORITY = java.util.regex.Pattern.compile(
            "([A-Za-z0-9_]([A-Za-z0-9_-]{0,62})?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})?)*\\.?|\\[[0-9A-Fa-f:.]{2,45}])(:" + PORT_NUMBER + ")?");
    /** A path prefix: segments of RFC 3986 path characters, no query, fragment, space or quote. */
    private static final java.util.regex.Pattern PATH = java.util.regex.Pattern.compile("(/[A-Za-z0-9._~!$&'()*+,;=:@%-]*)*");

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
        return configured.orElseGet(() -> Optional.ofNullable(RENDERING_FOR.get()).orElseGet(() -> CurrentRequest.get()
                .map(PublicAddress::ofRequestOnce).orElseGet(() -> URI.create("http://localhost:" + port))));
    }

    /**
     * What {@code work} returns when run as if serving a request that came to {@code base}: every link it prints
     * starts there (unless the address is configured). For pages rendered outside a request, such as the WebSub
     * topic's page sent to its subscribers at the address they subscribed at.
     */
    public <T> T as(URI base, java.util.function.Supplier<T> work) {
        RENDERING_FOR.set(base);
        try {
            return work.get();
        } finally {
            RENDERING_FOR.remove();
        }
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

    /**
     * Why the request's address cannot be printed in a link, if it cannot: the Host (or the address a trusted proxy
     * forwarded) is not a host name or IP address with an optional port 1-65535, the scheme is not http or https, or
     * the forwarded prefix is not a path. Checked on every request before anything reads it (RequestGuard), so a
     * Host header like "a b", "good.vn#x" or "evil.vn/path" is a 400 naming the header, never a broken link.
     */
    static Optional<UnusableAddress> problemWith(HttpServerRequest request) {
        String scheme = request.scheme() == null ? "http" : request.scheme().toLowerCase(java.util.Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            return Optional.of(new UnusableAddress(headerOf(request, "X-Forwarded-Proto", "X-Forwarded-Proto"), "scheme '" + request.scheme() + "'"));
        }
        String port = request.getHeader("X-Forwarded-Port");
        if (port != null && !PORT.matcher(port.strip()).matches()) {
            return Optional.of(new UnusableAddress("X-Forwarded-Port", "không phải cổng 1-65535"));
        }
        String prefix = request.getHeader("X-Forwarded-Prefix");
        if (prefix != null && !PATH.matcher(prefix.strip()).matches()) {
            return Optional.of(new UnusableAddress("X-Forwarded-Prefix", "không phải một đường dẫn (/…, không có ?, # hay khoảng trắng)"));
        }
        // Once Quarkus has applied a trusted proxy's headers, Host reads as what it forwarded; an untrusted client's
        // are ignored, so its Host is its own. Either way the header to blame is the one the value came in.
        String host = request.getHeader("Host");
        HostAndPort authority = request.authority();
        if ((host != null && !AUTHORITY.matcher(host).matches())
                || (authority != null && (authority.port() == 0 || authority.port() > 65535))) {
            return Optional.of(new UnusableAddress(headerOf(request, "X-Forwarded-Host", "Host"),
                    "không phải tên máy hoặc địa chỉ IP, kèm cổng 1-65535 nếu có"));
        }
        return Optional.empty();
    }

    private static URI ofRequest(HttpServerRequest request) {
        // RequestGuard has answered any request this refuses; checked again for one that took another way here.
        problemWith(request).ifPresent(problem -> {
            throw problem;
        });
        String scheme = request.scheme().toLowerCase(java.util.Locale.ROOT);
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
        if (!uri.startsWith("/")) {
            // The absolute form of a request target (RFC 9112 3.2.2, "GET http://host/path"): its path is the URI.
            int authority = uri.indexOf("://");
            int path = authority < 0 ? -1 : uri.indexOf('/', authority + 3);
            uri = path < 0 ? "/" : uri.substring(path);
        }
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

package vn.tincoso.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import vn.tincoso.config.TincosoConfig;

/**
 * CORS, in the HTTP layer before anything answers (so cached answers and problem documents carry it too). Reads are
 * public: a GET or HEAD from any origin answers {@code Access-Control-Allow-Origin: *}, without credentials, exposing
 * the caching and paging headers. Writes are for the origins configured in {@code tincoso.cors.write-origins} alone:
 * their preflights are allowed and their answers name them; another origin's preflight for a write is a 403.
 */
@ApplicationScoped
public class CrossOrigin {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String EXPOSED = "ETag, Last-Modified, Link, Location, Retry-After";
    private static final String READ_HEADERS = "Authorization, Consistency, If-None-Match, If-Modified-Since";
    private static final String WRITE_HEADERS = "Authorization, Content-Type, If-Match, Consistency, If-None-Match";
    private static final String ONE_DAY = "86400";

    private final List<String> writeOrigins;
    private final ProblemWriter problems;

    CrossOrigin(TincosoConfig config, ProblemWriter problems) {
        this.writeOrigins = config.cors().writeOrigins().orElse(List.of());
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        HttpMethod method = context.request().method();
        String requested = context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        boolean writer = writeOrigins.contains(origin);
        HttpServerResponse response = context.response();
        if (method == HttpMethod.OPTIONS && requested != null) {
            boolean read = READS.stream().anyMatch(reading -> reading.name().equalsIgnoreCase(requested.strip()));
            preflight(context, origin, read, writer);
            return;
        }
        if (READS.contains(method)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        } else if (writer) {
            allowWriter(response, origin);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
        context.next();
    }

    /** @param read whether the browser asks about a GET or HEAD (else about a write) */
    private void preflight(RoutingContext context, String origin, boolean read, boolean writer) {
        HttpServerResponse response = context.response();
        if (read) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, READ_HEADERS);
        } else if (writer) {
            allowWriter(response, origin);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, PUT, PATCH, DELETE")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, WRITE_HEADERS);
        } else {
            // The origin is not echoed: it is the client's text, of any length and encoding.
            problems.write(context, ProblemType.FORBIDDEN, "Trang của nguồn (Origin) này không được ghi qua API "
                    + "(tincoso.cors.write-origins); mọi trang đều được đọc.", List.of(), Map.of());
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, ONE_DAY).setStatusCode(204).end();
    }

    private static void allowWriter(HttpServerResponse response, String origin) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).putHeader(HttpHeaders.VARY, "Origin");
    }
}

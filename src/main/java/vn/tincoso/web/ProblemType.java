package vn.tincoso.web;

import java.net.URI;

/** Every kind of problem the API answers with: a stable type URI, a fixed title and the HTTP status. */
public enum ProblemType {
    INVALID_PARAMETER("invalid-parameter", "Invalid request parameter", 400),
    INVALID_BODY("invalid-body", "Invalid request body", 400),
    BAD_REQUEST("bad-request", "Malformed request", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    CONFLICT("conflict", "Conflict with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "The article has changed", 412),
    PRECONDITION_REQUIRED("precondition-required", "If-Match required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    BODY_TOO_LARGE("body-too-large", "Request body too large", 413),
    QUERY_TOO_LONG("query-too-long", "Query string too long", 414),
    HEADERS_TOO_LARGE("headers-too-large", "Request headers too large", 431),
    SYNC_EXPIRED("sync-position-expired", "Sync position expired", 410),
    UNPROCESSABLE_ARTICLE("unprocessable-article", "Article cannot be imported", 422),
    INTERNAL_ERROR("internal-error", "Internal server error", 500),
    UNAVAILABLE("unavailable", "Service temporarily unavailable", 503);

    private static final String BASE = "https://tincoso.vn/problems/";

    private final URI uri;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}

package vn.tincoso.web;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes a problem+json answer straight from the HTTP layer, for the checks that run before a request reaches
 * the REST resources (RequestGuard, PublicReads); everything later goes through ProblemMapper.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Sends the problem; the future completes once it is written. */
    Future<Void> write(RoutingContext context, ProblemType type, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        Problem problem = ProblemBuilder.builder().type(type.uri()).title(type.title()).status(type.status())
                .detail(detail).instance(context.request().path()).errors(errors).build();
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.forEach(context.response()::putHeader);
        return context.response().end(body);
    }
}

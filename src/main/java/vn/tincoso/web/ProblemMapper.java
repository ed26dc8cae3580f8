package vn.tincoso.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into an RFC 9457 problem+json answer. Titles are fixed per type; details speak to
 * the API user; nothing internal (class names, stack traces, SQL) ever reaches the body.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response answer = answer(e.type().uri(), e.type().title(), e.type().status(), e.getMessage(), uri, e.errors());
        if (e.type() == ProblemType.UNAVAILABLE) {
            return Response.fromResponse(answer).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        return answer;
    }

    // JAX-RS picks the most specific mapper, so the Hibernate Validator subtype needs its own entry.
    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
        return invalid(e, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
        return invalid(e, uri);
    }

    /** A body that is not JSON, or whose JSON does not fit: the field as a JSON pointer, never a Java type. */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    // Quarkus answers these itself, outside problem+json, unless a more specific mapper exists.
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /**
     * Two writers of one article raced past the row lock (a write path that does not take it): the loser's
     * If-Match no longer holds, which is what 412 says.
     */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, UriInfo uri) {
        ProblemType type = ProblemType.PRECONDITION_FAILED;
        return answer(type.uri(), type.title(), type.status(), "Bài vừa được sửa bởi một yêu cầu khác; hãy đọc lại rồi sửa.", uri,
                List.of(new Problem.FieldError("If-Match", "không còn là ETag hiện tại")));
    }

    /** No token, or one that does not verify: say how to authenticate. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        ProblemType type = ProblemType.UNAUTHENTICATED;
        return Response.fromResponse(answer(type.uri(), type.title(), type.status(),
                "Cần mã truy cập hợp lệ: Authorization: Bearer <JWT>.", uri, List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        ProblemType type = ProblemType.FORBIDDEN;
        return answer(type.uri(), type.title(), type.status(), "Tài khoản này không có quyền làm việc này.", uri, List.of());
    }

    /** The framework's own HTTP errors: unknown path, wrong method, unacceptable media type. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return internal(e, uri);
        }
        if (status.getStatusCode() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // The JSON reader's own answer to a body that does not parse.
            return unreadable(unreadable, uri);
        }
        if (status.getStatusCode() == 400) {
            ProblemType type = ProblemType.INVALID_BODY;
            return answer(type.uri(), type.title(), 400, "Không đọc được nội dung yêu cầu.", uri, List.of());
        }
        if (status.getStatusCode() == 404) {
            ProblemType type = ProblemType.NOT_FOUND;
            return answer(type.uri(), type.title(), 404, "Không có tài nguyên tại địa chỉ này.", uri, List.of());
        }
        return answer(URI.create("about:blank"), status.getReasonPhrase(), status.getStatusCode(), null, uri, List.of());
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseUnavailable.causedBy(e)) {
            LOG.warnf("Database unavailable answering %s: %s", uri.getRequestUri(), e.getMessage());
            ProblemType type = ProblemType.UNAVAILABLE;
            return Response.fromResponse(answer(type.uri(), type.title(), type.status(),
                    "Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau.", uri, List.of()))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseUnavailable.uniqueViolation(e)) {
            // Two writers raced for the same unique value (a slug, a source URL): the loser may simply retry.
            ProblemType type = ProblemType.CONFLICT;
            return answer(type.uri(), type.title(), type.status(), "Một yêu cầu khác vừa ghi cùng giá trị; hãy thử lại.", uri, List.of());
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // A chunked body ran past quarkus.http.limits.max-body-size while being read: Quarkus has already
            // answered 413 and closed the connection, so this document only completes the picture.
            ProblemType type = ProblemType.BODY_TOO_LARGE;
            return answer(type.uri(), type.title(), type.status(), "Thân yêu cầu vượt quá giới hạn.", uri,
                    List.of(new Problem.FieldError("body", "quá lớn")));
        }
        return internal(e, uri);
    }

    private Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure answering %s", uri.getRequestUri());
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return answer(type.uri(), type.title(), type.status(), "Máy chủ gặp lỗi không mong muốn.", uri, List.of());
    }

    private Response unreadable(JsonProcessingException e, UriInfo uri) {
        Problem.FieldError error = JsonErrors.of(e);
        ProblemType type = ProblemType.INVALID_BODY;
        String where = error.field().isEmpty() ? "Nội dung yêu cầu" : "Trường '" + error.field() + "'";
        return answer(type.uri(), type.title(), type.status(), where + " " + error.message() + ".", uri, List.of(error));
    }

    private Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(JsonErrors.pointer(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        ProblemType type = ProblemType.INVALID_BODY;
        return answer(type.uri(), type.title(), type.status(), "Yêu cầu có " + errors.size() + " trường không hợp lệ.", uri, errors);
    }

    private static Response answer(URI type, String title, int status, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem problem = ProblemBuilder.builder()
                .type(type).title(title).status(status).detail(detail).instance(instance(uri)).errors(errors).build();
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The path alone: a query string may hold credentials (access_token=…), and nothing echoes them. */
    private static String instance(UriInfo uri) {
        return uri.getRequestUri().getRawPath();
    }
}

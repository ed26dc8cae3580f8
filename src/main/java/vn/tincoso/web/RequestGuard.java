package vn.tincoso.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import vn.tincoso.config.TincosoConfig;

/**
 * Checks every request before anything reads it, and answers problem+json where the HTTP layer would
 * answer with an empty body or let bad bytes through to the database:
 * <ul>
 * <li>a query string longer than tincoso.limits.max-query-length: 414 naming its longest parameter;</li>
 * <li>headers larger than tincoso.limits.max-header-size in all: 431 naming the largest;</li>
 * <li>a body declared larger than quarkus.http.limits.max-body-size: 413;</li>
 * <li>a path or parameter that is not percent-encoded UTF-8 (raw bytes beyond ASCII included), or holds U+0000
 * (which PostgreSQL text cannot store): 400 naming the parameter;</li>
 * <li>a Host, or forwarded address, no link can be made of ({@link PublicAddress#problemWith}): 400 naming the
 * header.</li>
 * </ul>
 * Runs just before Quarkus's own body-size check. Some requests never get here, and are answered by the HTTP
 * decoder with an empty 400, 414 or 431 and a closed connection (Quarkus offers no hook to answer them): a request
 * line longer than quarkus.http.limits.max-initial-line-length, headers beyond quarkus.http.limits.max-header-size,
 * a Content-Length that is not a number the decoder accepts ("-1", 20 digits), and a URI that is not a URI at all
 * (a broken escape such as "%zz" or a bare "%"), which no client library sends.
 */
@ApplicationScoped
public class RequestGuard {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RequestGuard.class);

    private final long maxBodyBytes;
    private final int maxQueryLength;
    private final long maxHeaderBytes;
    private final ProblemWriter problems;

    RequestGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, TincosoConfig config,
            ProblemWriter problems) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.maxQueryLength = config.limits().maxQueryLength();
        this.maxHeaderBytes = config.limits().maxHeaderSize().asLongValue();
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check).failureHandler(this::failed);
    }

    /**
     * A chunked body declares no length: it is read here, up to the limit, before the REST layer (which then takes
     * the body read), so that running over the limit is answered by {@link #bodyTooLarge} as a problem document.
     */
    private void readChunkedBody(RoutingContext context) {
        BodyHandler.create(false).setBodyLimit(maxBodyBytes).setHandleFileUploads(false).handle(context);
    }

    /**
     * A request the HTTP layer failed before any resource (a chunked body over the limit, a request without Host):
     * answered as a problem document too, and anything unexpected without a word of its cause.
     */
    private void failed(RoutingContext context) {
        if (context.response().headWritten() || context.response().ended()) {
            context.next();
            return;
        }
        int status = context.statusCode();
        if (status == 413) {
            answer(context, ProblemType.BODY_TOO_LARGE, "Thân yêu cầu vượt quá " + maxBodyBytes + " byte.", "body", "quá lớn");
        } else if (status >= 400 && status < 500) {
            problems.write(context, status == 404 ? ProblemType.NOT_FOUND : ProblemType.BAD_REQUEST,
                    "Yêu cầu không đúng dạng HTTP mà API nhận.", List.of(), Map.of());
        } else if (context.failure() != null && DatabaseUnavailable.causedBy(context.failure())) {
            problems.write(context, ProblemType.UNAVAILABLE, "Cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau.", List.of(),
                    Map.of("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
        } else {
            LOG.errorf(context.failure(), "Unexpected failure answering %s", context.request().path());
            problems.write(context, ProblemType.INTERNAL_ERROR, "Máy chủ gặp lỗi không mong muốn.", List.of(), Map.of());
        }
    }

    private void check(RoutingContext context) {
        String query = context.request().query();
        if (query != null && query.length() > maxQueryLength) {
            answer(context, ProblemType.QUERY_TOO_LONG, "Chuỗi truy vấn dài " + query.length() + " ký tự, tối đa " + maxQueryLength + ".",
                    longestParameter(query), "quá dài");
            return;
        }
        long headerBytes = 0;
        Map.Entry<String, String> largest = null;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerBytes += header.getKey().length() + header.getValue().length();
            if (largest == null || header.getValue().length() > largest.getValue().length()) {
                largest = header;
            }
        }
        if (headerBytes > maxHeaderBytes) {
            answer(context, ProblemType.HEADERS_TOO_LARGE, "Các header dài " + headerBytes + " byte, tối đa " + maxHeaderBytes + ".",
                    largest.getKey(), "quá dài");
            return;
        }
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.chars().allMatch(Character::isDigit) && declared.length() < 19
                && Long.parseLong(declared) > maxBodyBytes) {
            answer(context, ProblemType.BODY_TOO_LARGE, "Thân yêu cầu " + declared + " byte, tối đa " + maxBodyBytes + " byte.",
                    "body", "quá lớn");
            return;
        }
        Optional<String> malformed = malformedPart(context.request().path(), query);
        if (malformed.isPresent()) {
            answer(context, ProblemType.INVALID_PARAMETER, "Tham số '" + malformed.get() + "' không phải văn bản UTF-8 hợp lệ.",
                    malformed.get(), "không phải văn bản UTF-8 hợp lệ");
            return;
        }
        Optional<PublicAddress.UnusableAddress> address = PublicAddress.problemWith(context.request());
        if (address.isPresent()) {
            problems.write(context, ProblemType.BAD_REQUEST, address.get().getMessage(), address.get().errors(), Map.of());
            return;
        }
        if (declared == null && "chunked".equalsIgnoreCase(context.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
            readChunkedBody(context);
            return;
        }
        context.next();
    }

    /** The parameter most to blame for a long query: the one with the longest name and values, as sent. */
    private static String longestParameter(String query) {
        String longest = "query";
        int length = -1;
        for (String pair : query.split("&")) {
            if (pair.length() > length) {
                length = pair.length();
                longest = readableName(pair);
            }
        }
        return longest;
    }

    /** "path", or the name of the first parameter (or "query") whose name or value does not decode. */
    private static Optional<String> malformedPart(String path, String query) {
        if (path != null && decode(path).isEmpty()) {
            return Optional.of("path");
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (decode(name.replace('+', ' ')).isEmpty() || decode(value.replace('+', ' ')).isEmpty()) {
                return Optional.of(readableName(pair));
            }
        }
        return Optional.empty();
    }

    private static String readableName(String pair) {
        int equals = pair.indexOf('=');
        return decode((equals < 0 ? pair : pair.substring(0, equals)).replace('+', ' ')).filter(name -> !name.isBlank()).orElse("query");
    }

    /** Percent-decoded strict UTF-8 without U+0000; empty when it is not that. */
    private static Optional<String> decode(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else if (c >= 0x80) {
                return Optional.empty(); // a URI is ASCII: other bytes must be percent-encoded
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return text.chars().anyMatch(ch -> ch == 0) ? Optional.empty() : Optional.of(text.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private void answer(RoutingContext context, ProblemType type, String detail, String field, String message) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field, message));
        if (type == ProblemType.BODY_TOO_LARGE) {
            // The body is never read: the connection is closed after the answer rather than drained.
            problems.write(context, type, detail, errors, Map.of(HttpHeaders.CONNECTION.toString(), "close"))
                    .onComplete(done -> context.request().connection().close());
        } else {
            problems.write(context, type, detail, errors, Map.of());
        }
    }
}

package vn.tincoso.web;

import java.util.List;

/**
 * A failure the client caused or can act on. Resources throw these; {@link ProblemMapper} turns them
 * into RFC 9457 problem documents, naming the offending field or parameter when there is one.
 */
public abstract class ApiException extends RuntimeException {

    private final ProblemType type;
    private final String field;
    private final String reason;

    protected ApiException(ProblemType type, String detail) {
        this(type, detail, null, null);
    }

    /** @param field the offending field or parameter, and {@code reason} what is wrong with it */
    protected ApiException(ProblemType type, String detail, String field, String reason) {
        super(detail);
        this.type = type;
        this.field = field;
        this.reason = reason;
    }

    public ProblemType type() {
        return type;
    }

    /** The offending field or parameter; null when the problem is not about one. */
    public String field() {
        return field;
    }

    public List<Problem.FieldError> errors() {
        return field == null ? List.of() : List.of(new Problem.FieldError(field, reason));
    }
}

package vn.tincoso.web;

import java.util.List;

/**
 * A failure the client caused or can act on. Resources throw these; {@link ProblemMapper} turns them
 * into RFC 9457 problem documents.
 */
public abstract class ApiException extends RuntimeException {

    private final ProblemType type;

    protected ApiException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    /** The offending fields or parameters, if any. */
    public List<Problem.FieldError> errors() {
        return List.of();
    }
}

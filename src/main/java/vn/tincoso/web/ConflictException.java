package vn.tincoso.web;

import java.util.List;

/** The request is valid but clashes with what exists, e.g. a slug that is taken. */
public class ConflictException extends ApiException {

    private final String field;

    public ConflictException(String field, String detail) {
        super(ProblemType.CONFLICT, detail);
        this.field = field;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(field, getMessage()));
    }
}

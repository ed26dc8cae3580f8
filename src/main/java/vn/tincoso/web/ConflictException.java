package vn.tincoso.web;

/** The request is valid but clashes with what exists, e.g. a slug that is taken. */
public class ConflictException extends ApiException {

    public ConflictException(String field, String detail) {
        super(ProblemType.CONFLICT, detail, field, detail);
    }
}

package vn.tincoso.web;

import java.util.List;

/** A request body that is well-formed JSON but says something the API cannot accept; names the field. */
public class InvalidBodyException extends ApiException {

    private final String field;
    private final String reason;

    public InvalidBodyException(String field, String reason) {
        super(ProblemType.INVALID_BODY, "Trường '" + field + "' không hợp lệ: " + reason);
        this.field = field;
        this.reason = reason;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(field, reason));
    }
}

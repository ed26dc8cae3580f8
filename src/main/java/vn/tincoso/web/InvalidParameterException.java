package vn.tincoso.web;

import java.util.List;

/** A query or path parameter the API cannot accept; names the parameter. */
public class InvalidParameterException extends ApiException {

    private final String parameter;
    private final String reason;

    public InvalidParameterException(String parameter, String reason) {
        super(ProblemType.INVALID_PARAMETER, "Tham số '" + parameter + "' không hợp lệ: " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(parameter, reason));
    }
}

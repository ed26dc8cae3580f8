package vn.tincoso.web;

/** A query or path parameter the API cannot accept; names the parameter. */
public class InvalidParameterException extends ApiException {

    public InvalidParameterException(String parameter, String reason) {
        super(ProblemType.INVALID_PARAMETER, "Tham số '" + parameter + "' không hợp lệ: " + reason, parameter, reason);
    }

    public String parameter() {
        return field();
    }
}

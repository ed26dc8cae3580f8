package vn.tincoso.web;

/** A request body that is well-formed JSON but says something the API cannot accept; names the field. */
public class InvalidBodyException extends ApiException {

    public InvalidBodyException(String field, String reason) {
        super(ProblemType.INVALID_BODY, "Trường '" + field + "' không hợp lệ: " + reason, field, reason);
    }
}

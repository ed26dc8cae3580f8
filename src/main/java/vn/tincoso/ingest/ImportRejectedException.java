package vn.tincoso.ingest;

import java.util.List;

import vn.tincoso.web.ApiException;
import vn.tincoso.web.Problem;
import vn.tincoso.web.ProblemType;

/** An item that cannot become an article, with the field at fault ("text", "sourceUrl", "overrides.organisation"). */
public class ImportRejectedException extends ApiException {

    private final String field;
    private final String reason;

    public ImportRejectedException(String field, String reason) {
        super(ProblemType.UNPROCESSABLE_ARTICLE, field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    @Override
    public List<Problem.FieldError> errors() {
        return List.of(new Problem.FieldError(field, reason));
    }
}

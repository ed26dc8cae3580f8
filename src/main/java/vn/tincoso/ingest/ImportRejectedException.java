package vn.tincoso.ingest;

import vn.tincoso.web.ApiException;
import vn.tincoso.web.ProblemType;

/** An item that cannot become an article, with the field at fault ("text", "sourceUrl", "overrides.organisation"). */
public class ImportRejectedException extends ApiException {

    public ImportRejectedException(String field, String reason) {
        super(ProblemType.UNPROCESSABLE_ARTICLE, field + ": " + reason, field, reason);
    }
}

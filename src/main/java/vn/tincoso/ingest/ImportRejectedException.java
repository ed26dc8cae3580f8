package vn.tincoso.ingest;

import vn.tincoso.web.ApiException;
import vn.tincoso.web.ProblemType;

/**
 * An item that cannot become an article, with the field at fault as a JSON pointer into the item ("/text",
 * "/sourceUrl", "/overrides/organisation").
 */
public class ImportRejectedException extends ApiException {

    /** 422: the text is readable but is no article (no title, no unit …). */
    public ImportRejectedException(String field, String reason) {
        this(ProblemType.UNPROCESSABLE_ARTICLE, field, reason);
    }

    private ImportRejectedException(ProblemType type, String field, String reason) {
        super(type, field + ": " + reason, field, reason);
    }

    /** 403: the item would write an article the importer may not write. */
    static ImportRejectedException forbidden(String field, String reason) {
        return new ImportRejectedException(ProblemType.FORBIDDEN, field, reason);
    }

    /** 400: the item itself is malformed (a value the API never accepts: U+0000, a date out of range …). */
    static ImportRejectedException invalid(String field, String reason) {
        return new ImportRejectedException(ProblemType.INVALID_BODY, field, reason);
    }

    String reason() {
        return errors().get(0).message();
    }
}

package vn.tincoso.web;

/** The addressed article, organisation or directive does not exist (or is not visible). */
public class ResourceNotFoundException extends ApiException {

    public ResourceNotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, detail);
    }
}

package vn.tincoso.search;

import vn.tincoso.web.ApiException;
import vn.tincoso.web.ProblemType;

/** q= while the search index is still being built at start (a minute or two at a million articles). */
public class SearchUnavailableException extends ApiException {

    public SearchUnavailableException() {
        super(ProblemType.UNAVAILABLE, "Chỉ mục tìm kiếm đang được dựng sau khi khởi động; hãy thử lại sau ít phút.");
    }
}

package vn.tincoso.articles;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.PageCursor;
import vn.tincoso.web.QueryParameters;

/**
 * The query parameters of every article feed: the filters, and how to page through it. The annotated
 * fields document them; {@link #toQuery()} reads the raw values strictly and names the first parameter
 * it cannot accept.
 */
public class ArticleListParams extends ArticleFilterParams {

    /** Every parameter a list or feed of articles takes: the only ones its links carry. */
    public static final java.util.Set<String> NAMES = vn.tincoso.web.DeclaredParameters.ofBean(ArticleListParams.class);

    @QueryParam("sort")
    @Parameter(description = "Thứ tự: newest (mặc định khi không có q), oldest, relevance (chỉ khi có q; mặc định khi có q).",
            schema = @Schema(enumeration = {"newest", "oldest", "relevance"}))
    String sort;

    @QueryParam("limit")
    @Parameter(description = "Số bài mỗi trang, 1 đến " + ArticleQuery.MAX_LIMIT + ".",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "Con trỏ trang tiếp theo, lấy nguyên từ next.cursor của trang trước.")
    String cursor;

    @QueryParam("fields")
    @Parameter(description = "Chỉ trả về các trường này của mỗi bài (phân tách bằng dấu phẩy); id luôn có.",
            example = "title,publishedAt,organisation")
    String fields;

    public ArticleQuery toQuery() {
        QueryParameters params = parameters();
        ArticleFilter filter = filter();
        ArticleSort sort = sort(params, filter.q() != null);
        PageCursor cursor = params.single("cursor").map(value -> cursorFor(value, filter, sort)).orElse(null);
        int pageSize = params.intInRange("limit", ArticleQuery.DEFAULT_LIMIT, 1, ArticleQuery.MAX_LIMIT);
        return new ArticleQuery(filter, sort, cursor, pageSize, fieldSet(params));
    }





    private static ArticleSort sort(QueryParameters params, boolean searching) {
        Optional<String> value = params.single("sort");
        if (value.isEmpty()) {
            return searching ? ArticleSort.RELEVANCE : ArticleSort.NEWEST;
        }
        ArticleSort sort = ArticleSort.fromCode(value.get()).orElseThrow(() -> new InvalidParameterException("sort",
                "chỉ nhận newest, oldest hoặc relevance"));
        if (sort == ArticleSort.RELEVANCE && !searching) {
            throw new InvalidParameterException("sort", "relevance chỉ dùng được cùng q");
        }
        return sort;
    }

    private static PageCursor cursorFor(String value, ArticleFilter filter, ArticleSort sort) {
        PageCursor cursor = PageCursor.decode("cursor", value);
        boolean relevance = sort == ArticleSort.RELEVANCE;
        if (!cursor.sort().equals(sort.code()) || !cursor.fingerprint().equals(filter.fingerprint(sort))
                || relevance != (cursor.rank() != null)) {
            throw new InvalidParameterException("cursor", "thuộc về một truy vấn khác (bộ lọc hoặc thứ tự đã đổi)");
        }
        return cursor;
    }

    private static Set<String> fieldSet(QueryParameters params) {
        Set<String> fields = new LinkedHashSet<>(params.all("fields"));
        for (String field : fields) {
            if (!ArticleSummary.FIELDS.contains(field)) {
                throw new InvalidParameterException("fields", "không có trường '" + field + "'; các trường: "
                        + String.join(", ", ArticleSummary.FIELDS));
            }
        }
        return fields;
    }
}

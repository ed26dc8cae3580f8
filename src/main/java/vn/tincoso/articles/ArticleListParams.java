package vn.tincoso.articles;

import java.util.Map;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import vn.tincoso.web.DeclaredParameters;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.PageCursor;
import vn.tincoso.web.QueryValues;
import vn.tincoso.web.UrlEncoded;

/**
 * The query parameters of every article feed: the filters, and how to page through it. {@link #toQuery()}
 * reads the bound values and names the first parameter it cannot accept.
 */
public class ArticleListParams extends ArticleFilterParams {

    static final String SORT = "sort";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String FIELDS = "fields";

    /** Every parameter a list or feed of articles takes: the only ones its links carry. */
    public static final Set<String> NAMES = DeclaredParameters.ofBean(ArticleListParams.class);

    @QueryParam(SORT)
    @Parameter(description = "Thứ tự: newest (mặc định khi không có q), oldest, relevance (chỉ khi có q; mặc định khi có q).",
            schema = @Schema(enumeration = {"newest", "oldest", "relevance"}))
    String sort;

    @QueryParam(LIMIT)
    @Parameter(description = "Số bài mỗi trang, 1 đến " + ArticleQuery.MAX_LIMIT + ".",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    String limit;

    @QueryParam(CURSOR)
    @Parameter(description = "Con trỏ trang tiếp theo, lấy nguyên từ next.cursor của trang trước.")
    String cursor;

    @QueryParam(FIELDS)
    @Parameter(description = "Chỉ trả về các trường này của mỗi bài (phân tách bằng dấu phẩy); id luôn có.",
            example = "title,publishedAt,organisation", schema = @Schema(type = SchemaType.STRING))
    List<String> fields;

    /**
     * The parameters of a query string as a request binds them (a single-valued one given once; names it does not
     * declare ignored, as a request's are): a WebSub topic read as its feed reads it. Escapes that are not UTF-8 text
     * are refused as the request layer refuses them (web.UrlEncoded).
     */
    public static ArticleListParams fromQueryString(String raw) {
        Map<String, List<String>> values = UrlEncoded.parse(raw, InvalidParameterException::new);
        ArticleListParams params = new ArticleListParams();
        params.level = values.get(LEVEL);
        params.body = values.get(BODY);
        params.org = first(values, ORG);
        params.scope = first(values, SCOPE);
        params.directive = first(values, DIRECTIVE);
        params.type = first(values, TYPE);
        params.issuer = first(values, ISSUER);
        params.from = first(values, FROM);
        params.to = first(values, TO);
        params.q = first(values, Q);
        params.sort = first(values, SORT);
        params.limit = first(values, LIMIT);
        params.cursor = first(values, CURSOR);
        params.fields = values.get(FIELDS);
        return params;
    }

    /** A single-valued parameter's value; given twice, it is refused as a request's is (web.QueryParameterGuard). */
    private static String first(Map<String, List<String>> values, String name) {
        List<String> given = values.get(name);
        if (given != null && given.size() > 1) {
            throw new InvalidParameterException(name, "chỉ được dùng một lần");
        }
        return given == null ? null : given.get(0);
    }

    public ArticleQuery toQuery() {
        ArticleFilter filter = filter();
        ArticleSort order = order(filter.q() != null);
        PageCursor after = QueryValues.given(cursor).map(value -> cursorFor(value, filter, order)).orElse(null);
        int pageSize = QueryValues.intInRange(LIMIT, limit, ArticleQuery.DEFAULT_LIMIT, 1, ArticleQuery.MAX_LIMIT);
        return new ArticleQuery(filter, order, after, pageSize, fieldSet());
    }

    private ArticleSort order(boolean searching) {
        Optional<String> value = QueryValues.given(sort);
        if (value.isEmpty()) {
            return searching ? ArticleSort.RELEVANCE : ArticleSort.NEWEST;
        }
        ArticleSort order = ArticleSort.fromCode(value.get()).orElseThrow(() -> new InvalidParameterException(SORT,
                "chỉ nhận newest, oldest hoặc relevance"));
        if (order == ArticleSort.RELEVANCE && !searching) {
            throw new InvalidParameterException(SORT, "relevance chỉ dùng được cùng " + Q);
        }
        return order;
    }

    private static PageCursor cursorFor(String value, ArticleFilter filter, ArticleSort sort) {
        PageCursor cursor = PageCursor.decode(CURSOR, value);
        boolean relevance = sort == ArticleSort.RELEVANCE;
        if (!cursor.sort().equals(sort.code()) || !cursor.fingerprint().equals(filter.fingerprint(sort))
                || relevance != (cursor.rank() != null)) {
            throw new InvalidParameterException(CURSOR, "thuộc về một truy vấn khác (bộ lọc hoặc thứ tự đã đổi)");
        }
        return cursor;
    }

    private Set<String> fieldSet() {
        Set<String> chosen = new LinkedHashSet<>(QueryValues.split(fields));
        for (String field : chosen) {
            if (!ArticleSummary.FIELDS.contains(field)) {
                throw new InvalidParameterException(FIELDS, "không có trường '" + field + "'; các trường: "
                        + String.join(", ", ArticleSummary.FIELDS));
            }
        }
        return chosen;
    }
}

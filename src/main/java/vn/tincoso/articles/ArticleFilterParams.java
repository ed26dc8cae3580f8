package vn.tincoso.articles;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;
import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.InvalidParameterException;
import vn.tincoso.web.QueryValues;

/**
 * The filters every article feed, feed format and change stream accepts: each parameter is its name, its bound
 * field (documented for OpenAPI) and its reading in {@link #filter()}, which names the first one it cannot accept.
 */
public class ArticleFilterParams {

    static final String LEVEL = "level";
    static final String BODY = "body";
    static final String ORG = "org";
    static final String SCOPE = "scope";
    static final String DIRECTIVE = "directive";
    static final String TYPE = "type";
    static final String ISSUER = "issuer";
    static final String FROM = "from";
    static final String TO = "to";
    static final String Q = "q";

    @QueryParam(LEVEL)
    @Parameter(description = "Cấp của đơn vị tổ chức sự kiện: city, district, ward hoặc group (tổ dân phố, chi bộ); "
            + "lặp lại hoặc phân tách bằng dấu phẩy để lấy nhiều cấp.", explode = Explode.TRUE)
    List<String> level;

    @QueryParam(BODY)
    @Parameter(description = "Cơ quan tổ chức sự kiện: party (cấp ủy Đảng), government (UBND), council (HĐND), front (MTTQ và các "
            + "đoàn thể), security (quân sự, công an), other; lặp lại hoặc phân tách bằng dấu phẩy.", explode = Explode.TRUE)
    List<String> body;

    @QueryParam(ORG)
    @Parameter(description = "Slug của đơn vị: đơn vị đó và mọi đơn vị trực thuộc (trừ khi scope=exact).",
            example = "quan-hai-ba-trung")
    String org;

    @QueryParam(SCOPE)
    @Parameter(description = "Phạm vi của org: subtree (mặc định, cả các đơn vị trực thuộc), exact (chỉ đơn vị đó) hoặc "
            + "lineage (cả các đơn vị đã sáp nhập vào đơn vị đó).",
            schema = @Schema(enumeration = {"subtree", "exact", "lineage"}, defaultValue = "subtree"))
    String scope;

    @QueryParam(DIRECTIVE)
    @Parameter(description = "Mã văn bản được thực hiện, viết theo bất kỳ cách nào: mã chuẩn, slug, "
            + "\"11 - ĐA/TU\", \"11-DA/TU\", \"11-đa/tu\".", example = "11-ĐA/TU")
    String directive;

    @QueryParam(TYPE)
    @Parameter(description = "Loại văn bản (ĐA = Đề án, CT = Chỉ thị, NQ = Nghị quyết, HD = Hướng dẫn, …); "
            + "không phân biệt dấu và hoa thường.", example = "ĐA")
    String type;

    @QueryParam(ISSUER)
    @Parameter(description = "Cơ quan ban hành (TW, TU, QU, HU, ĐU, BTCTW, …); không phân biệt dấu và hoa thường.",
            example = "TU")
    String issuer;

    @QueryParam(FROM)
    @Parameter(description = "Đăng từ ngày (giờ Hà Nội, tính cả ngày này), YYYY-MM-DD hoặc thời điểm ISO 8601.",
            example = "2024-06-01")
    String from;

    @QueryParam(TO)
    @Parameter(description = "Đăng đến ngày (giờ Hà Nội, tính cả ngày này), YYYY-MM-DD hoặc thời điểm ISO 8601 (không tính).",
            example = "2024-06-30")
    String to;

    @QueryParam(Q)
    @Parameter(description = "Tìm kiếm toàn văn, không phân biệt dấu và vị trí dấu thanh (\"de an 11\" = \"Đề án 11\", "
            + "\"Quận uỷ\" = \"Quận ủy\"); hỗ trợ \"cụm từ trong ngoặc kép\" và or. Tối đa "
            + ArticleQuery.MAX_QUERY_LENGTH + " ký tự.", example = "Đề án 11")
    String q;

    /**
     * The filter of parameter values given other than in a query string (a webhook's filter): the same reading, the
     * same errors, naming the parameter. No date range: a subscription follows what is published from now on.
     */
    public static ArticleFilter of(List<String> level, List<String> body, String org, String scope, String directive,
            String type, String issuer, String q) {
        ArticleFilterParams params = new ArticleFilterParams();
        params.level = level;
        params.body = body;
        params.org = org;
        params.scope = scope;
        params.directive = directive;
        params.type = type;
        params.issuer = issuer;
        params.q = q;
        return params.filter();
    }

    public ArticleFilter filter() {
        ArticleFilter filter = ArticleFilterBuilder.builder()
                .levels(QueryValues.codes(LEVEL, level, Level.class, Level::code))
                .bodies(QueryValues.codes(BODY, body, OrganisingBody.class, OrganisingBody::code))
                .org(QueryValues.given(org).map(VietnameseText::clean).orElse(null))
                .scope(scope())
                .directive(QueryValues.given(directive).map(ArticleFilterParams::directiveCode).orElse(null))
                .type(DocumentType.fromParameter(TYPE, type))
                .issuer(Issuer.fromParameter(ISSUER, issuer))
                .from(QueryValues.given(from).map(value -> instant(FROM, value, false)).orElse(null))
                .to(QueryValues.given(to).map(value -> instant(TO, value, true)).orElse(null))
                .q(searchText())
                .build();
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new InvalidParameterException(TO, "phải sau '" + FROM + "'");
        }
        return filter;
    }

    private OrganisationScope scope() {
        return QueryValues.given(scope).map(code -> OrganisationScope.fromCode(code).orElseThrow(() ->
                new InvalidParameterException(SCOPE, "chỉ nhận subtree, exact hoặc lineage"))).orElse(OrganisationScope.SUBTREE);
    }

    private static DirectiveCode directiveCode(String value) {
        return DirectiveCode.parse(value).orElseThrow(() -> new InvalidParameterException(DIRECTIVE,
                "'" + value + "' không phải mã văn bản (ví dụ 11-ĐA/TU hoặc 30/2020/NĐ-CP)"));
    }

    /** A date means the whole day in Hà Nội: "to" includes it, so it becomes the next day's midnight. */
    private static Instant instant(String name, String value, boolean endOfDay) {
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = date.atStartOfDay(VietnamTime.ZONE).toInstant();
                if (VietnamTime.supported(instant) && endOfDay) {
                    return date.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant();
                }
            } else {
                instant = OffsetDateTime.parse(value).toInstant();
            }
        } catch (DateTimeException e) {
            throw new InvalidParameterException(name, "'" + value + "' không phải ngày YYYY-MM-DD hay thời điểm ISO 8601");
        }
        if (!VietnamTime.supported(instant)) {
            throw new InvalidParameterException(name, "phải " + VietnamTime.RANGE);
        }
        return instant;
    }

    private String searchText() {
        return QueryValues.given(q).map(VietnameseText::clean).map(text -> {
            if (text.codePointCount(0, text.length()) > ArticleQuery.MAX_QUERY_LENGTH) {
                throw new InvalidParameterException(Q, "dài quá " + ArticleQuery.MAX_QUERY_LENGTH + " ký tự");
            }
            return text;
        }).orElse(null);
    }
}

package vn.tincoso.articles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.soabase.recordbuilder.core.RecordBuilder;

import vn.tincoso.directives.DirectiveView;
import vn.tincoso.organisations.OrganisationRef;

/**
 * A whole article.
 *
 * @param organisationChain the organisation and its ancestors, from the unit up: ward → district → city
 * @param organisingBody    the unit's body that held the event
 * @param review            for an article that needs review (its editors only): why, and the units it might be
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record ArticleView(
        long id,
        String slug,
        @Schema(enumeration = {"draft", "published", "scheduled", "needs-review"},
                description = "Người đọc chỉ thấy bài published; biên tập viên thấy cả bản nháp, bài hẹn giờ và bài chờ xác định đơn vị") String status,
        String title,
        String summary,
        @Schema(description = "Các đoạn văn, theo thứ tự") List<String> body,
        String section,
        @Schema(example = "2024-06-03T14:35:00+07:00") OffsetDateTime publishedAt,
        String byline,
        @Schema(format = "uri") String sourceUrl,
        int viewCount,
        URI url,
        OrganisationRef organisation,
        OrganisingBody organisingBody,
        List<OrganisationRef> organisationChain,
        List<DirectiveView> directives,
        @Schema(description = "Chú thích ảnh; after là số đoạn văn đứng trước") List<Article.Caption> captions,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Schema(description = "Tăng mỗi lần bài được sửa") int version,
        Article.Review review) {
}

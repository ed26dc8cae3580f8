package vn.tincoso.articles;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.tincoso.directives.DirectiveView;
import vn.tincoso.organisations.OrganisationRef;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One item of a feed.
 *
 * @param snippet with q only: the best passage of the body, HTML-escaped, matches wrapped in &lt;mark&gt;
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record ArticleSummary(
        @Schema(example = "1") long id,
        @Schema(example = "phuong-my-dinh-1-so-ket-3-nam-thuc-hien-de-an-so-11-cua-ban-thuong-vu-thanh-uy") String slug,
        @Schema(example = "Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11 của ban thường vụ thành ủy") String title,
        String summary,
        @Schema(example = "TIN TỨC HOẠT ĐỘNG CỦA HỘI ĐOÀN THỂ VÀ CÁC PHƯỜNG") String section,
        @Schema(example = "2024-06-03T14:35:00+07:00") OffsetDateTime publishedAt,
        @Schema(description = "Lần sửa gần nhất", example = "2024-06-04T09:12:05+07:00") OffsetDateTime updatedAt,
        @Schema(example = "Trung Hiếu – MĐ 1") String byline,
        @Schema(format = "uri") String sourceUrl,
        @Schema(example = "178") int viewCount,
        URI url,
        OrganisationRef organisation,
        OrganisingBody organisingBody,
        List<DirectiveView> directives,
        @Schema(example = "… thực hiện <mark>Đề</mark> <mark>án</mark> số <mark>11</mark>-ĐA/TU …") String snippet) {

    /** The property names clients may select with fields=. */
    public static final List<String> FIELDS = Arrays.stream(ArticleSummary.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();
}

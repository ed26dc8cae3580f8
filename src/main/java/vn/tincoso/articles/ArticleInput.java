package vn.tincoso.articles;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * An article as an editor writes it (POST, PUT; PATCH merges into it). Status is changed by publish and
 * unpublish, not here.
 *
 * @param organisation the slug of the unit that held the event; the editor must be allowed to write for it
 * @param directives   codes in any spelling ("11 - ĐA/TU"), canonicalised as on import
 * @param organisingBody the unit's body that held the event; kept as it was when absent
 */
@RecordBuilder
@RecordBuilder.Options(inheritComponentAnnotations = false)
public record ArticleInput(
        @Schema(example = "Phường Mỹ Đình 1 sơ kết 3 năm thực hiện Đề án số 11") @NotBlank @Size(max = MAX_TITLE) String title,
        @Size(max = 2_000) String summary,
        @Schema(description = "Các đoạn văn") @NotEmpty @Size(max = MAX_PARAGRAPHS) List<@NotBlank @Size(max = 20_000) String> body,
        @Size(max = 200) List<Article.@Valid @NotNull Caption> captions,
        @Size(max = 200) String section,
        @Size(max = 200) String byline,
        @Size(max = 2_000) @Pattern(regexp = "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$", message = "phải là địa chỉ http(s)") String sourceUrl,
        @Schema(example = "phuong-my-dinh-1") @NotBlank @Size(max = 100) String organisation,
        @Schema(example = "[\"11-ĐA/TU\"]") @Size(max = MAX_DIRECTIVES) List<@NotBlank @Size(max = 64) String> directives,
        @Schema(example = "party") OrganisingBody organisingBody) {

    public static final int MAX_TITLE = 500;
    public static final int MAX_PARAGRAPHS = 500;
    public static final int MAX_DIRECTIVES = 20;

    /** What a stored article says, as an editor would send it back. */
    static ArticleInput of(Article article) {
        return ArticleInputBuilder.builder()
                .title(article.title).summary(article.summary).body(article.body).captions(article.captions)
                .section(article.section).byline(article.byline).sourceUrl(article.sourceUrl)
                .organisation(article.organisation == null ? null : article.organisation.slug)
                .directives(article.directives.stream().map(directive -> directive.code).toList())
                .organisingBody(article.organisingBody)
                .build();
    }
}

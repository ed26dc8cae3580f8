package vn.tincoso.articles;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.tincoso.web.NextPage;

/**
 * The body of GET /articles.
 *
 * @param items the articles, each with every field or only those asked for with fields=
 * @param next  where the next page is; absent on the last page
 */
public record ArticleList(
        @Schema(type = SchemaType.ARRAY, implementation = ArticleSummary.class) List<?> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) NextPage next) {
}

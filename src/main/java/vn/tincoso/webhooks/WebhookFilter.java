package vn.tincoso.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.tincoso.articles.ArticleFilter;
import vn.tincoso.articles.ArticleFilterParams;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.InvalidBodyException;

/**
 * Which articles a subscription follows: the article feed's own parameters, read exactly as GET /api/v1/articles
 * reads them (any spelling of a directive code, levels and bodies as lists). Every part is optional and all combine.
 */
@Schema(description = "Bộ lọc, đúng các tham số của GET /api/v1/articles (trừ from/to, limit, cursor)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookFilter(
        @Schema(example = "quan-hai-ba-trung") @Size(max = 200) String org,
        @Schema(enumeration = {"subtree", "exact", "lineage"}) @Size(max = 20) String scope,
        @Schema(example = "[\"ward\"]") @Size(max = 10) List<@Size(max = 20) String> level,
        @Schema(example = "[\"party\"]") @Size(max = 10) List<@Size(max = 20) String> body,
        @Schema(example = "11-ĐA/TU") @Size(max = 64) String directive,
        @Size(max = 20) String type,
        @Size(max = 20) String issuer,
        @Size(max = 500) String q) {

    static final WebhookFilter NONE = new WebhookFilter(null, null, null, null, null, null, null, null);

    /** As the feed reads it; a part it cannot accept is a 400 naming /filter/PART. */
    ArticleFilter articleFilter() {
        try {
            return ArticleFilterParams.of(level, body, org, scope, directive, type, issuer, q);
        } catch (ApiException e) {
            if (e.field() == null) {
                throw e;
            }
            throw new InvalidBodyException("/filter/" + e.field(), e.errors().get(0).message());
        }
    }
}

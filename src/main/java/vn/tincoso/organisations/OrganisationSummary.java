package vn.tincoso.organisations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit in the flat view.
 *
 * @param parent          the parent's slug; null for a root
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
public record OrganisationSummary(
        @Schema(example = "phuong-my-dinh-1") String slug,
        @Schema(example = "Phường Mỹ Đình 1") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        @Schema(example = "quan-nam-tu-liem", nullable = true) String parent,
        long articleCount,
        long ownArticleCount) {
}

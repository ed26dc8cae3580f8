package vn.tincoso.organisations;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One unit with where it sits and what is under it.
 *
 * @param ancestors       from the parent up to the root: district → city for a ward
 * @param children        the units directly under it, with their counts
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
public record OrganisationDetail(
        @Schema(example = "quan-hai-ba-trung") String slug,
        @Schema(example = "Quận Hai Bà Trưng") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        long articleCount,
        long ownArticleCount,
        @Schema(description = "Slug của đơn vị đã nhận sáp nhập đơn vị này, nếu có", nullable = true) String successor,
        List<OrganisationRef> ancestors,
        List<OrganisationSummary> children) {
}

package vn.tincoso.organisations;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A unit in the tree view, with its children.
 *
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
public record OrganisationNode(
        @Schema(example = "quan-hai-ba-trung") String slug,
        @Schema(example = "Quận Hai Bà Trưng") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        long articleCount,
        long ownArticleCount,
        List<OrganisationNode> children) {
}

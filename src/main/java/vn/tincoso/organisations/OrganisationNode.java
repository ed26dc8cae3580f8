package vn.tincoso.organisations;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A unit in the tree view, with its children.
 *
 * @param validFrom       first day in force; null as far as the sources go back
 * @param validTo         last day in force; null while it still is
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
@RecordBuilder
public record OrganisationNode(
        @Schema(example = "quan-hai-ba-trung") String slug,
        @Schema(example = "Quận Hai Bà Trưng") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        @Schema(example = "quận") String kind,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate validFrom,
        @Schema(nullable = true, implementation = String.class, format = "date", example = "2025-06-30") LocalDate validTo,
        long articleCount,
        long ownArticleCount,
        List<OrganisationNode> children) {
}

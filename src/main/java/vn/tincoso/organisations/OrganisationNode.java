package vn.tincoso.organisations;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A unit of GET /organisations, in either view: one type for both, so that a generated client reads the answer as a
 * list of one class whichever view it asked for.
 *
 * @param parent          the slug of the unit it stands under (in the tree: under on that day); null for a root
 * @param validFrom       first day in force; null as far as the sources go back
 * @param validTo         last day in force; null while it still is
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 * @param children        the units under it, in the tree view; absent in the flat view
 */
@RecordBuilder
public record OrganisationNode(
        @Schema(example = "quan-hai-ba-trung") String slug,
        @Schema(example = "Quận Hai Bà Trưng") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        @Schema(example = "quận") String kind,
        @Schema(example = "thanh-pho-ha-noi", nullable = true) String parent,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate validFrom,
        @Schema(nullable = true, implementation = String.class, format = "date", example = "2025-06-30") LocalDate validTo,
        long articleCount,
        long ownArticleCount,
        @Schema(description = "Các đơn vị trực thuộc (chỉ trong dạng cây)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<OrganisationNode> children) {
}

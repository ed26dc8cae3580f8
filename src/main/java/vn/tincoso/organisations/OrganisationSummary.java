package vn.tincoso.organisations;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A unit in the flat view.
 *
 * @param parent          the parent's slug; null for a root
 * @param validFrom       first day in force; null as far as the sources go back
 * @param validTo         last day in force; null while it still is
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
@RecordBuilder
public record OrganisationSummary(
        @Schema(example = "phuong-my-dinh-1") String slug,
        @Schema(example = "Phường Mỹ Đình 1") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        @Schema(example = "phường") String kind,
        @Schema(example = "quan-nam-tu-liem", nullable = true) String parent,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate validFrom,
        @Schema(nullable = true, implementation = String.class, format = "date", example = "2025-06-30") LocalDate validTo,
        long articleCount,
        long ownArticleCount) {
}

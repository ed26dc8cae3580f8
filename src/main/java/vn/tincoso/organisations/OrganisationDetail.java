package vn.tincoso.organisations;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One unit with where it sits, what is under it, and what it was formed from and became.
 *
 * @param gsoCode         the General Statistics Office's code; null for units the registers do not list
 * @param validFrom       first day in force; null as far as the sources go back
 * @param validTo         last day in force; null while it still is
 * @param ancestors       from the parent up to the root: district → province for an old ward, the province for a new one
 * @param children        the units directly under it (of every time), with their counts
 * @param predecessors    the units it was formed from (the 2025 reorganisation, an admin's merger)
 * @param successors      the units it became part of
 * @param articleCount    published articles of the unit and everything under it
 * @param ownArticleCount published articles held by the unit itself
 */
@RecordBuilder
public record OrganisationDetail(
        @Schema(example = "quan-hai-ba-trung") String slug,
        @Schema(example = "Quận Hai Bà Trưng") String name,
        @Schema(enumeration = {"city", "district", "ward", "group"}) String level,
        @Schema(example = "quận") String kind,
        @Schema(nullable = true, example = "006") String gsoCode,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate validFrom,
        @Schema(nullable = true, implementation = String.class, format = "date", example = "2025-06-30") LocalDate validTo,
        long articleCount,
        long ownArticleCount,
        List<OrganisationRef> ancestors,
        List<OrganisationSummary> children,
        List<OrganisationRef> predecessors,
        List<OrganisationRef> successors) {
}

package vn.tincoso.ingest;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One article to import: its text as the portal prints it, where it came from, and what the importer
 * knows better than the text.
 *
 * @param sourceUrl the page it was read from; a second import from the same URL updates the article
 */
public record ImportItem(
        @Schema(description = "Toàn văn bài như cổng thông tin in ra", required = true) String text,
        @Schema(example = "https://quannamtuliem.hanoi.gov.vn/tin-tuc/so-ket-de-an-11") String sourceUrl,
        Overrides overrides) {

    /**
     * Values that replace what the parser reads. Every field is optional.
     *
     * @param organisation slug of the unit that held the event
     * @param directives   codes in any spelling, added to those found in the text
     */
    @RecordBuilder
    public record Overrides(
            @Schema(example = "phuong-my-dinh-1") String organisation,
            String title,
            @Schema(example = "2024-06-03T14:35:00+07:00") OffsetDateTime publishedAt,
            String section,
            String byline,
            @Schema(example = "[\"11-ĐA/TU\"]") List<String> directives) {
    }
}

package vn.tincoso.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.organisations.OrganisationRef;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * What became of one imported item: the article with every tag, and for every tag the span of text that
 * produced it (offsets into the cleaned text); or why it was not stored. Built with {@link #builder(int, ImportStatus)}.
 *
 * @param index          the item's position in the request, from 0
 * @param field          for a rejected item, the offending field as a JSON pointer into the item ({@code /text},
 *                       {@code /overrides/organisation}); empty when it is the whole item
 * @param error          why the item was not stored
 * @param organisation   the unit that held the event; absent when it could not be placed (status needs-review)
 * @param organisingBody the unit's body that held it, and where the text names it
 * @param review         for needs-review: why, and the units the text might mean
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record ImportOutcome(
        int index,
        @Schema(enumeration = {"created", "updated", "needs-review", "rejected", "conflict", "failed"}) ImportStatus status,
        String field,
        String error,
        Long id,
        String slug,
        String title,
        Span titleSpan,
        @Schema(enumeration = {"draft", "published", "scheduled", "needs-review"}) String articleStatus,
        OffsetDateTime publishedAt,
        Integer viewCount,
        Span metadataSpan,
        String byline,
        Span bylineSpan,
        List<String> sections,
        Integer paragraphs,
        Integer captions,
        OrganisationTag organisation,
        BodyTag organisingBody,
        Article.Review review,
        List<DirectiveTag> directives,
        @com.fasterxml.jackson.annotation.JsonIgnore boolean newArticle) {

    /** Whether the item added an article (201 for a single import) rather than updating one. */
    public boolean added() {
        return newArticle;
    }

    /**
     * @param created true when this import added the unit to the tree
     * @param span    null when the organisation came from overrides
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    public record OrganisationTag(String slug, String name, String level, String kind, boolean created, List<OrganisationRef> chain,
            Span span) {
    }

    /** @param span null when the text names no body */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BodyTag(OrganisingBody code, String label, Span span) {
    }

    /** @param spans every place the text cites it; empty when it came from overrides */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DirectiveTag(String code, String slug, LocalDate issuedOn, String title, List<Span> spans) {
    }

    static ImportOutcome rejected(int index, String field, String error) {
        return notStored(index, ImportStatus.REJECTED, field, error);
    }

    /** An item nothing was stored for. */
    static ImportOutcome notStored(int index, ImportStatus status, String field, String error) {
        return ImportOutcomeBuilder.builder().index(index).status(status).field(field).error(error).build();
    }
}

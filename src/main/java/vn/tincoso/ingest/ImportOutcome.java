package vn.tincoso.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.organisations.OrganisationRef;

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
        return builder(index, status).failure(field, error).build();
    }

    static Builder builder(int index, ImportStatus status) {
        return new Builder(index, status);
    }

    /** Every part by name; unset parts are left out of the answer. */
    static final class Builder {
        private final int index;
        private final ImportStatus status;
        private String field;
        private String error;
        private Long id;
        private String slug;
        private String title;
        private Span titleSpan;
        private String articleStatus;
        private OffsetDateTime publishedAt;
        private Integer viewCount;
        private Span metadataSpan;
        private String byline;
        private Span bylineSpan;
        private List<String> sections;
        private Integer paragraphs;
        private Integer captions;
        private OrganisationTag organisation;
        private BodyTag organisingBody;
        private Article.Review review;
        private List<DirectiveTag> directives;
        private boolean newArticle;

        private Builder(int index, ImportStatus status) {
            this.index = index;
            this.status = status;
        }

        Builder failure(String field, String error) {
            this.field = field;
            this.error = error;
            return this;
        }

        /** The stored article's identity and state; id null in a dry run (nothing was stored). */
        Builder article(Long id, String slug, String articleStatus, OffsetDateTime publishedAt, boolean added) {
            this.newArticle = added;
            this.id = id;
            this.slug = slug;
            this.articleStatus = articleStatus;
            this.publishedAt = publishedAt;
            return this;
        }

        Builder title(String title, Span span) {
            this.title = title;
            this.titleSpan = span;
            return this;
        }

        Builder byline(String byline, Span span) {
            this.byline = byline;
            this.bylineSpan = span;
            return this;
        }

        /** What the parser read around the body: the metadata line and view count, the sections, how much it kept. */
        Builder reading(Span metadata, Integer viewCount, List<String> sections, int paragraphs, int captions) {
            this.metadataSpan = metadata;
            this.viewCount = viewCount;
            this.sections = sections;
            this.paragraphs = paragraphs;
            this.captions = captions;
            return this;
        }

        Builder organisation(OrganisationTag organisation, BodyTag body, Article.Review review) {
            this.organisation = organisation;
            this.organisingBody = body;
            this.review = review;
            return this;
        }

        Builder directives(List<DirectiveTag> directives) {
            this.directives = directives;
            return this;
        }

        ImportOutcome build() {
            return new ImportOutcome(index, status, field, error, id, slug, title, titleSpan, articleStatus, publishedAt, viewCount,
                    metadataSpan, byline, bylineSpan, sections, paragraphs, captions, organisation, organisingBody, review, directives,
                    newArticle);
        }
    }
}

package vn.tincoso.articles;

import java.time.Instant;
import java.util.List;

import vn.tincoso.directives.DirectiveCode;

/**
 * An article to store, already tagged: what editors, imports and the demo content hand to the {@link ArticleWriter}.
 * Built with {@link #builder()}, which names every part.
 *
 * @param slug           null to derive one from the title
 * @param summary        null to derive one from the first paragraph
 * @param organisation   the slug of the unit that held the event; null only for an article that needs review
 * @param organisingBody the unit's body that held it; null when not known
 * @param review         for an article that needs review, why and the units it might be
 * @param directives     the codes it implements, each with what is known about the document
 * @param sourceHash     for imported text: its digest, which makes a second import of it an update
 */
public record NewArticle(String slug, String title, String summary, List<String> body, List<Article.Caption> captions,
        String section, Instant publishedAt, String byline, String sourceUrl, String sourceHash, int viewCount,
        ArticleStatus status, String organisation, OrganisingBody organisingBody, Article.Review review,
        List<DirectiveMention> directives) {

    /** A directive the article cites, with its issue date and title when the text gives them. */
    public record DirectiveMention(DirectiveCode code, java.time.LocalDate issuedOn, String title) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every part by name; unset parts are absent (a draft of no unit, with no paragraph, caption or directive). */
    public static final class Builder {
        private String slug;
        private String title;
        private String summary;
        private List<String> body = List.of();
        private List<Article.Caption> captions = List.of();
        private String section;
        private Instant publishedAt;
        private String byline;
        private String sourceUrl;
        private String sourceHash;
        private int viewCount;
        private ArticleStatus status = ArticleStatus.DRAFT;
        private String organisation;
        private OrganisingBody organisingBody;
        private Article.Review review;
        private List<DirectiveMention> directives = List.of();

        private Builder() {
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder body(List<String> body) {
            this.body = body;
            return this;
        }

        public Builder captions(List<Article.Caption> captions) {
            this.captions = captions == null ? List.of() : captions;
            return this;
        }

        public Builder section(String section) {
            this.section = section;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder byline(String byline) {
            this.byline = byline;
            return this;
        }

        /** Where it was read from, and the digest of the text read (imports). */
        public Builder source(String sourceUrl, String sourceHash) {
            this.sourceUrl = sourceUrl;
            this.sourceHash = sourceHash;
            return this;
        }

        public Builder viewCount(int viewCount) {
            this.viewCount = viewCount;
            return this;
        }

        public Builder status(ArticleStatus status) {
            this.status = status;
            return this;
        }

        /** The unit (by slug) and its body that held the event. */
        public Builder heldBy(String organisation, OrganisingBody organisingBody) {
            this.organisation = organisation;
            this.organisingBody = organisingBody;
            return this;
        }

        public Builder review(Article.Review review) {
            this.review = review;
            return this;
        }

        public Builder directives(List<DirectiveMention> directives) {
            this.directives = directives;
            return this;
        }

        public NewArticle build() {
            return new NewArticle(slug, title, summary, body, captions, section, publishedAt, byline, sourceUrl, sourceHash,
                    viewCount, status, organisation, organisingBody, review, directives);
        }
    }
}

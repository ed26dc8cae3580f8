package vn.tincoso.articles;

import java.time.Instant;
import java.util.List;

import vn.tincoso.directives.DirectiveCode;

import io.soabase.recordbuilder.core.RecordBuilder;

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
@RecordBuilder
public record NewArticle(String slug, String title, String summary, List<String> body, List<Article.Caption> captions,
        String section, Instant publishedAt, String byline, String sourceUrl, String sourceHash, int viewCount,
        ArticleStatus status, String organisation, OrganisingBody organisingBody, Article.Review review,
        List<DirectiveMention> directives) {

    /** A directive the article cites, with its issue date and title when the text gives them. */
    public record DirectiveMention(DirectiveCode code, java.time.LocalDate issuedOn, String title) {
    }

    public NewArticle {
        body = body == null ? List.of() : body;
        captions = captions == null ? List.of() : captions;
        directives = directives == null ? List.of() : directives;
        status = status == null ? ArticleStatus.DRAFT : status;
    }

    /** Every part by name; unset parts are absent (a draft of no unit, with no paragraph, caption or directive). */
    public static NewArticleBuilder builder() {
        return NewArticleBuilder.builder();
    }
}

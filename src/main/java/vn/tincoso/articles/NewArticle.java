package vn.tincoso.articles;

import java.time.Instant;
import java.util.List;

import vn.tincoso.directives.DirectiveCode;

/**
 * An article to store, already tagged: what demo content, imports and (later) editors hand to
 * {@link ArticleService#store(NewArticle)}.
 *
 * @param slug         null to derive one from the title
 * @param summary      null to derive one from the first paragraph
 * @param organisation the slug of the unit that held the event
 * @param directives   the codes it implements, each with what is known about the document
 * @param sourceHash   for imported text: its digest, which makes a second import of it an update
 */
public record NewArticle(String slug, String title, String summary, List<String> body, List<Article.Caption> captions,
        String section, Instant publishedAt, String byline, String sourceUrl, String sourceHash, int viewCount,
        ArticleStatus status, String organisation, List<DirectiveMention> directives) {

    /** A directive the article cites, with its issue date and title when the text gives them. */
    public record DirectiveMention(DirectiveCode code, java.time.LocalDate issuedOn, String title) {
    }
}

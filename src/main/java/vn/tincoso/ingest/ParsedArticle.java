package vn.tincoso.ingest;

import java.time.LocalDateTime;
import java.util.List;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * One article read from portal text. Every part but the body may be missing; nothing of the input is
 * lost except the portal chrome that follows the article.
 *
 * @param text        the cleaned input every span points into
 * @param publishedAt local time in Hà Nội, as printed
 * @param metadata    the line the date (and view count) came from
 * @param content     the ranges of {@code text} that are the article itself (title, body, captions): tags are read there
 */
@RecordBuilder
public record ParsedArticle(String text, List<String> sections, Span title, LocalDateTime publishedAt, Integer viewCount,
        Span metadata, List<String> body, List<Caption> captions, Span byline, List<Span> content) {

    /** A photo caption, with the number of body paragraphs that precede it. */
    public record Caption(int after, String text) {
    }
}

package vn.tincoso.feeds;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * A feed as every format prints it.
 *
 * @param id      the feed's own stable id (a tag: URI of its filter)
 * @param updated when its newest change happened (the latest updated time of its entries)
 * @param next    the next page, null on the last
 * @param hub     the WebSub hub, when one is configured
 */
@RecordBuilder
public record ArticleFeed(String id, String title, URI self, URI home, URI next, URI hub, OffsetDateTime updated,
        List<Entry> entries) {

    /**
     * One article.
     *
     * @param id          tag:AUTHORITY,2024:article:ID, never changed by edits
     * @param contentHtml the body as HTML paragraphs, captions in place, every text escaped
     * @param categories  the organisation's name and each directive code
     */
    @RecordBuilder
    public record Entry(String id, URI url, String title, String summary, String contentHtml, OffsetDateTime published,
            OffsetDateTime updated, String author, String organisation, List<String> directives) {
    }
}

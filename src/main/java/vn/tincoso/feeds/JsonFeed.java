package vn.tincoso.feeds;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.soabase.recordbuilder.core.RecordBuilder;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1): its small fixed schema, mapped for Jackson. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RecordBuilder
public record JsonFeed(
        String version,
        String title,
        @JsonProperty("home_page_url") String homePageUrl,
        @JsonProperty("feed_url") String feedUrl,
        @JsonProperty("next_url") String nextUrl,
        String language,
        List<Hub> hubs,
        List<Item> items) {

    public static final String VERSION = "https://jsonfeed.org/version/1.1";

    public record Hub(String type, String url) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @RecordBuilder
    public record Item(
            String id,
            String url,
            String title,
            @JsonProperty("content_html") String contentHtml,
            String summary,
            @JsonProperty("date_published") OffsetDateTime datePublished,
            @JsonProperty("date_modified") OffsetDateTime dateModified,
            List<Author> authors,
            List<String> tags) {
    }

    public record Author(String name) {
    }

    static JsonFeed of(ArticleFeed feed) {
        return JsonFeedBuilder.builder()
                .version(VERSION).title(feed.title()).language("vi")
                .homePageUrl(feed.home().toString()).feedUrl(feed.self().toString())
                .nextUrl(feed.next() == null ? null : feed.next().toString())
                .hubs(feed.hub() == null ? null : List.of(new Hub("WebSub", feed.hub().toString())))
                .items(feed.entries().stream().map(JsonFeed::item).toList())
                .build();
    }

    private static Item item(ArticleFeed.Entry entry) {
        return JsonFeedItemBuilder.builder()
                .id(entry.id()).url(entry.url().toString()).title(entry.title())
                .contentHtml(entry.contentHtml()).summary(entry.summary())
                .datePublished(entry.published()).dateModified(entry.updated())
                .authors(entry.author() == null ? null : List.of(new Author(entry.author())))
                .tags(FeedService.categories(entry))
                .build();
    }
}

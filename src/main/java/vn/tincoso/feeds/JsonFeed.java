package vn.tincoso.feeds;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** JSON Feed 1.1 (jsonfeed.org/version/1.1): its small fixed schema, mapped for Jackson. */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        return new JsonFeed(VERSION, feed.title(), feed.home().toString(), feed.self().toString(),
                feed.next() == null ? null : feed.next().toString(), "vi",
                feed.hub() == null ? null : List.of(new Hub("WebSub", feed.hub().toString())),
                feed.entries().stream().map(entry -> new Item(entry.id(), entry.url().toString(), entry.title(),
                        entry.contentHtml(), entry.summary(), entry.published(), entry.updated(),
                        entry.author() == null ? null : List.of(new Author(entry.author())), FeedService.categories(entry)))
                        .toList());
    }
}

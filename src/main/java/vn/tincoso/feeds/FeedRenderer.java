package vn.tincoso.feeds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import vn.tincoso.articles.ArticleListParams;

/** One article filter in one feed format, as a response; shared by the explicit feed URLs and content negotiation. */
@ApplicationScoped
public class FeedRenderer {

    private final FeedService feeds;

    FeedRenderer(FeedService feeds) {
        this.feeds = feeds;
    }

    public Response render(ArticleListParams params, UriInfo request, FeedFormat format) {
        ArticleFeed feed = feeds.feed(params.toQuery(), request);
        Object body = format == FeedFormat.JSON_FEED ? JsonFeed.of(feed) : RomeFeedWriter.write(feed, format);
        return Response.ok(body, format.mediaType() + ";charset=UTF-8")
                .lastModified(java.util.Date.from(feed.updated().toInstant()))
                .build();
    }
}

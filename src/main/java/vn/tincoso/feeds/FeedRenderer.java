package vn.tincoso.feeds;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleSyndication;

/** One article filter in one feed format, as a response; shared by the explicit feed URLs and content negotiation (GET /api/v1/articles). */
@ApplicationScoped
public class FeedRenderer implements ArticleSyndication {

    private final FeedService feeds;

    FeedRenderer(FeedService feeds) {
        this.feeds = feeds;
    }

    @Override
    public Optional<Response> preferredBy(List<MediaType> accepted, ArticleListParams params, UriInfo request) {
        return FeedFormat.preferredBy(accepted).map(format -> render(params, request, format));
    }

    public Response render(ArticleListParams params, UriInfo request, FeedFormat format) {
        ArticleFeed feed = feeds.feed(params.toQuery(), request);
        Object body = format == FeedFormat.JSON_FEED ? JsonFeed.of(feed) : RomeFeedWriter.write(feed, format);
        return Response.ok(body, format.mediaType() + ";charset=UTF-8")
                .lastModified(java.util.Date.from(feed.updated().toInstant()))
                .build();
    }
}

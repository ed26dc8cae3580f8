package vn.tincoso.feeds;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleSyndication;
import vn.tincoso.web.PageLinks;

/**
 * One article filter as a feed answer; the body writer of the chosen format ({@link AtomBodyWriter},
 * {@link RssBodyWriter}, {@link JsonFeedBodyWriter}) renders it. Shared by the feed URLs and content negotiation.
 */
@ApplicationScoped
public class FeedRenderer implements ArticleSyndication {

    private final FeedService feeds;
    private final PageLinks links;

    FeedRenderer(FeedService feeds, PageLinks links) {
        this.feeds = feeds;
        this.links = links;
    }

    @Override
    public Response feed(ArticleListParams params, UriInfo request, MediaType format) {
        ArticleFeed feed = feeds.feed(params.toQuery(), request);
        Response.ResponseBuilder response = Response.ok(feed, format.withCharset(StandardCharsets.UTF_8.name()))
                .lastModified(Date.from(feed.updated().toInstant()));
        return links.withLink(response, feed.next()).build();
    }
}

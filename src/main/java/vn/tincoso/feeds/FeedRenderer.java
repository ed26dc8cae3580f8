package vn.tincoso.feeds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleSyndication;
import vn.tincoso.web.PageLinks;
import vn.tincoso.web.PublicAddress;

/**
 * One article filter as a feed answer; the body writer of the chosen format ({@link AtomBodyWriter},
 * {@link RssBodyWriter}, {@link JsonFeedBodyWriter}) renders it. Shared by the feed URLs and content negotiation,
 * and by the WebSub hub, which sends a topic's first page as the feed URL serves it.
 */
@ApplicationScoped
public class FeedRenderer implements ArticleSyndication {

    private final FeedService feeds;
    private final PageLinks links;
    private final PublicAddress address;
    private final FeedBodyWriter atom = new AtomBodyWriter();
    private final FeedBodyWriter rss = new RssBodyWriter();
    private final FeedBodyWriter jsonFeed;

    FeedRenderer(FeedService feeds, PageLinks links, PublicAddress address, ObjectMapper mapper) {
        this.feeds = feeds;
        this.links = links;
        this.address = address;
        this.jsonFeed = new JsonFeedBodyWriter(mapper);
    }

    /**
     * The feed, with its links as RFC 8288 headers too: next, and (WebSub discovery, which reads headers first) the
     * hub and the self link that is its topic.
     */
    @Override
    public Response feed(ArticleListParams params, UriInfo request, MediaType format) {
        ArticleFeed feed = feeds.feed(params.toQuery(), links.target(request), format);
        Response.ResponseBuilder response = Response.ok(feed, format.withCharset(StandardCharsets.UTF_8.name()))
                .lastModified(Date.from(feed.updated().toInstant()));
        List<String> linked = new ArrayList<>();
        if (feed.next() != null) {
            linked.add("<" + feed.next() + ">; rel=\"next\"");
        }
        if (feed.hub() != null) {
            linked.add("<" + feed.hub() + ">; rel=\"hub\"");
            linked.add("<" + feed.self() + ">; rel=\"self\"");
        }
        return linked.isEmpty() ? response.build() : response.header("Link", String.join(", ", linked)).build();
    }

    /** A topic's first page as its feed URL serves it now: the bytes, their media type and the hub the feed names. */
    public record TopicPage(byte[] body, String mediaType, URI hub) {
    }

    /** Rendered off any request too (the webhook sender's threads): with a request context of its own then. */
    @ActivateRequestContext
    public TopicPage page(FeedTopic topic) {
        ArticleFeed feed = address.as(topic.target().base(), () -> feeds.feed(topic.query(), topic.target(),
                MediaType.valueOf(topic.mediaType())));
        FeedBodyWriter writer = switch (topic.mediaType()) {
            case ATOM -> atom;
            case RSS -> rss;
            default -> jsonFeed;
        };
        try {
            return new TopicPage(writer.render(feed), topic.mediaType() + "; charset=UTF-8", feed.hub());
        } catch (IOException e) {
            throw new UncheckedIOException("a feed page cannot be written", e);
        }
    }
}

package vn.tincoso.articles;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A list of articles in a syndication format (Atom, RSS, JSON Feed): for GET /api/v1/articles when content
 * negotiation chose one, and for the feed URLs. The feeds room provides it, with one body writer per format: it
 * depends on articles, never the other way round.
 */
public interface ArticleSyndication {

    /** Atom, RSS and JSON Feed, as GET /api/v1/articles declares them beside JSON. */
    String ATOM = "application/atom+xml";
    String RSS = "application/rss+xml";
    String JSON_FEED = "application/feed+json";

    /** The feed of these parameters as an answer in {@code format}, which the format's writer renders. */
    Response feed(ArticleListParams params, UriInfo request, MediaType format);
}

package vn.tincoso.articles;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * A list of articles in a syndication format (Atom, RSS, JSON Feed), for a client whose Accept header prefers one to
 * the JSON list. The feeds room provides it: it depends on articles, never the other way round.
 */
public interface ArticleSyndication {

    /** Atom, RSS and JSON Feed, as GET /api/v1/articles declares them beside JSON. */
    String ATOM = "application/atom+xml";
    String RSS = "application/rss+xml";
    String JSON_FEED = "application/feed+json";

    /** The feed answer for these parameters, if the client's Accept header prefers a feed format to JSON. */
    Optional<Response> preferredBy(List<MediaType> accepted, ArticleListParams params, UriInfo request);
}

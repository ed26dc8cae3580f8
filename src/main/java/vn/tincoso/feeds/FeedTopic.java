package vn.tincoso.feeds;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import vn.tincoso.articles.ArticleListParams;
import vn.tincoso.articles.ArticleQuery;
import vn.tincoso.articles.ArticleSyndication;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.PageLinks;

/**
 * A WebSub topic: the first page of one of the feed URLs ({@code …/api/v1/feeds/articles.atom|.rss|.json}, any filter
 * of the feed), read as the feed reads its request, so that a topic the hub takes is one the feed serves, and its
 * content is that feed's page.
 *
 * @param url       the topic as the subscriber named it, its scheme and host as this server writes them (the rel="self"
 *                  of what the hub sends)
 * @param mediaType the feed's format
 * @param target    where its links point: the address it was named at, its path and query
 */
public record FeedTopic(String url, String mediaType, PageLinks.Target target, ArticleQuery query) {

    static final String FEEDS = "/api/v1/feeds/articles.";
    private static final Map<String, String> FORMATS = Map.of("atom", ArticleSyndication.ATOM, "rss", ArticleSyndication.RSS,
            "json", ArticleSyndication.JSON_FEED);

    /**
     * The topic at {@code url}, read for a subscription request: it must be a feed of this API at {@code base} (the
     * address the request came to) and a first page; anything else is a 400 naming {@code field}.
     */
    public static FeedTopic requested(String field, String url, URI base) {
        String prefix = base + FEEDS;
        // Scheme and host compare without case (RFC 3986); the path as written.
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        if (!url.regionMatches(true, 0, origin, 0, origin.length()) || !url.startsWith(prefix.substring(origin.length()), origin.length())
                || !isUri(url)) {
            throw new InvalidBodyException(field, "phải là một nguồn tin của máy chủ này: " + prefix + "atom, .rss hoặc .json"
                    + " với bộ lọc bất kỳ");
        }
        // Kept as this server writes its own origin: the same feed named "HTTP://HOST/…" and "http://host/…" is one
        // topic, one subscription per callback.
        FeedTopic topic = parse(field, origin + url.substring(origin.length()), prefix.length() - FEEDS.length());
        if (topic.query().cursor() != null) {
            throw new InvalidBodyException(field, "là trang đầu của một nguồn tin: bỏ tham số cursor");
        }
        return topic;
    }

    /** A topic the hub took before (its subscription's), read again. */
    public static Optional<FeedTopic> stored(String url) {
        int at = url.lastIndexOf(FEEDS, queryStart(url));
        try {
            return at < 0 ? Optional.empty() : Optional.of(parse("topic", url, at));
        } catch (ApiException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isUri(String url) {
        try {
            new URI(url);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static FeedTopic parse(String field, String url, int baseLength) {
        int query = queryStart(url);
        String format = FORMATS.get(url.substring(baseLength + FEEDS.length(), query));
        if (format == null || url.indexOf('#') >= 0) {
            throw new InvalidBodyException(field, "phải là …" + FEEDS + "atom, .rss hoặc .json, không có #");
        }
        String rawQuery = query < url.length() ? url.substring(query + 1) : null;
        ArticleQuery read;
        try {
            read = ArticleListParams.fromQueryString(rawQuery).toQuery();
        } catch (ApiException e) {
            throw e.field() == null ? e : new InvalidBodyException(field, "tham số '" + e.field() + "': " + e.errors().get(0).message());
        }
        PageLinks.Target target = new PageLinks.Target(URI.create(url.substring(0, baseLength)),
                url.substring(baseLength + 1, query), rawQuery);
        return new FeedTopic(url, format, target, read);
    }

    private static int queryStart(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url.length() : query;
    }
}

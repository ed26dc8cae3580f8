package vn.tincoso.articles;

import java.util.Set;

import vn.tincoso.web.PageCursor;

/**
 * One request for a page of a feed.
 *
 * @param cursor the position after which the page starts; null for the first page
 * @param fields the properties each item carries; empty for all
 */
public record ArticleQuery(ArticleFilter filter, ArticleSort sort, PageCursor cursor, int limit, Set<String> fields) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY_LENGTH = 200;
}

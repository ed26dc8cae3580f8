package vn.tincoso.feeds;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.tincoso.articles.ArticleView;

/**
 * A page of the change stream.
 *
 * @param next    the token to ask with next time (also when hasMore is false: it is where this client now stands)
 * @param hasMore true when more changes are waiting right now
 */
public record ChangeFeed(List<Change> changes, String next, boolean hasMore) {

    /**
     * @param type    upsert: the article as it is now; delete: drop it (deleted, unpublished or no longer matching)
     * @param article only for upsert
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(@Schema(enumeration = {"upsert", "delete"}) String type, long id, ArticleView article) {
    }
}

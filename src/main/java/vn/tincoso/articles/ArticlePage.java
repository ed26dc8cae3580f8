package vn.tincoso.articles;

import java.util.List;

import vn.tincoso.web.PageCursor;

/** A page of a feed as the domain produces it: the items and, when more follow, the cursor past the last. */
public record ArticlePage(List<ArticleSummary> items, PageCursor next) {
}

package vn.tincoso.articles;

import java.util.Set;

/**
 * A filter resolved against the database: the parts that name rows by slug or code, as ids. A new filter on a
 * column of its own needs nothing here; the SQL reads it from {@link #filter()}.
 *
 * @param organisationIds the units an org= filter covers (the unit, its subtree or its lineage, as its scope says),
 *                        resolved before the query so the planner can estimate how many articles they hold;
 *                        null without org=
 * @param directiveId     the one directive articles must implement; null without directive=
 */
public record ArticleCriteria(ArticleFilter filter, Set<Long> organisationIds, Long directiveId) {
}

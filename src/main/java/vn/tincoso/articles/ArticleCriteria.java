package vn.tincoso.articles;

import java.time.Instant;
import java.util.Set;

import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;

/**
 * A filter resolved against the database: slugs and codes replaced by ids. Every part is optional.
 *
 * @param organisationIds the units an org= filter covers (the unit, its subtree or its lineage, as its scope says),
 *                        resolved before the query so the planner can estimate how many articles they hold;
 *                        null without org=
 * @param directiveId     the one directive articles must implement
 */
public record ArticleCriteria(Set<Level> levels, Set<OrganisingBody> bodies, Set<Long> organisationIds, Long directiveId,
        DocumentType type, Issuer issuer, Instant from, Instant to, String q) {
}

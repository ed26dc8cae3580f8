package vn.tincoso.articles;

import java.time.Instant;
import java.util.Set;

import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;

/**
 * A filter resolved against the database: slugs and codes replaced by ids. Every part is optional.
 *
 * @param organisationId the unit, with its subtree unless {@code exactOrganisation}
 * @param directiveId    the one directive articles must implement
 */
public record ArticleCriteria(Set<Level> levels, Long organisationId, boolean exactOrganisation, Long directiveId,
        DocumentType type, Issuer issuer, Instant from, Instant to, String q) {
}

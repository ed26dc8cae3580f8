package vn.tincoso.articles;

import java.time.Instant;
import java.util.Set;

import vn.tincoso.directives.DocumentType;
import vn.tincoso.directives.Issuer;
import vn.tincoso.organisations.Level;

/**
 * A filter resolved against the database: slugs and codes replaced by ids. Every part is optional.
 *
 * @param organisationId the unit, covered as {@code scope} says
 * @param directiveId    the one directive articles must implement
 */
public record ArticleCriteria(Set<Level> levels, Long organisationId, OrganisationScope scope, Long directiveId,
        DocumentType type, Issuer issuer, Instant from, Instant to, String q) {
}

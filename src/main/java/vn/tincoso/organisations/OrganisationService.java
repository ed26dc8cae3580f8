package vn.tincoso.organisations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.text.VietnameseText;

/** The organisation tree with article counts. */
@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Clock clock;

    OrganisationService(OrganisationRepository organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional
    public List<OrganisationNode> tree() {
        return load().nested();
    }

    @Transactional
    public List<OrganisationSummary> flat(Set<Level> levels) {
        return load().flat(levels);
    }

    @Transactional
    public Optional<OrganisationDetail> find(String slug) {
        return organisations.findBySlug(slug).map(organisation -> load().detail(organisation));
    }

    /** The unit with this slug, created under its parent (by slug) when it does not exist yet. */
    @Transactional
    public Organisation register(String slug, String name, Level level, String parentSlug) {
        return organisations.findBySlug(slug).orElseGet(() -> {
            Organisation organisation = new Organisation();
            organisation.slug = slug;
            organisation.name = VietnameseText.clean(name);
            organisation.level = level;
            organisation.parentId = parentSlug == null ? null : organisations.findBySlug(parentSlug)
                    .orElseThrow(() -> new IllegalArgumentException("no parent organisation " + parentSlug)).id;
            Instant now = clock.instant();
            organisation.createdAt = now;
            organisation.updatedAt = now;
            organisations.persist(organisation);
            return organisation;
        });
    }

    private OrganisationTree load() {
        return new OrganisationTree(organisations.listAll(), organisations.ownArticleCounts());
    }
}

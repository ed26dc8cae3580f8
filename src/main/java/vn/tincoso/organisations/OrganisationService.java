package vn.tincoso.organisations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.tincoso.text.VietnameseText;
import vn.tincoso.web.ConflictException;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.ResourceNotFoundException;

/** The organisation tree with article counts. */
@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<TreeChanged> changes;

    OrganisationService(OrganisationRepository organisations, Clock clock, jakarta.enterprise.event.Event<TreeChanged> changes) {
        this.organisations = organisations;
        this.clock = clock;
        this.changes = changes;
    }

    /** The units in force on that day, as a tree. */
    @Transactional
    public List<OrganisationNode> tree(LocalDate on) {
        return load().nested(on);
    }

    @Transactional
    public List<OrganisationNode> flat(Set<Level> levels, LocalDate on) {
        return load().flat(levels, on);
    }

    @Transactional
    public Optional<OrganisationDetail> find(String slug) {
        return organisations.findBySlug(slug).map(organisation -> load().detail(organisation,
                organisations.predecessorsOf(List.of(organisation.id)).getOrDefault(organisation.id, List.of()),
                organisations.successorsOf(List.of(organisation.id)).getOrDefault(organisation.id, List.of())));
    }

    /**
     * Adds a unit under its parent, one level below it (a city has none).
     *
     * @throws ConflictException when the slug is taken
     */
    @Transactional
    public Organisation create(NewOrganisation input) {
        Level level = Level.fromCode(input.level()).orElseThrow();
        String name = VietnameseText.clean(input.name());
        String slug = input.slug() != null ? input.slug() : VietnameseText.slugify(name);
        if (slug.isEmpty()) {
            throw new InvalidBodyException("/name", "không tạo được slug từ tên này");
        }
        Organisation parent = null;
        if (level == Level.CITY) {
            if (input.parent() != null) {
                throw new InvalidBodyException("/parent", "thành phố không có đơn vị cấp trên");
            }
        } else {
            parent = organisations.findBySlug(input.parent() == null ? "" : input.parent())
                    .orElseThrow(() -> new InvalidBodyException("/parent", "không có đơn vị '" + input.parent() + "'"));
            if (!level.mayBeUnder(parent.level)) {
                throw new InvalidBodyException("/parent", "đơn vị cấp " + level.code() + " không nằm ngay dưới đơn vị cấp " + parent.level.code());
            }
        }
        if (organisations.findBySlug(slug).isPresent()) {
            throw new ConflictException("/slug", "Đã có đơn vị với slug '" + slug + "'.");
        }
        return register(slug, name, level, parent == null ? null : parent.slug);
    }

    /** Renames and/or moves a unit (its subtree follows the move); its slug stays. */
    @Transactional
    public Organisation update(String slug, OrganisationChange change) {
        Organisation unit = organisations.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("Không có đơn vị '" + slug + "'."));
        if (change.name() != null) {
            unit.name = VietnameseText.clean(change.name());
        }
        if (change.parent() != null) {
            Organisation parent = organisations.findBySlug(change.parent())
                    .orElseThrow(() -> new InvalidBodyException("/parent", "không có đơn vị '" + change.parent() + "'"));
            if (!unit.level.mayBeUnder(parent.level)) {
                throw new InvalidBodyException("/parent", "đơn vị cấp " + unit.level.code() + " không nằm ngay dưới đơn vị cấp " + parent.level.code());
            }
            if (organisations.chainOf(parent.id).stream().anyMatch(link -> link.id.equals(unit.id))) {
                throw new InvalidBodyException("/parent", "không thể chuyển một đơn vị vào dưới chính nó");
            }
            unit.parentId = parent.id;
        }
        unit.updatedAt = clock.instant();
        organisations.flush();
        organisations.touchArticlesOfSubtree(unit.id, unit.updatedAt);
        changes.fire(new TreeChanged());
        return unit;
    }

    /**
     * Records that a unit was merged into another of the same level (the 2025 reorganisation). Its articles
     * stay its own; the successor's feed with scope=lineage includes them.
     */
    @Transactional
    public Organisation merge(String slug, String into) {
        Organisation unit = organisations.findBySlug(slug).orElseThrow(() -> new ResourceNotFoundException("Không có đơn vị '" + slug + "'."));
        Organisation successor = organisations.findBySlug(into)
                .orElseThrow(() -> new InvalidBodyException("/into", "không có đơn vị '" + into + "'"));
        if (successor.level != unit.level) {
            throw new InvalidBodyException("/into", "chỉ sáp nhập vào đơn vị cùng cấp " + unit.level.code());
        }
        if (successor.id.equals(unit.id) || organisations.successorsOf(successor.id).contains(unit.id)) {
            throw new InvalidBodyException("/into", "sáp nhập vòng: '" + into + "' đã nhập vào '" + slug + "'");
        }
        organisations.addLineage(unit.id, successor.id);
        unit.updatedAt = clock.instant();
        organisations.flush();
        organisations.touchArticlesOfSubtree(unit.id, unit.updatedAt);
        changes.fire(new TreeChanged());
        return unit;
    }

    /** The unit with this slug, created under its parent (by slug) when it does not exist yet. */
    @Transactional
    public Organisation register(String slug, String name, Level level, String parentSlug) {
        return organisations.findBySlug(slug).orElseGet(() -> {
            Organisation organisation = new Organisation();
            organisation.slug = slug;
            organisation.name = VietnameseText.clean(name);
            organisation.level = level;
            organisation.kind = UnitKind.of(organisation.name, level);
            organisation.parentId = parentSlug == null ? null : organisations.findBySlug(parentSlug)
                    .orElseThrow(() -> new IllegalArgumentException("no parent organisation " + parentSlug)).id;
            Instant now = clock.instant();
            organisation.createdAt = now;
            organisation.updatedAt = now;
            organisations.persist(organisation);
            if (level != Level.GROUP) {
                changes.fire(new TreeChanged());
            }
            return organisation;
        });
    }

    private OrganisationTree load() {
        return new OrganisationTree(organisations.listAll(), organisations.ownArticleCounts(), organisations.successorsAboveCommunes());
    }
}

package vn.tincoso.organisations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.tincoso.text.VietnameseText;

/** Every unit with its children and article counts, built in memory from one read of each table. */
final class OrganisationTree {

    private static final Comparator<Organisation> BY_NAME = Comparator.comparing((Organisation o) -> o.name, VietnameseText.ALPHABETICAL)
            .thenComparing(o -> o.slug);

    private final Map<Long, Organisation> byId = new HashMap<>();
    private final Map<Long, List<Organisation>> childrenById = new HashMap<>();
    private final List<Organisation> roots = new ArrayList<>();
    private final Map<Long, Long> ownCounts;
    private final Map<Long, Long> subtreeCounts = new HashMap<>();
    private final Map<Long, List<Long>> successors;

    /** @param successors the units each province or district became, for the parent of a unit on a day its own had gone */
    OrganisationTree(List<Organisation> organisations, Map<Long, Long> ownCounts, Map<Long, List<Long>> successors) {
        this.ownCounts = ownCounts;
        this.successors = successors;
        organisations.forEach(organisation -> byId.put(organisation.id, organisation));
        for (Organisation organisation : organisations) {
            if (organisation.parentId == null) {
                roots.add(organisation);
            } else {
                childrenById.computeIfAbsent(organisation.parentId, id -> new ArrayList<>()).add(organisation);
            }
        }
        roots.sort(BY_NAME);
        childrenById.values().forEach(children -> children.sort(BY_NAME));
        roots.forEach(this::countSubtree);
    }

    private long countSubtree(Organisation organisation) {
        long count = own(organisation);
        for (Organisation child : children(organisation)) {
            count += countSubtree(child);
        }
        subtreeCounts.put(organisation.id, count);
        return count;
    }

    /**
     * The units in force on that day, as a tree, each under its parent of that day: its own, or when that had gone
     * (Thừa Thiên Huế, renamed Thành phố Huế on 1 January 2025) the unit it became. Counts are of every article under a
     * unit whatever its date, as the org= filter counts them (Hà Nội's include those of its districts, which are no
     * longer in force).
     */
    List<OrganisationNode> nested(LocalDate on) {
        Map<Long, List<Organisation>> childrenOn = new HashMap<>();
        List<Organisation> rootsOn = new ArrayList<>();
        for (Organisation organisation : byId.values()) {
            if (organisation.validOn(on)) {
                Long parent = parentOn(organisation, on);
                (parent == null ? rootsOn : childrenOn.computeIfAbsent(parent, id -> new ArrayList<>())).add(organisation);
            }
        }
        rootsOn.sort(BY_NAME);
        childrenOn.values().forEach(children -> children.sort(BY_NAME));
        return rootsOn.stream().map(root -> node(root, null, childrenOn)).toList();
    }

    private Long parentOn(Organisation organisation, LocalDate on) {
        Organisation parent = organisation.parentId == null ? null : byId.get(organisation.parentId);
        if (parent == null || parent.validOn(on)) {
            return organisation.parentId;
        }
        return successors.getOrDefault(parent.id, List.of()).stream().map(byId::get)
                .filter(successor -> successor.level == parent.level && successor.validOn(on)).map(successor -> successor.id)
                .findFirst().orElse(organisation.parentId);
    }

    /**
     * Units in force on that day of the given levels (all when empty), ordered by level, then depth-first by name. Each
     * unit is judged by its own validity: a residential group stays when the commune it was created under has gone.
     */
    List<OrganisationNode> flat(Set<Level> levels, LocalDate on) {
        List<OrganisationNode> flat = new ArrayList<>();
        roots.forEach(root -> collect(root, levels, on, flat));
        flat.sort(Comparator.comparing(unit -> Level.fromCode(unit.level()).orElseThrow()));
        return flat;
    }

    /** The unit with its children of every time, and its lineage (units directly before and after it). */
    OrganisationDetail detail(Organisation organisation, List<Long> predecessors, List<Long> successors) {
        List<OrganisationRef> ancestors = new ArrayList<>();
        for (Long parentId = organisation.parentId; parentId != null; parentId = byId.get(parentId).parentId) {
            ancestors.add(OrganisationRef.of(byId.get(parentId)));
        }
        return OrganisationDetailBuilder.builder()
                .slug(organisation.slug).name(organisation.name).level(organisation.level.code()).kind(organisation.kind)
                .gsoCode(organisation.gsoCode).validFrom(organisation.validFrom).validTo(organisation.validTo)
                .articleCount(subtreeCounts.get(organisation.id)).ownArticleCount(own(organisation))
                .ancestors(ancestors).children(children(organisation).stream().map(this::summary).toList())
                .predecessors(refs(predecessors)).successors(refs(successors))
                .build();
    }

    private List<OrganisationRef> refs(List<Long> ids) {
        return ids.stream().map(byId::get).sorted(BY_NAME).map(OrganisationRef::of).toList();
    }

    private void collect(Organisation organisation, Set<Level> levels, LocalDate on, List<OrganisationNode> into) {
        if ((levels.isEmpty() || levels.contains(organisation.level)) && organisation.validOn(on)) {
            into.add(unit(organisation, slugOf(organisation.parentId)).build());
        }
        children(organisation).forEach(child -> collect(child, levels, on, into));
    }

    private OrganisationNode node(Organisation organisation, String parent, Map<Long, List<Organisation>> childrenOn) {
        return unit(organisation, parent)
                .children(childrenOn.getOrDefault(organisation.id, List.of()).stream()
                        .map(child -> node(child, organisation.slug, childrenOn)).toList())
                .build();
    }

    private OrganisationNodeBuilder unit(Organisation organisation, String parent) {
        return OrganisationNodeBuilder.builder()
                .slug(organisation.slug).name(organisation.name).level(organisation.level.code()).kind(organisation.kind)
                .parent(parent).validFrom(organisation.validFrom).validTo(organisation.validTo)
                .articleCount(subtreeCounts.get(organisation.id)).ownArticleCount(own(organisation));
    }

    private String slugOf(Long id) {
        return id == null ? null : byId.get(id).slug;
    }

    private OrganisationSummary summary(Organisation organisation) {
        String parent = slugOf(organisation.parentId);
        return OrganisationSummaryBuilder.builder()
                .slug(organisation.slug).name(organisation.name).level(organisation.level.code()).kind(organisation.kind)
                .parent(parent).validFrom(organisation.validFrom).validTo(organisation.validTo)
                .articleCount(subtreeCounts.get(organisation.id)).ownArticleCount(own(organisation))
                .build();
    }

    private List<Organisation> children(Organisation organisation) {
        return childrenById.getOrDefault(organisation.id, List.of());
    }

    private long own(Organisation organisation) {
        return ownCounts.getOrDefault(organisation.id, 0L);
    }
}

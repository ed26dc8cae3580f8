package vn.tincoso.organisations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    /** Unique index on slug. */
    public Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The ids of the units with these slugs, by slug; an unknown slug is absent (unique index on slug). */
    public Map<String, Long> idsBySlug(java.util.Collection<String> slugs) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select slug, id from organisation where slug in (:slugs)")
                .setParameter("slugs", slugs).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** The unit with this slug, as a set of its id; empty when there is none (unique index on slug). */
    public Set<Long> idOf(String slug) {
        return ids("select id from organisation where slug = :slug", slug);
    }

    /** The unit with this slug and every unit under it (organisation_path); empty when there is none. */
    public Set<Long> subtreeOf(String slug) {
        return ids("select s.id from organisation s join organisation t on s.path <@ t.path where t.slug = :slug", slug);
    }

    /**
     * The subtrees of the unit with this slug, of every unit it was formed from (recursively: their predecessors
     * too), and of every unit it became (recursively); empty when there is none. Indexes: organisation_lineage's
     * key forwards, organisation_lineage_by_successor backwards, then organisation_path.
     */
    public Set<Long> lineageOf(String slug) {
        return ids("""
                with recursive earlier(id) as (
                    select id from organisation where slug = :slug
                    union select l.predecessor_id from organisation_lineage l join earlier e on l.successor_id = e.id),
                later(id) as (
                    select id from organisation where slug = :slug
                    union select l.successor_id from organisation_lineage l join later e on l.predecessor_id = e.id)
                select s.id from organisation s join organisation p on s.path <@ p.path
                 where p.id in (select id from earlier union select id from later)
                """, slug);
    }

    /** Every unit this one became, recursively (organisation_lineage's key). */
    public Set<Long> successorsOf(long id) {
        return idsOf("""
                with recursive later(id) as (
                    select successor_id from organisation_lineage where predecessor_id = :id
                    union select l.successor_id from organisation_lineage l join later e on l.predecessor_id = e.id)
                select id from later
                """, id);
    }

    /** The units directly before and after each of these (one statement each way). */
    public Map<Long, List<Long>> predecessorsOf(java.util.Collection<Long> ids) {
        return lineageEdges("select successor_id, predecessor_id from organisation_lineage where successor_id in (:ids)", ids);
    }

    public Map<Long, List<Long>> successorsOf(java.util.Collection<Long> ids) {
        return lineageEdges("select predecessor_id, successor_id from organisation_lineage where predecessor_id in (:ids)", ids);
    }

    /** The units each province and district became (a few dozen edges). */
    public Map<Long, List<Long>> successorsAboveCommunes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select l.predecessor_id, l.successor_id from organisation_lineage l join organisation o on o.id = l.predecessor_id
                where o.level in ('city', 'district')
                """).getResultList();
        return edges(rows);
    }

    private Map<Long, List<Long>> lineageEdges(String sql, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(sql).setParameter("ids", ids).getResultList();
        return edges(rows);
    }

    /** Rows of (from, to) as each from's list of tos. */
    private static Map<Long, List<Long>> edges(List<Object[]> rows) {
        Map<Long, List<Long>> edges = new HashMap<>();
        rows.forEach(row -> edges.computeIfAbsent(((Number) row[0]).longValue(), key -> new java.util.ArrayList<>())
                .add(((Number) row[1]).longValue()));
        return edges;
    }

    /** Records that {@code predecessor} became (part of) {@code successor}; nothing when that is known. */
    public void addLineage(long predecessor, long successor) {
        getEntityManager().createNativeQuery("""
                insert into organisation_lineage (predecessor_id, successor_id) values (:predecessor, :successor)
                on conflict do nothing
                """).setParameter("predecessor", predecessor).setParameter("successor", successor).executeUpdate();
    }

    private Set<Long> idsOf(String sql, long id) {
        List<?> rows = getEntityManager().createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.stream().map(row -> ((Number) row).longValue()).collect(Collectors.toUnmodifiableSet());
    }

    private Set<Long> ids(String sql, String slug) {
        // No result class: Hibernate matches such a native query to its cached plan (see ArticlePageStatementsTest).
        List<?> rows = getEntityManager().createNativeQuery(sql).setParameter("slug", slug).getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toUnmodifiableSet());
    }

    /** Units of a level whose folded name is this (organisation_name_key): "phuong my dinh 1". */
    public List<Organisation> findByNameKey(String nameKey, Level level) {
        return getEntityManager().createNativeQuery(
                        "select * from organisation where name_key = :key and level = :level order by id", Organisation.class)
                .setParameter("key", nameKey)
                .setParameter("level", level.code())
                .getResultList();
    }

    /** Every slug with its id (unique index on slug, index-only). */
    public Map<String, Long> idsBySlug() {
        Map<String, Long> ids = new HashMap<>();
        getEntityManager().createQuery("select o.slug, o.id from Organisation o", Object[].class).getResultList()
                .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    /** The unit and its ancestors, from the unit up to the root (organisation_path: path @&gt;). */
    @SuppressWarnings("unchecked")
    public List<Organisation> chainOf(long organisationId) {
        return getEntityManager().createNativeQuery("""
                select o.* from organisation o
                 where o.path @> (select path from organisation where id = :id)
                 order by nlevel(o.path) desc
                """, Organisation.class)
                .setParameter("id", organisationId)
                .getResultList();
    }

    /**
     * For each unit, its chain from the unit up to the root, read in one statement (organisation_path:
     * every ancestor of every unit asked for).
     */
    @SuppressWarnings("unchecked")
    public Map<Long, List<Organisation>> chainsOf(java.util.Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        List<Organisation> related = getEntityManager().createNativeQuery("""
                select distinct o.* from organisation o
                  join organisation u on o.path @> u.path
                 where u.id in (:ids)
                """, Organisation.class)
                .setParameter("ids", organisationIds)
                .getResultList();
        Map<Long, Organisation> byId = new HashMap<>();
        related.forEach(organisation -> byId.put(organisation.id, organisation));
        Map<Long, List<Organisation>> chains = new HashMap<>();
        for (Long id : organisationIds) {
            List<Organisation> chain = new java.util.ArrayList<>();
            for (Organisation unit = byId.get(id); unit != null; unit = unit.parentId == null ? null : byId.get(unit.parentId)) {
                chain.add(unit);
            }
            chains.put(id, chain);
        }
        return chains;
    }

    /** See {@link #touchArticlesOfSubtree}; OrganisationAdminTest checks its plan. */
    static final String TOUCH_SUBTREE = """
            update article set updated_at = :now, card = null
             where organisation_id in (select s.id from organisation s
                                        where s.path <@ (select t.path from organisation t where t.id = :id))
            """;

    /**
     * Marks every article of the unit's subtree as changed, whatever its status, so that the change stream re-sends
     * them after an edit they embed (a rename) or one that moves them in or out of filters (a move, a merger), and
     * drops their cards (V14), which embed the unit, for articles.CardBackfill to render again.
     * Indexes: organisation_path for the subtree, then article_by_organisation (V12) for its articles.
     */
    public int touchArticlesOfSubtree(long organisationId, java.time.Instant now) {
        return getEntityManager().createNativeQuery(TOUCH_SUBTREE).setParameter("now", now).setParameter("id", organisationId)
                .executeUpdate();
    }


    /**
     * Published articles held by each unit itself (article_organisation_feed, index-only): every published
     * article is read, 100 ms and more at a million, so the result is kept for
     * quarkus.cache.caffeine.expire-after-write (the registries' counts may lag a write by that long).
     */
    @CacheResult(cacheName = "article-counts-by-unit")
    public Map<Long, Long> ownArticleCounts() {
        // SQL, not HQL: this room knows units, not the Article entity (the articles package depends on it, not back).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select organisation_id, count(*) from article where status = 'published' group by organisation_id
                """).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }
}

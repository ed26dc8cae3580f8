package vn.tincoso.organisations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepository<Organisation> {

    /** Unique index on slug. */
    public Optional<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
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

    /**
     * Marks every article of the unit's subtree as changed, so that the change stream re-sends them after
     * an edit they embed (a rename) or one that moves them in or out of filters (a move, a merger).
     * Index: organisation_path, then article_organisation's key.
     */
    public int touchArticlesOfSubtree(long organisationId, java.time.Instant now) {
        return getEntityManager().createNativeQuery("""
                update article set updated_at = :now
                 where organisation_id in (select s.id from organisation s
                                            where s.path <@ (select t.path from organisation t where t.id = :id))
                """).setParameter("now", now).setParameter("id", organisationId).executeUpdate();
    }


    /** Published articles held by each unit itself (article_organisation_feed, index-only). */
    public Map<Long, Long> ownArticleCounts() {
        List<Object[]> rows = getEntityManager().createQuery("""
                select a.organisation.id, count(a) from Article a
                 where a.status = vn.tincoso.articles.ArticleStatus.PUBLISHED
                 group by a.organisation.id
                """, Object[].class).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }
}

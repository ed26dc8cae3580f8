package vn.tincoso.feeds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import vn.tincoso.articles.ArticleCriteria;
import vn.tincoso.articles.ArticleRepository;

/** Reads the change stream kept by the V6 migration's triggers. */
@ApplicationScoped
public class ChangeRepository {

    /** One changed article: where its latest change stands, and whether it belongs to the filter now. */
    record Change(long id, long xid, long seq, boolean present) {
    }

    private final EntityManager entityManager;

    ChangeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The changes of rows of {@code alias} (article or tombstone) after a position (:afterXid, :afterSeq) and of
     * transactions older than the horizon (:horizon): the window every reader of the stream takes.
     */
    public static String window(String alias) {
        return ("(%1$s.change_xid, %1$s.change_seq) > (cast(cast(:afterXid as text) as xid8), :afterSeq)"
                + " and %1$s.change_xid < cast(cast(:horizon as text) as xid8)").formatted(alias);
    }

    /** Transactions older than this one are all finished: their changes can be served in order. */
    public long horizon() {
        return ((Number) entityManager.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                .getSingleResult()).longValue();
    }

    /** Tombstones older than this position have been purged: a client behind it must start again. */
    long purgedThrough() {
        return ((Number) entityManager.createNativeQuery("select purged_through_xid::text::bigint from sync_purge")
                .getSingleResult()).longValue();
    }

    /**
     * The changes after a position and before the horizon, in order, at most {@code limit}: changed
     * articles (present when published and matching the criteria; empty criteria match nothing) and
     * tombstones. Changes from before {@code initialHorizon} are only listed when present. Indexes:
     * article_change_position and article_tombstone_position (range scans from the position).
     */
    List<Change> after(Optional<ArticleCriteria> criteria, SyncToken position, long horizon, int limit) {
        Map<String, Object> params = new HashMap<>();
        String matches = criteria.map(c -> ArticleRepository.condition(c, params)).orElse("false");
        String sql = "select c.id, c.xid, c.seq, c.present from ("
                + " select a.id, a.change_xid::text::bigint as xid, a.change_seq as seq, (a.status = 'published' and "
                + matches + ") as present from article a where " + window("a")
                + " union all"
                + " select t.article_id, t.change_xid::text::bigint, t.change_seq, false from article_tombstone t where "
                + window("t")
                + ") c where c.present or c.xid >= :initialHorizon order by c.xid, c.seq limit :limit";
        params.put("afterXid", position.afterXid());
        params.put("afterSeq", position.afterSeq());
        params.put("horizon", horizon);
        params.put("initialHorizon", position.initialHorizon());
        params.put("limit", limit);
        Query query = entityManager.createNativeQuery(sql, Tuple.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        return rows.stream().map(row -> new Change(((Number) row.get("id")).longValue(), ((Number) row.get("xid")).longValue(),
                ((Number) row.get("seq")).longValue(), (Boolean) row.get("present"))).toList();
    }

    /** Drops tombstones older than the cut-off and remembers how far it went; returns how many it dropped. */
    int purgeTombstonesBefore(java.time.Instant cutoff) {
        entityManager.createNativeQuery("""
                update sync_purge set purged_through_xid = greatest(purged_through_xid,
                    coalesce((select max(change_xid) from article_tombstone where deleted_at < :cutoff), '0'::xid8))
                """).setParameter("cutoff", cutoff).executeUpdate();
        return entityManager.createNativeQuery("delete from article_tombstone where deleted_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}

package vn.tincoso.database;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * When the content last changed anywhere: the Last-Modified of answers that summarise all of it (the
 * organisation tree and the directive registry, whose article counts move with every article).
 */
@ApplicationScoped
public class ContentClock {

    private final EntityManager entityManager;

    ContentClock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A JSON answer summarising all content, stamped with the newest change anywhere as its Last-Modified. */
    public jakarta.ws.rs.core.Response answer(Object body) {
        return jakarta.ws.rs.core.Response.ok(body, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
                .lastModified(java.util.Date.from(lastChange())).build();
    }

    /** The newest update among units, directives, articles (article_updated_at) and deletions (article_tombstone_age). */
    @Transactional
    public Instant lastChange() {
        Number micros = (Number) entityManager.createNativeQuery("""
                select coalesce((extract(epoch from greatest(
                    (select max(updated_at) from organisation), (select max(updated_at) from directive),
                    (select max(updated_at) from article), (select max(deleted_at) from article_tombstone))) * 1000000)::bigint, 0)
                """).getSingleResult();
        return Instant.EPOCH.plusNanos(micros.longValue() * 1000);
    }
}

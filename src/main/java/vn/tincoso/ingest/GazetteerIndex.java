package vn.tincoso.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import vn.tincoso.organisations.Level;
import vn.tincoso.organisations.TreeChanged;

/**
 * This instance's {@link UnitIndex} of the tree down to the communes, built from the database when first needed and
 * again after the tree changes: at once after a change made through this instance, and within
 * {@link #RECHECK} of one made through another (it compares the tree's size and newest change).
 */
@ApplicationScoped
public class GazetteerIndex {

    static final Duration RECHECK = Duration.ofSeconds(30);

    private record Built(UnitIndex index, String version, Instant checkedAt) {
    }

    private final EntityManager entityManager;
    private final Clock clock;
    private volatile Built built;

    GazetteerIndex(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The index as the tree stands (call within a transaction). */
    public UnitIndex current() {
        Built now = built;
        Instant at = clock.instant();
        if (now != null && Duration.between(now.checkedAt(), at).compareTo(RECHECK) < 0 && !at.isBefore(now.checkedAt())) {
            return now.index();
        }
        String version = version();
        if (now == null || !now.version().equals(version)) {
            now = new Built(build(), version, at);
        } else {
            now = new Built(now.index(), version, at);
        }
        built = now;
        return now.index();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) TreeChanged change) {
        built = null;
    }

    private String version() {
        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select count(*), max(updated_at)::text from organisation where level <> 'group'").getSingleResult();
        return row[0] + "@" + row[1];
    }

    private UnitIndex build() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, slug, name, kind, level, parent_id, valid_from, valid_to from organisation where level <> 'group'
                """).getResultList();
        return new UnitIndex(rows.stream().map(GazetteerIndex::known).toList());
    }

    private static UnitIndex.Known known(Object[] row) {
        return UnitIndexKnownBuilder.builder()
                .id(((Number) row[0]).longValue()).slug((String) row[1]).name((String) row[2]).kind((String) row[3])
                .level(Level.fromCode((String) row[4]).orElseThrow())
                .parentId(row[5] == null ? null : ((Number) row[5]).longValue())
                .validFrom(day(row[6])).validTo(day(row[7]))
                .build();
    }

    private static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}

package vn.tincoso.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Tells a database outage from a bug: a failure caused by a connection that cannot be had or was cut
 * (SQLState classes 08 and 57P, "not accepting connections", too many connections, or the pool's
 * acquisition timeout) is answered 503 with Retry-After, and the client may simply try again.
 */
public final class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;
    /** What Agroal, the connection pool, says (a plain SQLException, no SQLState) when no connection came in time. */
    private static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";
    /** How many causes and suppressed failures are looked at, at most. */
    private static final int MAX_CHAIN = 64;

    private DatabaseUnavailable() {
    }

    /** A unique index refused a value another transaction has just written (SQLState 23505). */
    public static boolean uniqueViolation(Throwable failure) {
        return sqlStates(failure).anyMatch("23505"::equals);
    }

    /** The database ended a transaction to break a deadlock or a serialization conflict (40P01, 40001): try it again. */
    public static boolean transactionRace(Throwable failure) {
        return sqlStates(failure).anyMatch(state -> state.equals("40001") || state.equals("40P01"));
    }

    public static boolean causedBy(Throwable failure) {
        return chain(failure).anyMatch(cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && POOL_ACQUISITION_TIMEOUT.equals(sql.getMessage()))
                || sqlStates(failure).anyMatch(state -> state.startsWith("08") || state.startsWith("57P")
                        || state.equals("55000") || state.equals("53300"));
    }

    private static Stream<String> sqlStates(Throwable failure) {
        return chain(failure).filter(SQLException.class::isInstance).map(cause -> ((SQLException) cause).getSQLState())
                .filter(Objects::nonNull);
    }

    /**
     * The failure, its causes and what was suppressed on the way: a commit the database cut off surfaces as a
     * RollbackException whose XAException (with the PostgreSQL error inside) is only suppressed, not its cause.
     */
    private static Stream<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        List<Throwable> all = new ArrayList<>();
        while (!pending.isEmpty() && all.size() < MAX_CHAIN) {
            Throwable next = pending.removeFirst();
            if (seen.add(next)) {
                all.add(next);
                if (next.getCause() != null) {
                    pending.add(next.getCause());
                }
                pending.addAll(Arrays.asList(next.getSuppressed()));
            }
        }
        return all.stream();
    }
}

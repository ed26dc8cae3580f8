package vn.tincoso.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database outage from a bug: a failure caused by a connection that cannot be had or was cut
 * (SQLState classes 08 and 57P, "not accepting connections", too many connections, or the pool's
 * acquisition timeout) is answered 503 with Retry-After, and the client may simply try again.
 */
public final class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;
    /** What Agroal, the connection pool, says (a plain SQLException, no SQLState) when no connection came in time. */
    private static final String POOL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout!";

    private DatabaseUnavailable() {
    }

    /** A unique index refused a value another transaction has just written (SQLState 23505). */
    public static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The database ended a transaction to break a deadlock or a serialization conflict (40P01, 40001): try it again. */
    public static boolean transactionRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && POOL_ACQUISITION_TIMEOUT.equals(sql.getMessage())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("55000") || state.equals("53300")) {
                    return true;
                }
            }
        }
        return false;
    }
}

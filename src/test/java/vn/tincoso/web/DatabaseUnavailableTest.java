package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

/** Which database failures are an outage (503), a lost race (409), or a bug (500). */
class DatabaseUnavailableTest {

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("persistence", new IllegalStateException("jdbc", cause));
    }

    @Test
    void connectionFailuresAreOutages() {
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("terminating", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("not accepting connections", "55000"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException(new SQLTransientConnectionException("acquisition timeout"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("Sorry, acquisition timeout!"))), "the pool's own words");
    }

    /**
     * As seen in DatabaseOutageTest under load: the connection is cut during commit, and Narayana throws a
     * RollbackException whose only trace of the cut is a suppressed XAException around PostgreSQL's 57P01.
     */
    @Test
    void aCommitCutOffByTheDatabaseIsAnOutage() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.",
                new IllegalStateException("rollback"));
        XAException cut = new XAException("Error trying to transactionCommit local transaction");
        cut.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(cut);
        assertTrue(DatabaseUnavailable.causedBy(rollback));
        RuntimeException bug = new RuntimeException("commit failed", new IllegalStateException("rollback"));
        bug.addSuppressed(new IllegalArgumentException("unrelated"));
        assertFalse(DatabaseUnavailable.causedBy(bug));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("bug")));
        assertTrue(DatabaseUnavailable.uniqueViolation(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.uniqueViolation(wrapped(new SQLException("refused", "08001"))));
    }
}

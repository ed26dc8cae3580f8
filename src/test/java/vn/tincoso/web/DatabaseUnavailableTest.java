package vn.tincoso.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

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

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("syntax", "42601"))));
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("bug")));
        assertTrue(DatabaseUnavailable.uniqueViolation(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.uniqueViolation(wrapped(new SQLException("refused", "08001"))));
    }
}

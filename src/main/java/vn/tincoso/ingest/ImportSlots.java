package vn.tincoso.ingest;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Imports that may hold a database connection at once, so a burst of imports — twenty clients sending one text, each
 * waiting its turn on the text's advisory lock with a connection in hand — never takes the pool from readers. An
 * import waits for a slot in arrival order; one that gets none in time fails as the database being out of reach
 * would (503 with Retry-After, or {@code failed} in a batch): nothing was stored, and sending it again is safe.
 */
@ApplicationScoped
public class ImportSlots {

    private final Semaphore slots;
    private final Duration wait;

    ImportSlots(@ConfigProperty(name = "tincoso.imports.concurrency", defaultValue = "4") int concurrency,
            @ConfigProperty(name = "tincoso.imports.slot-wait", defaultValue = "30s") Duration wait) {
        this.slots = new Semaphore(concurrency, true);
        this.wait = wait;
    }

    public <T> T call(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NoSlot(new SQLTransientConnectionException("no import slot within " + wait.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoSlot(new SQLTransientConnectionException("interrupted waiting for an import slot", e));
        }
    }

    /** Carries a transient connection failure, so every caller treats it as the database being briefly out of reach. */
    static final class NoSlot extends RuntimeException {
        NoSlot(SQLTransientConnectionException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

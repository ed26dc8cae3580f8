package vn.tincoso.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import vn.tincoso.web.DatabaseUnavailable;

/** Imports beyond the slots wait their turn; one that waits too long fails as an outage would, and frees nothing it never took. */
class ImportSlotsTest {

    @Test
    void anImportThatGetsNoSlotInTimeFailsAsTheDatabaseBeingOutOfReach() throws Exception {
        ImportSlots slots = new ImportSlots(1, Duration.ofMillis(200));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> slots.call(() -> {
            holding.countDown();
            await(release);
            return "first";
        }));
        holding.await();
        RuntimeException refused = assertThrows(RuntimeException.class, () -> slots.call(() -> "second"));
        assertTrue(DatabaseUnavailable.causedBy(refused), "answered 503 with Retry-After, or failed in a batch");
        release.countDown();
        assertEquals("first", first.get());
        assertEquals("third", slots.call(() -> "third"), "the slot came back, and the refused call took none");
    }

    @Test
    void aFailingImportGivesItsSlotBack() {
        ImportSlots slots = new ImportSlots(1, Duration.ofMillis(200));
        assertThrows(IllegalStateException.class, () -> slots.call(() -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals("next", slots.call(() -> "next"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

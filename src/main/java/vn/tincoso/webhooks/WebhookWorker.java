package vn.tincoso.webhooks;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.web.DatabaseUnavailable;

/**
 * The webhook loops of this instance, each on a thread of its own: one fans out the changes committed since its last
 * round, the other records the outcomes of finished attempts and sends what is due. Idle, a loop looks again after the
 * poll interval; the sending loop is woken sooner by work of this instance (an attempt finishing, deliveries fanned
 * out), and after a turn that did work it pauses as long as that turn took (2–50 ms), so that its claims, which cost
 * the database the same whatever they find, come at most every other moment and gather what finished meanwhile.
 * Every instance runs it (tincoso.webhooks.worker-enabled); the database decides who does what. Off without the
 * encryption key.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final long MIN_PAUSE_NANOS = Duration.ofMillis(2).toNanos();
    private static final long MAX_PAUSE_NANOS = Duration.ofMillis(50).toNanos();

    private final WebhookFanout fanout;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookStore store;
    private final TincosoConfig.Webhooks config;
    private final java.util.List<Thread> loops = new java.util.ArrayList<>();
    private volatile boolean running;
    private long nextPurge;

    WebhookWorker(WebhookFanout fanout, WebhookSender sender, WebhookSecrets secrets, WebhookStore store, TincosoConfig config) {
        this.fanout = fanout;
        this.store = store;
        this.sender = sender;
        this.secrets = secrets;
        this.config = config.webhooks();
    }

    void start(@Observes StartupEvent event) {
        if (!config.workerEnabled()) {
            return;
        }
        if (!secrets.configured()) {
            LOG.info("webhooks off: tincoso.webhooks.encryption-key is not set");
            return;
        }
        running = true;
        // Two loops: the fan-out never holds up the sending.
        loops.add(loop("webhook-fanout", () -> {
            int recorded = quietly(this::fanOut);
            if (recorded > 0) {
                sender.wake();
            }
            return recorded > 0;
        }, () -> sleep(config.pollInterval().toNanos())));
        loops.add(loop("webhook-sender", () -> quietly(this::send) > 0, () -> sender.awaitWork(config.pollInterval())));
    }

    /** A thread turning {@code turn} while running: again at once (after a pause) while it works, after {@code idle} when not. */
    private Thread loop(String name, java.util.function.BooleanSupplier turn, Runnable idle) {
        Thread thread = new Thread(() -> {
            while (running) {
                long started = System.nanoTime();
                boolean worked = turn.getAsBoolean();
                if (!running) {
                    return;
                }
                if (worked) {
                    sleep(Math.max(MIN_PAUSE_NANOS, Math.min(MAX_PAUSE_NANOS, System.nanoTime() - started)));
                } else {
                    idle.run();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep(long nanos) {
        try {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        loops.forEach(Thread::interrupt);
    }

    /** A turn; what it did. A failure is logged and counts as nothing done. */
    private static int quietly(java.util.function.IntSupplier turn) {
        try {
            return turn.getAsInt();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.debugf(e, "webhook round skipped: database unavailable");
            } else {
                LOG.errorf(e, "webhook round failed");
            }
            return 0;
        }
    }

    /** A fan-out round (and the purge when it is due); the deliveries it recorded. A request context: sessions choose their datasource in one. */
    @ActivateRequestContext
    int fanOut() {
        int recorded = fanout.round();
        if (System.nanoTime() - nextPurge > 0) {
            nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
            store.purge(config.deliveryRetention());
        }
        return recorded;
    }

    /** The outcomes of finished attempts recorded, then what is due sent; how many of both. */
    @ActivateRequestContext
    int send() {
        return sender.recordOutcomes() + sender.sendDue();
    }

    /** One turn of both loops; whether it did anything or has attempts still in flight (for tests and tools). */
    @ActivateRequestContext
    public boolean tick() {
        int recorded = sender.recordOutcomes();
        int fannedOut = fanOut();
        int sent = sender.sendDue();
        return recorded > 0 || fannedOut > 0 || sent > 0 || sender.busy();
    }

    /** Turns the loop until nothing is left to do now, or {@code within} has passed (for tests and tools). */
    public void runUntilIdle(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (!tick()) {
                return;
            }
            Thread.sleep(10);
        }
    }
}

package vn.tincoso.webhooks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import vn.tincoso.config.TincosoConfig;
import vn.tincoso.web.DatabaseUnavailable;

/**
 * The webhook loops of this instance, every poll interval and at once again while there is work: one fans out the
 * changes committed since the last round, the other records the outcomes of finished attempts and sends what is due. Every instance runs it (tincoso.webhooks.worker-enabled);
 * the database decides who does what. Off without the encryption key.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
    /** Turns in a row while there is work, before the loop waits its poll interval anyway. */
    private static final int MAX_TURNS_WITHOUT_PAUSE = 50;
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final WebhookFanout fanout;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookStore store;
    private final TincosoConfig.Webhooks config;
    private ScheduledExecutorService loop;
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
        loop = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        // Two loops: the fan-out (one statement per distinct filter a round) never holds up the sending. While one
        // has work (a backlog, deliveries finishing) it turns again at once; idle, it waits its poll interval.
        long every = config.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(() -> burst(() -> fanOut() > 0), every, every, TimeUnit.MILLISECONDS);
        loop.scheduleWithFixedDelay(() -> burst(() -> send() > 0), every, every, TimeUnit.MILLISECONDS);
    }

    private static void burst(java.util.function.BooleanSupplier turn) {
        for (int turns = 0; turns < MAX_TURNS_WITHOUT_PAUSE && quietly(turn); turns++) {
            // the next turn
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    /** A turn; whether it did work. A failure is logged and ends the burst. */
    private static boolean quietly(java.util.function.BooleanSupplier turn) {
        try {
            return turn.getAsBoolean();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.debugf(e, "webhook round skipped: database unavailable");
            } else {
                LOG.errorf(e, "webhook round failed");
            }
            return false;
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

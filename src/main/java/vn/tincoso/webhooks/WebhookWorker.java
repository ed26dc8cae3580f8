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
 * The webhook loop of this instance, every poll interval: record the outcomes of finished attempts, fan out the
 * changes committed since the last round, send what is due. Every instance runs it (tincoso.webhooks.worker-enabled);
 * the database decides who does what. Off without the encryption key.
 */
@ApplicationScoped
public class WebhookWorker {

    private static final Logger LOG = Logger.getLogger(WebhookWorker.class);
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
        loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.pollInterval().toMillis();
        loop.scheduleWithFixedDelay(this::tickQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.shutdownNow();
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.causedBy(e)) {
                LOG.debugf(e, "webhook round skipped: database unavailable");
            } else {
                LOG.errorf(e, "webhook round failed");
            }
        }
    }

    /** One turn of the loop; whether it did anything. A request context: sessions choose their datasource in one. */
    @ActivateRequestContext
    public boolean tick() {
        int recorded = sender.recordOutcomes();
        int fannedOut = fanout.round();
        int sent = sender.sendDue();
        if (System.nanoTime() - nextPurge > 0) {
            nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
            store.purge(config.deliveryRetention());
        }
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

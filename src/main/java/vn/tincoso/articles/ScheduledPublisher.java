package vn.tincoso.articles;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

import vn.tincoso.web.ResponseCache;

/** Publishes scheduled articles when their time comes (checked every 15 seconds). */
@ApplicationScoped
public class ScheduledPublisher {

    private final EditorialService editorial;
    private final ResponseCache responseCache;

    ScheduledPublisher(EditorialService editorial, ResponseCache responseCache) {
        this.editorial = editorial;
        this.responseCache = responseCache;
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        // Newly published articles belong in the feeds this instance may be answering from memory.
        if (editorial.publishDue() > 0) {
            responseCache.clear();
        }
    }
}

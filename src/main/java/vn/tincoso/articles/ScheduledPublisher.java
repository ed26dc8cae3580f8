package vn.tincoso.articles;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Publishes scheduled articles when their time comes (checked every 15 seconds). */
@ApplicationScoped
public class ScheduledPublisher {

    private final EditorialService editorial;

    ScheduledPublisher(EditorialService editorial) {
        this.editorial = editorial;
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        editorial.publishDue();
    }
}

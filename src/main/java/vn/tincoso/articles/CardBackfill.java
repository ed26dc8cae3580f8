package vn.tincoso.articles;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Stores the cards that are missing (V14): articles from before cards existed, and those whose unit or directive
 * changed what their card embeds (the rename clears them in its own statement). Until then a page renders them
 * from the entity, so this only brings the fast path back. Any instance may run it: each batch claims its rows
 * with FOR UPDATE SKIP LOCKED. The card is derived data, written by statement, so the article's version and ETag
 * stay as they are.
 */
@ApplicationScoped
public class CardBackfill {

    static final int BATCH = 500;

    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final EntityManager entityManager;

    CardBackfill(ArticleRepository articles, ArticleService articleService, EntityManager entityManager) {
        this.articles = articles;
        this.articleService = articleService;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renderMissing() {
        while (renderBatch() == BATCH) {
            // Until a batch comes back short: nothing, or less than a batch, was left.
        }
    }

    /** Renders and stores the cards of up to {@link #BATCH} articles without one; how many it stored. */
    @Transactional
    public int renderBatch() {
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) entityManager.createNativeQuery(
                        "select id from article where card is null and organisation_id is not null order by id limit :batch"
                                + " for update skip locked")
                .setParameter("batch", BATCH).getResultList()).stream().map(Number::longValue).toList();
        for (Article article : articles.withTags(ids)) {
            entityManager.createNativeQuery("update article set card = :card where id = :id")
                    .setParameter("card", articleService.cardOf(article)).setParameter("id", article.id).executeUpdate();
        }
        return ids.size();
    }
}

package vn.tincoso.articles;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.tincoso.config.VietnamTime;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.ProblemType;

/**
 * The one way an article is written, whoever writes it (editors, imports, the demo content, the scheduler): the
 * actor must be allowed on the unit the article has and on the unit it gets, and every write leaves a revision
 * with the actor, the action and each field that changed. Callers hold the article's row lock
 * ({@link #lockedById}) for updates, so concurrent writers of one article take turns instead of failing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ArticleWriter {

    private final ArticleService articleService;
    private final ArticleRepository articles;
    private final OrganisationRepository organisations;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    ArticleWriter(ArticleService articleService, ArticleRepository articles, OrganisationRepository organisations,
            EntityManager entityManager, ObjectMapper mapper) {
        this.articleService = articleService;
        this.articles = articles;
        this.organisations = organisations;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** 403: the actor may not write the articles of this unit. */
    public static final class NotAllowed extends ApiException {
        NotAllowed(String unit) {
            super(ProblemType.FORBIDDEN, "'" + unit + "' nằm ngoài đơn vị tài khoản này được viết bài.");
        }
    }

    /** The article, its row locked until the transaction ends; a concurrent writer waits for it. */
    public Optional<Article> lockedById(long id) {
        return Optional.ofNullable(entityManager.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Whether the actor may write this article: of its unit, or, while it is not placed, of one of the units it might
     * be (admins: any).
     */
    public boolean mayWrite(Actor actor, Article article) {
        if (article.organisation != null) {
            return actor.mayWrite(article.organisation);
        }
        return actor.mayWriteEverywhere() || article.review != null && article.review.candidates().stream()
                .map(candidate -> organisations.findBySlug(candidate.slug())).flatMap(java.util.Optional::stream).anyMatch(actor::mayWrite);
    }

    /** A new article, in the unit {@code input} names (none for one that needs review). */
    public Article create(NewArticle input, Actor actor, RevisionAction action) {
        allowedOn(actor, input);
        Article article = articleService.store(input);
        record(article, action, actor, Map.of());
        return article;
    }

    /** New content and tags for an article whose row the caller has locked. */
    public Article update(Article article, NewArticle input, Actor actor, RevisionAction action) {
        allowed(actor, article);
        allowedOn(actor, input);
        Map<String, Object> before = snapshot(article);
        articleService.replace(article, input);
        record(article, action, actor, before);
        return article;
    }

    /** Publishes, schedules or unpublishes an article whose row the caller has locked. */
    public Article changeStatus(Article article, ArticleStatus status, Instant publishedAt, Actor actor, RevisionAction action) {
        allowed(actor, article);
        Map<String, Object> before = snapshot(article);
        article.status = status;
        article.publishedAt = publishedAt;
        article.updatedAt = articleService.now();
        article.card = articleService.cardOf(article);
        record(article, action, actor, before);
        return article;
    }

    /** Deletes it; the change stream keeps its tombstone and the revisions keep its history. */
    public void delete(Article article, Actor actor) {
        allowed(actor, article);
        long id = article.id;
        int version = article.version;
        articles.delete(article);
        articles.flush();
        entityManager.persist(revision(id, version + 1, RevisionAction.DELETED, actor, Map.of()));
    }

    /** The unit the article will have must be one the actor may write; an article not placed yet is anyone's to import. */
    private void allowedOn(Actor actor, NewArticle input) {
        if (input.organisation() == null) {
            return;
        }
        Organisation unit = organisations.findBySlug(input.organisation())
                .orElseThrow(() -> new IllegalArgumentException("no organisation " + input.organisation()));
        if (!actor.mayWrite(unit)) {
            throw new NotAllowed(unit.name);
        }
    }

    private void allowed(Actor actor, Article article) {
        if (!mayWrite(actor, article)) {
            throw new NotAllowed(article.organisation == null ? "Bài chưa xác định đơn vị" : article.organisation.name);
        }
    }

    private void record(Article article, RevisionAction action, Actor actor, Map<String, Object> before) {
        // The version the write gives the article is known once it is flushed.
        articles.flush();
        entityManager.persist(revision(article.id, article.version, action, actor, changes(before, snapshot(article))));
    }

    private Revision revision(long articleId, int version, RevisionAction action, Actor actor, Map<String, Object> changes) {
        Revision revision = new Revision();
        revision.articleId = articleId;
        revision.version = version;
        revision.actor = actor.name();
        revision.at = articleService.now();
        revision.action = action.code();
        revision.changes = changes;
        return revision;
    }

    /** The stored fields a revision compares: what an editor writes, and the publication state. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> snapshot(Article article) {
        Map<String, Object> fields = new LinkedHashMap<>(mapper.convertValue(ArticleInput.of(article), Map.class));
        fields.put("status", article.status.code());
        // As the API prints times, seconds always (OffsetDateTime.toString drops them when they are zero).
        fields.put("publishedAt", article.publishedAt == null ? null
                : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(VietnamTime.of(article.publishedAt)));
        return fields;
    }

    /** Each field whose stored value differs, with both values; every field for a new article. */
    private static Map<String, Object> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object from = before.get(field.getKey());
            if (!Objects.equals(from, field.getValue()) && !isEmpty(from, field.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", field.getValue());
                changes.put(field.getKey(), change);
            }
        }
        return changes;
    }

    /** Absent and empty are the same for a new article's optional fields. */
    private static boolean isEmpty(Object from, Object to) {
        return from == null && (to == null || to instanceof List<?> list && list.isEmpty());
    }
}

package vn.tincoso.articles;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.ForbiddenException;

import vn.tincoso.auth.CurrentUser;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.ETags;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.ProblemType;
import vn.tincoso.web.ResourceNotFoundException;

/**
 * Editors' writes: create, replace, merge-patch, publish, unpublish, delete. Each is scoped to what the
 * user may write, guarded by If-Match against the article's current ETag, and kept as a revision.
 */
@ApplicationScoped
public class EditorialService {

    /** The written article and the ETag it now has. */
    public record Written(ArticleView article, String etag) {
    }

    /** The actor of revisions the scheduler makes. */
    static final String SCHEDULER = "lich-dang";

    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final OrganisationRepository organisations;
    private final CurrentUser user;
    private final ETags caching;
    private final ObjectMapper mapper;
    private final EntityManager entityManager;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    EditorialService(ArticleRepository articles, ArticleService articleService, OrganisationRepository organisations,
            CurrentUser user, ETags caching, ObjectMapper mapper, EntityManager entityManager, Clock clock,
            jakarta.validation.Validator validator) {
        this.validator = validator;
        this.articles = articles;
        this.articleService = articleService;
        this.organisations = organisations;
        this.user = user;
        this.caching = caching;
        this.mapper = mapper;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Written create(ArticleInput input) {
        Organisation unit = writableUnit(input.organisation());
        Article article = articleService.store(newArticle(input, unit, null));
        return record(article, "created", changes(null, ArticleInput.of(article)));
    }

    @Transactional
    public Written replace(long id, String ifMatch, ArticleInput input) {
        Article article = current(id, ifMatch);
        ArticleInput before = ArticleInput.of(article);
        articleService.replace(article, newArticle(input, writableUnit(input.organisation()), article));
        return record(article, "updated", changes(before, ArticleInput.of(article)));
    }

    /** RFC 7396: the patch's members replace the article's, null removes an optional one. */
    @Transactional
    public Written patch(long id, String ifMatch, String body) {
        Article article = current(id, ifMatch);
        JsonNode patch;
        try {
            patch = body == null ? null : mapper.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidBodyException("body", "không phải JSON");
        }
        if (patch == null || !patch.isObject()) {
            throw new InvalidBodyException("body", "phải là một đối tượng JSON Merge Patch");
        }
        ObjectNode merged = mapper.valueToTree(ArticleInput.of(article));
        patch.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), field.getValue());
            }
        });
        ArticleInput input;
        try {
            input = mapper.treeToValue(merged, ArticleInput.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidBodyException("body", "không áp dụng được bản vá: " + e.getMessage());
        }
        java.util.Set<jakarta.validation.ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new jakarta.validation.ConstraintViolationException(violations);
        }
        ArticleInput before = ArticleInput.of(article);
        articleService.replace(article, newArticle(input, writableUnit(input.organisation()), article));
        return record(article, "updated", changes(before, ArticleInput.of(article)));
    }

    @Transactional
    public Written publish(long id, String ifMatch) {
        Article article = current(id, ifMatch);
        ArticleStatus before = article.status;
        article.status = ArticleStatus.PUBLISHED;
        if (article.publishedAt == null) {
            article.publishedAt = articleService.now();
        }
        article.updatedAt = articleService.now();
        return record(article, "published", statusChange(before, article.status));
    }

    /** Publishes it at a future time; until then every public read behaves as if it did not exist. */
    @Transactional
    public Written schedule(long id, String ifMatch, Instant publishAt) {
        if (publishAt == null || !publishAt.isAfter(clock.instant())) {
            throw new InvalidBodyException("publishAt", "phải là một thời điểm trong tương lai");
        }
        Article article = current(id, ifMatch);
        ArticleStatus before = article.status;
        article.status = ArticleStatus.SCHEDULED;
        article.publishedAt = publishAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        article.updatedAt = articleService.now();
        return record(article, "scheduled", statusChange(before, article.status));
    }

    /** Publishes every scheduled article whose time has come; returns how many. */
    @Transactional
    public int publishDue() {
        List<Article> due = articles.list("status = ?1 and publishedAt <= ?2", ArticleStatus.SCHEDULED, clock.instant());
        for (Article article : due) {
            article.status = ArticleStatus.PUBLISHED;
            article.updatedAt = articleService.now();
            articles.flush();
            entityManager.persist(revision(article.id, article.version, "published", SCHEDULER,
                    statusChange(ArticleStatus.SCHEDULED, ArticleStatus.PUBLISHED)));
        }
        return due.size();
    }

    @Transactional
    public Written unpublish(long id, String ifMatch) {
        Article article = current(id, ifMatch);
        ArticleStatus before = article.status;
        article.status = ArticleStatus.DRAFT;
        article.updatedAt = articleService.now();
        return record(article, "unpublished", statusChange(before, article.status));
    }

    /** Deletes it; the change stream keeps its tombstone and the revisions keep its history. */
    @Transactional
    public void delete(long id, String ifMatch) {
        Article article = current(id, ifMatch);
        int version = article.version;
        articles.delete(article);
        entityManager.persist(revision(id, version + 1, "deleted", user.name(), Map.of()));
    }

    /** The article whatever its status, for someone who may write it. */
    @Transactional
    public Written read(long id) {
        Article article = writable(id);
        ArticleView view = articleService.view(article);
        return new Written(view, caching.ofJson(view));
    }

    @Transactional
    public List<RevisionView> revisions(long id) {
        List<Revision> history = entityManager.createQuery("select r from Revision r where r.articleId = :id order by r.id", Revision.class)
                .setParameter("id", id).getResultList();
        if (history.isEmpty()) {
            throw new ResourceNotFoundException("Không có bài viết " + id + ".");
        }
        Optional<Article> existing = articles.findByIdOptional(id);
        if (existing.isPresent() ? !user.mayWrite(existing.get().organisation) : !user.isAdmin()) {
            throw new ForbiddenException();
        }
        return history.stream().map(RevisionView::of).toList();
    }

    private Article writable(long id) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Không có bài viết " + id + "."));
        if (!user.mayWrite(article.organisation)) {
            throw new ForbiddenException();
        }
        return article;
    }

    /** The article, if the user may write it and the client's If-Match is its current ETag. */
    private Article current(long id, String ifMatch) {
        Article article = writable(id);
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new Precondition(ProblemType.PRECONDITION_REQUIRED, "Cần header If-Match với ETag hiện tại của bài.");
        }
        String etag = caching.ofJson(articleService.view(article));
        boolean matches = ifMatch.strip().equals("*")
                || Arrays.stream(ifMatch.split(",")).map(String::strip).anyMatch(etag::equals);
        if (!matches) {
            throw new Precondition(ProblemType.PRECONDITION_FAILED, "Bài đã được sửa từ khi bạn đọc nó; hãy đọc lại rồi sửa.");
        }
        return article;
    }

    private Organisation writableUnit(String slug) {
        Organisation unit = organisations.findBySlug(slug)
                .orElseThrow(() -> new InvalidBodyException("organisation", "không có đơn vị '" + slug + "'"));
        if (!user.mayWrite(unit)) {
            throw new ForbiddenException();
        }
        return unit;
    }

    private static NewArticle newArticle(ArticleInput input, Organisation unit, Article existing) {
        List<NewArticle.DirectiveMention> mentions = new ArrayList<>();
        List<String> codes = input.directives() == null ? List.of() : input.directives();
        for (int i = 0; i < codes.size(); i++) {
            String spelling = codes.get(i);
            int position = i;
            DirectiveCode code = DirectiveCode.parse(spelling).orElseThrow(() ->
                    new InvalidBodyException("directives[" + position + "]", "'" + spelling + "' không phải mã văn bản"));
            if (mentions.stream().noneMatch(mention -> mention.code().equals(code))) {
                mentions.add(new NewArticle.DirectiveMention(code, null, null));
            }
        }
        return new NewArticle(null, input.title(), input.summary(), input.body(), input.captions(), input.section(),
                existing == null ? null : existing.publishedAt, input.byline(), input.sourceUrl(),
                existing == null ? null : existing.sourceHash, existing == null ? 0 : existing.viewCount,
                existing == null ? ArticleStatus.DRAFT : existing.status, unit.slug, mentions);
    }

    private Written record(Article article, String action, Map<String, Object> changes) {
        articles.flush();
        entityManager.persist(revision(article.id, article.version, action, user.name(), changes));
        ArticleView view = articleService.view(article);
        return new Written(view, caching.ofJson(view));
    }

    private Revision revision(long articleId, int version, String action, String actor, Map<String, Object> changes) {
        Revision revision = new Revision();
        revision.articleId = articleId;
        revision.version = version;
        revision.actor = actor;
        revision.at = articleService.now();
        revision.action = action;
        revision.changes = changes;
        return revision;
    }

    /** Each field whose stored value differs, with both values; every field for a new article. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> changes(ArticleInput before, ArticleInput after) {
        Map<String, Object> old = before == null ? Map.of() : mapper.convertValue(before, Map.class);
        Map<String, Object> updated = mapper.convertValue(after, Map.class);
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : updated.entrySet()) {
            Object from = old.get(field.getKey());
            if (!Objects.equals(from, field.getValue()) && !(from == null && field.getValue() == null)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", field.getValue());
                changes.put(field.getKey(), change);
            }
        }
        return changes;
    }

    private static Map<String, Object> statusChange(ArticleStatus before, ArticleStatus after) {
        return Map.of("status", Map.of("from", before.name().toLowerCase(java.util.Locale.ROOT),
                "to", after.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** 428 without If-Match, 412 with a stale one. */
    static final class Precondition extends ApiException {
        Precondition(ProblemType type, String detail) {
            super(type, detail, "If-Match", detail);
        }
    }
}

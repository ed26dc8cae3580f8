package vn.tincoso.articles;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.security.ForbiddenException;

import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Organisation;
import vn.tincoso.organisations.OrganisationRepository;
import vn.tincoso.web.ApiException;
import vn.tincoso.web.ETags;
import vn.tincoso.web.InvalidBodyException;
import vn.tincoso.web.JsonErrors;
import vn.tincoso.web.Problem;
import vn.tincoso.web.ProblemType;
import vn.tincoso.web.ResourceNotFoundException;

/**
 * Editors' writes: create, replace, merge-patch, publish, schedule, unpublish, delete, each through the
 * {@link ArticleWriter}. A write locks the article's row, then checks the client's If-Match against the ETag the
 * article has now, so of concurrent writers with the same If-Match exactly one succeeds and the others get 412.
 * An article the user may not write is 404 unless it is published (a draft's existence is nobody else's business).
 */
@ApplicationScoped
public class EditorialService {

    /** The written article and the ETag it now has. */
    public record Written(ArticleView article, String etag) {
    }

    /** The actor of revisions the scheduler makes. */
    static final Actor SCHEDULER = Actor.system("lich-dang");
    /** Each run of the scheduler publishes at most this many, so that one run's transaction stays short. */
    static final int DUE_PER_RUN = 500;

    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final ArticleWriter writer;
    private final OrganisationRepository organisations;
    private final CurrentUser user;
    private final ETags caching;
    private final ObjectMapper mapper;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Validator validator;

    EditorialService(ArticleRepository articles, ArticleService articleService, ArticleWriter writer,
            OrganisationRepository organisations, CurrentUser user, ETags caching, ObjectMapper mapper,
            EntityManager entityManager, Clock clock, Validator validator) {
        this.articles = articles;
        this.articleService = articleService;
        this.writer = writer;
        this.organisations = organisations;
        this.user = user;
        this.caching = caching;
        this.mapper = mapper;
        this.entityManager = entityManager;
        this.clock = clock;
        this.validator = validator;
    }

    @Transactional
    public Written create(ArticleInput input) {
        uniqueSource(input.sourceUrl(), null);
        return written(writer.create(newArticle(input, unit(input.organisation()), null), user, RevisionAction.CREATED));
    }

    @Transactional
    public Written replace(long id, String ifMatch, ArticleInput input) {
        Article article = current(id, ifMatch);
        uniqueSource(input.sourceUrl(), article.id);
        return written(writer.update(article, newArticle(input, unit(input.organisation()), article), user, RevisionAction.UPDATED));
    }

    /** RFC 7396: the patch's members replace the article's, null removes an optional one. */
    @Transactional
    public Written patch(long id, String ifMatch, String body) {
        Article article = current(id, ifMatch);
        ArticleInput input = merged(ArticleInput.of(article), body);
        uniqueSource(input.sourceUrl(), article.id);
        return written(writer.update(article, newArticle(input, unit(input.organisation()), article), user, RevisionAction.UPDATED));
    }

    @Transactional
    public Written publish(long id, String ifMatch) {
        Article article = current(id, ifMatch);
        Instant publishedAt = article.publishedAt != null ? article.publishedAt : articleService.now();
        return written(writer.changeStatus(article, ArticleStatus.PUBLISHED, publishedAt, user, RevisionAction.PUBLISHED));
    }

    /** Publishes it at a future time; until then every public read behaves as if it did not exist. */
    @Transactional
    public Written schedule(long id, String ifMatch, Instant publishAt) {
        if (publishAt == null || !publishAt.isAfter(clock.instant())) {
            throw new InvalidBodyException("/publishAt", "phải là một thời điểm trong tương lai");
        }
        Article article = current(id, ifMatch);
        return written(writer.changeStatus(article, ArticleStatus.SCHEDULED, publishAt.truncatedTo(ChronoUnit.MICROS), user,
                RevisionAction.SCHEDULED));
    }

    /**
     * Publishes scheduled articles whose time has come; returns how many. Rows another transaction holds (an editor
     * changing one, another instance's scheduler) are skipped, and picked up by a later run if still due.
     */
    @Transactional
    public int publishDue() {
        List<?> due = entityManager.createNativeQuery("""
                select id from article where status = 'scheduled' and published_at <= :now
                 order by published_at, id limit :max for update skip locked
                """)
                .setParameter("now", clock.instant()).setParameter("max", DUE_PER_RUN).getResultList();
        for (Object id : due) {
            Article article = entityManager.find(Article.class, ((Number) id).longValue());
            writer.changeStatus(article, ArticleStatus.PUBLISHED, article.publishedAt, SCHEDULER, RevisionAction.PUBLISHED);
        }
        return due.size();
    }

    /**
     * Gives an article that needs review its unit, as a draft or, with {@code publish}, published (at the time the text
     * gives, else now).
     */
    @Transactional
    public Written place(long id, String ifMatch, Organisation unit, boolean publish) {
        Article article = current(id, ifMatch);
        if (article.status != ArticleStatus.NEEDS_REVIEW) {
            throw new vn.tincoso.web.ConflictException("", "Bài này không chờ xác định đơn vị.");
        }
        ArticleStatus status = publish ? ArticleStatus.PUBLISHED : ArticleStatus.DRAFT;
        NewArticle placed = NewArticle.builder().title(article.title).summary(article.summary).body(article.body)
                .captions(article.captions).section(article.section).byline(article.byline)
                .sourceUrl(article.sourceUrl).sourceHash(article.sourceHash).viewCount(article.viewCount).organisation(unit.slug).organisingBody(article.organisingBody)
                .publishedAt(publish && article.publishedAt == null ? articleService.now() : article.publishedAt)
                .status(status).directives(article.directives.stream()
                        .map(directive -> new NewArticle.DirectiveMention(directive.parsedCode(), directive.issuedOn, directive.title)).toList())
                .build();
        return written(writer.update(article, placed, user, RevisionAction.PLACED));
    }

    @Transactional
    public Written unpublish(long id, String ifMatch) {
        Article article = current(id, ifMatch);
        return written(writer.changeStatus(article, ArticleStatus.DRAFT, article.publishedAt, user, RevisionAction.UNPUBLISHED));
    }

    @Transactional
    public void delete(long id, String ifMatch) {
        writer.delete(current(id, ifMatch), user);
    }

    /** The article whatever its status, for someone who may write it. */
    @Transactional
    public Written read(long id) {
        return written(writable(articles.findByIdOptional(id), id));
    }

    /**
     * Its history, oldest first: to those who may write it, and for a deleted article to admins. An article older
     * than revisions has an empty history, not none.
     */
    @Transactional
    public List<RevisionView> revisions(long id) {
        Optional<Article> existing = articles.findByIdOptional(id);
        existing.ifPresent(article -> writable(existing, id));
        List<Revision> history = entityManager.createQuery("select r from Revision r where r.articleId = :id order by r.id", Revision.class)
                .setParameter("id", id).getResultList();
        if (existing.isEmpty() && (history.isEmpty() || !user.isAdmin())) {
            throw notFound(id);
        }
        return history.stream().map(RevisionView::of).toList();
    }

    /** One article per source page (article_source_url): another's page is a 409 naming the field, not a race to retry. */
    private void uniqueSource(String sourceUrl, Long self) {
        if (sourceUrl != null && articles.findBySourceUrl(sourceUrl, jakarta.persistence.LockModeType.NONE)
                .filter(other -> !other.id.equals(self)).isPresent()) {
            throw new vn.tincoso.web.ConflictException("/sourceUrl", "Đã có một bài khác với địa chỉ nguồn này.");
        }
    }

    private boolean deleted(long id) {
        return !entityManager.createQuery("select r.id from Revision r where r.articleId = :id and r.action = 'deleted'")
                .setParameter("id", id).setMaxResults(1).getResultList().isEmpty();
    }

    /** The article, if the user may write it; 404 as for a missing one when they may not even see it. */
    private Article writable(Optional<Article> found, long id) {
        Article article = found.orElseThrow(() -> notFound(id));
        if (!writer.mayWrite(user, article)) {
            if (article.status != ArticleStatus.PUBLISHED) {
                throw notFound(id);
            }
            throw new ForbiddenException();
        }
        return article;
    }

    private static ResourceNotFoundException notFound(long id) {
        return new ResourceNotFoundException("Không có bài viết " + id + ".");
    }

    /** The article, its row locked, if the user may write it and the client's If-Match is its current ETag. */
    private Article current(long id, String ifMatch) {
        Optional<Article> found = writer.lockedById(id);
        if (found.isEmpty() && ifMatch != null && !ifMatch.isBlank() && deleted(id)) {
            // A concurrent writer deleted it: the client's If-Match no longer holds, as for any other change.
            throw new Precondition(ProblemType.PRECONDITION_FAILED, "Bài đã bị xóa từ khi bạn đọc nó.");
        }
        Article article = writable(found, id);
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

    /** The article as it would be with the merge patch applied, validated like a whole PUT body. */
    private ArticleInput merged(ArticleInput current, String body) {
        JsonNode patch;
        try {
            patch = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        if (patch == null || !patch.isObject()) {
            throw new InvalidBodyException("", "phải là một đối tượng JSON Merge Patch");
        }
        ObjectNode merged = mapper.valueToTree(current);
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
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return input;
    }

    private static InvalidBodyException unreadable(JsonProcessingException e) {
        Problem.FieldError error = JsonErrors.of(e);
        return new InvalidBodyException(error.field(), error.message());
    }

    private Organisation unit(String slug) {
        return organisations.findBySlug(slug)
                .orElseThrow(() -> new InvalidBodyException("/organisation", "không có đơn vị '" + slug + "'"));
    }

    private static NewArticle newArticle(ArticleInput input, Organisation unit, Article existing) {
        List<NewArticle.DirectiveMention> mentions = new ArrayList<>();
        List<String> codes = input.directives() == null ? List.of() : input.directives();
        for (int i = 0; i < codes.size(); i++) {
            String spelling = codes.get(i);
            int position = i;
            DirectiveCode code = DirectiveCode.parse(spelling).orElseThrow(() ->
                    new InvalidBodyException(JsonErrors.pointer("directives", position), "'" + spelling + "' không phải mã văn bản"));
            if (mentions.stream().noneMatch(mention -> mention.code().equals(code))) {
                mentions.add(new NewArticle.DirectiveMention(code, null, null));
            }
        }
        return NewArticle.builder().title(input.title()).summary(input.summary()).body(input.body()).captions(input.captions())
                .section(input.section()).byline(input.byline()).directives(mentions)
                .organisation(unit.slug)
                .organisingBody(input.organisingBody() != null ? input.organisingBody() : existing == null ? null : existing.organisingBody)
                .sourceUrl(input.sourceUrl()).sourceHash(existing == null ? null : existing.sourceHash)
                .publishedAt(existing == null ? null : existing.publishedAt)
                .viewCount(existing == null ? 0 : existing.viewCount)
                .status(existing == null ? ArticleStatus.DRAFT : existing.status).build();
    }

    private Written written(Article article) {
        ArticleView view = articleService.view(article);
        return new Written(view, caching.ofJson(view));
    }

    /** 428 without If-Match, 412 with a stale one. */
    static final class Precondition extends ApiException {
        Precondition(ProblemType type, String detail) {
            super(type, detail, "If-Match", detail);
        }
    }
}

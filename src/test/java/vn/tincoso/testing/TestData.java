package vn.tincoso.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import vn.tincoso.articles.Article;
import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.articles.ArticleWriter;
import vn.tincoso.articles.NewArticle;
import vn.tincoso.articles.OrganisingBody;
import vn.tincoso.articles.RevisionAction;
import vn.tincoso.articles.Actor;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Gazetteer;
import vn.tincoso.organisations.Level;
import vn.tincoso.organisations.OrganisationService;

/**
 * Builds the rows a test reads, through the application's own services. All test classes share one
 * application and one database per run; each class starts from {@link #reset()}.
 */
@ApplicationScoped
public class TestData {

    /** The actor of the revisions test data leaves. */
    static final Actor TEST = Actor.system("kiem-thu");

    @Inject
    EntityManager entityManager;

    @Inject
    ArticleWriter writer;

    @Inject
    OrganisationService organisations;

    /**
     * Runs a test class's set-up (JUnit's @BeforeAll, which Quarkus runs outside any request) in a request
     * context: every database session needs one, to choose its datasource (database.ReadRouting).
     */
    @ActivateRequestContext
    public void setUp(Runnable steps) {
        steps.run();
    }

    /** As {@link #setUp}, for a step with a result. */
    @ActivateRequestContext
    public <T> T call(java.util.function.Supplier<T> step) {
        return step.get();
    }

    @Inject
    jakarta.enterprise.event.Event<vn.tincoso.organisations.TreeChanged> treeChanged;

    @Inject
    Gazetteer gazetteer;

    /** The usual start of a test: no article, no directive, and the small tree of {@link #standardTree()}. */
    public void startWithStandardTree() {
        reset();
        standardTree();
    }

    /** A start for tests that place units by name: no article, and the whole national gazetteer. */
    public void startWithGazetteer() {
        reset();
        gazetteer.load();
    }

    @Inject
    vn.tincoso.search.SearchIndex searchIndex;

    /** Empties the tables; a truncate leaves no change in the change stream, so the search index is built again. */
    public void reset() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("truncate article_directive, article, directive, organisation, article_revision, article_tombstone,"
                    + " webhook, webhook_event restart identity cascade")
                    .executeUpdate();
            treeChanged.fire(new vn.tincoso.organisations.TreeChanged());
        });
        searchIndex.rebuild();
    }

    /** The number a counting query gives (for assertions on what is stored). */
    @Transactional
    public long count(String sql) {
        return ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** An editor's change: a new title, and the article's updated time moves on. */
    @Transactional
    public void retitle(long articleId, String title) {
        Article article = entityManager.find(Article.class, articleId);
        article.title = title;
        article.updatedAt = article.updatedAt.plusSeconds(1);
        // Not through the writer, which renders the card: dropped, as a rename of its unit drops it.
        article.card = null;
    }

    /** A statement the application would never run, to put rows into a state a test needs. */
    @Transactional
    public int execute(String sql) {
        return entityManager.createNativeQuery(sql).executeUpdate();
    }

    /** The article now belongs to another unit (an editor's correction). */
    @Transactional
    public void move(long articleId, String organisationSlug) {
        Article article = entityManager.find(Article.class, articleId);
        article.organisation = entityManager.createQuery("select o from Organisation o where o.slug = :slug", vn.tincoso.organisations.Organisation.class)
                .setParameter("slug", organisationSlug).getSingleResult();
        article.card = null;
    }

    @Transactional
    public void setStatus(long articleId, ArticleStatus status) {
        Article article = entityManager.find(Article.class, articleId);
        article.status = status;
        article.card = null;
    }

    @Transactional
    public void delete(long articleId) {
        entityManager.remove(entityManager.find(Article.class, articleId));
    }

    /** Hà Nội with two districts and three wards, and a second city; the tree most tests read. */
    public void standardTree() {
        organisation("thanh-pho-ha-noi", "Thành phố Hà Nội", Level.CITY, null);
        organisation("quan-hai-ba-trung", "Quận Hai Bà Trưng", Level.DISTRICT, "thanh-pho-ha-noi");
        organisation("phuong-bach-khoa", "Phường Bách Khoa", Level.WARD, "quan-hai-ba-trung");
        organisation("phuong-bach-dang", "Phường Bạch Đằng", Level.WARD, "quan-hai-ba-trung");
        organisation("quan-nam-tu-liem", "Quận Nam Từ Liêm", Level.DISTRICT, "thanh-pho-ha-noi");
        organisation("phuong-my-dinh-1", "Phường Mỹ Đình 1", Level.WARD, "quan-nam-tu-liem");
        organisation("to-dan-pho-so-7", "Tổ dân phố số 7", Level.GROUP, "phuong-my-dinh-1");
        organisation("thanh-pho-hai-phong", "Thành phố Hải Phòng", Level.CITY, null);
        organisation("quan-ngo-quyen", "Quận Ngô Quyền", Level.DISTRICT, "thanh-pho-hai-phong");
    }

    public void organisation(String slug, String name, Level level, String parent) {
        organisations.register(slug, name, level, parent);
    }

    public ArticleBuilder article(String title) {
        return new ArticleBuilder(title);
    }

    /** An article with sensible defaults: published now-ish, one paragraph, no directive. */
    public class ArticleBuilder {
        private final String title;
        private String organisation = "phuong-bach-khoa";
        private List<String> body = List.of("Nội dung bài viết.");
        private Instant publishedAt = Instant.parse("2024-06-01T03:00:00Z");
        private ArticleStatus status = ArticleStatus.PUBLISHED;
        private final List<NewArticle.DirectiveMention> directives = new ArrayList<>();
        private String byline;
        private int viewCount;
        private List<Article.Caption> captions = List.of();
        private OrganisingBody organisingBody;

        ArticleBuilder(String title) {
            this.title = title;
        }

        public ArticleBuilder org(String slug) {
            this.organisation = slug;
            return this;
        }

        public ArticleBuilder body(String... paragraphs) {
            this.body = List.of(paragraphs);
            return this;
        }

        /** Local time in Hà Nội, as portals print it. */
        public ArticleBuilder publishedAt(String localDateTime) {
            this.publishedAt = LocalDateTime.parse(localDateTime).atZone(VietnamTime.ZONE).toInstant();
            return this;
        }

        public ArticleBuilder publishedAt(Instant instant) {
            this.publishedAt = instant;
            return this;
        }

        public ArticleBuilder draft() {
            this.status = ArticleStatus.DRAFT;
            return this;
        }

        public ArticleBuilder directive(String code) {
            directives.add(new NewArticle.DirectiveMention(DirectiveCode.parse(code).orElseThrow(), null, null));
            return this;
        }

        public ArticleBuilder caption(int after, String text) {
            this.captions = List.of(new Article.Caption(after, text));
            return this;
        }

        public ArticleBuilder heldBy(OrganisingBody body) {
            this.organisingBody = body;
            return this;
        }

        public ArticleBuilder byline(String byline) {
            this.byline = byline;
            return this;
        }

        public ArticleBuilder views(int viewCount) {
            this.viewCount = viewCount;
            return this;
        }

        /** Stored as any write is, through the article writer, with a revision by the test. */
        public Article save() {
            NewArticle input = NewArticle.builder().title(title).body(body).captions(captions).publishedAt(publishedAt)
                    .byline(byline).viewCount(viewCount).status(status).organisation(organisation).organisingBody(organisingBody).directives(directives).build();
            return QuarkusTransaction.joiningExisting().call(() -> writer.create(input, TEST, RevisionAction.CREATED));
        }
    }
}

package vn.tincoso.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import vn.tincoso.articles.ArticleRepository;
import vn.tincoso.articles.ArticleService;
import vn.tincoso.articles.ArticleStatus;
import vn.tincoso.articles.NewArticle;
import vn.tincoso.config.TincosoConfig;
import vn.tincoso.config.VietnamTime;
import vn.tincoso.directives.DirectiveCode;
import vn.tincoso.organisations.Level;
import vn.tincoso.organisations.OrganisationService;

/**
 * The sample articles of the three portals, tagged, loaded at start-up into a database that has no
 * article yet (when tincoso.demo-content.enabled, as in dev). A structured fixture until raw-text
 * import exists.
 */
@ApplicationScoped
public class DemoContent {

    static final String FIXTURE = "demo/demo-content.json";
    private static final Logger LOG = Logger.getLogger(DemoContent.class);

    record Fixture(List<OrganisationEntry> organisations, List<ArticleEntry> articles) {
    }

    record OrganisationEntry(String slug, String name, String level, String parent) {
    }

    /** publishedAt is the portal's local time in Hà Nội, as printed. */
    record ArticleEntry(String title, List<String> body, String section, LocalDateTime publishedAt, String byline,
            int viewCount, String organisation, List<DirectiveEntry> directives) {
    }

    record DirectiveEntry(String code, LocalDate issuedOn, String title) {
    }

    private final TincosoConfig config;
    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final OrganisationService organisationService;
    private final ObjectMapper mapper;

    DemoContent(TincosoConfig config, ArticleRepository articles, ArticleService articleService,
            OrganisationService organisationService, ObjectMapper mapper) {
        this.config = config;
        this.articles = articles;
        this.articleService = articleService;
        this.organisationService = organisationService;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.demoContent().enabled()) {
            loadIntoEmptyDatabase();
        }
    }

    /** Loads the fixture unless some article exists; returns how many articles it stored. */
    @Transactional
    public int loadIntoEmptyDatabase() {
        if (articles.count() > 0) {
            return 0;
        }
        Fixture fixture = read();
        fixture.organisations().forEach(entry -> organisationService.register(entry.slug(), entry.name(),
                Level.fromCode(entry.level()).orElseThrow(), entry.parent()));
        fixture.articles().forEach(entry -> articleService.store(toNewArticle(entry)));
        LOG.infof("Loaded %d demo articles", fixture.articles().size());
        return fixture.articles().size();
    }

    private static NewArticle toNewArticle(ArticleEntry entry) {
        List<NewArticle.DirectiveMention> mentions = entry.directives().stream()
                .map(directive -> new NewArticle.DirectiveMention(DirectiveCode.parse(directive.code()).orElseThrow(),
                        directive.issuedOn(), directive.title()))
                .toList();
        return new NewArticle(null, entry.title(), null, entry.body(), entry.section(),
                entry.publishedAt().atZone(VietnamTime.ZONE).toInstant(), entry.byline(), null, entry.viewCount(),
                ArticleStatus.PUBLISHED, entry.organisation(), mentions);
    }

    private Fixture read() {
        try (InputStream json = Thread.currentThread().getContextClassLoader().getResourceAsStream(FIXTURE)) {
            if (json == null) {
                throw new IllegalStateException(FIXTURE + " is missing from the classpath");
            }
            return mapper.readValue(json, Fixture.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
